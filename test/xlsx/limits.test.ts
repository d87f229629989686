/** Size limits before parsing, and names far larger than the rows they hold (src/xlsx/limits.ts, src/xlsx/read.ts). */
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { SIZE_LIMITS, sizeProblem } from "../../src/xlsx/limits";
import { loadWorkbook, readWorkbookSnapshot, snapshotWorkbook } from "../../src/xlsx/read";
import { run } from "../support/runner";
import { sampleBook, tempDir, workbookBuffer, writeWorkbook } from "../support/workbook";

const SAMPLE = path.join(__dirname, "..", "..", "samples", "sdira-sample.xlsx");

test("the sample is far inside the limits; a tiny limit names the part that breaks it", async () => {
  const data = fs.readFileSync(SAMPLE);
  expect(await sizeProblem(data)).toBeNull();
  expect(await sizeProblem(data, { partBytes: 5000, totalBytes: SIZE_LIMITS.totalBytes })).toMatch(/^the part xl\/worksheets\/sheet\d+\.xml unpacks to 0 MB, above the 0 MB a part may have/);
  expect(await sizeProblem(data, { partBytes: SIZE_LIMITS.partBytes, totalBytes: 10_000 })).toMatch(/^the workbook unpacks to 0 MB, above the 0 MB limit$/);
});

test("a workbook with a 210 MB junk part is refused before parsing, exit 2, nothing written", async () => {
  const zip = await JSZip.loadAsync(await workbookBuffer(sampleBook()));
  zip.file("xl/media/junk.bin", "x".repeat(210 * 1024 * 1024));
  const dir = tempDir("limits-");
  const file = path.join(dir, "junk.xlsx");
  fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  expect(fs.statSync(file).size).toBeLessThan(2 * 1024 * 1024);
  const out = path.join(dir, "out.xlsx");
  const r = await run([file, "--out", out]);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe(
    `${file} is too large to read: the part xl/media/junk.bin unpacks to 210 MB, above the 200 MB a part may have; delete what the contract does not need (a sheet of unused rows, a large pasted block) and save again\n`,
  );
  expect(fs.existsSync(out)).toBe(false);
  fs.rmSync(dir, { recursive: true, force: true });
}, 60_000);

test("a Holdings name over whole-sheet rows (A1:J1048576) reads only the rows in use", async () => {
  const book = sampleBook({ names: { Holdings: "Holdings!$A$1:$J$1048576", Targets: { table: "Targets" }, Policy: { table: "Policy" } } });
  const data = await workbookBuffer(book);
  const snapshot = await readWorkbookSnapshot(data);
  expect(snapshot.ranges["holdings"].values).toHaveLength(book.sheets.Holdings.length);
  const dir = tempDir("limits-");
  const r = await run([await writeWorkbook(path.join(dir, "tall.xlsx"), book), "--json"]);
  expect(r.code).toBe(0);
  fs.rmSync(dir, { recursive: true, force: true });
});

test("a read that writes nothing parses only the contract's sheets; --out keeps every sheet", async () => {
  // A 30,000-row sheet outside every range (about 2 MB of XML).
  const book = sampleBook();
  book.sheets.Junk = Array.from({ length: 30_000 }, (_, i) => [`row ${i}`, i, i * 2]);
  const data = await workbookBuffer(book);
  const readOnly = await loadWorkbook(data, true);
  expect(readOnly.getWorksheet("Junk")!.actualRowCount).toBe(0);
  expect(readOnly.getWorksheet("Holdings")!.actualRowCount).toBe(4);
  const full = await loadWorkbook(data);
  expect(full.getWorksheet("Junk")!.actualRowCount).toBe(30_000);
  expect(await readWorkbookSnapshot(data)).toEqual(await snapshotWorkbook(full, data));

  const dir = tempDir("limits-");
  const file = await writeWorkbook(path.join(dir, "junk-sheet.xlsx"), book);
  const json = await run([file, "--json"]);
  expect(json.code).toBe(0);
  const out = path.join(dir, "junk-out.xlsx");
  const written = await run([file, "--json", "--out", out]);
  expect(written.code).toBe(0);
  expect(JSON.parse(written.stdout)).toEqual(JSON.parse(json.stdout));
  const back = await loadWorkbook(fs.readFileSync(out));
  expect(back.getWorksheet("Junk")!.actualRowCount).toBe(30_000);
  expect(back.getWorksheet("Junk")!.getCell("A30000").value).toBe("row 29999");
  fs.rmSync(dir, { recursive: true, force: true });
}, 60_000);

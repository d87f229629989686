/** The runner's --out (exceljs adapter): the log grows by one row per run, the ownership rule holds, re-runs replace. */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { sampleBook, setCell, tempDir, writeWorkbook } from "../support/workbook";
import { NOW } from "../excel/support/pipeline";

const dir = tempDir("runner-out-");

async function run(argv: string[], now = NOW) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), now: () => now });
  return { code, stdout, stderr };
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

const rowValues = (ws: ExcelJS.Worksheet, r: number) => JSON.stringify(ws.getRow(r).values);
const tableRange = (ws: ExcelJS.Worksheet, name: string) => (ws.getTable(name) as unknown as { model: { tableRef: string } }).model.tableRef;

describe("rebalance --out", () => {
  test("running twice on the output gives two log rows; the first row and the advisor's note stay as they were", async () => {
    const src = await writeWorkbook(path.join(dir, "book.xlsx"), sampleBook());
    const once = path.join(dir, "once.xlsx");
    expect((await run([src, "--out", once])).code).toBe(0);
    // The advisor writes a note into the first log row.
    const edited = await load(once);
    edited.getWorksheet("Rebalance Log")!.getCell("L2").value = "sent to custodian";
    const noted = path.join(dir, "noted.xlsx");
    await edited.xlsx.writeFile(noted);
    const firstRow = rowValues((await load(noted)).getWorksheet("Rebalance Log")!, 2);

    const twice = path.join(dir, "twice.xlsx");
    const r = await run([noted, "--out", twice], new Date(NOW.getTime() + 86_400_000));
    expect(r.code).toBe(0);
    const wb = await load(twice);
    const log = wb.getWorksheet("Rebalance Log")!;
    expect(tableRange(log, "RebalanceLog")).toBe("A1:L3");
    expect(rowValues(log, 2)).toBe(firstRow);
    expect(log.getCell("L2").value).toBe("sent to custodian");
    expect((log.getCell("A3").value as Date).getTime()).toBeGreaterThan((log.getCell("A2").value as Date).getTime());
    expect(log.getCell("A4").value).toBeNull();
    // One Rebalance sheet for the As Of date, replaced; one drift block, its conditional formats not doubled.
    expect(wb.worksheets.map((w) => w.name).filter((n) => n.startsWith("Rebalance 2026"))).toEqual(["Rebalance 2026-11-20"]);
    const targets = wb.getWorksheet("Targets")! as unknown as { conditionalFormattings: unknown[] };
    expect(targets.conditionalFormattings).toHaveLength(4);
  });

  test("a value where the drift columns go: exit 2, the cell named, no file written", async () => {
    const book = sampleBook({ names: { Holdings: { table: "Holdings" }, Targets: "Targets!$A$1:$D$4", Policy: { table: "Policy" } } });
    setCell(book, "Targets!H2", "keep me");
    const src = await writeWorkbook(path.join(dir, "owned.xlsx"), book);
    const out = path.join(dir, "owned-out.xlsx");
    const r = await run([src, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Targets!H2: .*"keep me"/);
    expect(fs.existsSync(out)).toBe(false);
  });

  test("another As Of date adds a second Rebalance sheet with its own trades table", async () => {
    const src = await writeWorkbook(path.join(dir, "dates.xlsx"), sampleBook());
    const first = path.join(dir, "dates-1.xlsx");
    expect((await run([src, "--out", first])).code).toBe(0);
    const wb = await load(first);
    wb.getWorksheet("Policy")!.getCell("B2").value = new Date("2026-12-31T00:00:00Z");
    const changed = path.join(dir, "dates-changed.xlsx");
    await wb.xlsx.writeFile(changed);
    const second = path.join(dir, "dates-2.xlsx");
    const r = await run([changed, "--out", second]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = await load(second);
    expect(out.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["Rebalance 2026-11-20", "Rebalance 2026-12-31"]));
    expect(out.getWorksheet("Rebalance 2026-11-20")!.getTable("Trades_20261120")).toBeDefined();
    expect(out.getWorksheet("Rebalance 2026-12-31")!.getTable("Trades_20261231")).toBeDefined();
    expect(tableRange(out.getWorksheet("Rebalance Log")!, "RebalanceLog")).toBe("A1:L3");
    // The Drift History: a row per class for each of the two rebalances; beside it, drift by date for both dates.
    const history = out.getWorksheet("Drift History")!;
    const classes = (out.getWorksheet("Targets")!.actualRowCount - 1);
    expect(tableRange(history, "DriftHistory")).toBe(`A1:J${1 + 2 * classes}`);
    expect(history.getCell("L1").value).toBe("As Of");
    expect([history.getCell("L2").value, history.getCell("L3").value].map((d) => (d as Date).toISOString().slice(0, 10))).toEqual(["2026-11-20", "2026-12-31"]);
    expect(history.getCell("L4").value).toBeNull();
  });
});

test("a formula whose cached result is 0 reads as 0, not as a blank cell", async () => {
  const { readWorkbookSnapshot } = await import("../../src/xlsx/read");
  const { sampleBook, setCell, workbookBuffer } = await import("../support/workbook");
  const book = sampleBook();
  setCell(book, "Holdings!D3", { formula: "10-10", result: 0 });
  const snapshot = await readWorkbookSnapshot(await workbookBuffer(book));
  expect(snapshot.ranges["holdings"].values[2][3]).toBe(0);
});

/**
 * --out keeps every defined name of the advisor's as the file had it (src/xlsx/names.ts): constants,
 * #REF! names, formula names, print areas with their $, whole-row references, and sheet-scoped names
 * with their scope, even when the Rebalance sheet moves. Only the add-in's own name is added.
 */
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { run } from "../support/runner";
import { BookSpec, sampleBook, tempDir, writeWorkbook } from "../support/workbook";

/** Every defined name of a file: name, scope (sheet name or null) and text, as in xl/workbook.xml. */
async function names(file: string): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(fs.readFileSync(file))).file("xl/workbook.xml")!.async("string");
  const sheets = [...xml.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => m[1]);
  return [...xml.matchAll(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g)]
    .map((m) => {
      const local = /\blocalSheetId="(\d+)"/.exec(m[1]);
      const name = /\bname="([^"]*)"/.exec(m[1])![1];
      return `${name} @${local ? sheets[Number(local[1])] : "workbook"} = ${m[2]}`;
    })
    .sort();
}

function advisorsBook(): BookSpec {
  const book = sampleBook();
  book.sheets.Notes = [["Tax rate", 0.24], ["Model", "60/40"]];
  book.sheets.Positions = [["Symbol", "Qty"], ["VTI", 120], ["BND", 300]];
  book.names = [
    { name: "Holdings", table: "Holdings" },
    { name: "Targets", table: "Targets" },
    { name: "Policy", table: "Policy" },
    { name: "TaxRate", ref: "0.24" },
    { name: "OldLink", ref: "#REF!" },
    { name: "LastPrice", ref: "OFFSET(Positions!$B$2,COUNTA(Positions!$B:$B)-2,0)" },
    { name: "_xlnm.Print_Area", ref: "Notes!$A$1:$B$2", scope: "Notes" },
    { name: "ModelRows", ref: "Notes!$1:$2" },
    { name: "Basket", ref: "Positions!$A$1:$B$3", scope: "Positions" },
    { name: "Basket", ref: "Notes!$A$1:$A$2", scope: "Notes" },
  ];
  return book;
}

test("every name, with its scope and its text, survives --out, and so does a second --out", async () => {
  const dir = tempDir("names-");
  const file = await writeWorkbook(path.join(dir, "book.xlsx"), advisorsBook());
  const before = await names(file);
  const once = path.join(dir, "once.xlsx");
  const first = await run([file, "--out", once]);
  expect(first.code).toBe(0);
  const after = await names(once);
  const own = (n: string) => n.startsWith("RebalDriftColumns ") || n.startsWith("DriftHistoryChart ");
  expect(after.filter((n) => !own(n))).toEqual(before);
  // The drift-by-date block beside the Drift History table: a header and one date, four classes.
  expect(after.filter((n) => n.startsWith("DriftHistoryChart "))).toEqual(["DriftHistoryChart @workbook = &apos;Drift History&apos;!$L$1:$O$2"]);
  expect(after.filter((n) => n.startsWith("RebalDriftColumns "))).toEqual(["RebalDriftColumns @workbook = Targets!$E$1:$K$4"]);

  // Again on its own output: the Rebalance sheet is replaced (it moves to the end), the scopes follow their sheets.
  const twice = path.join(dir, "twice.xlsx");
  expect((await run([once, "--out", twice])).code).toBe(0);
  expect(await names(twice)).toEqual(after);
  fs.rmSync(dir, { recursive: true, force: true });
});

test("the advisor's own sheet keeps values, formulas, styles, number formats, validations, widths and frozen panes", async () => {
  const ExcelJS = (await import("exceljs")).default;
  const dir = tempDir("keep-");
  const source = await writeWorkbook(path.join(dir, "plain.xlsx"), sampleBook());
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(source);
  const ws = wb.addWorksheet("Client Notes");
  ws.getCell("A1").value = "Review with client";
  ws.getCell("A1").font = { bold: true, color: { argb: "FF1F4E78" } };
  ws.getCell("B2").value = 1234.5;
  ws.getCell("B2").numFmt = '"$"#,##0.00';
  ws.getCell("B3").value = { formula: "B2*2", result: 2469 };
  ws.getCell("C2").value = "Yes";
  ws.getCell("C2").dataValidation = { type: "list", allowBlank: true, formulae: ['"Yes,No"'] };
  ws.getColumn(1).width = 31;
  ws.views = [{ state: "frozen", ySplit: 1 }];
  const file = path.join(dir, "book.xlsx");
  await wb.xlsx.writeFile(file);

  const out = path.join(dir, "out.xlsx");
  expect((await run([file, "--out", out])).code).toBe(0);
  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(out);
  const s = back.getWorksheet("Client Notes")!;
  expect(s.getCell("A1").value).toBe("Review with client");
  expect(s.getCell("A1").font).toMatchObject({ bold: true, color: { argb: "FF1F4E78" } });
  expect([s.getCell("B2").value, s.getCell("B2").numFmt]).toEqual([1234.5, '"$"#,##0.00']);
  expect(s.getCell("B3").value).toMatchObject({ formula: "B2*2" });
  expect(s.getCell("C2").dataValidation).toMatchObject({ type: "list", formulae: ['"Yes,No"'] });
  expect(s.getColumn(1).width).toBe(31);
  expect(s.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  fs.rmSync(dir, { recursive: true, force: true });
});

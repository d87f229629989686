/** The Backtest tab's Excel side (src/excel/backtest.ts) on the stand-in Excel: read the ranges, write the sheet, refuse an advisor's sheet. */
import fs from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { readContractSnapshot } from "../../src/excel/read";
import { writeBacktestWithContext } from "../../src/excel/backtest";
import { backtestWorkbook } from "../../src/backtest/run";
import { readWorkbookSnapshot } from "../../src/xlsx/read";
import { Workbook } from "./support/fake-excel";
import { fakeFromXlsx } from "./support/books";

const ctx = (wb: Workbook) => wb.context() as unknown as Excel.RequestContext;
const SAMPLE = path.join(__dirname, "..", "..", "samples", "backtest-sdira-annual.xlsx");

test("the ranges read inside Excel backtest exactly as the file does, and the Backtest sheet is written from that read", async () => {
  const data = fs.readFileSync(SAMPLE);
  const wb = await fakeFromXlsx(data);
  const { snapshot } = await readContractSnapshot(ctx(wb));
  const inExcel = backtestWorkbook(snapshot);
  const fromFile = backtestWorkbook(await readWorkbookSnapshot(data));
  if (!inExcel.ok || !fromFile.ok) throw new Error("the sample should backtest");
  expect(inExcel.results.map((r) => r.metrics)).toEqual(fromFile.results.map((r) => r.metrics));

  const written = await writeBacktestWithContext(ctx(wb), inExcel.input, inExcel.results, snapshot);
  expect(written).toEqual({ ok: true, sheet: "Backtest", syncs: 2 });
  expect(wb.tables.find((t) => t.name === "BacktestMetrics")?.sheet.name).toBe("Backtest");
  // Again over its own sheet: replaced, not refused.
  expect((await writeBacktestWithContext(ctx(wb), inExcel.input, inExcel.results, snapshot)).ok).toBe(true);
});

test("a Backtest sheet that holds one of the advisor's ranges is a problem with its cell, and nothing is written", async () => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(fs.readFileSync(SAMPLE) as unknown as ArrayBuffer);
  const returns = book.definedNames.model.find((n) => n.name === "Returns")!;
  const sheetName = returns.ranges[0].split("!")[0].replace(/'/g, "");
  book.getWorksheet(sheetName)!.name = "Backtest";
  book.definedNames.model = book.definedNames.model.map((n) => (n.name === "Returns" ? { ...n, ranges: [returns.ranges[0].replace(/^[^!]+/, "Backtest")] } : n));
  const wb = await fakeFromXlsx(Buffer.from(await book.xlsx.writeBuffer()));
  const { snapshot } = await readContractSnapshot(ctx(wb));
  const outcome = backtestWorkbook(snapshot);
  if (!outcome.ok) throw new Error(outcome.errors.map((e) => e.text).join("\n"));
  const before = wb.tables.length;
  const written = await writeBacktestWithContext(ctx(wb), outcome.input, outcome.results, snapshot);
  if (written.ok) throw new Error("should refuse the advisor's sheet");
  expect(written.errors).toHaveLength(1);
  expect(written.errors[0].text).toMatch(/^Backtest: The named range "Returns" is on the sheet "Backtest", which the add-in replaces/);
  expect(wb.tables.length).toBe(before);
});

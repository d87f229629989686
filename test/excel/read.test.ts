/**
 * Reading the contract inside Excel (src/excel/read.ts) against the fake Excel built from the same
 * .xlsx the exceljs reader reads: both must give the identical snapshot, in 2 syncs for a plain book.
 */
import * as fs from "fs";
import * as path from "path";
import { readWorkbookSnapshot } from "../../src/xlsx/read";
import { READ_CELLS_PER_SYNC, isDateFormat, plainCell, readContractSnapshot } from "../../src/excel/read";
import { BookSpec, addRow, sampleBook, workbookBuffer } from "../support/workbook";
import { Context, REQUEST_LIMIT, Workbook } from "./support/fake-excel";
import { fakeFromXlsx } from "./support/books";

const SAMPLE = path.join(__dirname, "..", "..", "samples", "sdira-sample.xlsx");

async function both(data: Buffer) {
  const expected = await readWorkbookSnapshot(data);
  const wb = await fakeFromXlsx(data);
  const got = await readContractSnapshot(wb.context() as unknown as Excel.RequestContext);
  return { expected, got, wb };
}

describe("reading the contract with Office.js", () => {
  test("the committed sample reads into the identical snapshot in 2 syncs", async () => {
    const { expected, got, wb } = await both(fs.readFileSync(SAMPLE));
    expect(got.snapshot).toEqual(expected);
    expect(got.syncs).toBe(2);
    expect(wb.syncs).toHaveLength(2);
    // Dates come back as dates and percents as fractions, exactly as exceljs reads them.
    const holdings = got.snapshot.ranges["holdings"];
    expect(holdings.values.flat().some((v) => v instanceof Date)).toBe(true);
    const targets = got.snapshot.ranges["targets"];
    expect(targets.numberFormats.flat()).toContain("0.00%");
  });

  test("the small sample book reads identically (values, number formats, positions)", async () => {
    const { expected, got } = await both(await workbookBuffer(sampleBook()));
    expect(got.snapshot).toEqual(expected);
    expect(got.syncs).toBe(2);
  });

  test("sheet-scoped names are found (one more sync) and read identically", async () => {
    const book = sampleBook();
    book.names = [
      { name: "Holdings", table: "Holdings", scope: "Holdings" },
      { name: "Targets", table: "Targets", scope: "Targets" },
      { name: "Policy", table: "Policy" },
    ];
    const { expected, got } = await both(await workbookBuffer(book));
    expect(expected.ranges["holdings"]).toBeDefined();
    expect(got.snapshot).toEqual(expected);
    expect(got.syncs).toBe(3);
  });

  test("names that are not one range are reported like the .xlsx reader reports them", async () => {
    const book: BookSpec = sampleBook();
    book.names = {
      Holdings: "#REF!",
      Targets: "Targets!$A$1:$B$2,Targets!$D$1:$E$2",
      Policy: "0.05",
    };
    const { expected, got } = await both(await workbookBuffer(book));
    expect(expected.nameProblems).toHaveLength(3);
    expect(got.snapshot).toEqual(expected);
  });

  test("whole-column names read down to the last used row, like the .xlsx reader", async () => {
    const book = sampleBook();
    book.names = { Holdings: "Holdings!$A:$J", Targets: "Targets!$A:$D", Policy: { table: "Policy" } };
    const { expected, got } = await both(await workbookBuffer(book));
    expect(got.snapshot.ranges["holdings"].values).toHaveLength(4);
    expect(got.snapshot).toEqual(expected);
  });

  test("missing names are left to the contract (no problem, no range)", async () => {
    const book = sampleBook({ policy: null });
    const { expected, got } = await both(await workbookBuffer(book));
    expect(got.snapshot.ranges["policy"]).toBeUndefined();
    expect(got.snapshot).toEqual(expected);
  });

  test("a large Holdings range is read in row slices, each response under 5 MB", async () => {
    const book = sampleBook();
    const rows = 2 * READ_CELLS_PER_SYNC / 10 + 500; // 10 columns: a bit over two slices
    for (let i = 0; i < rows; i++) addRow(book, "Holdings", ["IRA", `S${i}`, i % 2 ? "Stocks" : "Bonds", 1 + (i % 7), 10 + (i % 13), null, null, "Yes", 1, null]);
    const { expected, got, wb } = await both(await workbookBuffer(book));
    expect(got.snapshot).toEqual(expected);
    // Names, then Targets and Policy with the used range of Holdings' sheet, then three slices of Holdings.
    expect(got.syncs).toBe(5);
    for (const s of wb.syncs) expect(s.responseBytes).toBeLessThan(REQUEST_LIMIT);
    expect(Math.max(...wb.syncs.map((s) => s.responseBytes))).toBeGreaterThan(1_000_000);
  });

  test("a name over a million rows with seven used costs what seven rows cost", async () => {
    const book = sampleBook();
    book.names = { Holdings: "Holdings!$A$1:$J$1048576", Targets: "Targets!$A$1:$D$1048576", Policy: { table: "Policy" } };
    const { expected, got, wb } = await both(await workbookBuffer(book));
    expect(got.snapshot).toEqual(expected);
    expect(got.snapshot.ranges["holdings"].values).toHaveLength(4);
    // Names; Policy with the used ranges of the two large names' sheets; their used rows.
    expect(got.syncs).toBe(3);
    expect(wb.syncs.reduce((n, s) => n + s.responseBytes, 0)).toBeLessThan(10_000);
  });

  test("a 1904-system workbook: the same dates, and the snapshot says which system", async () => {
    const { expected, got, wb } = await both(await workbookBuffer({ ...sampleBook(), date1904: true }));
    expect(wb.date1904).toBe(true);
    expect(expected.dateSystem).toBe(1904);
    expect(got.snapshot).toEqual(expected);
    // Policy!B2 holds 44,884 in the 1904 system (2026-11-20), read as the day Excel shows.
    expect(wb.sheet("Policy")!.get(2, 2)!.value).toBe(44884);
    expect(got.snapshot.ranges["policy"].values[1][1]).toEqual(new Date("2026-11-20T00:00:00Z"));
    expect(got.syncs).toBe(2);
  });

  test("merged cells inside a range: both readers see the top-left value above blanks, and say which area", async () => {
    const { expected, got } = await both(await workbookBuffer({ ...sampleBook(), merges: ["Holdings!A2:A4"] }));
    expect(expected.ranges["holdings"].merged).toEqual(["A2:A4"]);
    expect(got.snapshot).toEqual(expected);
    expect(got.snapshot.ranges["holdings"].values.map((r) => r[0])).toEqual(["Account", "IRA", null, null]);
  });

  test("without ExcelApi 1.13 the merged areas are not asked for (the values still read as Excel holds them)", async () => {
    const wb = await fakeFromXlsx(await workbookBuffer({ ...sampleBook(), merges: ["Holdings!A2:A4"] }));
    const office = globalThis as { Office?: unknown };
    const saved = office.Office;
    office.Office = { context: { requirements: { isSetSupported: (set: string, v: string) => set !== "ExcelApi" || Number(v) <= 1.12 } } };
    try {
      const got = await readContractSnapshot(wb.context() as unknown as Excel.RequestContext);
      expect(got.snapshot.ranges["holdings"].merged).toBeUndefined();
      expect(got.snapshot.ranges["holdings"].values.map((r) => r[0])).toEqual(["Account", "IRA", null, null]);
    } finally {
      office.Office = saved;
    }
  });

  /* eslint-disable office-addins/call-sync-after-load, office-addins/call-sync-before-read -- reading too early is the point */
  test("the fake refuses reads before sync, so the counts above are real", async () => {
    const wb = new Workbook();
    wb.addSheet("A");
    const ctx = wb.context() as Context;
    const r = ctx.workbook.worksheets.getItem("A").getRange("A1:B2");
    r.load("values");
    expect(() => r.values).toThrow(/not available/);
    await ctx.sync();
    expect(r.values).toEqual([["", ""], ["", ""]]);
  });
  /* eslint-enable office-addins/call-sync-after-load, office-addins/call-sync-before-read */

  test("date formats and plain cells convert as exceljs does", () => {
    expect(isDateFormat("yyyy-mm-dd")).toBe(true);
    expect(isDateFormat("m/d/yyyy")).toBe(true);
    expect(isDateFormat("0.00%")).toBe(false);
    expect(isDateFormat('"$"#,##0.00')).toBe(false);
    expect(isDateFormat("[Red]0.00")).toBe(false);
    expect(plainCell(46346, "yyyy-mm-dd")).toEqual(new Date("2026-11-20T00:00:00Z"));
    expect(plainCell(44884, "yyyy-mm-dd", 1904)).toEqual(new Date("2026-11-20T00:00:00Z"));
    expect(plainCell(44884, "General", 1904)).toBe(44884);
    expect(plainCell(0.05, "0.00%")).toBe(0.05);
    expect(plainCell("", "General")).toBeNull();
    expect(plainCell("#N/A", "General")).toBe("#N/A");
  });
});

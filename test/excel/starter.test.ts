/**
 * The starter sheets (src/plans/starter.ts) applied by both adapters: in an empty workbook of the
 * stand-in Excel through Office.js (src/excel/starter.ts), and by exceljs as the bytes standalone mode
 * downloads. Each, read back by its own reader, plans exactly as the committed sample does; the two
 * hold the same cells and names; a workbook with a sheet or name in the way is refused, every one listed,
 * nothing written.
 */
import * as fs from "fs";
import * as path from "path";
import { readWorkbookSnapshot } from "../../src/xlsx/read";
import { readContractSnapshot } from "../../src/excel/read";
import { newWorkbookBytes } from "../../src/xlsx/new-workbook";
import { createStarterInExcel } from "../../src/excel/starter";
import { starterPlan } from "../../src/plans/starter";
import { planBook } from "../../src/plans/plan-workbook";
import { WorkbookSnapshot } from "../../src/contract/snapshot";
import { Workbook, install } from "./support/fake-excel";
import { dumpFake, dumpXlsx } from "./support/books";
import { validationLists } from "../support/validation-xml";

const SAMPLE = path.join(__dirname, "..", "..", "samples", "sdira-sample.xlsx");

function planOf(snapshot: WorkbookSnapshot) {
  const book = planBook(snapshot);
  if (!book.ok) throw new Error(book.errors.map((e) => e.text).join("\n"));
  return book.households.map((h) => h.plan);
}

/** A new workbook as Excel opens it: one empty sheet. */
function emptyBook(date1904 = false): Workbook {
  const wb = new Workbook();
  wb.addSheet("Sheet1");
  wb.date1904 = date1904;
  return wb;
}

async function inExcel<T>(wb: Workbook, work: () => Promise<T>): Promise<T> {
  const installed = install(wb);
  try {
    return await work();
  } finally {
    installed.restore();
  }
}

let samplePlan: ReturnType<typeof planOf>;
beforeAll(async () => {
  samplePlan = planOf(await readWorkbookSnapshot(fs.readFileSync(SAMPLE)));
});

test("inside Excel: an empty workbook gets the five sheets and their names, and plans exactly as the sample", async () => {
  const wb = emptyBook();
  const outcome = await inExcel(wb, () => createStarterInExcel());
  expect(outcome).toEqual({ ok: true, sheets: ["Holdings", "Targets", "Policy", "Accounts", "Owners"], names: ["Holdings", "Targets", "Policy", "Accounts", "Owners"] });
  expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1", "Holdings", "Targets", "Policy", "Accounts", "Owners"]);
  expect(Object.fromEntries(wb.names.map((n) => [n.name, n.ref]))).toEqual({
    Holdings: "Holdings!$A$1:$L$16",
    Targets: "Targets!$A$1:$D$6",
    Policy: "Policy!$A$1:$B$18",
    Accounts: "Accounts!$A$1:$F$3",
    Owners: "Owners!$A$1:$D$2",
  });
  expect(wb.active).toBe("Holdings");
  const read = await readContractSnapshot(wb.context() as unknown as Excel.RequestContext);
  expect(planOf(read.snapshot)).toEqual(samplePlan);
});

test("inside Excel: a 1904-system workbook gets its own serials, and still plans as the sample", async () => {
  const wb = emptyBook(true);
  await inExcel(wb, () => createStarterInExcel());
  const read = await readContractSnapshot(wb.context() as unknown as Excel.RequestContext);
  expect(read.snapshot.dateSystem).toBe(1904);
  expect(planOf(read.snapshot)).toEqual(samplePlan);
  // As Of 2026-11-20 is 46346 in the 1900 system, 1,462 less in the 1904 one.
  expect(wb.sheet("Policy")!.cell(2, 2).value).toBe(46346 - 1462);
});

test("inside Excel: a sheet and a name in the way are both named, and nothing is written", async () => {
  const wb = emptyBook();
  wb.addSheet("Targets");
  wb.set("Targets", "A1", "my own targets");
  wb.names.push({ name: "POLICY", ref: "Sheet1!$A$1:$B$3" });
  const before = JSON.stringify(dumpFake(wb));
  const outcome = await inExcel(wb, () => createStarterInExcel());
  expect(outcome.ok).toBe(false);
  if (outcome.ok) return;
  expect(outcome.errors.map((e) => e.text)).toEqual([
    'The workbook already has a sheet "Targets"; the add-in never replaces a sheet of yours: rename or delete it, or start from an empty workbook (nothing was written)',
    'The workbook already has a defined name "Policy"; the add-in never replaces a name of yours: delete or rename it in Formulas > Name Manager (nothing was written)',
  ]);
  expect(JSON.stringify(dumpFake(wb))).toBe(before);
  expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1", "Targets"]);
});

test("standalone: the downloaded bytes read back through the .xlsx reader and plan exactly as the sample", async () => {
  const bytes = Buffer.from(await newWorkbookBytes(starterPlan()));
  const snapshot = await readWorkbookSnapshot(bytes);
  expect(Object.keys(snapshot.ranges).sort()).toEqual(["accounts", "holdings", "owners", "policy", "targets"]);
  expect(planOf(snapshot)).toEqual(samplePlan);
});

test("both adapters write the same cells, formats and names", async () => {
  const wb = new Workbook();
  await inExcel(wb, () => createStarterInExcel());
  const file = await dumpXlsx(Buffer.from(await newWorkbookBytes(starterPlan())));
  expect(dumpFake(wb)).toEqual(file);
});

describe("the starter's drop-downs", () => {
  test("Yes/No, account types and Policy choices refuse other values; Account, Asset Class and Owner offer the rows of Accounts, Targets, Owners and warn — alike in Excel and in the file", async () => {
    const wb = emptyBook();
    await inExcel(wb, () => createStarterInExcel());
    const inExcelLists = Object.fromEntries(wb.sheets.filter((s) => s.validations.length).map((s) => [s.name, Object.fromEntries(s.validations.map((v) => [v.address, `${v.rule!.list.source} (${v.errorAlert!.style})`]))]));
    expect(inExcelLists.Holdings).toEqual({ "A2:A500": "=OFFSET(Accounts,1,0,ROWS(Accounts)-1,1) (Warning)", "D2:D500": "=OFFSET(Targets,1,0,ROWS(Targets)-1,1) (Warning)", "J2:J500": "Yes,No (Stop)" });
    expect(inExcelLists.Accounts).toEqual({ "B2:B50": "Traditional IRA,Roth IRA,SEP IRA,SIMPLE IRA,Solo 401k,Taxable (Stop)", "D2:D50": "=OFFSET(Owners,1,0,ROWS(Owners)-1,1) (Warning)" });
    expect(inExcelLists.Owners).toEqual({ "D2:D20": "Yes,No (Stop)" });
    // Policy: each choice setting's Value cell (Trigger, Frequency, Rebalance To, Strategy, Sell Order, Lot Order, Fractional).
    expect(Object.keys(inExcelLists.Policy)).toEqual(["B3", "B4", "B8", "B9", "B11", "B12", "B18"]);
    expect(inExcelLists.Policy.B3).toBe("Band,Calendar,Hybrid (Stop)");
    // Every alert names the choices.
    for (const s of wb.sheets) for (const v of s.validations) expect(v.errorAlert).toMatchObject({ showAlert: true, title: expect.any(String), message: expect.stringMatching(/Choose one of|Not one of/) });

    // The file: the same ranges and sources (a list as a quoted string, a reference without "=").
    const file = await validationLists(Buffer.from(await newWorkbookBytes(starterPlan())));
    const asFile = (src: string, style: string) => `${src.startsWith("=") ? src.slice(1) : `"${src}"`} (${style === "Warning" ? "warning" : "stop"})`;
    for (const s of wb.sheets.filter((x) => x.validations.length)) {
      expect(file[s.name]).toEqual(Object.fromEntries(s.validations.map((v) => [v.address, asFile(v.rule!.list.source, v.errorAlert!.style)])));
    }
  });

  test("an Excel without ExcelApi 1.8 gets the sheets without their drop-downs, nothing else changes", async () => {
    const wb = emptyBook();
    await inExcel(wb, async () => {
      const office = (globalThis as { Office?: unknown }).Office;
      (globalThis as { Office?: unknown }).Office = { context: { requirements: { isSetSupported: (set: string, v: string) => !(set === "ExcelApi" && Number(v) >= 1.8) } } };
      try {
        return await createStarterInExcel();
      } finally {
        (globalThis as { Office?: unknown }).Office = office;
      }
    });
    expect(wb.sheets.every((s) => s.validations.length === 0)).toBe(true);
    expect(planOf(await readContractSnapshot(wb.context() as unknown as Excel.RequestContext).then((r) => r.snapshot))).toEqual(samplePlan);
  });
});

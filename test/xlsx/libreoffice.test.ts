/**
 * Real-spreadsheet check of the runner's --out: LibreOffice recalculates every formula of the
 * written workbook (cached results are first replaced with nonsense, so only a recalculation can
 * pass), and each recalculated value must equal what the engine computed: money to the cent,
 * weights to 1e-9, counts exactly.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { syntheticSnapshot } from "../../src/samples/synthetic";
import { CellWrite, WritePlan } from "../../src/plans/types";
import { BookSpec, CellInput, NameSpec, SAMPLE_HOLDINGS_HEADERS, date, pct, sampleBook, setCell, addRow, tempDir, usd, workbookBuffer } from "../support/workbook";
import { fakeFromSnapshot, xlsxFromFake } from "../excel/support/books";
import { cachedCells, findSoffice, recalculate } from "../excel/support/libreoffice";
import { columnLetters } from "../../src/a1";
import { NOW, writeWithExceljs } from "../excel/support/pipeline";

const SAMPLE = path.join(__dirname, "..", "..", "samples", "sdira-sample.xlsx");
const soffice = findSoffice();
if (!soffice) {
  console.warn("SKIPPED test/excel/libreoffice.test.ts: LibreOffice (soffice) is not installed; CI installs libreoffice-calc-nogui.");
}
const withLibreOffice = soffice ? describe : describe.skip;

const BOGUS = -987654.32;

/** Every formula cell the write plan asks for, with the value the engine expects. */
function formulaCells(plan: WritePlan): { sheet: string; cell: CellWrite }[] {
  return plan.sheets.flatMap((sp) => (sp.mode === "append" ? [] : sp.cells.filter((c) => c.formula).map((cell) => ({ sheet: sp.sheet, cell }))));
}

/** Replaces every cached formula result with nonsense; returns how many formulas the given sheets hold (the advisor's own included). */
async function tamper(data: Buffer, file: string, sheets: string[]): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  let n = 0;
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((c) => {
        const v = c.value as ExcelJS.CellFormulaValue;
        if (v && typeof v === "object" && "formula" in v) {
          c.value = { formula: v.formula, result: BOGUS } as ExcelJS.CellFormulaValue;
          if (sheets.includes(ws.name)) n++;
        }
      }),
    ),
  );
  await wb.xlsx.writeFile(file);
  return n;
}


async function check(data: Buffer, name: string): Promise<number> {
  const { out, writePlan } = await writeWithExceljs(data, NOW);
  const dir = tempDir("lo-check-");
  const written = path.join(dir, name);
  const expected = formulaCells(writePlan);
  expect(await tamper(out, written, writePlan.sheets.map((s) => s.sheet))).toBeGreaterThanOrEqual(expected.length);
  const recalculated = await cachedCells(recalculate(soffice!, written));
  const problems: string[] = [];
  for (const { sheet, cell } of expected) {
    const address = `${columnLetters(cell.col)}${cell.row}`;
    const got = recalculated.get(sheet)?.get(address);
    const where = `${sheet}!${address} ${cell.formula}`;
    if (typeof cell.expected === "string") {
      // Text results (the Status After column): recalculated, they replace the bogus number.
      if (!got?.formula) problems.push(`${where}: the formula is gone`);
      else if (got.value !== cell.expected) problems.push(`${where}: ${JSON.stringify(got.value)} vs engine ${JSON.stringify(cell.expected)}`);
      continue;
    }
    const value = typeof got?.value === "number" ? got.value : null;
    const want = cell.expected as number;
    if (!got?.formula) problems.push(`${where}: the formula is gone`);
    else if (value === null || value === BOGUS) problems.push(`${where}: not recalculated (${JSON.stringify(got)})`);
    else if (cell.numberFormat?.includes("$")) {
      if (Math.round(value * 100) !== Math.round(want * 100)) problems.push(`${where}: ${value} vs engine ${want}`);
    } else if (cell.numberFormat?.includes("%")) {
      if (Math.abs(value - want) > 1e-9) problems.push(`${where}: ${value} vs engine ${want}`);
    } else if (value !== want) problems.push(`${where}: ${value} vs engine ${want}`);
  }
  expect(problems).toEqual([]);
  return expected.length;
}

/**
 * Three accounts (a Traditional SDIRA with a rental property, a Roth with fractional lots, a taxable
 * brokerage account with gains), fees per trade and in bps, a limit offset, and the given policy rows.
 */
function household(policy: [string, CellInput][]): BookSpec {
  const book = sampleBook({
    holdings: [
      [...SAMPLE_HOLDINGS_HEADERS],
      ["Trad", "VTI", "Stocks", 300, usd(250), usd(50000), date("2019-01-15"), "Yes", 1, null],
      ["Trad", "RENTAL-12-OAK", "Real Estate", 1, usd(180000), usd(150000), date("2018-05-01"), "No", 1, date("2026-06-30")],
      ["Trad", "BND", "Bonds", 200, usd(50), usd(10400), date("2021-02-01"), "Yes", 1, null],
      ["Trad", "CASH", "Cash", 4000, usd(1), null, null, null, null, null],
      ["Roth", "VTI", "Stocks", 100.5, usd(250), usd(20000), date("2022-03-10"), "Yes", 0, null],
      ["Roth", "BND", "Bonds", 12.25, usd(50), usd(600), date("2023-01-05"), "Yes", 0, null],
      ["Roth", "CASH", "Cash", 2500, usd(1), null, null, null, null, null],
      ["Brokerage", "VTI", "Stocks", 40, usd(250), usd(6000), date("2020-06-01"), "Yes", 1, null],
      ["Brokerage", "VTI", "Stocks", 20, usd(250), usd(5400), date("2026-06-01"), "Yes", 1, null],
      ["Brokerage", "CASH", "Cash", 1500, usd(1), null, null, null, null, null],
    ],
    targets: [
      ["Asset Class", "Target", "Abs Band", "Rel Band"],
      ["Stocks", pct(0.45), null, null],
      ["Bonds", pct(0.2), null, null],
      ["Real Estate", pct(0.3), pct(0.1), null],
      ["Cash", pct(0.05), null, null],
    ],
    policy: [
      ["Setting", "Value"],
      ["As Of", date("2026-11-20")],
      ["Fee Per Trade", usd(1)],
      ["Fee Bps", 10],
      ["Limit Offset Bps", 5],
      ...policy,
    ],
    names: { Holdings: { table: "Holdings" }, Targets: { table: "Targets" }, Policy: { table: "Policy" }, Accounts: { table: "Accounts" } },
  });
  book.sheets.Accounts = [
    ["Account", "Type"],
    ["Trad", "Traditional IRA"],
    ["Roth", "Roth IRA"],
    ["Brokerage", "Taxable"],
  ];
  return book;
}

withLibreOffice("LibreOffice recalculates what --out writes, to the engine's values", () => {
  test.each([
    ["a contribution, Full", [["Cash Flow", usd(7000)], ["Cash Flow Account", "Roth"]]],
    ["a contribution, Cash Flow", [["Cash Flow", usd(7000)], ["Cash Flow Account", "Roth"], ["Strategy", "Cash Flow"]]],
    ["a withdrawal, Full to Band Edge", [["Cash Flow", usd(-5000)], ["Cash Flow Account", "Trad"], ["Rebalance To", "Band Edge"]]],
    ["a withdrawal from the taxable account, Tax Aware", [["Cash Flow", usd(-8000)], ["Cash Flow Account", "Brokerage"], ["Strategy", "Tax Aware"]]],
    ["no cash flow, Halfway", [["Rebalance To", "Halfway"]]],
  ] as [string, [string, CellInput][]][])("three accounts, illiquid and fractional rows, fees in bps: %s", async (name, policy) => {
    const file = `${name.replace(/[^a-z]+/gi, "-")}.xlsx`;
    // Every formula the sheet holds is compared (the class rows, each trade row, the totals): 35 or more here.
    expect(await check(await workbookBuffer(household(policy)), file)).toBeGreaterThanOrEqual(35);
  });

  test("an RMD larger than what the Traditional IRA can sell: sales, then a fractional interest of the rental in kind", async () => {
    // Born 1952 (74 in 2026, divisor 25.5): 2,550,000 ÷ 25.5 = 100,000.00 due from Trad, which can raise 89,000 by selling.
    const book = household([["Cash Flow", "RMD"], ["RMD In Kind", "Allowed"], ["Owner Birth Date", date("1952-04-01")]]);
    book.sheets.Holdings = book.sheets.Holdings.map((row, i) => [...row, i === 0 ? "Divisible" : row[1] === "RENTAL-12-OAK" ? "Yes" : null]);
    book.sheets.Accounts = [
      ["Account", "Type", "Prior Year End Value"],
      ["Trad", "Traditional IRA", usd(2550000)],
      ["Roth", "Roth IRA", null],
      ["Brokerage", "Taxable", null],
    ];
    const { writePlan } = await writeWithExceljs(await workbookBuffer(book), NOW);
    const sheet = writePlan.sheets.find((x) => x.sheet.startsWith("Rebalance"))!;
    const texts = sheet.mode === "append" ? [] : sheet.cells.map((c) => c.value);
    expect(texts).toContain("Distributions in kind (RMD), apart from the trades");
    expect(texts).toContain("distribute");
    expect(await check(await workbookBuffer(book), "rmd-in-kind.xlsx")).toBeGreaterThanOrEqual(35);
  });

  test("a look-through fund and a model: the class formulas count the fund's trades by its shares", async () => {
    // The Roth's only security is a 60/40 fund; Bonds buys are split 50/50 between BND and AGG (listed with no shares).
    // The rental is valued at $60,000 here: at $180,000 (58% of the household, locked) Stocks and Bonds both stay
    // under their bands whatever is traded, so moving stock into bonds gains nothing and the optimum buys no bonds.
    const book = household([["Cash Flow", usd(7000)], ["Cash Flow Account", "Roth"]]);
    book.sheets.Holdings = [
      ...book.sheets.Holdings.filter((row) => row[0] !== "Roth").map((row) => (row[1] === "RENTAL-12-OAK" ? row.map((v, i) => (i === 4 ? usd(60000) : v)) : row)),
      ["Roth", "BAL", "Balanced", 150, usd(100), usd(12000), date("2022-03-10"), "Yes", 0, null],
      ["Roth", "CASH", "Cash", 2500, usd(1), null, null, null, null, null],
      ["Trad", "AGG", "Bonds", 0, usd(100), null, null, "Yes", 1, null],
    ];
    book.sheets.LookThrough = [["Symbol", "Asset Class", "Share"], ["BAL", "Stocks", pct(0.6)], ["BAL", "Bonds", pct(0.4)]];
    book.sheets.Models = [["Asset Class", "Symbol", "Share"], ["Bonds", "BND", pct(0.5)], ["Bonds", "AGG", pct(0.5)]];
    book.names = { ...(book.names as Record<string, NameSpec>), LookThrough: { table: "LookThrough" }, Models: { table: "Models" } };
    const { writePlan } = await writeWithExceljs(await workbookBuffer(book), NOW);
    const sheet = writePlan.sheets.find((x) => x.sheet.startsWith("Rebalance"))!;
    const cells = sheet.mode === "append" ? [] : sheet.cells;
    expect(cells.map((c) => c.value)).toContain("Stocks 60% + Bonds 40%");
    expect(cells.map((c) => c.value)).toContain("AGG");
    expect(cells.some((c) => c.formula?.includes('0.6*SUMIFS('))).toBe(true);
    expect(await check(await workbookBuffer(book), "look-through.xlsx")).toBeGreaterThanOrEqual(35);
  });

  test("the committed sample", async () => {
    expect(await check(fs.readFileSync(SAMPLE), "sample.xlsx")).toBeGreaterThan(40);
  });

  test("a book with fees, limit offsets and fractional quantities", async () => {
    const book = sampleBook();
    addRow(book, "Policy", ["Fee Per Trade", 4.95]);
    addRow(book, "Policy", ["Fee Bps", 7]);
    addRow(book, "Policy", ["Limit Offset Bps", 15]);
    setCell(book, "Policy!B9", "Yes"); // Fractional
    setCell(book, "Holdings!E2", 251.37);
    setCell(book, "Holdings!E3", 49.13);
    setCell(book, "Holdings!I2", 0);
    setCell(book, "Holdings!I3", 0);
    expect(await check(await workbookBuffer(book), "fees.xlsx")).toBeGreaterThan(25);
  });

  test("a 1,000-holding household with hundreds of trades", async () => {
    expect(await check(await xlsxFromFake(fakeFromSnapshot(syntheticSnapshot(1000))), "household.xlsx")).toBeGreaterThan(150);
  });

  test("the runner's own --out file, run twice: two log rows, formulas still right", async () => {
    const dir = tempDir("lo-runner-");
    const once = path.join(dir, "once.xlsx");
    const twice = path.join(dir, "twice.xlsx");
    let json = "";
    const io = { stdout: () => undefined, stderr: () => undefined, now: () => NOW };
    expect(await main([SAMPLE, "--json"], { ...io, stdout: (s: string) => (json += s) })).toBe(0);
    const amounts = (JSON.parse(json) as { trades: { amount: string }[] }).trades.map((t) => Math.round(Number(t.amount) * 100));
    expect(await main([SAMPLE, "--out", once], io)).toBe(0);
    expect(await main([once, "--out", twice], io)).toBe(0);
    await tamper(fs.readFileSync(twice), twice, []);
    const recalculated = await cachedCells(recalculate(soffice!, twice));
    const log = recalculated.get("Rebalance Log")!;
    expect(log.get("A2")?.value).toEqual(expect.any(Number));
    expect(log.get("A3")?.value).toEqual(expect.any(Number));
    expect(log.get("A4")?.value ?? null).toBeNull();
    // The trades total (Amount column of the totals row under the Trades table) is recalculated.
    const sheet = recalculated.get("Rebalance 2026-11-20")!;
    const totals = [...sheet.entries()].filter(([a, c]) => /^H\d+$/.test(a) && c.formula?.startsWith("SUM($H$")).map(([, c]) => c.value);
    expect(totals).toEqual([amounts.reduce((a, b) => a + b, 0) / 100]);
  });
});

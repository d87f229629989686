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
import { sampleBook, setCell, addRow, tempDir, workbookBuffer } from "../support/workbook";
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
    const value = typeof got?.value === "number" ? got.value : null;
    const want = cell.expected as number;
    const where = `${sheet}!${address} ${cell.formula}`;
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

withLibreOffice("LibreOffice recalculates what --out writes, to the engine's values", () => {
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

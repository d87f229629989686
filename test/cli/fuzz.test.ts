/**
 * The runner against a hostile workbook: the committed sample with cells of its contract ranges
 * replaced at random (wrong types, error values, blanks, huge and negative numbers, long text, far
 * dates, formulas without a value), FUZZ_RUNS cases (500 in `npm test`) from a fixed seed. Each run
 * must end in exit 0 with every invariant of the plan holding, or exit 2 with at least one
 * `Sheet!Cell: message` and no file written — never exit 1, never a stack trace, never a hang.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { run } from "../support/runner";
import { tempDir } from "../support/workbook";
import { checkExecution } from "../support/invariants";
import { readWorkbookSnapshot } from "../../src/xlsx/read";
import { planWorkbook } from "../../src/plans/plan-workbook";
import { rng } from "../../src/samples/rng";

const RUNS = Number(process.env.FUZZ_RUNS ?? 500);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const SAMPLE = path.join(__dirname, "..", "..", "samples", "sdira-sample.xlsx");
/** Where the sample's contract ranges lie: sheet, first data row, last row, last column. */
const RANGES = [
  { sheet: "Holdings", rows: [2, 16], cols: 12 },
  { sheet: "Targets", rows: [2, 6], cols: 4 },
  { sheet: "Policy", rows: [2, 18], cols: 2 },
  { sheet: "Accounts", rows: [2, 3], cols: 6 },
  { sheet: "Owners", rows: [2, 2], cols: 4 },
];

type Pick = <T>(xs: T[]) => T;

/** A random replacement cell value: what a careless or hostile workbook may hold. */
function hostileValue(r: () => number, pick: Pick): ExcelJS.CellValue {
  const kinds: (() => ExcelJS.CellValue)[] = [
    () => null,
    () => "",
    () => "   ",
    () => -Math.round(r() * 1e6) / 100,
    () => 0,
    () => -0,
    () => 1e300,
    () => 1e-9,
    () => Math.round(r() * 1e12),
    () => r() * 10,
    () => pick(["lots", "N/A", "5%", "-5%", "1,234.50", "$-3", "Yes", "No", "None", "TRUE", "2026-13-45", "3/15/2026", "CASH", "Cash", "Stocks"]),
    () => "x".repeat(40_000),
    () => pick([true, false]),
    () => new Date(Date.UTC(1000 + Math.floor(r() * 9000), Math.floor(r() * 12), 1 + Math.floor(r() * 28))),
    () => ({ error: pick(["#REF!", "#N/A", "#DIV/0!", "#VALUE!", "#NAME?"]) }) as ExcelJS.CellErrorValue,
    () => ({ formula: "A1*2" }) as ExcelJS.CellFormulaValue,
    () => 2958466 + Math.floor(r() * 1000),
  ];
  return pick(kinds)();
}

const base = fs.readFileSync(SAMPLE);
const dir = tempDir("fuzz-");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test(`${RUNS} mutated samples: exit 0 with every invariant, or exit 2 with cell-addressed problems and nothing written`, async () => {
  const r = rng(SEED);
  const pick: Pick = (xs) => xs[Math.floor(r() * xs.length)];
  const outcomes = { planned: 0, refused: 0 };
  for (let i = 0; i < RUNS; i++) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(base as unknown as ArrayBuffer);
    const changes: string[] = [];
    for (let k = 1 + Math.floor(r() * 3); k > 0; k--) {
      const range = pick(RANGES);
      const row = range.rows[0] + Math.floor(r() * (range.rows[1] - range.rows[0] + 1));
      const col = 1 + Math.floor(r() * range.cols);
      const cell = wb.getWorksheet(range.sheet)!.getCell(row, col);
      cell.value = hostileValue(r, pick);
      changes.push(`${range.sheet}!${cell.address}=${JSON.stringify(cell.value)?.slice(0, 60)}`);
    }
    const file = path.join(dir, `case-${i}.xlsx`);
    const out = path.join(dir, `case-${i}-out.xlsx`);
    fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    const where = `case ${i}: ${changes.join("; ")}`;
    let result;
    try {
      result = await run([file, "--json", "--out", out]);
    } catch (e) {
      throw new Error(`${where}: the runner threw ${(e as Error).stack}`);
    }
    expect({ where, code: result.code === 0 || result.code === 2 }).toEqual({ where, code: true });
    expect({ where, trace: /\n\s+at /.test(result.stderr) }).toEqual({ where, trace: false });
    if (result.code === 2) {
      outcomes.refused++;
      expect({ where, stderr: result.stderr.slice(0, 400), addressed: /^(?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!\$?[A-Z]+\$?\d+: |^The |^On the sheet /m.test(result.stderr) }).toEqual({ where, stderr: result.stderr.slice(0, 400), addressed: true });
      expect({ where, written: fs.existsSync(out) }).toEqual({ where, written: false });
    } else {
      outcomes.planned++;
      JSON.parse(result.stdout);
      expect({ where, written: fs.existsSync(out) }).toEqual({ where, written: true });
      const planned = planWorkbook(await readWorkbookSnapshot(fs.readFileSync(file)));
      if (!planned.ok) throw new Error(`${where}: the runner planned it but planWorkbook did not`);
      try {
        checkExecution(planned.portfolio, planned.raw);
      } catch (e) {
        throw new Error(`${where}: ${(e as Error).stack}`);
      }
      for (const h of planned.portfolio.holdings.filter((x) => !x.tradable)) {
        expect(planned.raw.trades.some((t) => t.account === h.account && t.symbol === h.symbol)).toBe(false);
      }
    }
    fs.rmSync(file, { force: true });
    fs.rmSync(out, { force: true });
  }
  // Both outcomes occur, so neither check is vacuous.
  expect(outcomes.planned).toBeGreaterThan(RUNS / 20);
  expect(outcomes.refused).toBeGreaterThan(RUNS / 5);
}, 600_000);

/**
 * `rebalance backtest` on real .xlsx files: the committed samples (checked against a second
 * formulation computed here from the CSV data, and against the published event count of Vanguard's
 * study), a workbook of our own with hand-computed figures, and broken workbooks.
 */
import * as fs from "fs";
import * as path from "path";
import { run } from "../support/runner";
import { BookSpec, date, pct, writeTemp } from "../support/workbook";
import { monthlyStockBondReturns } from "../../src/samples/history";
import { BacktestJson } from "../../src/cli/backtest-format";

const SAMPLES = path.join(__dirname, "..", "..", "samples");
const json = async (file: string): Promise<BacktestJson[]> => {
  const r = await run(["backtest", file, "--json"]);
  if (r.code !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
};

describe("the 60/40 monthly sample (1926–2009)", () => {
  let results: BacktestJson[];
  const rows = monthlyStockBondReturns(fs.readFileSync(path.join(SAMPLES, "data", "shiller-sp500-monthly.csv"), "utf8"));
  beforeAll(async () => {
    results = await json(path.join(SAMPLES, "backtest-60-40-monthly.xlsx"));
  });
  const named = (name: string) => results.find((r) => r.policy.name === name)!;

  test("1,008 monthly periods: monthly with a 0% threshold rebalances 1,008 times, as Vanguard's study counts", () => {
    expect(rows).toHaveLength(1008);
    expect(named("Monthly, 0%").metrics.events).toBe(1008);
    expect(named("Never").metrics.events).toBe(0);
  });

  test("a second formulation: monthly to target compounds 0.6 s + 0.4 b; never compounds each class apart", () => {
    let rebalanced = 1;
    let stocks = 0.6;
    let bonds = 0.4;
    for (const r of rows) {
      rebalanced *= 1 + 0.6 * r.values.Stocks + 0.4 * r.values.Bonds;
      stocks *= 1 + r.values.Stocks;
      bonds *= 1 + r.values.Bonds;
    }
    expect(named("Monthly, 0%").metrics.finalValue / rebalanced).toBeCloseTo(1, 10);
    expect(named("Never").metrics.finalValue / (stocks + bonds)).toBeCloseTo(1, 10);
    expect(named("Never").metrics.annualReturn).toBeCloseTo(Math.pow(stocks + bonds, 12 / 1008) - 1, 12);
  });

  test("taxable rows: tax paid at rebalances, after-tax value below the pre-tax one; buy and hold pays only at the end", () => {
    const taxed = named("Annually, 5%, taxable 20%").metrics;
    expect(taxed.taxesPaid).toBeGreaterThan(0);
    expect(taxed.totalCosts).toBeGreaterThan(0);
    expect(taxed.afterTaxFinalValue!).toBeLessThan(taxed.finalValue);
    const held = named("Never, taxable 20%").metrics;
    expect(held.taxesPaid).toBe(0);
    // One basis of 1 in all: the gain at the end is the final value − 1, taxed at 20%.
    expect(held.afterTaxFinalValue).toBeCloseTo(held.finalValue - 0.2 * (held.finalValue - 1), 9);
  });

  test("the table: one row per policy, the series described, taxes shown when a policy is taxed", async () => {
    const r = await run(["backtest", path.join(SAMPLES, "backtest-60-40-monthly.xlsx")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Backtest of backtest-60-40-monthly.xlsx: 13 policies from BacktestPolicies over 1,008 monthly periods (1926-01-31 to 2009-12-31, 12 a year read off the dates)");
    expect(r.stdout).toMatch(/Policy\s+Check\s+Band\s+To\s+Return\/yr.*Taxes\s+After tax/);
    expect(r.stdout).toMatch(/^Monthly, 0%\s+Monthly\s+0%\s+Target\s+[\d.]+%/m);
  });
});

test("the annual SDIRA sample: the standard policies, with Sharpe from its Risk Free column", async () => {
  const results = await json(path.join(SAMPLES, "backtest-sdira-annual.xlsx"));
  expect(results.map((r) => r.policy.name)).toEqual([
    "Never (buy and hold)",
    "Monthly, 0% band", "Monthly, 1% band", "Monthly, 5% band", "Monthly, 10% band",
    "Quarterly, 0% band", "Quarterly, 1% band", "Quarterly, 5% band", "Quarterly, 10% band",
    "Annual, 0% band", "Annual, 1% band", "Annual, 5% band", "Annual, 10% band",
    "5/25, quarterly", "20% relative, every period", "Opportunistic (Daryanani)",
  ]);
  for (const r of results) expect(r.metrics.sharpe).toEqual(expect.any(Number));
  expect(Object.keys(results[0].metrics.averageWeights)).toEqual(["Stocks", "Bonds", "Real Estate", "Alternatives", "Cash"]);
  // 96 years checked every year with a 0% band: a rebalance every year.
  expect(results[1].metrics.events).toBe(96);
});

/** A book of our own: 60/40, two years, stocks +50% then −20%, bonds 0% then +10%. */
const ownBook = (returnsRows: unknown[][], extra: Partial<BookSpec["sheets"]> = {}): BookSpec => ({
  sheets: {
    Targets: [["Asset Class", "Target"], ["Stocks", pct(0.6)], ["Bonds", pct(0.4)]],
    Returns: returnsRows as BookSpec["sheets"][string],
    ...extra,
  },
  names: { Targets: { table: "Targets" }, Returns: { table: "Returns" }, ...(extra.Policies ? { BacktestPolicies: { table: "Policies" } } : {}) },
});

test("a workbook of our own: the hand-computed figures through the .xlsx reader", async () => {
  const file = await writeTemp(
    ownBook([["Date", "Stocks", "Bonds"], [date("2021-12-31"), pct(0.5), 0], [date("2022-12-31"), "-20%", "10%"]], {
      Policies: [["Name", "Check", "Abs Band", "Cost Bps"], ["Hold", "Never", null, null], ["Yearly", "Annual", pct(0), 100]],
    }),
  );
  const [hold, yearly] = await json(file);
  expect(hold.metrics.finalValue).toBeCloseTo(1.16, 12);
  expect(hold.metrics.maxDrawdown).toBeCloseTo(0.14 / 1.3, 12);
  // Year 1 at 100 bps: x = 1.295 / 0.998; year 2: 0.6x × 0.8 + 0.4x × 1.1 = 0.48x + 0.44x = 0.92x, then back to
  // 60/40 with y left: buy 0.6y − 0.48x of stocks, sell 0.44x − 0.4y of bonds, paying 1% of 0.2y − 0.04x:
  // y + 0.01 (0.2y − 0.04x) = 0.92x → y = 0.9204x / 1.002.
  const x = 1.295 / 0.998;
  const y = (0.9204 * x) / 1.002;
  expect(yearly.metrics.events).toBe(2);
  expect(yearly.metrics.finalValue).toBeCloseTo(y, 12);
  expect(yearly.metrics.totalCosts).toBeCloseTo(1.3 - x + (0.92 * x - y), 12);
  expect(yearly.policy).toEqual({ name: "Yearly", check: "Annual", absBand: 0, relBand: null, rebalanceTo: "Target", costBps: 100, taxRate: null });
});

test("a broken workbook: every problem with its sheet and cell, exit 2", async () => {
  const file = await writeTemp(
    ownBook([["Date", "Stocks", "Gold"], [date("2021-12-31"), pct(0.5), 0], ["next year", -1.5, 0], [date("2020-12-31"), 0.1, 0]]),
  );
  const r = await run(["backtest", file]);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr.split("\n").filter(Boolean)).toEqual([
    "book.xlsx: 5 problems found, nothing run:",
    'Returns!C1: Returns column "Gold" is not an asset class in Targets (Targets lists Stocks, Bonds)',
    'Returns!A1: Returns has no column for "Bonds", which Targets gives 40%; add its returns (a header cell "Bonds" in row 1)',
    'Returns!A3: Date must be a date (found "next year")',
    "Returns!B3: Stocks return must be above −100% (found -1.5): a class cannot lose more than everything in a period",
    "Returns!A4: Date 2020-12-31 is not after the date above it (2021-12-31 in A2); dates must increase down the range",
  ]);
});

test("no Returns range, a missing file, an unknown option", async () => {
  const file = await writeTemp({ sheets: { Targets: [["Asset Class", "Target"], ["Stocks", 1]] }, names: { Targets: { table: "Targets" } } });
  const r = await run(["backtest", file]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('The workbook has no named range "Returns"');
  expect((await run(["backtest", "/nonexistent/book.xlsx"])).stderr).toBe("Cannot read /nonexistent/book.xlsx: no such file\n");
  const bad = await run(["backtest", file, "--orders", "x.csv"]);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain("Unknown option --orders");
  expect((await run(["backtest", file, "--out"])).stderr).toContain("--out needs a file name");
  expect((await run(["backtest", "--help"])).stdout).toContain("Usage: rebalance backtest <book.xlsx> [--json]");
});

describe("backtest --out: the Backtest sheet", () => {
  const load = async (file: string) => {
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    return wb;
  };

  test("holds the metrics the JSON gives, next to the advisor's sheets; a second run replaces it", async () => {
    const file = path.join(SAMPLES, "backtest-60-40-monthly.xlsx");
    const results = await json(file);
    const dir = fs.mkdtempSync(path.join(require("os").tmpdir(), "bt-out-"));
    const out = path.join(dir, "out.xlsx");
    const r = await run(["backtest", file, "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain(`Wrote ${out} (sheet Backtest)`);
    const wb = await load(out);
    const ws = wb.getWorksheet("Backtest")!;
    expect(wb.getWorksheet("Returns")).toBeDefined();
    const headers = (ws.getRow(5).values as unknown[]).slice(1);
    const col = (h: string) => headers.indexOf(h) + 1;
    results.forEach((res, i) => {
      expect(ws.getCell(6 + i, 1).value).toBe(res.policy.name);
      expect(ws.getCell(6 + i, col("Final Value")).value).toBe(res.metrics.finalValue);
      expect(ws.getCell(6 + i, col("Events")).value).toBe(res.metrics.events);
    });
    // 1,008 months in each data table, under its header row.
    const growth = ws.getTable("BacktestGrowth") as unknown as { model: { tableRef: string } };
    const rect = /^A(\d+):([A-Z]+)(\d+)$/.exec(growth.model.tableRef)!;
    expect(Number(rect[3]) - Number(rect[1])).toBe(1008);

    const again = path.join(dir, "again.xlsx");
    expect((await run(["backtest", out, "--out", again])).code).toBe(0);
    expect((await load(again)).worksheets.filter((w) => w.name === "Backtest")).toHaveLength(1);
  });

  test("never on a sheet of the advisor's: a Returns range on a sheet named Backtest stops the write", async () => {
    const file = await writeTemp({
      sheets: { Targets: [["Asset Class", "Target"], ["Stocks", 1]], Backtest: [["Date", "Stocks"], [date("2021-12-31"), pct(0.1)], [date("2022-12-31"), pct(0.1)]] },
      names: { Targets: { table: "Targets" }, Returns: { table: "Backtest" } },
    });
    const out = file.replace(/\.xlsx$/, "-out.xlsx");
    const r = await run(["backtest", file, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('The named range "Returns" is on the sheet "Backtest", which the add-in replaces on every run; move Returns to a sheet of its own (nothing was written)\n');
    expect(fs.existsSync(out)).toBe(false);
  });
});

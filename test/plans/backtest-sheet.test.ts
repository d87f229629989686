/** The Backtest sheet's plan (src/plans/backtest-sheet.ts): the metrics as computed, the data the charts draw, charts over exactly that data. */
import { BacktestInput, BacktestPolicy } from "../../src/contract/backtest";
import { runBacktests } from "../../src/backtest/run";
import { backtestSheetPlan, distinctHeaders } from "../../src/plans/backtest-sheet";
import { isoToSerial } from "../../src/dates/serial";
import { parseRect } from "../../src/a1";
import { CellWrite } from "../../src/plans/types";

const policy = (name: string, over: Partial<BacktestPolicy> = {}): BacktestPolicy => ({
  name, check: "Annual", absBand: 0, relBand: null, rebalanceTo: "Target", costBps: 0, taxRate: null, ref: null, ...over,
});

// 60/40, two years: stocks +50% then −20%, bonds 0% then +10% (the hand-computed series of test/backtest).
const input = (policies: BacktestPolicy[] | null): BacktestInput => ({
  series: { dates: ["2021-12-31", "2022-12-31"], classes: ["Stocks", "Bonds"], returns: Float64Array.from([0.5, 0, -0.2, 0.1]), riskFree: null, periodsPerYear: 1, periodsFrom: "dates" },
  targets: [{ assetClass: "Stocks", target: 0.6 } as BacktestInput["targets"][number], { assetClass: "Bonds", target: 0.4 } as BacktestInput["targets"][number]],
  policies,
});

const at = (cells: CellWrite[], row: number, col: number) => cells.find((c) => c.row === row && c.col === col);

test("one metrics row per policy, each figure the metric itself; the tables hold the simulation's values", () => {
  const bt = input([policy("Hold", { check: "Never" }), policy("Yearly, taxed", { taxRate: 0.2, costBps: 10 })]);
  const results = runBacktests(bt);
  const plan = backtestSheetPlan(bt, results, { dateSystem: 1904 });
  const metrics = plan.tables!.find((t) => t.name === "BacktestMetrics")!;
  expect(metrics.rect).toEqual({ top: 5, left: 1, bottom: 7, right: metrics.headers.length });
  expect(metrics.headers).toEqual([
    "Policy", "Check", "Abs Band", "Rel Band", "Rebalance To", "Cost Bps", "Tax Rate", "Annual Return", "Annual Volatility", "Sharpe",
    "Max Drawdown", "Events", "Annual Turnover", "Total Costs", "Final Value", "Taxes Paid", "After-Tax Final Value", "Avg Stocks", "Avg Bonds",
  ]);
  const col = (h: string) => metrics.headers.indexOf(h) + 1;
  expect(at(plan.cells, 6, col("Final Value"))!.value).toBeCloseTo(1.16, 12);
  expect(at(plan.cells, 6, col("Rebalance To"))!.value).toBeNull(); // Never rebalances
  expect(at(plan.cells, 7, col("Events"))!.value).toBe(2);
  expect(at(plan.cells, 7, col("Taxes Paid"))!.value).toBe(results[1].metrics.taxesPaid);
  expect(at(plan.cells, 7, col("Avg Stocks"))!.value).toBe(results[1].metrics.averageWeights.Stocks);
  expect(at(plan.cells, 6, col("Sharpe"))!.value).toBeNull();

  const growth = plan.tables!.find((t) => t.name === "BacktestGrowth")!;
  const drift = plan.tables!.find((t) => t.name === "BacktestDrift")!;
  expect(growth.headers).toEqual(["Date", "Hold", "Yearly, taxed"]);
  expect(growth.rect.bottom - growth.rect.top).toBe(2);
  // Dates as serials of the workbook's date system; growth after each period; drift of Stocks before any rebalance.
  expect(at(plan.cells, growth.rect.top + 1, 1)).toMatchObject({ value: isoToSerial("2021-12-31", 1904), numberFormat: "yyyy-mm-dd" });
  expect(at(plan.cells, growth.rect.top + 2, 2)!.value).toBeCloseTo(1.16, 12);
  expect(at(plan.cells, drift.rect.top + 1, drift.rect.left + 1)!.value).toBeCloseTo(0.9 / 1.3 - 0.6, 12);
  expect(at(plan.cells, drift.rect.top + 2, drift.rect.left + 2)!.value).toBe(results[1].simulation.firstDrift[1]);

  // Each chart: categories = the date column, one series per policy column, all of the data rows.
  const [g, d] = plan.charts!;
  for (const [chart, table] of [[g, growth], [d, drift]] as const) {
    expect(chart.kind).toBe("line");
    expect(parseRect(chart.categories)).toEqual({ top: table.rect.top + 1, bottom: table.rect.bottom, left: table.rect.left, right: table.rect.left });
    expect(chart.series.map((s) => s.name)).toEqual(["Hold", "Yearly, taxed"]);
    chart.series.forEach((s, i) => expect(parseRect(s.values)).toEqual({ top: table.rect.top + 1, bottom: table.rect.bottom, left: table.rect.left + 1 + i, right: table.rect.left + 1 + i }));
    // The charts sit between the metrics table and the data.
    expect(parseRect(chart.anchor)!.top).toBeGreaterThan(metrics.rect.bottom);
    expect(parseRect(chart.anchor)!.top + 20).toBeLessThan(table.rect.top);
  }
  expect(d.title).toBe("Drift of Stocks by policy (before any rebalance)");
});

test("untaxed policies leave out the tax columns; the standard set is named as such", () => {
  const bt = input(null);
  const plan = backtestSheetPlan(bt, runBacktests(bt));
  expect(plan.tables![0].headers).not.toContain("Tax Rate");
  expect(plan.tables![0].rect.bottom - plan.tables![0].rect.top).toBe(16);
  expect(String(plan.cells[0].value)).toMatch(/^Backtest: 16 standard policies over 2 periods, 2021-12-31 to 2022-12-31/);
});

test("headers stay distinct ignoring case, as Excel tables need", () => {
  expect(distinctHeaders(["Date", "date", "A", "a", "DATE"])).toEqual(["Date", "date (2)", "A", "a (2)", "DATE (3)"]);
});

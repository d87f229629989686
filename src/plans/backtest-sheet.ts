/**
 * The Backtest sheet of one run: what was simulated, the metrics table (one row per policy), a line
 * chart of the growth of 1 per policy and one of the first class's drift over time, and the data
 * both charts draw from as two tables (a date column, then one column per policy). Plain numbers:
 * a backtest's figures are fractions of the start value, not money.
 */
import { BacktestInput, BacktestPolicy } from "../contract/backtest";
import { BacktestResult } from "../backtest/run";
import { DateSystem, isoToSerial } from "../dates/serial";
import { percent } from "../display";
import { cellAddress, rangeAddress } from "../a1";
import { FMT, HEADER_STYLE, TABLE_STYLE } from "./formats";
import { WorkbookSnapshot } from "../contract/snapshot";
import { CellWrite, ReplaceSheetPlan, TablePlan, WritePlan } from "./types";

export const BACKTEST_SHEET = "Backtest";
export const METRICS_TABLE = "BacktestMetrics";
export const GROWTH_TABLE = "BacktestGrowth";
export const DRIFT_TABLE = "BacktestDrift";

const FMT_VALUE = "0.0000";
const FMT_RATIO = "0.00";
/** Rows the charts take between the metrics table and the data (300 pt at 15 pt a row, and a gap). */
const CHART_ROWS = 22;
const CHART_WIDTH = 480;
const CHART_HEIGHT = 300;

export interface BacktestSheetOptions {
  /** The workbook's date system: dates are written as serials in it (default 1900). */
  dateSystem?: DateSystem;
}

interface Column {
  header: string;
  format: string;
  value: (r: BacktestResult) => string | number | null;
}

/** The metrics table's columns: the policy as read, then each metric, then the average weights. */
function metricColumns(input: BacktestInput, results: BacktestResult[]): Column[] {
  const taxed = results.some((r) => r.policy.taxRate !== null);
  const policy = (f: (p: BacktestPolicy) => string | number | null) => (r: BacktestResult) => f(r.policy);
  const columns: Column[] = [
    { header: "Policy", format: FMT.text, value: policy((p) => p.name) },
    { header: "Check", format: FMT.text, value: policy((p) => p.check) },
    { header: "Abs Band", format: FMT.percent, value: policy((p) => p.absBand) },
    { header: "Rel Band", format: FMT.percent, value: policy((p) => p.relBand) },
    { header: "Rebalance To", format: FMT.text, value: policy((p) => (p.check === "Never" ? null : p.rebalanceTo)) },
    { header: "Cost Bps", format: "0.##", value: policy((p) => p.costBps) },
  ];
  if (taxed) columns.push({ header: "Tax Rate", format: FMT.percent, value: policy((p) => p.taxRate) });
  columns.push(
    { header: "Annual Return", format: FMT.percent, value: (r) => r.metrics.annualReturn },
    { header: "Annual Volatility", format: FMT.percent, value: (r) => r.metrics.annualVolatility },
    { header: "Sharpe", format: FMT_RATIO, value: (r) => r.metrics.sharpe },
    { header: "Max Drawdown", format: FMT.percent, value: (r) => r.metrics.maxDrawdown },
    { header: "Events", format: "0", value: (r) => r.metrics.events },
    { header: "Annual Turnover", format: FMT.percent, value: (r) => r.metrics.annualTurnover },
    { header: "Total Costs", format: FMT_VALUE, value: (r) => r.metrics.totalCosts },
    { header: "Final Value", format: FMT_VALUE, value: (r) => r.metrics.finalValue },
  );
  if (taxed) {
    columns.push(
      { header: "Taxes Paid", format: FMT_VALUE, value: (r) => r.metrics.taxesPaid ?? null },
      { header: "After-Tax Final Value", format: FMT_VALUE, value: (r) => r.metrics.afterTaxFinalValue ?? null },
    );
  }
  for (const c of input.series.classes) columns.push({ header: `Avg ${c}`, format: FMT.percent, value: (r) => r.metrics.averageWeights[c] });
  return columns;
}

/** Table headers must differ (ignoring case): a repeat gets " (2)", " (3)", … */
export function distinctHeaders(headers: string[]): string[] {
  const seen = new Set<string>();
  return headers.map((h) => {
    let name = h;
    for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${h} (${k})`;
    seen.add(name.toLowerCase());
    return name;
  });
}

export function backtestSheetPlan(input: BacktestInput, results: BacktestResult[], options: BacktestSheetOptions = {}): ReplaceSheetPlan {
  const s = input.series;
  const n = s.dates.length;
  const cells: CellWrite[] = [];
  const put = (row: number, col: number, w: Omit<CellWrite, "row" | "col">) => cells.push({ row, col, ...w });
  const tables: TablePlan[] = [];
  const first = s.classes[0];

  put(1, 1, { value: `Backtest: ${results.length} ${input.policies ? "policies from BacktestPolicies" : "standard policies"} over ${n.toLocaleString("en-US")} periods, ${s.dates[0]} to ${s.dates[n - 1]}`, style: { bold: true } });
  put(2, 1, { value: `Targets: ${input.targets.map((t) => `${t.assetClass} ${percent(t.target, 1)}`).join(", ")}. Start at the targets with a value of 1; costs and tax are paid from the portfolio (README, "Backtests").`, numberFormat: FMT.text });
  put(3, 1, {
    value: `${s.periodsPerYear} periods a year (${s.periodsFrom === "dates" ? "read off the dates" : "from the Policy"}).${s.riskFree ? "" : " Sharpe needs a Risk Free column in Returns."}`,
    numberFormat: FMT.text,
  });

  // The metrics table.
  const columns = metricColumns(input, results);
  const headers = distinctHeaders(columns.map((c) => c.header));
  const metricsTop = 5;
  headers.forEach((h, j) => put(metricsTop, j + 1, { value: h, style: HEADER_STYLE }));
  results.forEach((r, i) => columns.forEach((c, j) => put(metricsTop + 1 + i, j + 1, { value: c.value(r), numberFormat: c.format })));
  const metricsBottom = metricsTop + Math.max(results.length, 1);
  tables.push({ name: METRICS_TABLE, rect: { top: metricsTop, left: 1, bottom: metricsBottom, right: headers.length }, headers, style: TABLE_STYLE });

  // The data the charts draw: growth of 1 (after each period's rebalance) and the first class's drift (before it).
  const chartTop = metricsBottom + 2;
  const dataTop = chartTop + CHART_ROWS + 1;
  const policyHeaders = distinctHeaders(["Date", ...results.map((r) => r.policy.name)]);
  const driftLeft = results.length + 3;
  put(dataTop - 1, 1, { value: "Growth of 1: the value at each period end, after any rebalance, its costs and tax", style: { bold: true } });
  put(dataTop - 1, driftLeft, { value: `Drift of ${first} (weight − target) at each period end, before any rebalance`, style: { bold: true } });
  for (const [left, name] of [[1, GROWTH_TABLE], [driftLeft, DRIFT_TABLE]] as const) {
    policyHeaders.forEach((h, j) => put(dataTop, left + j, { value: h, style: HEADER_STYLE }));
    tables.push({ name, rect: { top: dataTop, left, bottom: dataTop + n, right: left + results.length }, headers: policyHeaders, style: TABLE_STYLE });
  }
  for (let p = 0; p < n; p++) {
    const row = dataTop + 1 + p;
    const date = isoToSerial(s.dates[p], options.dateSystem);
    put(row, 1, { value: date, numberFormat: FMT.date });
    put(row, driftLeft, { value: date, numberFormat: FMT.date });
    results.forEach((r, i) => {
      put(row, 2 + i, { value: r.simulation.values[p + 1], numberFormat: FMT_VALUE });
      put(row, driftLeft + 1 + i, { value: r.simulation.firstDrift[p], numberFormat: FMT.drift });
    });
  }

  const dataBottom = dataTop + n;
  const seriesOf = (left: number) => results.map((r, i) => ({ name: policyHeaders[i + 1], values: rangeAddress(dataTop + 1, left + 1 + i, dataBottom, left + 1 + i) }));
  // Each column as wide as the widest of what it holds: a metric header, a date, a policy's figures.
  const widths = new Map<number, number>();
  const widen = (col: number, width: number) => widths.set(col, Math.max(widths.get(col) ?? 0, width));
  headers.forEach((h, j) => widen(j + 1, j === 0 ? 18 : Math.max(10, Math.min(22, h.length + 2))));
  for (const left of [1, driftLeft]) policyHeaders.forEach((h, j) => widen(left + j, j === 0 ? 12 : Math.max(10, Math.min(22, h.length + 2))));
  return {
    sheet: BACKTEST_SHEET,
    mode: "replace",
    cells,
    columnWidths: [...widths].sort((a, b) => a[0] - b[0]).map(([col, width]) => ({ col, width })),
    tables,
    charts: [
      {
        title: "Growth of 1 by policy (log scale)",
        kind: "line",
        categories: rangeAddress(dataTop + 1, 1, dataBottom, 1),
        series: seriesOf(1),
        anchor: cellAddress(chartTop, 1),
        width: CHART_WIDTH,
        height: CHART_HEIGHT,
        logScale: true,
      },
      {
        title: `Drift of ${first} by policy (before any rebalance)`,
        kind: "line",
        categories: rangeAddress(dataTop + 1, driftLeft, dataBottom, driftLeft),
        series: seriesOf(driftLeft),
        anchor: cellAddress(chartTop, 9),
        width: CHART_WIDTH,
        height: CHART_HEIGHT,
        valueFormat: "0%",
      },
    ],
    activate: true,
  };
}

/** What a backtest writes: the Backtest sheet, never on a sheet that holds one of the advisor's ranges. */
export function backtestWritePlan(input: BacktestInput, results: BacktestResult[], snapshot: WorkbookSnapshot): WritePlan {
  return {
    sheets: [backtestSheetPlan(input, results, { dateSystem: snapshot.dateSystem })],
    keep: Object.values(snapshot.ranges).map((r) => ({ name: r.name, sheet: r.sheet })),
  };
}

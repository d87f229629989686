/** A finished backtest in the pane: what was simulated, the metrics per policy and the growth of 1 (log scale). */
import * as React from "react";
import { Caption1 } from "@fluentui/react-components";
import type { BacktestInput } from "../../../contract/backtest";
import type { BacktestResult } from "../../../backtest/run";
import { percent } from "../../../display";
import { Column, DataTable, Section } from "../plan/parts";
import { LazyLineChart } from "../charts/LazyLineChart";
import { ChartSeries, thin } from "../charts/series";

/** Points per line in the pane's chart. */
const CHART_POINTS = 400;

const maybe = (x: number | null | undefined, show: (x: number) => string) => (x === null || x === undefined ? "—" : show(x));

function band(r: BacktestResult): string {
  const p = r.policy;
  if (p.check === "Never") return "—";
  const parts = [p.absBand !== null ? percent(p.absBand, 1) : null, p.relBand !== null ? `${percent(p.relBand, 0)} rel` : null].filter(Boolean);
  return parts.length > 0 ? parts.join(" / ") : "any drift";
}

function columns(taxed: boolean): Column<BacktestResult>[] {
  const cols: Column<BacktestResult>[] = [
    { header: "Policy", cell: (r) => r.policy.name },
    { header: "Band", cell: band },
    { header: "Return/yr", numeric: true, cell: (r) => percent(r.metrics.annualReturn) },
    { header: "Volatility", numeric: true, cell: (r) => maybe(r.metrics.annualVolatility, (v) => percent(v)) },
    { header: "Sharpe", numeric: true, cell: (r) => maybe(r.metrics.sharpe, (v) => v.toFixed(2)) },
    { header: "Max drawdown", numeric: true, cell: (r) => percent(r.metrics.maxDrawdown, 1) },
    { header: "Events", numeric: true, cell: (r) => String(r.metrics.events) },
    { header: "Turnover/yr", numeric: true, cell: (r) => percent(r.metrics.annualTurnover, 1) },
    { header: "Costs", numeric: true, cell: (r) => r.metrics.totalCosts.toFixed(4) },
    { header: "Final value", numeric: true, cell: (r) => r.metrics.finalValue.toFixed(4) },
  ];
  if (taxed) {
    cols.push(
      { header: "Taxes", numeric: true, cell: (r) => maybe(r.metrics.taxesPaid, (v) => v.toFixed(4)) },
      { header: "After tax", numeric: true, cell: (r) => maybe(r.metrics.afterTaxFinalValue, (v) => v.toFixed(4)) },
    );
  }
  return cols;
}

/** The growth of 1 per policy: its value at each period end (the start, 1, has no date of its own). */
export function growthSeries(input: BacktestInput, results: BacktestResult[], max = CHART_POINTS): ChartSeries[] {
  const dates = input.series.dates;
  return results.map((r) => ({
    name: r.policy.name,
    points: thin(
      dates.map((x, p) => ({ x, y: r.simulation.values[p + 1] })),
      max,
    ),
  }));
}

export function BacktestResults({ input, results }: { input: BacktestInput; results: BacktestResult[] }) {
  const s = input.series;
  const n = s.dates.length;
  const taxed = results.some((r) => r.policy.taxRate !== null);
  const series = React.useMemo(() => growthSeries(input, results), [input, results]);
  return (
    <div data-testid="backtest-results">
      <Caption1 data-testid="backtest-summary">
        {results.length} {input.policies ? "policies from BacktestPolicies" : "standard policies"} over {n.toLocaleString("en-US")} periods ({s.dates[0]} to {s.dates[n - 1]},{" "}
        {s.periodsPerYear} a year). Targets: {input.targets.map((t) => `${t.assetClass} ${percent(t.target, 1)}`).join(", ")}.
      </Caption1>
      <Section title="Backtest metrics">
        <DataTable label="Backtest metrics" columns={columns(taxed)} rows={results} rowKey={(r, i) => `${i}-${r.policy.name}`} />
      </Section>
      <Section title="Growth of 1">
        <LazyLineChart title="Growth of 1 per policy (log scale)" series={series} log yFormat={(y) => y.toLocaleString("en-US", { maximumSignificantDigits: 3 })} />
      </Section>
    </div>
  );
}

/** The backtest's results as the runner prints them: a table, or JSON of plain numbers. */
import { BacktestInput, BacktestPolicy } from "../contract/backtest";
import { BacktestMetrics } from "../backtest/metrics";
import { BacktestResult } from "../backtest/run";
import { percent } from "../display";
import { table } from "./format";

export interface BacktestJson {
  policy: Omit<BacktestPolicy, "ref">;
  metrics: BacktestMetrics;
}

export function backtestJson(results: BacktestResult[]): BacktestJson[] {
  return results.map(({ policy: { ref, ...policy }, metrics }) => ({ policy, metrics }));
}

const FREQUENCY: Record<number, string> = { 1: "annual", 2: "semiannual", 4: "quarterly", 12: "monthly", 52: "weekly", 252: "daily", 365: "daily" };

const band = (p: BacktestPolicy) => {
  const parts = [p.absBand !== null ? `${+(p.absBand * 100).toFixed(4)}%` : null, p.relBand !== null ? `${+(p.relBand * 100).toFixed(4)}% rel` : null].filter(Boolean);
  return parts.length > 0 ? parts.join(" / ") : "any drift";
};
const maybe = (x: number | null, show: (x: number) => string) => (x === null ? "—" : show(x));

export function formatBacktest(input: BacktestInput, results: BacktestResult[], file: string): string {
  const s = input.series;
  const n = s.dates.length;
  const taxed = results.some((r) => r.policy.taxRate !== null);
  const lines: string[] = [];
  const kind = FREQUENCY[s.periodsPerYear] ?? `${s.periodsPerYear} a year`;
  lines.push(
    `Backtest of ${file}: ${results.length} ${input.policies ? "policies from BacktestPolicies" : "standard policies"} over ${n.toLocaleString("en-US")} ${kind} period${n === 1 ? "" : "s"} (${s.dates[0]} to ${s.dates[n - 1]}, ${s.periodsPerYear} a year${s.periodsFrom === "dates" ? " read off the dates" : " from the Policy"})`,
  );
  lines.push(`Targets: ${input.targets.map((t) => `${t.assetClass} ${percent(t.target, 1)}`).join(", ")}. Growth of 1 at the targets; costs and tax paid from the portfolio.`);
  lines.push("");
  const headers = ["Policy", "Check", "Band", "To", "Return/yr", "Volatility", "Sharpe", "Max drawdown", "Events", "Turnover/yr", "Costs", "Final value"];
  if (taxed) headers.push("Taxes", "After tax");
  lines.push(
    table(
      headers,
      results.map(({ policy: p, metrics: m }) => {
        const row = [
          p.name,
          p.check,
          p.check === "Never" ? "—" : band(p),
          p.check === "Never" ? "—" : p.rebalanceTo,
          percent(m.annualReturn),
          maybe(m.annualVolatility, (v) => percent(v)),
          maybe(m.sharpe, (v) => v.toFixed(2)),
          percent(m.maxDrawdown, 1),
          String(m.events),
          percent(m.annualTurnover, 1),
          m.totalCosts.toFixed(4),
          m.finalValue.toFixed(4),
        ];
        if (taxed) row.push(m.taxesPaid === undefined ? "—" : m.taxesPaid.toFixed(4), m.afterTaxFinalValue === undefined ? "—" : m.afterTaxFinalValue.toFixed(4));
        return row;
      }),
      [0, 1, 2, 3],
    ),
  );
  lines.push("");
  lines.push("Average weights, before any rebalance:");
  lines.push(
    table(
      ["Policy", ...s.classes],
      results.map(({ policy, metrics }) => [policy.name, ...s.classes.map((c) => percent(metrics.averageWeights[c], 1))]),
    ),
  );
  if (!s.riskFree) lines.push("", "Sharpe needs a Risk Free column in Returns.");
  lines.push("Use --json for every figure in full.");
  return lines.join("\n") + "\n";
}

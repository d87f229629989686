/** `--compare`: the strategies side by side, as text or JSON. */
import { Comparison } from "../engine/compare";
import { money as decimal } from "../plans/json";
import { money } from "../display";
import { table } from "./format";

export { comparisonJson } from "../plans/compare-json";
export type { ComparisonJson } from "../plans/compare-json";

export function formatComparison(comparisons: Comparison[], file: string): string {
  const first = comparisons[0]?.plan;
  const lines: string[] = [];
  lines.push(`Strategies compared for ${file} as of ${first?.asOf ?? "?"} (each planned as if a rebalance were due today):`);
  if (first) lines.push(`Trigger today: ${first.trigger.rebalance ? "rebalance due" : "no rebalance due"} — ${first.trigger.reasons.join("; ")}`);
  lines.push("");
  lines.push(
    table(
      ["Strategy", "Rebalance To", "Optimizer", "Trades", "Turnover", "Fees", "Gains ST", "Gains LT", "Misplacement", "Max drift after", "Out of band after"],
      comparisons.map((c) => [
        c.strategy,
        c.label,
        c.optimizer ?? "—",
        String(c.metrics.trades),
        money(decimal(c.metrics.turnover)),
        money(decimal(c.metrics.fees)),
        money(decimal(c.metrics.realizedShortTerm)),
        money(decimal(c.metrics.realizedLongTerm)),
        `${(c.metrics.misplacementAfter * 100).toFixed(2)}%`,
        `${(c.metrics.maxDriftAfter * 100).toFixed(2)} pp`,
        c.metrics.outOfBandAfter.join(", ") || "none",
      ]),
      [0, 1, 2, 10],
    ),
  );
  lines.push("");
  lines.push("Misplacement: Σ |value − target × total| ÷ total after the trades. Realised gains count sales in taxable accounts only.");
  lines.push("Use --json for every plan in full.");
  return lines.join("\n") + "\n";
}

/** The runner's readable summary: plain text tables. */
import { PlanJson } from "../plans/json";
import { money as usd, percent as pct, points as pp } from "../plans/format";

/** Renders rows as a table with right-aligned columns except those listed as left-aligned. */
export function table(headers: string[], rows: string[][], left: number[] = [0]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (left.includes(i) ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ").trimEnd();
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export function formatSummary(plan: PlanJson, file: string): string {
  const out: string[] = [];
  out.push(`Rebalance plan for ${file} as of ${plan.asOf}: total ${usd(plan.total)}`);
  out.push("");
  out.push(
    table(
      ["Class", "Value", "Weight", "Target", "Drift pp", "Rel drift", "Band", "Status"],
      plan.classes.map((c) => [
        c.assetClass,
        usd(c.value),
        pct(c.weight),
        pct(c.target),
        pp(c.drift),
        c.relativeDrift === null ? "n/a" : pct(c.relativeDrift),
        `${pct(c.bandLow)}-${pct(c.bandHigh)}`,
        c.status,
      ]),
    ),
  );
  out.push("");
  const review = plan.trigger.nextReview;
  const when = review === null ? "no review date" : review <= plan.asOf ? `review due since ${review}` : `next review ${review}`;
  out.push(`Trigger: ${plan.trigger.rebalance ? "REBALANCE" : "no rebalance"} (${when})`);
  for (const r of plan.trigger.reasons) out.push(`  - ${r}`);
  out.push("");
  if (plan.trades.length === 0) out.push("Trades: none");
  else {
    out.push(`Trades (${plan.trades.length}):`);
    out.push(
      table(
        ["Account", "Symbol", "Class", "Side", "Quantity", "Price", "Limit", "Amount", "Fee"],
        plan.trades.map((t) => [t.account, t.symbol, t.assetClass, t.side.toUpperCase(), t.quantity, t.price, t.limitPrice, usd(t.amount), usd(t.fee)]),
        [0, 1, 2, 3],
      ),
    );
  }
  out.push("");
  out.push("After the trades:");
  out.push(
    table(
      ["Class", "Value", "Weight", "Drift pp"],
      plan.after.classes.map((c) => [c.assetClass, usd(c.value), pct(c.weight), pp(c.drift)]),
    ),
  );
  out.push("");
  out.push(table(["Account", "Cash after"], plan.after.cash.map((c) => [c.account, usd(c.value)])));
  if (plan.warnings.length > 0) {
    out.push("");
    out.push("Warnings:");
    for (const w of plan.warnings) out.push(`  ! ${w}`);
  }
  return out.join("\n") + "\n";
}

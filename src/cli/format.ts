/** The runner's readable summary: plain text tables. */
import Decimal from "decimal.js";
import { PlanJson, TradeJson } from "../plans/json";
import { money as usd, percent as pct, points as pp, price, quantity } from "../display";
import { lookThroughLine, optimizerLine, reviewLine, rmdRows, strategyLine } from "../plans/describe";
import { tradeTotals } from "../plans/trade-totals";

/** A sale's realised gain (short + long term) when it is known, else null. */
function gain(t: TradeJson): Decimal | null {
  return t.realizedShortTerm === null || t.realizedLongTerm === null ? null : new Decimal(t.realizedShortTerm).plus(t.realizedLongTerm);
}

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
  out.push(`Strategy: ${strategyLine(plan)}`);
  out.push(`Optimizer: ${optimizerLine(plan.optimizer)}`);
  out.push("");
  if (plan.rmd.length > 0) {
    out.push(`Required minimum distributions (${plan.rmd[0].year}, Uniform Lifetime Table of IRS Pub. 590-B):`);
    out.push(
      table(
        ["Owner", "Age", "Divisor", "From", "Required", "Distributed", "Remaining", "Planned now", "Due by"],
        rmdRows(plan.rmd).map((r) => [r.owner, String(r.age), String(r.divisor), r.from, usd(r.due), usd(r.distributed), usd(r.remaining), r.planned, r.deadline]),
        [0, 3, 7],
      ),
    );
    out.push("");
  }
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
  const funds = lookThroughLine(plan);
  if (funds) out.push(funds);
  out.push("");
  out.push(`Trigger (${plan.trigger.kind}): ${plan.trigger.rebalance ? "REBALANCE" : "no rebalance"}`);
  for (const r of plan.trigger.reasons) out.push(`  - ${r}`);
  out.push(`Review: ${reviewLine(plan)}`);
  out.push("");
  if (plan.trades.length === 0) out.push("Trades: none");
  else {
    out.push(`Trades (${plan.trades.length}):`);
    out.push(
      table(
        ["Account", "Symbol", "Class", "Side", "Quantity", "Price", "Limit", "Amount", "Fee", "Realised gain", "Settles"],
        plan.trades.map((t) => {
          const g = gain(t);
          return [t.account, t.symbol, t.assetClass, t.side.toUpperCase(), quantity(t.quantity), price(t.price), price(t.limitPrice), usd(t.amount), usd(t.fee), g === null ? "" : usd(g), t.settlesOn];
        }),
        [0, 1, 2, 3],
      ),
    );
    const { realized } = tradeTotals(plan);
    if (realized) out.push(`Realised gains in taxable accounts (after fees): short-term ${usd(realized.shortTerm)}, long-term ${usd(realized.longTerm)}`);
  }
  if (plan.distributions.length > 0) {
    out.push("");
    out.push(`Distributions in kind (${plan.distributions.length}), apart from the trades:`);
    out.push(
      table(
        ["Owner", "Account", "Symbol", "Class", "Side", "Quantity", "Fair value", "Amount"],
        plan.distributions.map((d) => [d.owner, d.account, d.symbol, d.assetClass, "DISTRIBUTE", quantity(d.quantity), price(d.price), usd(d.amount)]),
        [0, 1, 2, 3, 4],
      ),
    );
  }
  out.push("");
  out.push("After the trades:");
  out.push(
    table(
      ["Class", "Value", "Weight", "Drift pp", "Band", "Status"],
      plan.after.classes.map((c) => [c.assetClass, usd(c.value), pct(c.weight), pp(c.drift), `${pct(c.bandLow)}-${pct(c.bandHigh)}`, c.status]),
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

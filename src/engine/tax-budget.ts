/**
 * Policy Tax Budget: the net gain (short- plus long-term, losses offsetting) a plan may realise in
 * taxable accounts. The optimizer holds it as a constraint; this says when the orders do not — the
 * greedy pass does not know it, and a sale the cash reserve needs, or a lot without a Cost Basis, can
 * take a plan past it.
 */
import Decimal from "decimal.js";
import { money } from "../display";
import { Policy } from "../contract/portfolio";
import { Trade } from "./types";

const ZERO = new Decimal(0);

/** The net gain the trades realise where it is known (sales in taxable accounts of lots with a Cost Basis). */
export function netRealized(trades: Trade[]): Decimal {
  return trades.reduce((s, t) => (t.realized ? s.plus(t.realized.shortTerm).plus(t.realized.longTerm) : s), ZERO);
}

/** What the advisor should know about the Tax Budget after the orders are made. */
export function taxBudgetWarnings(trades: Trade[], policy: Policy, method: "optimal" | "greedy"): string[] {
  if (policy.taxBudget === null) return [];
  const warnings: string[] = [];
  const net = netRealized(trades);
  if (net.gt(policy.taxBudget)) {
    const why = method === "greedy" ? "the greedy plan does not hold it (Optimizer = Optimal does)" : "the optimizer held it in dollars, and rounding the orders to whole lots, or the sales the cash reserves or the withdrawals need, take the plan past it";
    warnings.push(`The sales realise ${money(net)} of net gains in taxable accounts, above the Tax Budget of ${money(policy.taxBudget)}: ${why}`);
  }
  const unknown = [...new Set(trades.filter((t) => t.realized && !t.realized.known).map((t) => `${t.account} ${t.symbol}`))];
  if (unknown.length) warnings.push(`The Tax Budget cannot count the gain of ${unknown.join(", ")}: a lot sold has no Cost Basis`);
  return warnings;
}

/**
 * The plan's settings and decision in words, one home for the runner's summary, the Rebalance sheet's
 * header and the pane: "Cash Flow · contribution $7,000.00 to Roth SDIRA", "Full, to Target",
 * "overdue since 2026-09-30".
 */
import Decimal from "decimal.js";
import { money } from "../display";

/** "Full, to Target"; a strategy Rebalance To does not shape (rebalanceTo null) is named alone. */
export function strategyText(strategy: string, rebalanceTo: string | null): string {
  return rebalanceTo === null ? strategy : `${strategy}, to ${rebalanceTo}`;
}

/** "contribution $7,000.00 to Roth SDIRA", "withdrawal $5,000.00 from Traditional SDIRA", or "no cash flow". */
export function cashFlowText(cashFlow: { account: string; amount: Decimal.Value } | null): string {
  if (!cashFlow) return "no cash flow";
  const amount = new Decimal(cashFlow.amount);
  return amount.isNegative() ? `withdrawal ${money(amount.abs())} from ${cashFlow.account}` : `contribution ${money(amount)} to ${cashFlow.account}`;
}

/** The strategy and the cash flow in one line: "Cash Flow · contribution $7,000.00 to Roth SDIRA" (the flow only when there is one). */
export function strategyLine(plan: { strategy: string; rebalanceTo: string | null; cashFlow: { account: string; amount: Decimal.Value } | null }): string {
  const strategy = strategyText(plan.strategy, plan.rebalanceTo);
  return plan.cashFlow ? `${strategy} · ${cashFlowText(plan.cashFlow)}` : strategy;
}

/** The calendar review as of a date: "overdue since 2026-09-30", "due today (2026-11-20)", "next on 2027-03-31", or "none scheduled". */
export function reviewText(asOf: string, nextReview: string | null): string {
  if (nextReview === null) return "none scheduled";
  if (nextReview < asOf) return `overdue since ${nextReview}`;
  if (nextReview === asOf) return `due today (${nextReview})`;
  return `next on ${nextReview}`;
}

/** The review line, saying when the trigger does not use the calendar (so it never contradicts the decision). */
export function reviewLine(plan: { asOf: string; trigger: { nextReview: string | null; kind: string } }): string {
  const review = reviewText(plan.asOf, plan.trigger.nextReview);
  return plan.trigger.kind === "Band" ? `${review} (the Band trigger does not use the calendar)` : review;
}

/** How the household decision was made, in one line: "optimal · Optimal · gap 0.00%", "greedy · Greedy", "not run (…)". */
export function optimizerLine(optimizer: { method: string; status: string; gap: number | null }): string {
  if (optimizer.status === "Not run") return `${optimizer.method}, not run (no household rebalance was needed)`;
  const gap = optimizer.gap === null ? "" : ` · gap ${(optimizer.gap * 100).toFixed(2)}%`;
  return `${optimizer.method} · ${optimizer.status}${gap}`;
}

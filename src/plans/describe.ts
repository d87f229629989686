/**
 * The plan's settings and decision in words, one home for the runner's summary, the Rebalance sheet's
 * header and the pane: "Cash Flow · contribution $7,000.00 to Roth SDIRA", "Full, to Target",
 * "overdue since 2026-09-30".
 */
import Decimal from "decimal.js";
import { money } from "../display";
import type { PlanJson, RmdJson } from "./json";

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

/** The strategy and the cash flow in one line: "Cash Flow · contribution $7,000.00 to Roth SDIRA" (the flow only when there is one; an RMD's withdrawals likewise). */
export function strategyLine(plan: { strategy: string; rebalanceTo: string | null; cashFlow: { account: string; amount: Decimal.Value } | null; rmd?: RmdJson[] }): string {
  const strategy = strategyText(plan.strategy, plan.rebalanceTo);
  const rmd = rmdFlowText(plan.rmd ?? []);
  return plan.cashFlow ? `${strategy} · ${cashFlowText(plan.cashFlow)}` : rmd ? `${strategy} · ${rmd}` : strategy;
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

/** The look-through funds held, in one line ("BAL = Stocks 60% + Bonds 40%"), or null when there are none. */
export function lookThroughLine(plan: Pick<PlanJson, "lookThrough">): string | null {
  return plan.lookThrough.length ? `Look-through funds (counted in each class by share): ${plan.lookThrough.map((f) => `${f.symbol} = ${f.mix}`).join("; ")}` : null;
}

/** How the household decision was made, in one line: "optimal · Optimal · gap 0.00%", "greedy · Greedy", "not run (…)". */
export function optimizerLine(optimizer: { method: string; status: string; gap: number | null }): string {
  if (optimizer.status === "Not run") return `${optimizer.method}, not run (no household rebalance was needed)`;
  const gap = optimizer.gap === null ? "" : ` · gap ${(optimizer.gap * 100).toFixed(2)}%`;
  return `${optimizer.method} · ${optimizer.status}${gap}`;
}

/** One row per owner and RMD group, as the runner's table and the pane's show it. */
export interface RmdRow {
  owner: string;
  age: number;
  divisor: number;
  /** "IRAs: Trad SDIRA, SEP" or the Solo 401k's account. */
  from: string;
  /** This year's RMD plus a first RMD put off to April 1 of this year. */
  due: string;
  distributed: string;
  remaining: string;
  /** "$28,700.00 Traditional SDIRA" per account, or "$0.00". */
  planned: string;
  deadline: string;
}

export function rmdRows(rmd: RmdJson[]): RmdRow[] {
  return rmd.flatMap((o) =>
    o.groups.map((g) => ({
      owner: o.owner,
      age: o.age,
      divisor: o.divisor,
      from: g.from === "IRAs" ? `IRAs: ${g.accounts.join(", ")}` : g.from,
      due: new Decimal(g.required).plus(g.deferred).toFixed(2),
      distributed: g.distributed,
      remaining: g.remaining,
      planned: g.planned.length ? g.planned.map((p) => `${money(p.amount)} ${p.account}`).join(", ") : money(0),
      deadline: g.deadline,
    })),
  );
}

/** What the plan distributes now for the RMDs, summed: "RMD $4,313.73 from Trad SDIRA" (several accounts each named), or null when nothing. */
export function rmdFlowText(rmd: RmdJson[]): string | null {
  const planned = rmd.flatMap((o) => o.groups.flatMap((g) => g.planned));
  if (planned.length === 0) return null;
  const total = planned.reduce((s, p) => s.plus(p.amount), new Decimal(0));
  const from = planned.length === 1 ? planned[0].account : planned.map((p) => `${p.account} ${money(new Decimal(p.amount))}`).join(", ");
  return `RMD ${money(total)} from ${from}`;
}

/**
 * One line per owner and RMD group: "Pat, age 74 (Uniform Lifetime 25.5), 2026 RMD from the IRAs
 * (Trad SDIRA, SEP): required $4,313.73, distributed $0.00, remaining $4,313.73, planned now $4,313.73, due by 2026-12-31".
 */
export function rmdLines(rmd: RmdJson[]): string[] {
  return rmd.flatMap((o) =>
    o.groups.map((g) => {
      const planned = g.planned.reduce((s, p) => s.plus(p.amount), new Decimal(0));
      const from = g.from === "IRAs" ? `the IRAs (${g.accounts.join(", ")})` : g.from;
      const deferred = new Decimal(g.deferred).gt(0) ? `, deferred from ${o.year - 1} ${money(new Decimal(g.deferred))}` : "";
      return `${o.owner}, age ${o.age} (Uniform Lifetime ${o.divisor}), ${o.year} RMD from ${from}: required ${money(new Decimal(g.required))}${deferred}, distributed ${money(new Decimal(g.distributed))}, remaining ${money(new Decimal(g.remaining))}, planned now ${money(planned)}, due by ${g.deadline}`;
    }),
  );
}

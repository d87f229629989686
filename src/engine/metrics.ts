/** What a plan costs and achieves, in a few numbers: for --compare, the log row and the pane. */
import Decimal from "decimal.js";
import { Plan } from "./types";

export interface PlanMetrics {
  trades: number;
  /** Buys plus sells, dollars. */
  turnover: Decimal;
  fees: Decimal;
  realizedShortTerm: Decimal;
  realizedLongTerm: Decimal;
  /** Largest |drift| after the trades (fraction). */
  maxDriftAfter: number;
  /** Classes still outside their band after the trades. */
  outOfBandAfter: string[];
}

export function planMetrics(plan: Plan): PlanMetrics {
  const sum = (f: (t: Plan["trades"][number]) => Decimal) => plan.trades.reduce((s, t) => s.plus(f(t)), new Decimal(0));
  return {
    trades: plan.trades.length,
    turnover: sum((t) => t.amount),
    fees: sum((t) => t.fee),
    realizedShortTerm: sum((t) => (t.realized ? t.realized.shortTerm : new Decimal(0))),
    realizedLongTerm: sum((t) => (t.realized ? t.realized.longTerm : new Decimal(0))),
    maxDriftAfter: Math.max(0, ...plan.after.classes.map((c) => Math.abs(c.drift))),
    outOfBandAfter: plan.after.classes.filter((c) => c.status !== "In band").map((c) => c.assetClass),
  };
}

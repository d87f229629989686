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
  /** Misplacement after the trades: Σ |value − target × total| ÷ total (fraction). */
  misplacementAfter: number;
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
    misplacementAfter: misplacement(plan),
  };
}

/** Σ |value − target × total| ÷ total after the trades (0 when the household is worth nothing). */
export function misplacement(plan: Plan): number {
  const total = plan.after.classes.reduce((s, c) => s.plus(c.value), new Decimal(0));
  if (total.lte(0)) return 0;
  const off = plan.after.classes.reduce((s, c, i) => s.plus(c.value.minus(total.times(plan.classes[i].target)).abs()), new Decimal(0));
  return off.div(total).toNumber();
}

/** Plans today's portfolio under every strategy and Rebalance To, so their cost and effect can be weighed before acting. */
import Decimal from "decimal.js";
import { Portfolio, RebalanceTo, StrategyName } from "../contract/portfolio";
import { planRebalance } from "./plan";
import { Plan } from "./types";
import { WEIGHT_EPSILON } from "./bands";

export interface Variant {
  strategy: StrategyName;
  rebalanceTo: RebalanceTo;
}

/** Cash Flow ignores Rebalance To (it only places the flow), so it is planned once. */
export const VARIANTS: Variant[] = [
  { strategy: "Full", rebalanceTo: "Target" },
  { strategy: "Full", rebalanceTo: "Band Edge" },
  { strategy: "Full", rebalanceTo: "Halfway" },
  { strategy: "Tax Aware", rebalanceTo: "Target" },
  { strategy: "Tax Aware", rebalanceTo: "Band Edge" },
  { strategy: "Tax Aware", rebalanceTo: "Halfway" },
  { strategy: "Cash Flow", rebalanceTo: "Target" },
];

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
    outOfBandAfter: plan.after.classes
      .filter((c, i) => {
        const before = plan.classes[i];
        return c.weight > before.bandHigh + WEIGHT_EPSILON || c.weight < before.bandLow - WEIGHT_EPSILON;
      })
      .map((c) => c.assetClass),
  };
}

export interface Comparison extends Variant {
  plan: Plan;
  metrics: PlanMetrics;
}

/** Every variant, planned as if a rebalance were due today (the trigger still reports what it found). */
export function compareStrategies(portfolio: Portfolio): Comparison[] {
  return VARIANTS.map((v) => {
    const plan = planRebalance(portfolio, { ...v, force: true });
    return { ...v, plan, metrics: planMetrics(plan) };
  });
}

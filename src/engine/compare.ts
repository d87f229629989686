/** Plans today's portfolio under every strategy and Rebalance To, so their cost and effect can be weighed before acting. */
import { Portfolio, RebalanceTo } from "../contract/portfolio";
import { OPTIMIZERS, Optimizer } from "../contract/vocabulary";
import { planRebalance } from "./plan";
import { DoNotTrade } from "./do-not-trade";
import { Plan } from "./types";
import { PlanMetrics, planMetrics } from "./metrics";
import { strategies } from "./strategies/registry";

export interface Variant {
  strategy: string;
  rebalanceTo: RebalanceTo;
  /** How the comparison labels the Rebalance To column ("Band Edge", or "(flow only)" where it does not apply). */
  label: string;
  /** Optimal or Greedy for a strategy whose household trades the optimizer decides (both are planned); null otherwise. */
  optimizer: Optimizer | null;
}

/**
 * What --compare plans: every registered strategy's variants, those that Rebalance To shapes first
 * (then the flow-only ones), each group in registry order; a strategy the optimizer decides is planned
 * Optimal and Greedy, side by side, so the advisor sees what the optimizer buys.
 */
export function compareVariants(): Variant[] {
  const ordered = [...strategies()].sort((a, b) => Number(b.usesRebalanceTo) - Number(a.usesRebalanceTo));
  return ordered.flatMap((s) =>
    s.compare.flatMap((v) =>
      (s.usesOptimizer ? OPTIMIZERS : [null]).map((optimizer) => ({ strategy: s.name, rebalanceTo: v.rebalanceTo, label: v.label, optimizer })),
    ),
  );
}

export interface Comparison extends Variant {
  plan: Plan;
  metrics: PlanMetrics;
}

/** Every variant, planned as if a rebalance were due today (the trigger still reports what it found); `doNotTrade` held still in each. */
export function compareStrategies(portfolio: Portfolio, doNotTrade: readonly DoNotTrade[] = []): Comparison[] {
  return compareVariants().map((v) => {
    const plan = planRebalance(portfolio, { strategy: v.strategy, rebalanceTo: v.rebalanceTo, optimizer: v.optimizer ?? undefined, force: true, doNotTrade });
    return { ...v, plan, metrics: planMetrics(plan) };
  });
}

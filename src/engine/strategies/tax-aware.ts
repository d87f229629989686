/** Tax Aware: Full's goal, reached trading tax-advantaged accounts first and selling taxable lots in the cheapest tax order. */
import { EVERY_REBALANCE_TO, ONLY_THE_FLOW, canRebalance, placeCashFlow, rebalanceHousehold } from "./steps";
import { defineStrategy } from "./types";

export const taxAware = defineStrategy({
  name: "Tax Aware",
  summary:
    "Trades first in tax-advantaged accounts; in `Taxable` accounts sells losses first, then long-term gains, then short-term gains, each in Lot Order, and reports every sale's realised gain split short/long-term.",
  usesRebalanceTo: true,
  usesOptimizer: true,
  taxAware: true,
  compare: EVERY_REBALANCE_TO,
  plan: (ctx) => (canRebalance(ctx) ? rebalanceHousehold(ctx, true) : placeCashFlow(ctx, true, ONLY_THE_FLOW)),
});

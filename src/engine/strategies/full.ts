/** Full: the cash flow included, the whole household brought to Target, Band Edge or Halfway. */
import { EVERY_REBALANCE_TO, ONLY_THE_FLOW, canRebalance, placeCashFlow, rebalanceHousehold } from "./steps";
import { defineStrategy } from "./types";

export const full = defineStrategy({
  name: "Full",
  summary: "Includes the cash flow, then brings the whole household to Target / Band Edge / Halfway.",
  usesRebalanceTo: true,
  usesOptimizer: true,
  taxAware: false,
  compare: EVERY_REBALANCE_TO,
  plan: (ctx) => (canRebalance(ctx) ? rebalanceHousehold(ctx, false) : placeCashFlow(ctx, false, ONLY_THE_FLOW)),
});

/** Cash Flow: only the contribution or withdrawal trades, placed by Mao's optimal lazy rebalancing. */
import { placeCashFlow } from "./steps";
import { defineStrategy } from "./types";

export const cashFlow = defineStrategy({
  name: "Cash Flow",
  summary:
    "A contribution only buys, a withdrawal only sells; nothing else trades. The flow is placed by Mao's *optimal lazy rebalancing*: a contribution lifts the classes furthest below target to one common level (minimising the largest relative shortfall), money beyond every target is split by target weight; a withdrawal draws down the classes furthest above target.",
  usesRebalanceTo: false,
  usesOptimizer: true,
  taxAware: false,
  // Rebalance To does not shape it, so it is planned once.
  compare: [{ rebalanceTo: "Target", label: "(flow only)" }],
  plan: (ctx) => placeCashFlow(ctx, false),
});

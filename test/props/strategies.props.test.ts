/**
 * Every strategy over random households with several accounts (IRA and taxable), lots with gains
 * and losses, locked rows, fees, lot sizes and cash flows. PROP_RUNS (2,000 in `npm test`, 10,000 in
 * `npm run test:props`) per property, fixed seed.
 */
import fc from "fast-check";
import { planRebalance } from "../../src/engine/plan";
import { householdArb, PROP_RUNS, PROP_SEED } from "../support/households";
import { checkExecution } from "../support/invariants";

describe("strategy properties over random households", () => {
  test("every strategy: execution invariants and the wash-sale guard hold", () => {
    fc.assert(
      fc.property(householdArb({ strategies: ["Full", "Cash Flow", "Tax Aware"], cashFlows: true }), (p) => {
        checkExecution(p, planRebalance(p, { force: true }));
      }),
      { numRuns: PROP_RUNS, seed: PROP_SEED },
    );
  });

  test("Cash Flow never sells on a contribution and never buys on a withdrawal", () => {
    fc.assert(
      fc.property(householdArb({ strategies: ["Cash Flow"], cashFlows: true }), (p) => {
        const plan = planRebalance(p);
        const flow = p.policy.cashFlow;
        if (flow.gt(0)) expect(plan.trades.filter((t) => t.side === "sell")).toEqual([]);
        if (flow.lt(0)) expect(plan.trades.filter((t) => t.side === "buy")).toEqual([]);
        if (flow.isZero()) expect(plan.trades).toEqual([]);
        // Only the flow's account trades.
        for (const t of plan.trades) expect(t.account).toBe(plan.cashFlow!.account);
      }),
      { numRuns: PROP_RUNS, seed: PROP_SEED },
    );
  });
});

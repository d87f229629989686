/**
 * The optimizer over random households (PROP_RUNS each, fixed seed; with Do Not Buy / Do Not Sell rows,
 * Max Turnover, Tax Budget, tax rates, Fewest Trades and Location drawn at random): its plan is never worse than the
 * greedy pass's on the program's own objective, level by level in priority order (reserve shortfall,
 * band violations, distance to the Rebalance To goal, distance to the rescaled targets, dollars traded). The greedy pass's moves are a
 * feasible point of the program, scored by a second formulation (evaluateMoves), so an optimum that
 * lost to them would be a bug in the model or the solve.
 */
import fc from "fast-check";
import { planRebalance } from "../../src/engine/plan";
import { householdArb, PROP_RUNS, PROP_SEED } from "../support/households";
import { checkExecution } from "../support/invariants";

const LEVELS = ["reserveShortfall", "bandViolation", "goalDistance", "rescaledDistance", "turnover"] as const;

describe("optimizer properties", () => {
  test("lexicographically never worse than the greedy pass; every execution invariant holds", () => {
    fc.assert(
      fc.property(householdArb({ strategies: ["Full", "Tax Aware"], restrictions: true }), (p) => {
        const optimal = planRebalance(p);
        checkExecution(p, optimal);
        if (optimal.optimizer.status === "Not run") return;
        expect(optimal.optimizer.method).toBe("optimal");
        const greedy = planRebalance({ ...p, policy: { ...p.policy, optimizer: "Greedy" } });
        const o = optimal.optimizer.objective!;
        const g = greedy.optimizer.objective!;
        // Within a cent per class (the moves are rounded to cents) plus one part in 10⁷ of the household
        // (each level is held to its optimum within far less). Looser, a fixed fee of $4.95 in a $5M
        // household hid a reserve shortfall the greedy moves have and the optimum does not.
        const tol = 0.01 * optimal.classes.length + 1e-7 * optimal.total.toNumber() + 1e-6;
        // The greedy pass does not hold the Tax Budget (it warns): beyond it, its moves are no plan of the program.
        if (greedy.warnings.some((w) => w.includes("above the Tax Budget"))) return;
        // Fewest Trades solves the trade count before the dollars traded: only the levels above both compare.
        for (const level of p.policy.fewestTrades ? LEVELS.slice(0, 4) : LEVELS) {
          if (o[level] < g[level] - tol) return; // strictly better at a higher level: the lower ones may be anything
          expect({ level, optimal: o[level], greedy: g[level], tol, worse: o[level] > g[level] + tol }).toEqual({ level, optimal: o[level], greedy: g[level], tol, worse: false });
        }
      }),
      { numRuns: PROP_RUNS, seed: PROP_SEED },
    );
  });
});

/**
 * The Solver Time Limit: when it stops the solve after a level was solved, or inside a level with a plan
 * found, that plan is used, the level it stopped is named and its gap is that level's distance to the
 * bound of its linear relaxation; with no plan found, the greedy plan, and a warning saying so.
 */
import { planRebalance } from "../../../src/engine/plan";
import { Solver } from "../../../src/engine/optimizer/program";
import { activeSolver, useClock, useSolver } from "../../../src/engine/optimizer/solver";
import { planJson } from "../../../src/plans/json";
import { CHAIN_LOTS, chainTargets } from "../../support/chain";
import { policy, portfolio } from "../../support/portfolio";

const lots = CHAIN_LOTS;
const t = chainTargets();

let real: Solver;
let clock = 0;
beforeEach(() => {
  real = activeSolver()!;
  clock = 0;
  useClock(() => clock);
});
afterEach(() => {
  useSolver(real);
  useClock(() => 0);
});

/** The real solver, with the clock moved past the limit once `calls` solves have ended (each solve's answer unchanged). */
function slowAfter(calls: number, seconds: number): void {
  let n = 0;
  useSolver({ name: "slow", solve: (program, options) => { const answer = real.solve(program, options); if (++n === calls) clock += seconds * 1000; return answer; } });
}

const plan = () => planJson(planRebalance(portfolio(lots, t, policy({ relBand: null }))));
const line = (x: { account: string; side: string; quantity: string; symbol: string }) => `${x.account} ${x.side} ${x.quantity} ${x.symbol}`;

// The three-account chain of household.test.ts: its optimum puts every class on target (goal distance 0). The
// band level alone is met by a plan with the classes on their band edges (HiGHS's vertex here: Stocks 35,000,
// Gold 15,000, Bonds 45,000, Cash 5,000, each 5,000 from its target — a goal distance of 20,000; the test sums it
// from the plan's classes after). The bound of the goal level's relaxation is the
// full solve's 0 (no integers here: the relaxation is the level itself), so the gap is (20,000 − 0) ÷ 20,000.
describe("the time limit stops the solve after the band level", () => {
  test("the band level's plan is used: its bands optimal, its goal distance and gap reported against the goal's bound", () => {
    const full = plan();
    expect(full.optimizer).toMatchObject({ status: "Optimal", gap: 0, objective: { bandViolation: "0.00", goalDistance: "0.00" } });
    slowAfter(1, 3);
    const stopped = plan();
    expect(stopped.optimizer).toMatchObject({ method: "optimal", status: "Time limit reached", gap: 1, seconds: 3, objective: { bandViolation: "0.00", goalDistance: "20000.00" } });
    expect(stopped.warnings).toContain(
      "The optimizer stopped at the Solver Time Limit (2 s) with the best plan it had found: the cash reserve shortfall and the dollars outside the bands are optimal, but the distance to the targets is $20,000.00 where $0.00 may be reachable (gap 100.00%); a longer Solver Time Limit may find a better plan",
    );
    // The goal distance reported is the plan's, Σ |value − target × total| after the trades, every class in its band.
    const goal: Record<string, number> = { Stocks: 0.4, Gold: 0.2, Bonds: 0.4, Cash: 0 };
    expect(stopped.after.classes.reduce((d, c) => d + Math.abs(Number(c.value) - goal[c.assetClass] * 100000), 0)).toBeCloseTo(20000, 2);
    expect(stopped.after.classes.map((c) => c.status)).toEqual(["In band", "In band", "In band", "In band"]);
    expect(stopped.warnings.some((w) => w.startsWith("The optimizer found no plan"))).toBe(false);
  });

  test("a longer limit lets the same household solve every level", () => {
    slowAfter(1, 1);
    expect(plan().optimizer).toMatchObject({ status: "Optimal", gap: 0, objective: { goalDistance: "0.00" } });
  });
});

describe("the time limit stops HiGHS inside a level, with a plan found", () => {
  test("that plan is used, and the level's gap is measured against its relaxation", () => {
    // The goal level's solve (the second) answers "Time limit reached" with the band level's plan as its incumbent.
    let n = 0;
    let first: ReturnType<Solver["solve"]> | undefined;
    useSolver({ name: "stopped", solve: (program, options) => { n += 1; if (n === 2) return { ...first!, status: "Time limit reached" }; const answer = real.solve(program, options); if (n === 1) first = answer; return answer; } });
    const stopped = plan();
    expect(stopped.optimizer).toMatchObject({ status: "Time limit reached", gap: 1, objective: { bandViolation: "0.00", goalDistance: "20000.00" } });
    expect(stopped.warnings.find((w) => w.startsWith("The optimizer stopped"))).toContain("the distance to the targets is $20,000.00 where $0.00 may be reachable (gap 100.00%)");
  });
});

describe("the time limit stops the solve before any level", () => {
  test("the greedy plan, and a warning that says the limit was reached", () => {
    // Every reading of the clock is 1,000 s after the one before: the limit has passed before the first solve.
    useClock(() => (clock += 1_000_000));
    const stopped = plan();
    expect(stopped.optimizer).toMatchObject({ method: "greedy", status: "Greedy", gap: null });
    expect(stopped.warnings).toContain("The optimizer found no plan (the solver time limit was reached), so the greedy plan is used");
    // The greedy plan as household.test.ts has it: gold on target, so nothing is traded, 10,000 outside the bands.
    expect(stopped.optimizer.objective).toMatchObject({ bandViolation: "10000.00" });
    expect(stopped.trades.map(line)).toEqual([]);
  });
});

/**
 * Every test file plans as the product does: with HiGHS loaded (the entry points load it before they
 * plan; engine-level tests call the engine directly, so it is loaded here). A test that wants the
 * greedy pass sets Policy Optimizer = Greedy, or clears the solver with useSolver(null); one that
 * measures time sets the clock back with useClock(Date.now).
 */
import { loadSolver } from "../../src/solver/highs";
import { useClock } from "../../src/engine/optimizer/solver";

beforeAll(async () => {
  await loadSolver();
  // The optimizer's clock stands still, so two runs of one book give the same JSON (seconds: 0).
  useClock(() => 0);
});

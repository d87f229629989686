/**
 * The solver adapter: HiGHS compiled to WebAssembly (the `highs` package, MIT), loaded once, lazily,
 * and handed to the engine (src/engine/optimizer/solver.ts).
 */
import type loadHighs from "highs";
import { LinearProgram, Solution, SolveOptions, Solver, lpText } from "../engine/optimizer/program";
import { useSolver } from "../engine/optimizer/solver";

type Highs = Awaited<ReturnType<typeof loadHighs>>;

/**
 * Mixed-integer settings. The gaps are tight because each level is held for the next at the value found:
 * HiGHS's default relative gap (10⁻⁴) let a held level end dollars from its optimum. In units where the
 * household is 1,000,000, an absolute gap of 10⁻³ is a billionth of the household. The sub-MIP heuristics
 * (RINS, RENS, root reduced-cost fixing) are off: the household programs have a few dozen binaries, which
 * branch and bound closes at the root, and the sub-MIPs took most of the time (measured on the bench's
 * 50-holding household: 248 ms → 95 ms for its four levels, the same optima).
 */
const MIP_OPTIONS = {
  mip_rel_gap: 1e-9,
  mip_abs_gap: 1e-3,
  mip_heuristic_run_rins: false,
  mip_heuristic_run_rens: false,
  mip_heuristic_run_root_reduced_cost: false,
} as const;

/** The engine's Solver over a loaded HiGHS. */
export function highsSolver(highs: Highs): Solver {
  return {
    name: "HiGHS",
    solve(program: LinearProgram, options: SolveOptions): Solution {
      const result = highs.solve(lpText(program), { output_flag: false, time_limit: options.timeLimit, ...MIP_OPTIONS, ...(options.presolve === false ? { presolve: "off" } : {}) });
      const values = new Map<string, number>();
      for (const [name, column] of Object.entries(result.Columns ?? {})) values.set(name, (column as { Primal?: number }).Primal ?? 0);
      return { status: String(result.Status), values, objective: Number(result.ObjectiveValue ?? NaN) };
    },
  };
}

let loading: Promise<Solver> | null = null;

/**
 * Loads HiGHS (once) and makes it the engine's solver. The package finds highs.wasm itself: in Node
 * beside its loader; in the pane webpack emits it as an asset of the add-in's own origin and points the
 * loader at it, in a chunk loaded with the first plan.
 */
export function loadSolver(): Promise<Solver> {
  if (!loading) {
    // Imported when first needed: the pane's first screen does not carry the solver's code.
    loading = import("highs").then(async (module) => {
      const load = ((module as unknown as { default?: typeof loadHighs }).default ?? (module as unknown as typeof loadHighs)) as typeof loadHighs;
      const highs = await load();
      const solver = highsSolver(highs);
      useSolver(solver);
      return solver;
    });
    // A failed load is not cached: the next plan tries again.
    loading.catch(() => (loading = null));
  }
  return loading;
}

/**
 * Loads the solver before a plan is made, when it can be: a failure is not an error here (the engine
 * then plans with the greedy pass and says so in a warning).
 */
export async function prepareSolver(): Promise<void> {
  try {
    await loadSolver();
  } catch {
    // The plan's warning says the optimizer was not loaded.
  }
}

/**
 * The solver the optimizer uses, set once by whoever can load one (src/solver/highs.ts: the runner,
 * the pane, the ribbon and the custom functions load HiGHS before they plan). The engine itself
 * loads nothing: without a solver, an Optimal plan falls back to the greedy one and says so.
 */
import { Solver } from "./program";

let active: Solver | null = null;

/** Sets (or, with null, clears) the solver every later plan uses. */
export function useSolver(solver: Solver | null): void {
  active = solver;
}

/** The solver set by useSolver, or null. */
export function activeSolver(): Solver | null {
  return active;
}

let clock: () => number = () => Date.now();

/** Sets the clock the optimizer times itself with (milliseconds); tests pin it so plans repeat exactly. */
export function useClock(next: () => number): void {
  clock = next;
}

/** Milliseconds now, by the clock in use. */
export function now(): number {
  return clock();
}

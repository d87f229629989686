/**
 * Plans made once the solver is loaded, on whichever thread calls: the ribbon button and the adapter tests
 * call them on the page (src/excel loads this module on first use); the pane calls them in its worker
 * (src/taskpane/worker/jobs.ts), so its page never loads the engine or the solver.
 */
import { WorkbookSnapshot } from "../contract/snapshot";
import { BookRebalance, BookRebalanceOptions, rebalanceBook } from "../plans/book-rebalance";
import { PlanOutcome, planOutcome } from "../plans/plan-outcome";
import { BookPlanOptions } from "../plans/plan-workbook";
import { prepareSolver } from "../solver/highs";

export async function rebalanceHere(snapshot: WorkbookSnapshot, options: BookRebalanceOptions): Promise<BookRebalance> {
  await prepareSolver();
  return rebalanceBook(snapshot, options);
}

export async function planHere(snapshot: WorkbookSnapshot, options: BookPlanOptions = {}): Promise<PlanOutcome> {
  await prepareSolver();
  return planOutcome(snapshot, options);
}

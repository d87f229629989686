/**
 * The Compare view's work: a workbook's snapshot (read by Office.js inside Excel, by exceljs from a file)
 * compared under every strategy by the engine, with the solver loaded first. Loaded on first use.
 */
import type { WorkbookSnapshot } from "../contract/snapshot";
import { CompareOutcome, compareBook } from "../plans/compare-json";
import { prepareSolver } from "../solver/highs";
import type { BookDoNotTrade } from "../plans/plan-workbook";

/** `doNotTrade`: the positions the pane's plan holds still, held still in every variant too. */
export async function compareSnapshot(snapshot: WorkbookSnapshot, doNotTrade: readonly BookDoNotTrade[] = []): Promise<CompareOutcome> {
  await prepareSolver();
  return compareBook(snapshot, { doNotTrade });
}

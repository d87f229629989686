/**
 * Standalone planning: .xlsx bytes → the same plan the CLI prints, computed in the browser.
 * The workbook never leaves the machine: exceljs reads it here and the engine plans it here.
 */
import { PlanOutcome, planOutcome } from "../plans/plan-outcome";
import { prepareSolver } from "../solver/highs";
import type { BookDoNotTrade } from "../plans/plan-workbook";
import type { FileSnapshot } from "./readFile";

export type { PlanOutcome };

/** The reader (exceljs), fetched with the first file read: the pane's worker starts without it and loads the solver meanwhile. */
const reader = () => import(/* webpackChunkName: "xlsx" */ "./readFile");

/**
 * Reads and plans a workbook file (`doNotTrade`: positions held still for this plan); exceljs reads it while the
 * solver loads. Files that are not readable workbooks come back as one workbook-level error.
 */
export async function planFile(name: string, data: ArrayBuffer, doNotTrade: readonly BookDoNotTrade[] = []): Promise<PlanOutcome> {
  const read = await readWithSolver(name, data);
  return read.ok ? planOutcome(read.snapshot, { doNotTrade }) : read;
}

/** A file's snapshot, read by exceljs while the solver loads: both are ready when it resolves. */
export async function readWithSolver(name: string, data: ArrayBuffer): Promise<FileSnapshot> {
  const [read] = await Promise.all([reader().then((r) => r.readFileSnapshot(name, data)), prepareSolver()]);
  return read;
}

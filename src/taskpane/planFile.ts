/**
 * Standalone planning: .xlsx bytes → the same plan the CLI prints, computed in the browser.
 * The workbook never leaves the machine: exceljs reads it here and the engine plans it here.
 */
import { PlanOutcome, planOutcome } from "../plans/plan-outcome";
import { prepareSolver } from "../solver/highs";
import { readFileSnapshot } from "./readFile";
import type { BookDoNotTrade } from "../plans/plan-workbook";

export type { PlanOutcome };

/** Reads and plans a workbook file (`doNotTrade`: positions held still for this plan). Files that are not readable workbooks come back as one workbook-level error. */
export async function planFile(name: string, data: ArrayBuffer, doNotTrade: readonly BookDoNotTrade[] = []): Promise<PlanOutcome> {
  const read = await readFileSnapshot(name, data);
  if (!read.ok) return read;
  await prepareSolver();
  return planOutcome(read.snapshot, { doNotTrade });
}

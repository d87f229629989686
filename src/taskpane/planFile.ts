/**
 * Standalone planning: .xlsx bytes → the same plan the CLI prints, computed in the browser.
 * The workbook never leaves the machine: exceljs reads it here and the engine plans it here.
 */
import { planBook } from "../plans/plan-workbook";
import type { ContractError } from "../contract/errors";
import { hasContractNames } from "../contract/snapshot";
import type { PlanJson } from "../plans/json";
import { prepareSolver } from "../solver/highs";
import { readFileSnapshot } from "./readFile";

/** The workbook's plans (one per household of a master workbook), or its problems (`empty`: it has none of the contract's names, so the pane offers the starter sheets). */
export type PlanOutcome = { ok: true; master: boolean; households: { household: string | null; plan: PlanJson }[] } | { ok: false; errors: ContractError[]; empty?: boolean };

/** Reads and plans a workbook file. Files that are not readable workbooks come back as one workbook-level error. */
export async function planFile(name: string, data: ArrayBuffer): Promise<PlanOutcome> {
  const read = await readFileSnapshot(name, data);
  if (!read.ok) return read;
  await prepareSolver();
  const book = planBook(read.snapshot);
  if (!book.ok) return { ...book, empty: !hasContractNames(read.snapshot) };
  return { ok: true, master: book.master, households: book.households.map((h) => ({ household: h.household, plan: h.plan })) };
}

/**
 * One workbook of a batch, start to end: read it, plan it (one household, or each household of a
 * master workbook), and (with an output path)
 * write its updated copy as the single-book runner's --out does (drift columns, Rebalance sheet, a
 * log row; nothing written when any step refuses). What comes back is plain data: its summary row
 * and its trades, never the workbook, so the main thread holds one row per household and no more.
 */
import path from "path";
import { readBook } from "../xlsx/read-book";
import { snapshotWorkbook } from "../xlsx/read";
import { writeCommandOutputs } from "../xlsx/outputs";
import { planBook } from "../plans/plan-workbook";
import { buildBookWritePlan } from "../plans/write-plan";
import { FirmTrade, HouseholdRow, failedRow, firmTrades, plannedRow } from "../plans/household-row";
import { prepareSolver } from "../solver/highs";
import { todayIso } from "../dates/calendar";

export interface HouseholdTask {
  /** The workbook to plan. */
  file: string;
  /** Its name in the summary and the block allocation. */
  household: string;
  /** Where its updated workbook goes, or null to plan only. */
  out: string | null;
  /** The batch's clock, as an ISO timestamp: every household's log row and default As Of use it. */
  now: string;
  /** Something to say in its row's warnings (e.g. that Excel holds it open). */
  notes?: string[];
}

/** A workbook's rows: one, or one per household of a master workbook (named "file: household"). */
export interface HouseholdResult {
  rows: HouseholdRow[];
  trades: FirmTrade[];
}

export async function planHousehold(task: HouseholdTask): Promise<HouseholdResult> {
  const fail = (errors: string[]): HouseholdResult => ({ rows: [failedRow(task.household, task.file, errors)], trades: [] });
  const book = await readBook(task.file, task.out === null);
  if (!book.ok) return fail([book.message]);
  const now = new Date(task.now);
  const snapshot = await snapshotWorkbook(book.wb, book.data);
  await prepareSolver();
  const result = planBook(snapshot, { today: todayIso(now) });
  if (!result.ok) return fail(result.errors.map((e) => e.text));
  if (task.out !== null) {
    const said: string[] = [];
    const copy = { path: task.out, book, plan: () => buildBookWritePlan(result, snapshot, { now }), insideExcel: "rebalance it", option: "--out-dir" };
    const code = await writeCommandOutputs((line) => said.push(line.trimEnd()), task.file, false, [], copy);
    if (code !== 0) return fail(said);
  }
  const households = result.households.map((h) => ({ ...h, name: h.household === null ? task.household : `${task.household}: ${h.household}` }));
  const rows = households.map((h) => {
    const row = plannedRow(h.name, task.file, h.plan, task.out);
    if (task.notes) row.warnings = [...task.notes, ...row.warnings];
    return row;
  });
  return { rows, trades: firmTrades(households.map((h) => ({ household: h.name, plan: h.plan }))) };
}

/** The household's name from its file: the name without .xlsx. */
export function householdName(file: string): string {
  return path.basename(file).replace(/\.xlsx$/i, "");
}

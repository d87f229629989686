/**
 * Standalone mode's "Download updated workbook": the opened .xlsx with the rebalance written into it,
 * as the runner's --out writes it (the Rebalance sheet, drift columns, Drift History and log row; a
 * master workbook's households sheet), made in this browser with the exceljs adapter. Loaded only
 * when asked for: exceljs is not part of the pane's first download.
 */
import type { ContractError } from "../contract/errors";
import { loadWorkbook, snapshotWorkbook } from "../xlsx/read";
import { OwnershipError, applyWritePlan, workbookBytes } from "../xlsx/apply";
import { unkeptContent } from "../xlsx/unkept";
import { sizeProblem } from "../xlsx/limits";
import { BookDoNotTrade, planBook } from "../plans/plan-workbook";
import { buildBookWritePlan } from "../plans/write-plan";
import { prepareSolver } from "../solver/highs";

export type UpdateOutcome = { ok: true; fileName: string; bytes: Uint8Array } | { ok: false; errors: ContractError[] };

const problem = (message: string): UpdateOutcome => ({ ok: false, errors: [{ sheet: "", cell: "", message, text: message }] });

/** "book.xlsx" → "book-rebalanced.xlsx". */
export function updatedFileName(name: string): string {
  return `${name.replace(/\.xlsx$/i, "")}-rebalanced.xlsx`;
}

export async function updatedWorkbook(name: string, data: ArrayBuffer, doNotTrade: readonly BookDoNotTrade[] = [], now: Date = new Date()): Promise<UpdateOutcome> {
  const tooLarge = await sizeProblem(data);
  if (tooLarge) return problem(`"${name}" is too large to update in the browser: ${tooLarge}`);
  // exceljs cannot carry charts, pivot tables or macros: refuse rather than hand back a workbook without them.
  const unkept = await unkeptContent(data);
  if (unkept) return problem(`"${name}" holds ${unkept}, which this browser cannot keep when it writes the workbook; rebalance it inside Excel instead (nothing was changed)`);
  const wb = await loadWorkbook(data);
  const snapshot = await snapshotWorkbook(wb, data);
  await prepareSolver();
  const book = planBook(snapshot, { doNotTrade });
  if (!book.ok) return book;
  try {
    applyWritePlan(wb, buildBookWritePlan(book, snapshot, { now }));
  } catch (e) {
    if (e instanceof OwnershipError) return { ok: false, errors: [e.problem()] };
    throw e;
  }
  return { ok: true, fileName: updatedFileName(name), bytes: await workbookBytes(wb) };
}

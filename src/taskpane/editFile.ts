/**
 * Standalone mode's Policy (and Targets) edits: the opened .xlsx with the edited settings written into
 * its Policy range, in this browser, with the exceljs adapter (src/xlsx/range-edit.ts). The contract
 * judges the edit first: a problem comes back with its cell and nothing is written. Loaded only when
 * asked for: exceljs is not part of the pane's first download.
 */
import type { ContractError } from "../contract/errors";
import { loadWorkbook, snapshotWorkbook } from "../xlsx/read";
import { OwnershipError, workbookBytes } from "../xlsx/apply";
import { applyRangeEdit } from "../xlsx/range-edit";
import { unkeptContent } from "../xlsx/unkept";
import { sizeProblem } from "../xlsx/limits";
import { WorkbookEdits, workbookEdit } from "../plans/workbook-edit";

export type { WorkbookEdits };

export type EditOutcome = { ok: true; data: ArrayBuffer; written: string[] } | { ok: false; errors: ContractError[] };

const problem = (message: string): EditOutcome => ({ ok: false, errors: [{ sheet: "", cell: "", message, text: message }] });

export async function editedWorkbook(name: string, data: ArrayBuffer, edits: WorkbookEdits): Promise<EditOutcome> {
  const tooLarge = await sizeProblem(data);
  if (tooLarge) return problem(`"${name}" is too large to edit in the browser: ${tooLarge}`);
  const unkept = await unkeptContent(data);
  if (unkept) return problem(`"${name}" holds ${unkept}, which this browser cannot keep when it writes the workbook; edit the Policy inside Excel instead (nothing was changed)`);
  const wb = await loadWorkbook(data);
  const snapshot = await snapshotWorkbook(wb, data);
  const planned = workbookEdit(snapshot, edits);
  if (!planned.ok) return planned;
  try {
    for (const e of planned.edits) applyRangeEdit(wb, e);
  } catch (e) {
    if (e instanceof OwnershipError) return { ok: false, errors: [e.problem()] };
    throw e;
  }
  const bytes = await workbookBytes(wb);
  return { ok: true, data: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, written: planned.written };
}

/**
 * An edit of one of the advisor's named ranges (Policy, Targets), as plain data: the cells to write,
 * all inside the range — or in rows right below it, which the range then grows over, or on a sheet the
 * edit creates with the range. Adapters (exceljs, Office.js) apply it after `checkRangeEdit`: the name
 * must still be where it was read, and a row the range grows over must be empty. Nothing outside the
 * range as it stands after the edit is ever written.
 */
import { Rect, cellAddress, inRect, qualifiedRect, sheetLabel } from "../a1";
import { CellValue, RangeSnapshot } from "../contract/snapshot";
import { OwnershipError } from "./check";
import { CellWrite } from "./types";

export interface RangeEdit {
  /** The defined name, e.g. "Policy". */
  name: string;
  sheet: string;
  /** The range's cells as read (header row to its last used row), or null when the edit creates the range. */
  before: Rect | null;
  /** What the range must cover after the edit: `before` and every cell written. */
  after: Rect;
  /** The sheet is not in the workbook: the edit adds it (with a workbook-scoped name over `after`). */
  createSheet: boolean;
  cells: CellWrite[];
}

/** What the check needs to know about the workbook. */
export interface RangeEditView {
  hasSheet(name: string): boolean;
  /** Where the name refers to now (its sheet and cells, whole columns clipped or not), or null when it is missing or no single range. */
  nameArea(name: string, sheet: string): { sheet: string; rect: Rect } | null;
  /** A cell's content as text, or null when it is empty. */
  cellText(sheet: string, row: number, col: number): string | null;
}

/** The range's cells as the snapshot read them (header row to the last used row). */
export function snapshotRect(range: RangeSnapshot): Rect {
  const width = Math.max(1, ...range.values.map((r) => r.length));
  return { top: range.top, left: range.left, bottom: range.top + Math.max(range.values.length, 1) - 1, right: range.left + width - 1 };
}

/** The range as it reads after the edit: the snapshot's values with the written cells in place (rows added as needed). */
export function editedRange(range: RangeSnapshot | undefined, edit: RangeEdit): RangeSnapshot {
  const base: RangeSnapshot = range ?? { name: edit.name, sheet: edit.sheet, top: edit.after.top, left: edit.after.left, values: [], numberFormats: [] };
  const rows = edit.after.bottom - base.top + 1;
  const cols = edit.after.right - base.left + 1;
  const values: CellValue[][] = Array.from({ length: Math.max(rows, base.values.length) }, (_, r) => Array.from({ length: Math.max(cols, base.values[r]?.length ?? 0) }, (_, c) => base.values[r]?.[c] ?? null));
  const formats: string[][] = values.map((row, r) => row.map((_, c) => base.numberFormats[r]?.[c] ?? "General"));
  for (const w of edit.cells) {
    values[w.row - base.top][w.col - base.left] = w.value ?? null;
    if (w.numberFormat) formats[w.row - base.top][w.col - base.left] = w.numberFormat;
  }
  return { ...base, values, numberFormats: formats };
}

/** The range after the edit, given where its name refers to now: grown down (or right) to cover `after`. */
export function grownRect(current: Rect, edit: RangeEdit): Rect {
  return { top: current.top, left: current.left, bottom: Math.max(current.bottom, edit.after.bottom), right: Math.max(current.right, edit.after.right) };
}

/** The first reason the edit cannot be applied to this workbook (nothing is written then), or null. */
export function rangeEditProblem(edit: RangeEdit, view: RangeEditView): OwnershipError | null {
  const where = qualifiedRect(edit.sheet, edit.after);
  if (edit.before === null) {
    if (view.hasSheet(edit.sheet)) {
      return new OwnershipError(edit.sheet, "", `A sheet named "${edit.sheet}" exists but the workbook has no ${edit.name} range; define the name ${edit.name} over its table, or rename the sheet, so the add-in can create ${where} (nothing was written)`);
    }
    return null;
  }
  const now = view.nameArea(edit.name, edit.sheet);
  const b = edit.before;
  if (!now || now.sheet !== edit.sheet || now.rect.top !== b.top || now.rect.left !== b.left || now.rect.bottom < b.bottom || now.rect.right < b.right) {
    return new OwnershipError(edit.sheet, cellAddress(b.top, b.left), `The name ${edit.name} no longer refers to ${qualifiedRect(edit.sheet, b)} as it did when the workbook was read; read it again (nothing was written)`);
  }
  for (const w of [...edit.cells].sort((x, y) => x.row - y.row || x.col - y.col)) {
    if (inRect(now.rect, w.row, w.col)) continue;
    const held = view.cellText(edit.sheet, w.row, w.col);
    if (held === null) continue;
    const shown = held.length > 40 ? `${held.slice(0, 37)}...` : held;
    const addr = cellAddress(w.row, w.col);
    return new OwnershipError(
      edit.sheet,
      addr,
      `${sheetLabel(edit.sheet)}!${addr}: ${edit.name} grows a row here for the new ${edit.name === "Targets" ? "class" : "setting"}, but the cell below the range already holds ${JSON.stringify(shown)}; move it down or clear it, or add the row to ${edit.name} yourself (nothing was written)`,
    );
  }
  return null;
}

/** Throws the first problem of rangeEditProblem. */
export function checkRangeEdit(edit: RangeEdit, view: RangeEditView): void {
  const problem = rangeEditProblem(edit, view);
  if (problem) throw problem;
}

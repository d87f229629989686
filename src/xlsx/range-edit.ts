/**
 * Applies a RangeEdit (an edit of the Policy or Targets range, src/plans/range-edit.ts) to an exceljs
 * workbook: checked first (nothing is written when the name moved or a row it grows over is taken),
 * then the planned cells, and the name redefined when the range grows or is created. The file's other
 * names stay exactly as they were (src/xlsx/names.ts).
 */
import ExcelJS from "exceljs";
import { MAX_COLUMN, MAX_ROW, parseArea, qualifiedRect } from "../a1";
import { RangeEdit, RangeEditView, checkRangeEdit, grownRect } from "../plans/range-edit";
import { contentText, writeCell } from "./apply";
import { fileName, redefineFileName, touchName } from "./names";

function nameArea(wb: ExcelJS.Workbook, name: string, sheet: string): ReturnType<RangeEditView["nameArea"]> {
  const found = fileName(wb, name, sheet);
  const area = found ? parseArea(found.text) : null;
  const on = area?.sheet ?? found?.scope ?? null;
  if (!area || on === null) return null;
  return { sheet: on, rect: { top: area.top, left: area.left, bottom: area.bottom ?? MAX_ROW, right: area.right ?? MAX_COLUMN } };
}

function view(wb: ExcelJS.Workbook): RangeEditView {
  return {
    hasSheet: (name) => wb.getWorksheet(name) !== undefined,
    nameArea: (name, sheet) => nameArea(wb, name, sheet),
    cellText: (sheet, row, col) => {
      const ws = wb.getWorksheet(sheet);
      return ws ? contentText(ws.getCell(row, col).value) : null;
    },
  };
}

/** Writes the edit into the workbook; throws OwnershipError (nothing written) when it cannot be applied. */
export function applyRangeEdit(wb: ExcelJS.Workbook, edit: RangeEdit): void {
  const v = view(wb);
  checkRangeEdit(edit, v);
  const ws = edit.createSheet ? wb.addWorksheet(edit.sheet) : wb.getWorksheet(edit.sheet);
  if (!ws) throw new Error(`The sheet "${edit.sheet}" is not in the workbook`);
  for (const w of edit.cells) writeCell(ws, w);
  if (edit.createSheet) {
    wb.definedNames.add(qualifiedRect(edit.sheet, edit.after), edit.name);
    touchName(wb, edit.name);
    return;
  }
  const now = v.nameArea(edit.name, edit.sheet)!;
  const grown = grownRect(now.rect, edit);
  if (grown.bottom !== now.rect.bottom || grown.right !== now.rect.right) redefineFileName(wb, edit.name, edit.sheet, qualifiedRect(edit.sheet, grown));
}

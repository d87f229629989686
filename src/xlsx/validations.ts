/**
 * Data validations (drop-downs) kept whole when exceljs saves a workbook it loaded. exceljs reads each
 * validation range cell by cell ("J2", "J3", … "J500") and, on writing, merges them again after sorting
 * the addresses as text, so "J10" comes before "J2": it writes J10:J500 and J2:J500, overlapping ranges
 * Excel reports as unreadable content and repairs. Before a loaded workbook is written, each sheet's
 * cells are merged here into column runs of one validation (by row number), which exceljs writes as they are.
 */
import ExcelJS from "exceljs";
import { cellAddress, parseCell } from "../a1";

type Model = Record<string, ExcelJS.DataValidation | undefined>;

/** Merges the sheet's per-cell validations into ranges: each column's consecutive rows of an equal validation become one. */
export function compactValidations(ws: ExcelJS.Worksheet): void {
  const holder = (ws as unknown as { dataValidations?: { model: Model } }).dataValidations;
  if (!holder) return;
  const model = holder.model;
  const cells: { row: number; col: number; key: string; dv: ExcelJS.DataValidation }[] = [];
  const kept: Model = {};
  for (const [address, dv] of Object.entries(model)) {
    if (!dv) continue;
    const at = parseCell(address);
    if (at) cells.push({ ...at, key: JSON.stringify(dv), dv });
    else kept[address] = dv;
  }
  if (cells.length === 0) return;
  cells.sort((a, b) => a.col - b.col || a.row - b.row);
  let run: (typeof cells)[number] | null = null;
  let bottom = 0;
  const close = () => {
    if (run) kept[bottom === run.row ? cellAddress(run.row, run.col) : `${cellAddress(run.row, run.col)}:${cellAddress(bottom, run.col)}`] = run.dv;
  };
  for (const c of cells) {
    if (run && c.col === run.col && c.row === bottom + 1 && c.key === run.key) bottom = c.row;
    else {
      close();
      run = c;
      bottom = c.row;
    }
  }
  close();
  holder.model = kept;
}

/** Every sheet's validations merged (compactValidations). */
export function compactAllValidations(wb: ExcelJS.Workbook): void {
  wb.eachSheet((ws) => compactValidations(ws));
}

/**
 * Applies sheet plans to an exceljs workbook. No finance here: the plan says what goes where.
 * exceljs cannot write charts, so chart plans are reported back as skipped.
 */
import ExcelJS from "exceljs";
import { AppendPlan, CellStyle, CellWrite, SheetPlan, WritePlan } from "../plans/types";
import { a1, a1Range } from "../plans/a1";
import { OwnershipError, Rect, inRect, ownershipConflict } from "../plans/ownership";
import { parseArea } from "./reference";

export { OwnershipError } from "../plans/ownership";

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;
const DEFAULT_TABLE_STYLE = "TableStyleMedium2";

function applyStyle(cell: ExcelJS.Cell, style: CellStyle | undefined): void {
  if (!style) return;
  const font: Partial<ExcelJS.Font> = {};
  if (style.bold) font.bold = true;
  if (style.italic) font.italic = true;
  if (style.color) font.color = { argb: argb(style.color) };
  if (Object.keys(font).length) cell.font = font;
  if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.horizontal || style.wrap) cell.alignment = { horizontal: style.horizontal, wrapText: style.wrap };
}

function cellValue(w: CellWrite): ExcelJS.CellValue {
  if (w.formula) {
    return { formula: w.formula.replace(/^=/, ""), result: (w.expected ?? undefined) as ExcelJS.CellFormulaValue["result"] } as ExcelJS.CellFormulaValue;
  }
  return (w.value ?? null) as ExcelJS.CellValue;
}

function isEmpty(v: ExcelJS.CellValue): boolean {
  return v === null || v === undefined || (typeof v === "string" && v === "");
}

/** A cell's content as text for messages (formulas as typed). */
function shown(v: ExcelJS.CellValue): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (v !== null && typeof v === "object") {
    const o = v as unknown as Record<string, unknown>;
    if (typeof o.formula === "string") return `=${o.formula}`;
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join("");
    if ("error" in o) return String(o.error);
    if ("text" in o) return String(o.text);
  }
  return String(v);
}

function rectOf(ref: string): Rect | null {
  const a = parseArea(ref);
  if (!a || a.bottom === null || a.right === null) return null;
  return { top: a.top, left: a.left, bottom: a.bottom, right: a.right };
}

/** The range a defined name remembered from an earlier run, if any. */
function ownedArea(wb: ExcelJS.Workbook, name: string): Rect | null {
  const found = wb.definedNames.model.find((n) => n.name === name);
  if (!found || found.ranges.length !== 1) return null;
  return rectOf(found.ranges[0]);
}

function findTable(wb: ExcelJS.Workbook, name: string): { ws: ExcelJS.Worksheet; table: ExcelJS.Table } | null {
  for (const ws of wb.worksheets) {
    const table = ws.getTable(name) as ExcelJS.Table | undefined;
    if (table) return { ws, table };
  }
  return null;
}

/** exceljs keeps a table's extent in its (untyped) model: `ref` when created, `tableRef` when loaded and after validation. */
function tableModel(table: ExcelJS.Table): { tableRef?: string; autoFilterRef?: string; ref?: string } {
  return (table as unknown as { model: { tableRef?: string; autoFilterRef?: string; ref?: string } }).model;
}

/** Cell rectangle of a table (header row included), as exceljs models it for created and for loaded tables. */
function tableRect(table: ExcelJS.Table): Rect {
  const model = tableModel(table);
  const rect = rectOf(model.tableRef ?? model.ref ?? "");
  if (!rect) throw new Error(`Table ${table.name} has no readable range`);
  return rect;
}

export interface ApplyReport {
  /** Charts exceljs could not draw, as "Sheet: title". */
  skippedCharts: string[];
  /** The log row's sheet row (when the plan appends to the log). */
  logRow: number | null;
}

/** Every problem that would stop the plan, found before anything is written. */
function check(wb: ExcelJS.Workbook, plan: WritePlan): void {
  for (const sp of plan.sheets) {
    if (sp.mode === "update") {
      const ws = wb.getWorksheet(sp.sheet);
      if (!ws) throw new OwnershipError(sp.sheet, "", `The sheet "${sp.sheet}" is not in the workbook`);
      const previous = sp.owned ? ownedArea(wb, sp.owned.name) : null;
      const conflict = ownershipConflict(sp, previous, (r, c) => {
        const v = ws.getCell(r, c).value;
        return isEmpty(v) ? null : shown(v);
      });
      if (conflict) throw conflict;
    } else if (sp.mode === "replace") {
      for (const t of sp.tables ?? []) {
        const found = findTable(wb, t.name);
        if (found && found.ws.name !== sp.sheet) {
          throw new OwnershipError(found.ws.name, "", `The table name "${t.name}" is already used on the sheet "${found.ws.name}"; rename that table (nothing was written)`);
        }
      }
    } else if (sp.mode === "append" && sp.append) {
      const found = findTable(wb, sp.append.table);
      const ws = wb.getWorksheet(sp.sheet);
      if (!found && ws) {
        throw new OwnershipError(sp.sheet, sp.append.anchor, `The sheet "${sp.sheet}" exists but holds no "${sp.append.table}" table; rename the sheet so the add-in can create its log (nothing was written)`);
      }
    }
  }
}

/** Checks every sheet plan first, then writes; a conflict throws before anything is changed. */
export function applyWritePlan(wb: ExcelJS.Workbook, plan: WritePlan): ApplyReport {
  check(wb, plan);
  const report: ApplyReport = { skippedCharts: [], logRow: null };
  for (const sp of plan.sheets) {
    if (sp.mode === "append") report.logRow = appendRow(wb, sp);
    else report.skippedCharts.push(...applySheet(wb, sp));
  }
  return report;
}

function clearOwned(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, name: string): void {
  const prev = ownedArea(wb, name);
  if (!prev) return;
  for (let r = prev.top; r <= prev.bottom; r++) {
    for (let c = prev.left; c <= prev.right; c++) {
      const cell = ws.getCell(r, c);
      cell.value = null;
      cell.style = {};
    }
  }
  // Conditional formats written into the old block go with it.
  const formats = (ws as unknown as { conditionalFormattings?: { ref: string }[] }).conditionalFormattings;
  if (formats) {
    const keep = formats.filter((f) => {
      const r = rectOf(f.ref);
      return !(r && inRect(prev, r.top, r.left) && inRect(prev, r.bottom, r.right));
    });
    formats.splice(0, formats.length, ...keep);
  }
  forgetName(wb, name);
}

/** Removes a defined name entirely (exceljs's remove() takes out single cells, not a whole range). */
function forgetName(wb: ExcelJS.Workbook, name: string): void {
  const names = wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] };
  names.model = names.model.filter((n) => n.name !== name);
}

/** "'Target Mix'!$C$1:$I$4": the sheet quoted as Excel needs it in a reference. */
function reference(sheet: string, r: Rect): string {
  const abs = (row: number, col: number) => a1(row, col).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  return `'${sheet.replace(/'/g, "''")}'!${abs(r.top, r.left)}:${abs(r.bottom, r.right)}`;
}

function writeCell(ws: ExcelJS.Worksheet, w: CellWrite): void {
  const cell = ws.getCell(w.row, w.col);
  cell.value = cellValue(w);
  if (w.numberFormat) cell.numFmt = w.numberFormat;
  applyStyle(cell, w.style);
}

function applySheet(wb: ExcelJS.Workbook, sp: SheetPlan): string[] {
  let ws = wb.getWorksheet(sp.sheet);
  if (sp.mode === "replace" && ws) {
    wb.removeWorksheet(ws.id);
    ws = undefined;
  }
  if (!ws) ws = wb.addWorksheet(sp.sheet);
  if (sp.owned) clearOwned(wb, ws, sp.owned.name);

  for (const w of sp.cells) writeCell(ws, w);
  for (const cw of sp.columnWidths ?? []) ws.getColumn(cw.col).width = cw.width;
  if (sp.freezeRows) ws.views = [{ state: "frozen", ySplit: sp.freezeRows }];

  for (const t of sp.tables ?? []) {
    const area = rectOf(t.range)!;
    const rows: ExcelJS.CellValue[][] = [];
    const byAddress = new Map(sp.cells.map((c) => [`${c.row}:${c.col}`, c]));
    for (let r = area.top + 1; r <= area.bottom; r++) {
      const row: ExcelJS.CellValue[] = [];
      for (let c = area.left; c <= area.right; c++) {
        const w = byAddress.get(`${r}:${c}`);
        row.push(w ? cellValue(w) : null);
      }
      rows.push(row);
    }
    ws.addTable({
      name: t.name,
      ref: a1(area.top, area.left),
      headerRow: true,
      style: { theme: (t.style ?? DEFAULT_TABLE_STYLE) as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
      columns: t.headers.map((name) => ({ name, filterButton: true })),
      rows,
    });
  }

  for (const rule of sp.rules ?? []) {
    ws.addConditionalFormatting({
      ref: rule.range,
      rules: [
        {
          type: "cellIs",
          operator: "equal",
          priority: 1,
          formulae: [`"${rule.equals}"`],
          style: {
            fill: rule.style.fill ? { type: "pattern", pattern: "solid", bgColor: { argb: argb(rule.style.fill) } } : undefined,
            font: rule.style.color ? { color: { argb: argb(rule.style.color) } } : undefined,
          },
        },
      ],
    });
  }

  if (sp.owned) {
    forgetName(wb, sp.owned.name);
    wb.definedNames.add(reference(sp.sheet, rectOf(sp.owned.range)!), sp.owned.name);
  }
  return (sp.charts ?? []).map((c) => `${sp.sheet}: ${c.title}`);
}

function writeRow(ws: ExcelJS.Worksheet, row: number, left: number, cells: AppendPlan["row"]): void {
  cells.forEach((c, i) => writeCell(ws, { row, col: left + i, value: c.value, numberFormat: c.numberFormat }));
}

/** Adds the plan's row after the log table's last row (creating sheet and table the first time); returns its sheet row. */
function appendRow(wb: ExcelJS.Workbook, sp: SheetPlan): number {
  const ap = sp.append!;
  const found = findTable(wb, ap.table);
  if (found) {
    const rect = tableRect(found.table);
    const next = rect.bottom + 1;
    const below = found.ws.getRow(next);
    let occupied = false;
    for (let c = rect.left; c <= rect.right; c++) if (!isEmpty(below.getCell(c).value)) occupied = true;
    // Like Excel's "insert table row": whatever sits below the table moves down, nothing is overwritten.
    if (occupied) found.ws.spliceRows(next, 0, []);
    writeRow(found.ws, next, rect.left, ap.row);
    const model = tableModel(found.table);
    const ref = a1Range(rect.top, rect.left, next, rect.right);
    model.tableRef = ref;
    model.autoFilterRef = ref;
    return next;
  }
  const ws = wb.addWorksheet(sp.sheet);
  const anchor = rectOf(ap.anchor)!;
  ap.widths?.forEach((w, i) => (ws.getColumn(anchor.left + i).width = w));
  ws.addTable({
    name: ap.table,
    ref: ap.anchor,
    headerRow: true,
    style: { theme: (ap.style ?? DEFAULT_TABLE_STYLE) as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
    columns: ap.headers.map((name) => ({ name, filterButton: true })),
    rows: [ap.row.map((c) => (c.value ?? null) as ExcelJS.CellValue)],
  });
  writeRow(ws, anchor.top + 1, anchor.left, ap.row);
  return anchor.top + 1;
}

/**
 * Applies sheet plans to an exceljs workbook. No finance here: the plan says what goes where.
 * exceljs cannot write charts: chart plans are remembered (charts.ts) and written into the file's
 * zip when it is saved (workbookBytes).
 */
import ExcelJS from "exceljs";
import { Rect, cellAddress, inRect, parseArea, parseRect, qualifiedRect, rangeAddress } from "../a1";
import { isoOf } from "../dates/calendar";
import { AppendRow, AppendSheetPlan, CellStyle, CellWrite, CreateSheetPlan, ReplaceSheetPlan, UpdateSheetPlan, WritePlan } from "../plans/types";
import { WorkbookView, besidePlan, checkWritePlan } from "../plans/check";
import { LOG_TABLE } from "../plans/log";
import { listMessage, listSource } from "../plans/list-rule";
import { hasKeptName, keptRange, touchName } from "./names";
import { forgetCharts, rememberChart } from "./charts";

export { workbookBytes } from "./names";

export { OwnershipError } from "../plans/check";

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

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
  if (v instanceof Date) return isoOf(v);
  if (v !== null && typeof v === "object") {
    const o = v as unknown as Record<string, unknown>;
    if (typeof o.formula === "string") return `=${o.formula}`;
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join("");
    if ("error" in o) return String(o.error);
    if ("text" in o) return String(o.text);
  }
  return String(v);
}

/** A cell's content as text for messages, or null when it is empty. */
export function contentText(v: ExcelJS.CellValue): string | null {
  return isEmpty(v) ? null : shown(v);
}

/** The block a defined name remembered from an earlier run (its sheet and cells), if any. */
function ownedBlock(wb: ExcelJS.Workbook, name: string): { sheet: string; rect: Rect } | null {
  // Set during this write (exceljs holds it), or as the file had it.
  const found = wb.definedNames.model.find((n) => n.name === name);
  const text = found ? (found.ranges.length === 1 ? found.ranges[0] : null) : keptRange(wb, name);
  if (text === null) return null;
  const area = parseArea(text);
  if (!area || area.sheet === null || area.bottom === null || area.right === null) return null;
  return { sheet: area.sheet, rect: { top: area.top, left: area.left, bottom: area.bottom, right: area.right } };
}

/** A table by name, compared ignoring case as Excel compares table names. */
function findTable(wb: ExcelJS.Workbook, name: string): { ws: ExcelJS.Worksheet; table: ExcelJS.Table } | null {
  const wanted = name.toLowerCase();
  for (const ws of wb.worksheets) {
    for (const table of ws.getTables() as unknown as ExcelJS.Table[]) {
      if ((table as unknown as { name: string }).name.toLowerCase() === wanted) return { ws, table };
    }
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
  const rect = parseRect(model.tableRef ?? model.ref ?? "");
  if (!rect) throw new Error(`Table ${table.name} has no readable range`);
  return rect;
}

export interface ApplyReport {
  /** Charts the plan puts on its sheets, as "Sheet: title" (written into the file when it is saved). */
  charts: string[];
  /** The log row's sheet row (when the plan appends to the log). */
  logRow: number | null;
}

/** What the write-plan check needs to know about an exceljs workbook. */
function workbookView(wb: ExcelJS.Workbook): WorkbookView {
  return {
    hasSheet: (name) => wb.getWorksheet(name) !== undefined,
    tableSheet: (name) => findTable(wb, name)?.ws.name ?? null,
    ownedBlock: (name) => ownedBlock(wb, name),
    cellText: (sheet, row, col) => {
      const v = wb.getWorksheet(sheet)?.getCell(row, col).value ?? null;
      return isEmpty(v) ? null : shown(v);
    },
    hasName: (name) => wb.definedNames.model.some((n) => n.name.toLowerCase() === name.toLowerCase()) || hasKeptName(wb, name),
  };
}

/** Checks every sheet plan first, then writes; a conflict throws before anything is changed. */
export function applyWritePlan(wb: ExcelJS.Workbook, plan: WritePlan): ApplyReport {
  checkWritePlan(plan, workbookView(wb));
  const report: ApplyReport = { charts: [], logRow: null };
  for (const sp of plan.sheets) {
    if (sp.mode === "append") {
      const row = appendRow(wb, sp);
      if (sp.append.table === LOG_TABLE) report.logRow = row;
      const beside = besidePlan(sp);
      if (beside) {
        // The block's chart is drawn anew with it.
        forgetCharts(wb, sp.sheet);
        report.charts.push(...applySheet(wb, beside));
      }
    } else report.charts.push(...applySheet(wb, sp));
  }
  for (const n of plan.names ?? []) {
    wb.definedNames.add(qualifiedRect(n.sheet, n.rect), n.name);
    touchName(wb, n.name);
  }
  return report;
}

/** Clears the block the add-in owned before (on whichever sheet it was) and forgets its name. */
function clearOwned(wb: ExcelJS.Workbook, name: string): void {
  const block = ownedBlock(wb, name);
  const ws = block ? wb.getWorksheet(block.sheet) : undefined;
  if (!block || !ws) {
    forgetName(wb, name);
    return;
  }
  const prev = block.rect;
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
      const r = parseRect(f.ref);
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
  touchName(wb, name);
}

/** Writes one planned cell: its value or formula, number format and style. */
export function writeCell(ws: ExcelJS.Worksheet, w: CellWrite): void {
  const cell = ws.getCell(w.row, w.col);
  cell.value = cellValue(w);
  if (w.numberFormat) cell.numFmt = w.numberFormat;
  applyStyle(cell, w.style);
}

function applySheet(wb: ExcelJS.Workbook, sp: ReplaceSheetPlan | UpdateSheetPlan | CreateSheetPlan): string[] {
  let ws = wb.getWorksheet(sp.sheet);
  if (sp.mode === "replace" && ws) {
    wb.removeWorksheet(ws.id);
    forgetCharts(wb, sp.sheet);
    ws = undefined;
  }
  if (sp.mode === "update") clearOwned(wb, sp.owned.name);
  if (!ws) ws = wb.addWorksheet(sp.sheet);

  for (const w of sp.cells) writeCell(ws, w);
  for (const cw of sp.columnWidths ?? []) ws.getColumn(cw.col).width = cw.width;
  if (sp.freezeRows) ws.views = [{ state: "frozen", ySplit: sp.freezeRows }];

  for (const t of sp.tables ?? []) {
    const area = t.rect;
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
    addTable(ws, t.name, area.top, area.left, t.style, t.headers, rows);
  }

  for (const list of sp.lists ?? []) {
    const { title, message } = listMessage(list);
    const source = listSource(list);
    // One validation over the whole range (exceljs merges per-cell ones into overlapping ranges Excel repairs).
    (ws as unknown as { dataValidations: { add(address: string, dv: ExcelJS.DataValidation): void } }).dataValidations.add(list.range, {
      type: "list",
      allowBlank: true,
      formulae: [list.source ? source.replace(/^=/, "") : `"${source}"`],
      showErrorMessage: true,
      errorStyle: list.alert === "warn" ? "warning" : "error",
      errorTitle: title,
      error: message,
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

  if (sp.mode === "update") {
    forgetName(wb, sp.owned.name);
    wb.definedNames.add(qualifiedRect(sp.sheet, sp.owned.rect), sp.owned.name);
  }
  for (const chart of sp.charts ?? []) rememberChart(wb, sp.sheet, chart);
  return (sp.charts ?? []).map((c) => `${sp.sheet}: ${c.title}`);
}

/** An Excel table with a header row and filter buttons, its top-left cell at (top, left). */
function addTable(ws: ExcelJS.Worksheet, name: string, top: number, left: number, style: string, headers: string[], rows: ExcelJS.CellValue[][]): void {
  ws.addTable({
    name,
    ref: cellAddress(top, left),
    headerRow: true,
    style: { theme: style as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
    columns: headers.map((h) => ({ name: h, filterButton: true })),
    rows,
  });
}

function writeRow(ws: ExcelJS.Worksheet, row: number, left: number, cells: AppendRow): void {
  cells.forEach((c, i) => writeCell(ws, { row, col: left + i, value: c.value, numberFormat: c.numberFormat }));
}

/** Adds the plan's rows after the table's last row (creating sheet and table the first time); returns the first new row's sheet row. */
function appendRow(wb: ExcelJS.Workbook, sp: AppendSheetPlan): number {
  const ap = sp.append;
  const found = findTable(wb, ap.table);
  if (found) {
    const rect = tableRect(found.table);
    const next = rect.bottom + 1;
    const n = ap.rows.length;
    let occupied = false;
    for (let r = next; r < next + n; r++) {
      const below = found.ws.getRow(r);
      for (let c = rect.left; c <= rect.right; c++) if (!isEmpty(below.getCell(c).value)) occupied = true;
    }
    // Like Excel's "insert table rows": whatever sits below the table moves down, nothing is overwritten.
    if (occupied) found.ws.spliceRows(next, 0, ...ap.rows.map(() => []));
    ap.rows.forEach((row, i) => writeRow(found.ws, next + i, rect.left, row));
    const model = tableModel(found.table);
    const ref = rangeAddress(rect.top, rect.left, next + n - 1, rect.right);
    model.tableRef = ref;
    model.autoFilterRef = ref;
    return next;
  }
  const ws = wb.addWorksheet(sp.sheet);
  const anchor = ap.anchor;
  ap.widths?.forEach((w, i) => (ws.getColumn(anchor.col + i).width = w));
  addTable(ws, ap.table, anchor.row, anchor.col, ap.style, ap.headers, ap.rows.map((row) => row.map((c) => (c.value ?? null) as ExcelJS.CellValue)));
  ap.rows.forEach((row, i) => writeRow(ws, anchor.row + 1 + i, anchor.col, row));
  return anchor.row + 1;
}

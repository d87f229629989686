/**
 * Applies sheet plans to an exceljs workbook. No finance here: the plan says what goes where.
 * exceljs cannot write charts, so chart plans are reported back as skipped.
 */
import ExcelJS from "exceljs";
import { CellStyle, CellWrite, SheetPlan, WritePlan } from "../plans/types";
import { a1 } from "../plans/a1";
import { parseArea } from "./reference";

/** A plan that cannot be applied without overwriting the advisor's own cells. */
export class OwnershipError extends Error {
  constructor(
    readonly sheet: string,
    readonly cell: string,
    message: string,
  ) {
    super(message);
    this.name = "OwnershipError";
  }
}

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

/** The range a defined name remembered from an earlier run, if any. */
function ownedArea(wb: ExcelJS.Workbook, name: string): ReturnType<typeof parseArea> {
  const found = wb.definedNames.model.find((n) => n.name === name);
  if (!found || found.ranges.length !== 1) return null;
  return parseArea(found.ranges[0]);
}

function checkOwnership(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  if (!plan.owned) return;
  const prev = ownedArea(wb, plan.owned.name);
  const mine = (r: number, c: number) =>
    prev !== null && r >= prev.top && r <= (prev.bottom ?? r) && c >= prev.left && c <= (prev.right ?? c);
  for (const w of plan.cells) {
    const v = ws.getCell(w.row, w.col).value;
    if (!isEmpty(v) && !mine(w.row, w.col)) {
      const addr = a1(w.row, w.col);
      throw new OwnershipError(
        ws.name,
        addr,
        `${ws.name}!${addr}: the add-in writes its columns here but the cell already holds ${JSON.stringify(String(v))}; clear or move it (nothing was written)`,
      );
    }
  }
}

function clearOwned(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, name: string): void {
  const prev = ownedArea(wb, name);
  if (!prev || prev.bottom === null || prev.right === null) return;
  for (let r = prev.top; r <= prev.bottom; r++) {
    for (let c = prev.left; c <= prev.right; c++) {
      const cell = ws.getCell(r, c);
      cell.value = null;
      cell.style = {};
    }
  }
  wb.definedNames.remove(`${ws.name}!${a1(prev.top, prev.left)}:${a1(prev.bottom, prev.right)}`, name);
}

export interface ApplyReport {
  /** Charts exceljs could not draw, as "Sheet: title". */
  skippedCharts: string[];
}

/** Checks every sheet plan first, then writes; an ownership conflict throws before anything is changed. */
export function applyWritePlan(wb: ExcelJS.Workbook, plan: WritePlan): ApplyReport {
  for (const sp of plan.sheets) {
    if (sp.mode !== "update") continue;
    const ws = wb.getWorksheet(sp.sheet);
    if (!ws) throw new OwnershipError(sp.sheet, "", `The sheet "${sp.sheet}" is not in the workbook`);
    checkOwnership(wb, ws, sp);
  }
  const skippedCharts: string[] = [];
  for (const sp of plan.sheets) skippedCharts.push(...applySheet(wb, sp));
  return { skippedCharts };
}

function applySheet(wb: ExcelJS.Workbook, sp: SheetPlan): string[] {
  let ws = wb.getWorksheet(sp.sheet);
  if (sp.mode === "replace" && ws) {
    wb.removeWorksheet(ws.id);
    ws = undefined;
  }
  if (!ws) ws = wb.addWorksheet(sp.sheet);
  if (sp.owned) clearOwned(wb, ws, sp.owned.name);

  for (const w of sp.cells) {
    const cell = ws.getCell(w.row, w.col);
    cell.value = cellValue(w);
    if (w.numberFormat) cell.numFmt = w.numberFormat;
    applyStyle(cell, w.style);
  }
  for (const cw of sp.columnWidths ?? []) ws.getColumn(cw.col).width = cw.width;
  if (sp.freezeRows) ws.views = [{ state: "frozen", ySplit: sp.freezeRows }];

  for (const t of sp.tables ?? []) {
    const area = parseArea(t.range)!;
    const rows: ExcelJS.CellValue[][] = [];
    for (let r = area.top + 1; r <= area.bottom!; r++) {
      const row: ExcelJS.CellValue[] = [];
      for (let c = area.left; c <= area.right!; c++) {
        const w = sp.cells.find((x) => x.row === r && x.col === c);
        row.push(w ? cellValue(w) : null);
      }
      rows.push(row);
    }
    ws.addTable({
      name: t.name,
      ref: a1(area.top, area.left),
      headerRow: true,
      style: { theme: "TableStyleMedium2", showRowStripes: true },
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
    const area = parseArea(sp.owned.range)!;
    wb.definedNames.add(`${sp.sheet}!${a1(area.top, area.left)}:${a1(area.bottom!, area.right!)}`, sp.owned.name);
  }
  return (sp.charts ?? []).map((c) => `${sp.sheet}: ${c.title}`);
}

/**
 * Applies sheet plans inside Excel with Office.js. One `context.sync()` looks at the workbook
 * (sheets, tables, the block the add-in owned before, the cells it is about to write over), then
 * the operations of src/excel/ops.ts run in as few batches as the request size allows: one for any
 * write under 4 MB. Screen updating and API calculation are suspended for every batch.
 *
 * The order of the operations (the Rebalance sheet, then the drift block beside Targets, then the
 * log row) means a write that fails midway has touched none of the advisor's own cells.
 */
import { Rect, columnsAddress, parseArea, rangeAddress } from "../a1";
import { UpdateSheetPlan, WritePlan } from "../plans/types";
import { besidePlan } from "../plans/check";
import { listMessage, listSource } from "../plans/list-rule";
import { CHUNK_BYTES, Op, WorkbookState, cellsRect, checkWrite, chunkOps, opBytes, planOps, rectangles } from "./ops";
import { supports } from "./host";

/** Excel column width in points for a width in characters of the default font (7 px per character + 5 px padding). */
export function widthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

export interface ExcelWriteReport {
  /** context.sync() calls the write made. */
  syncs: number;
  /** Estimated request bytes of each write batch. */
  batches: number[];
  ops: number;
}

/** Thrown when Excel rejected a batch: what was written before it stays, the rest is not written. */
export class ExcelWriteError extends Error {
  constructor(
    message: string,
    readonly batch: number,
    readonly batches: number,
    readonly cause?: unknown,
  ) {
    super(message);
    this.name = "ExcelWriteError";
  }
}

/** "B2:H9" for a block (even of one cell). */
const blockAddress = (r: Rect) => rangeAddress(r.top, r.left, r.bottom, r.right);

/** The first sync of a write: what is in the workbook that the write depends on. */
export async function inspectWorkbook(context: Excel.RequestContext, plan: WritePlan): Promise<WorkbookState> {
  const sheets = context.workbook.worksheets;
  sheets.load({ $all: false, name: true, tables: { $all: false, name: true } } as Excel.Interfaces.WorksheetCollectionLoadOptions);
  const updates = plan.sheets.filter((s): s is UpdateSheetPlan => s.mode === "update");
  const besides = plan.sheets.flatMap((s) => (s.mode === "append" ? [besidePlan(s)].filter((b): b is UpdateSheetPlan => b !== null) : []));
  const ownedNames = [...updates, ...besides].map((s) => s.owned.name);
  const names = ownedNames.map((n) => {
    const item = context.workbook.names.getItemOrNullObject(n);
    item.load("name,type,value");
    return item;
  });
  const planNames = (plan.names ?? []).map((n) => {
    const item = context.workbook.names.getItemOrNullObject(n.name);
    item.load("name");
    return { name: n.name, item };
  });
  const blocks: { sheet: string; rect: Rect; range: Excel.Range }[] = [];
  for (const sp of updates) {
    const rect = cellsRect(sp);
    if (!rect) continue;
    const range = sheets.getItem(sp.sheet).getRange(blockAddress(rect));
    range.load("formulas");
    blocks.push({ sheet: sp.sheet, rect, range });
  }
  await context.sync();

  const state: WorkbookState = { sheets: [], tables: [], owned: {}, blocks: {} };
  if (planNames.length) state.names = planNames.filter((n) => !n.item.isNullObject).map((n) => n.name);
  for (const ws of sheets.items) {
    state.sheets.push(ws.name);
    for (const t of ws.tables.items) state.tables.push({ name: t.name, sheet: ws.name });
  }
  ownedNames.forEach((n, i) => {
    const item = names[i];
    const area = item.isNullObject || item.type !== "Range" ? null : parseArea(String(item.value));
    state.owned[n] = area && area.sheet && area.bottom !== null && area.right !== null
      ? { sheet: area.sheet, rect: { top: area.top, left: area.left, bottom: area.bottom, right: area.right } }
      : null;
  });
  // A block beside an appended table is on the add-in's own sheet, which may not exist yet: looked at
  // (its cells and the sheet's charts) in a second sync, only when the sheet is there.
  const there = besides.filter((b) => state.sheets.includes(b.sheet));
  const charts: { sheet: string; items: Excel.ChartCollection }[] = [];
  for (const b of there) {
    const rect = cellsRect(b);
    const sheet = sheets.getItem(b.sheet);
    if (rect) {
      const range = sheet.getRange(blockAddress(rect));
      range.load("formulas");
      blocks.push({ sheet: b.sheet, rect, range });
    }
    sheet.charts.load("items/name");
    charts.push({ sheet: b.sheet, items: sheet.charts });
  }
  if (there.length) {
    await context.sync();
    state.inspectSyncs = 2;
  }
  for (const b of blocks) {
    state.blocks[b.sheet] = { rect: b.rect, content: (b.range.formulas as unknown[][]).map((row) => row.map((v) => (v === null || v === undefined ? "" : String(v)))) };
  }
  if (charts.length) state.charts = Object.fromEntries(charts.map((c) => [c.sheet, c.items.items.map((i) => i.name)]));
  return state;
}

/** Queues one operation. `sheets` caches worksheet proxies for the batch. */
function queue(context: Excel.RequestContext, op: Op, sheets: Map<string, Excel.Worksheet>): void {
  const ws = (name: string) => {
    let s = sheets.get(name);
    if (!s) {
      s = context.workbook.worksheets.getItem(name);
      sheets.set(name, s);
    }
    return s;
  };
  switch (op.kind) {
    case "deleteSheet":
      ws(op.sheet).delete();
      sheets.delete(op.sheet);
      return;
    case "addSheet":
      sheets.set(op.sheet, context.workbook.worksheets.add(op.sheet));
      return;
    case "clearBlock": {
      const r = ws(op.sheet).getRange(op.address);
      r.conditionalFormats.clearAll();
      r.clear("All");
      return;
    }
    case "deleteName":
      context.workbook.names.getItem(op.name).delete();
      return;
    case "addName":
      context.workbook.names.add(op.name, ws(op.sheet).getRange(op.address));
      return;
    case "numberFormat": {
      const r = ws(op.sheet).getRange(op.address);
      // A single value is applied to every cell of the range: one short action for a whole column of trades.
      r.numberFormat = (op.address.includes(":") ? op.format : [[op.format]]) as unknown as string[][];
      return;
    }
    case "cells":
      ws(op.sheet).getRangeByIndexes(op.top - 1, op.left - 1, op.rows.length, op.rows[0].length).formulas = op.rows as unknown as string[][];
      return;
    case "style": {
      const f = ws(op.sheet).getRange(op.address).format;
      if (op.style.bold) f.font.bold = true;
      if (op.style.italic) f.font.italic = true;
      if (op.style.color) f.font.color = op.style.color;
      if (op.style.fill) f.fill.color = op.style.fill;
      if (op.style.horizontal) f.horizontalAlignment = op.style.horizontal === "left" ? "Left" : op.style.horizontal === "center" ? "Center" : "Right";
      if (op.style.wrap) f.wrapText = true;
      return;
    }
    case "columnWidth":
      ws(op.sheet).getRange(columnsAddress(op.col)).format.columnWidth = widthPoints(op.width);
      return;
    case "freezeRows":
      ws(op.sheet).freezePanes.freezeRows(op.rows);
      return;
    case "table": {
      // A Range, not an address: an address without a sheet would mean the active sheet.
      const t = ws(op.sheet).tables.add(ws(op.sheet).getRange(op.address), true);
      t.name = op.name;
      t.style = op.style;
      return;
    }
    case "rule": {
      const cf = ws(op.sheet).getRange(op.rule.range).conditionalFormats.add("CellValue");
      if (op.rule.style.fill) cf.cellValue.format.fill.color = op.rule.style.fill;
      if (op.rule.style.color) cf.cellValue.format.font.color = op.rule.style.color;
      cf.cellValue.rule = { formula1: `="${op.rule.equals.replace(/"/g, '""')}"`, operator: "EqualTo" };
      return;
    }
    case "list": {
      // Data validation came with ExcelApi 1.8: an older Excel gets the cells without their drop-downs.
      if (supports("ExcelApi", "1.8")) {
        const dv = ws(op.sheet).getRange(op.list.range).dataValidation;
        const { title, message } = listMessage(op.list);
        dv.rule = { list: { inCellDropDown: true, source: listSource(op.list) } };
        dv.errorAlert = { showAlert: true, style: op.list.alert === "warn" ? "Warning" : "Stop", title, message };
      }
      return;
    }
    case "deleteChart":
      ws(op.sheet).charts.getItem(op.name).delete();
      return;
    case "chart": {
      const sheet = ws(op.sheet);
      const [first, ...rest] = op.chart.series;
      const categories = sheet.getRange(op.chart.categories);
      const chart = sheet.charts.add(op.chart.kind === "line" ? (op.chart.markers ? "LineMarkers" : "Line") : "BarClustered", sheet.getRange(first.values), "Columns");
      chart.title.text = op.chart.title;
      if (op.chart.name) chart.name = op.chart.name;
      const s0 = chart.series.getItemAt(0);
      s0.name = first.name;
      s0.setXAxisValues(categories);
      for (const s of rest) {
        const series = chart.series.add(s.name);
        series.setValues(sheet.getRange(s.values));
        series.setXAxisValues(categories);
      }
      chart.legend.position = "Bottom";
      if (op.chart.valueFormat && supports("ExcelApi", "1.8")) chart.axes.valueAxis.numberFormat = op.chart.valueFormat;
      if (op.chart.logScale && supports("ExcelApi", "1.7")) chart.axes.valueAxis.logBase = 10;
      chart.setPosition(op.chart.anchor);
      chart.width = op.chart.width;
      chart.height = op.chart.height;
      return;
    }
    case "appendRow": {
      const table = context.workbook.tables.getItem(op.table);
      table.rows.add(undefined, op.values);
      const body = table.getDataBodyRange();
      // The new rows are the body's last ones: their formats, in one action.
      body.getLastRow().getOffsetRange(1 - op.values.length, 0).getResizedRange(op.values.length - 1, 0).numberFormat = op.formats;
      return;
    }
    case "activate":
      ws(op.sheet).activate();
      return;
  }
}

/** Clears the cells a failed write put beside Targets (exactly the planned cells, which were empty or the add-in's). */
async function clearBlocks(context: Excel.RequestContext, blocks: { sheet: string; rect: Rect }[]): Promise<void> {
  try {
    for (const b of blocks) {
      const r = context.workbook.worksheets.getItem(b.sheet).getRange(blockAddress(b.rect));
      r.conditionalFormats.clearAll();
      r.clear("All");
    }
    await context.sync();
  } catch {
    // Nothing more can be done; the error that stopped the write is what the advisor needs to see.
  }
}

/**
 * Writes the plan into the workbook of `context`. Throws OwnershipError (nothing written) when the
 * plan would overwrite the advisor's cells, ExcelWriteError when Excel rejects a batch.
 */
export async function applyWritePlanInExcel(context: Excel.RequestContext, plan: WritePlan, limit = CHUNK_BYTES): Promise<ExcelWriteReport> {
  const state = await inspectWorkbook(context, plan);
  checkWrite(plan, state);
  const ops = planOps(plan, state);
  const chunks = chunkOps(ops, limit);
  const batches = chunks.map((c) => c.reduce((s, op) => s + opBytes(op), 0));
  const app = context.workbook.application;
  const updates = plan.sheets.filter((s): s is UpdateSheetPlan => s.mode === "update");
  let touchedUpdates = false;
  for (let i = 0; i < chunks.length; i++) {
    touchedUpdates ||= chunks[i].some((op) => "sheet" in op && updates.some((u) => u.sheet === op.sheet) && op.kind !== "addSheet");
    if (supports("ExcelApi", "1.6")) app.suspendApiCalculationUntilNextSync();
    if (supports("ExcelApi", "1.9")) app.suspendScreenUpdatingUntilNextSync();
    const sheets = new Map<string, Excel.Worksheet>();
    for (const op of chunks[i]) queue(context, op, sheets);
    try {
      // One sync per batch below the request limit: a single one for any write under 4 MB.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      // The drift block went only into empty cells or the add-in's own: take it out again, best effort.
      if (touchedUpdates) {
        await clearBlocks(
          context,
          updates.flatMap((u) => rectangles(u.cells.map((c) => ({ row: c.row, col: c.col, tag: 0 })), () => true).map(({ rect }) => ({ sheet: u.sheet, rect }))),
        );
      }
      throw new ExcelWriteError(
        `Excel stopped the write at batch ${i + 1} of ${chunks.length} (${why}). The Rebalance sheet may be incomplete: run Rebalance again. None of your own cells were changed.`,
        i + 1,
        chunks.length,
        e,
      );
    }
  }
  return { syncs: (state.inspectSyncs ?? 1) + chunks.length, batches, ops: ops.length };
}

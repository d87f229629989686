/**
 * Sheet plans → the Office.js operations that write them, as plain data, with the request payload
 * each one costs, packed into batches (one `context.sync()` each) that stay under the size Excel
 * accepts. Pure: no Office.js here, so the bench and the tests can size a write without Excel.
 *
 * Excel on the web rejects requests over 5 MB; batches are packed below 4 MB (CHUNK_BYTES), and
 * large cell blocks are cut into row slices of at most 1 MB (SLICE_BYTES) so they pack well.
 */
import { Rect, boundingRect, rangeAddress, rectAddress } from "../a1";
import { WorkbookView, besidePlan, checkWritePlan } from "../plans/check";
import { FMT } from "../plans/formats";
import { AppendSheetPlan, CellStyle, CellWrite, ChartPlan, CreateSheetPlan, ListRule, PlainValue, ReplaceSheetPlan, TextRule, UpdateSheetPlan, WritePlan } from "../plans/types";

export const CHUNK_BYTES = 4_000_000;
export const SLICE_BYTES = 1_000_000;
/** What one queued action costs besides its data: the action, the object path that reaches the range, ids. */
export const ACTION_OVERHEAD_BYTES = 300;

export type CellInput = string | number | boolean | null;

export type Op =
  | { kind: "deleteSheet"; sheet: string }
  | { kind: "addSheet"; sheet: string }
  /** Clears contents, formats and conditional formats of a block the add-in owned before. */
  | { kind: "clearBlock"; sheet: string; address: string }
  | { kind: "deleteName"; name: string }
  | { kind: "addName"; name: string; sheet: string; address: string }
  /** One number format over a whole rectangle (Office.js applies a single value to every cell). */
  | { kind: "numberFormat"; sheet: string; address: string; format: string }
  /** Values and formulas of a rectangle, row-major; null leaves a cell as it is. */
  | { kind: "cells"; sheet: string; top: number; left: number; rows: CellInput[][] }
  | { kind: "style"; sheet: string; address: string; style: CellStyle }
  | { kind: "columnWidth"; sheet: string; col: number; width: number }
  | { kind: "freezeRows"; sheet: string; rows: number }
  | { kind: "table"; sheet: string; address: string; name: string; style: string }
  | { kind: "rule"; sheet: string; rule: TextRule }
  | { kind: "list"; sheet: string; list: ListRule }
  | { kind: "chart"; sheet: string; chart: ChartPlan }
  | { kind: "deleteChart"; sheet: string; name: string }
  /** Adds rows at the end of an existing table (append-only log and history). */
  | { kind: "appendRow"; table: string; values: (string | number | boolean)[][]; formats: string[][] }
  | { kind: "activate"; sheet: string };

/** What the adapter found in the workbook before writing (the first sync of a write). */
export interface WorkbookState {
  sheets: string[];
  tables: { name: string; sheet: string }[];
  /** Blocks the add-in owned before this run, by defined name (null: none). */
  owned: Record<string, { sheet: string; rect: Rect } | null>;
  /** Content (formulas or values as text, "" when empty) of each "update" plan's cells rectangle, by sheet. */
  blocks: Record<string, { rect: Rect; content: string[][] }>;
  /** Names of the charts on the sheets whose add-in block (beside an appended table) is rewritten. */
  charts?: Record<string, string[]>;
  /** context.sync() calls the look took (1, or 2 when a block beside an appended table had to be read). */
  inspectSyncs?: number;
  /** Which of the plan's names (NamePlan) the workbook already has at workbook scope, as the plan spells them. */
  names?: string[];
}

export const emptyState = (): WorkbookState => ({ sheets: [], tables: [], owned: {}, blocks: {} });

// ---------------------------------------------------------------------------------------------
// Rectangles

/**
 * Groups cells into rectangles of equal `tag`: vertical runs per column first, then runs with the
 * same rows in neighbouring columns are merged. Few, large rectangles = few actions.
 */
export function rectangles<T>(cells: { row: number; col: number; tag: T }[], same: (a: T, b: T) => boolean): { rect: Rect; tag: T }[] {
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: { rect: Rect; tag: T }[] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.rect.left === c.col && last.rect.bottom + 1 === c.row && same(last.tag, c.tag)) last.rect.bottom = c.row;
    else runs.push({ rect: { top: c.row, bottom: c.row, left: c.col, right: c.col }, tag: c.tag });
  }
  runs.sort((a, b) => a.rect.top - b.rect.top || a.rect.bottom - b.rect.bottom || a.rect.left - b.rect.left);
  const merged: { rect: Rect; tag: T }[] = [];
  for (const r of runs) {
    const last = merged[merged.length - 1];
    if (last && last.rect.top === r.rect.top && last.rect.bottom === r.rect.bottom && last.rect.right + 1 === r.rect.left && same(last.tag, r.tag)) {
      last.rect.right = r.rect.right;
    } else merged.push({ rect: { ...r.rect }, tag: r.tag });
  }
  return merged;
}

// ---------------------------------------------------------------------------------------------
// Cells

/** What goes into Range.formulas for a planned cell. */
export function cellInput(w: CellWrite): CellInput {
  if (w.formula) return w.formula.startsWith("=") ? w.formula : `=${w.formula}`;
  const v: PlainValue = w.value ?? null;
  // Text that Excel would take for a formula is written with the text prefix, unless the cell is formatted as text.
  if (typeof v === "string" && v.startsWith("=") && w.numberFormat !== FMT.text) return `'${v}`;
  return v;
}

const opSize = (op: Op) => ACTION_OVERHEAD_BYTES + JSON.stringify(op).length;

/** Bands of consecutive rows that write the same columns, cut into slices of at most SLICE_BYTES. */
function cellOps(sheet: string, cells: CellWrite[]): Op[] {
  const rows = new Map<number, CellWrite[]>();
  for (const c of cells) rows.set(c.row, [...(rows.get(c.row) ?? []), c]);
  const order = [...rows.keys()].sort((a, b) => a - b);
  const bands: { top: number; left: number; right: number; rows: number[] }[] = [];
  for (const r of order) {
    const cs = rows.get(r)!;
    const left = Math.min(...cs.map((c) => c.col));
    const right = Math.max(...cs.map((c) => c.col));
    const last = bands[bands.length - 1];
    if (last && last.left === left && last.right === right && last.top + last.rows.length === r) last.rows.push(r);
    else bands.push({ top: r, left, right, rows: [r] });
  }
  const ops: Op[] = [];
  for (const band of bands) {
    const width = band.right - band.left + 1;
    let slice: CellInput[][] = [];
    let sliceTop = band.top;
    let bytes = 0;
    const flush = () => {
      if (slice.length) ops.push({ kind: "cells", sheet, top: sliceTop, left: band.left, rows: slice });
      sliceTop += slice.length;
      slice = [];
      bytes = 0;
    };
    for (const r of band.rows) {
      const line: CellInput[] = new Array(width).fill(null);
      for (const c of rows.get(r)!) line[c.col - band.left] = cellInput(c);
      const size = JSON.stringify(line).length + 1;
      if (bytes + size > SLICE_BYTES && slice.length) flush();
      slice.push(line);
      bytes += size;
    }
    flush();
  }
  return ops;
}

function formatOps(sheet: string, cells: CellWrite[]): Op[] {
  const withFormat = cells.filter((c) => c.numberFormat).map((c) => ({ row: c.row, col: c.col, tag: c.numberFormat! }));
  return rectangles(withFormat, (a, b) => a === b).map(({ rect, tag }) => ({ kind: "numberFormat", sheet, address: rectAddress(rect), format: tag }));
}

function styleOps(sheet: string, cells: CellWrite[]): Op[] {
  const styled = cells.filter((c) => c.style && Object.keys(c.style).length).map((c) => ({ row: c.row, col: c.col, tag: JSON.stringify(c.style) }));
  return rectangles(styled, (a, b) => a === b).map(({ rect, tag }) => ({ kind: "style", sheet, address: rectAddress(rect), style: JSON.parse(tag) as CellStyle }));
}

/** Number formats first (so text stays text), then values and formulas, then the look. */
function contentOps(sp: Pick<ReplaceSheetPlan, "sheet" | "cells" | "columnWidths" | "freezeRows">): Op[] {
  return [
    ...formatOps(sp.sheet, sp.cells),
    ...cellOps(sp.sheet, sp.cells),
    ...styleOps(sp.sheet, sp.cells),
    ...(sp.columnWidths ?? []).map((w): Op => ({ kind: "columnWidth", sheet: sp.sheet, col: w.col, width: w.width })),
    ...(sp.freezeRows ? [{ kind: "freezeRows", sheet: sp.sheet, rows: sp.freezeRows } as Op] : []),
  ];
}

// ---------------------------------------------------------------------------------------------
// Checks

/** The state the first sync found, as the write-plan check asks about it. */
export function stateView(state: WorkbookState): WorkbookView {
  return {
    hasSheet: (name) => state.sheets.includes(name),
    tableSheet: (name) => state.tables.find((t) => t.name.toLowerCase() === name.toLowerCase())?.sheet ?? null,
    ownedBlock: (name) => state.owned[name] ?? null,
    cellText: (sheet, row, col) => {
      const block = state.blocks[sheet];
      const v = block?.content[row - block.rect.top]?.[col - block.rect.left] ?? "";
      return v === "" ? null : v;
    },
    hasName: (name) => (state.names ?? []).some((n) => n.toLowerCase() === name.toLowerCase()),
  };
}

/** Everything that would stop the write, found before anything is written (throws OwnershipError). */
export function checkWrite(plan: WritePlan, state: WorkbookState): void {
  checkWritePlan(plan, stateView(state));
}

// ---------------------------------------------------------------------------------------------
// Plan → operations

function appendOps(sp: AppendSheetPlan, state: WorkbookState): Op[] {
  const ap = sp.append;
  const exists = state.tables.some((t) => t.name.toLowerCase() === ap.table.toLowerCase());
  if (exists) {
    return [
      {
        kind: "appendRow",
        table: ap.table,
        values: ap.rows.map((row) => row.map((c) => (c.value === null ? "" : c.value))),
        formats: ap.rows.map((row) => row.map((c) => c.numberFormat ?? "General")),
      },
    ];
  }
  // First log row: the sheet, the header and the row as cells, then the table over them.
  const { row: top, col: left } = ap.anchor;
  const cells: CellWrite[] = [
    ...ap.headers.map((h, i) => ({ row: top, col: left + i, value: h })),
    ...ap.rows.flatMap((row, r) => row.map((c, i) => ({ row: top + 1 + r, col: left + i, value: c.value, numberFormat: c.numberFormat }))),
  ];
  return [
    { kind: "addSheet", sheet: sp.sheet },
    ...contentOps({ sheet: sp.sheet, cells, columnWidths: (ap.widths ?? []).map((width, i) => ({ col: left + i, width })) }),
    { kind: "table", sheet: sp.sheet, address: rangeAddress(top, left, top + ap.rows.length, left + ap.headers.length - 1), name: ap.table, style: ap.style },
  ];
}

/** Cells, tables, rules and charts of a sheet plan. */
function sheetOps(sp: ReplaceSheetPlan | UpdateSheetPlan | CreateSheetPlan): Op[] {
  return [
    ...contentOps(sp),
    ...(sp.tables ?? []).map((t): Op => ({ kind: "table", sheet: sp.sheet, address: rectAddress(t.rect), name: t.name, style: t.style })),
    ...(sp.rules ?? []).map((rule): Op => ({ kind: "rule", sheet: sp.sheet, rule })),
    ...(sp.lists ?? []).map((list): Op => ({ kind: "list", sheet: sp.sheet, list })),
    ...(sp.charts ?? []).map((chart): Op => ({ kind: "chart", sheet: sp.sheet, chart })),
  ];
}

/** An owned block: the previous one cleared and its name removed, the new one written and named. */
function updateOps(sp: UpdateSheetPlan, state: WorkbookState): Op[] {
  const ops: Op[] = [];
  const prev = state.owned[sp.owned.name];
  if (prev) {
    if (state.sheets.includes(prev.sheet)) ops.push({ kind: "clearBlock", sheet: prev.sheet, address: rectAddress(prev.rect) });
    ops.push({ kind: "deleteName", name: sp.owned.name });
  }
  ops.push(...sheetOps(sp));
  ops.push({ kind: "addName", name: sp.owned.name, sheet: sp.sheet, address: rectAddress(sp.owned.rect) });
  return ops;
}

/** The operations of a whole write plan, in the order they must run. */
export function planOps(plan: WritePlan, state: WorkbookState): Op[] {
  const ops: Op[] = [];
  const activate: Op[] = [];
  const appends: Op[] = [];
  for (const sp of plan.sheets) {
    if (sp.mode === "append") {
      appends.push(...appendOps(sp, state));
      const beside = besidePlan(sp);
      if (beside) {
        for (const chart of beside.charts ?? []) {
          if (chart.name && (state.charts?.[sp.sheet] ?? []).includes(chart.name)) appends.push({ kind: "deleteChart", sheet: sp.sheet, name: chart.name });
        }
        appends.push(...updateOps(beside, state));
      }
      continue;
    }
    if (sp.mode === "replace" && state.sheets.includes(sp.sheet)) ops.push({ kind: "deleteSheet", sheet: sp.sheet });
    if (sp.mode === "replace" || sp.mode === "create") ops.push({ kind: "addSheet", sheet: sp.sheet });
    if (sp.mode === "update") ops.push(...updateOps(sp, state));
    else ops.push(...sheetOps(sp));
    if (sp.activate) activate.push({ kind: "activate", sheet: sp.sheet });
  }
  // Names go after the sheets they point into; the log row goes last: it says the rebalance was written, so nothing may fail after it.
  const names = (plan.names ?? []).map((n): Op => ({ kind: "addName", name: n.name, sheet: n.sheet, address: rectAddress(n.rect) }));
  return [...ops, ...names, ...activate, ...appends];
}

/** Estimated request bytes of one operation. */
export function opBytes(op: Op): number {
  return opSize(op) + (op.kind === "chart" ? 8 * ACTION_OVERHEAD_BYTES : 0);
}

/** Packs operations, in order, into batches of at most `limit` estimated bytes. */
export function chunkOps(ops: Op[], limit = CHUNK_BYTES): Op[][] {
  const chunks: Op[][] = [];
  let current: Op[] = [];
  let bytes = 0;
  for (const op of ops) {
    const size = opBytes(op);
    if (current.length && bytes + size > limit) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(op);
    bytes += size;
  }
  if (current.length) chunks.push(current);
  return chunks;
}

export interface WriteEstimate {
  ops: number;
  /** Estimated request bytes of all batches together. */
  bytes: number;
  /** Estimated bytes per batch. */
  batches: number[];
  /** context.sync() calls: one to look at the workbook, one per batch. */
  syncs: number;
}

/** Sizes a write plan against a workbook state (default: a workbook that holds none of the add-in's sheets yet). */
export function estimateWrite(plan: WritePlan, state: WorkbookState = emptyState(), limit = CHUNK_BYTES): WriteEstimate {
  const withSheets: WorkbookState = {
    ...state,
    sheets: state.sheets.length ? state.sheets : plan.sheets.filter((s) => s.mode === "update").map((s) => s.sheet),
  };
  const ops = planOps(plan, withSheets);
  const chunks = chunkOps(ops, limit);
  const batches = chunks.map((c) => c.reduce((s, op) => s + opBytes(op), 0));
  return { ops: ops.length, bytes: batches.reduce((s, b) => s + b, 0), batches, syncs: 1 + chunks.length };
}

/** The smallest rectangle holding every cell an update plan writes. */
export function cellsRect(sp: UpdateSheetPlan): Rect | null {
  return boundingRect(sp.cells);
}

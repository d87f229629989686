/**
 * What the add-in writes, as plain data. Adapters (Office.js in Excel, exceljs for files) apply
 * these plans; they decide nothing about finance or layout.
 */
import { Rect } from "../a1";

export type PlainValue = string | number | boolean | null;

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  /** Fill colour as #RRGGBB. */
  fill?: string;
  /** Font colour as #RRGGBB. */
  color?: string;
  horizontal?: "left" | "center" | "right";
  wrap?: boolean;
}

/** One cell to write: a value or a formula (A1 style, starting with "="), with an optional number format. */
export interface CellWrite {
  /** 1-based sheet row. */
  row: number;
  /** 1-based sheet column. */
  col: number;
  value?: PlainValue;
  formula?: string;
  /** The value the engine expects the formula to produce (for checks and for adapters that cache results). */
  expected?: PlainValue;
  numberFormat?: string;
  style?: CellStyle;
}

/** A conditional format: cells in the range whose text equals `equals` get the style. */
export interface TextRule {
  /** A1 range on the sheet, e.g. "H2:H7". */
  range: string;
  equals: string;
  style: CellStyle;
}

/**
 * A drop-down over cells (data validation): the choices are `options`, or the cells `source` refers to
 * ("=Targets!$A$2:$A$9"). A value outside them is refused (`stop`) or only warned of (`warn`: a list the
 * advisor extends, such as the classes in Targets).
 */
export interface ListRule {
  /** A1 range on the sheet, e.g. "J2:J500". */
  range: string;
  options?: readonly string[];
  source?: string;
  /** What `source` lists, for the alert ("the accounts in Accounts"). */
  label?: string;
  alert: "stop" | "warn";
}

/** An Excel table over a block of cells the plan also writes (header row included). */
export interface TablePlan {
  /** Workbook-unique table name (letters, digits, underscores; no spaces). */
  name: string;
  /** Its cells, the header row included. The header and data cells are in `cells`. */
  rect: Rect;
  headers: string[];
  /** Built-in table style (TABLE_STYLE). */
  style: string;
}

/** One appended row: one entry per header. */
export type AppendRow = { value: PlainValue; numberFormat?: string }[];

/**
 * Rows appended to an append-only Excel table (the rebalance log, the drift history). When the
 * table does not exist yet, the adapter creates the sheet and the table (header row + these rows)
 * at `anchor`; when it exists, the rows go after its last row. Existing rows are never rewritten
 * or reordered.
 */
export interface AppendPlan {
  /** Workbook-unique table name, e.g. "RebalanceLog". */
  table: string;
  headers: string[];
  /** Top-left cell of the table when it has to be created. */
  anchor: { row: number; col: number };
  /** The new rows (at least one), each one entry per header. */
  rows: AppendRow[];
  /** Column widths (characters) used when the table is created, one per header. */
  widths?: number[];
  /** Built-in table style (TABLE_STYLE). */
  style: string;
}

export interface ChartPlan {
  title: string;
  /** Horizontal bars per category, or lines over the categories (a time series: dates as categories). */
  kind: "clusteredBar" | "line";
  /** A1 range of the category labels or dates (one column, no header), e.g. "A7:A11". */
  categories: string;
  /** One series per compared measure, each a one-column A1 range as long as categories. */
  series: { name: string; values: string }[];
  /** Where the chart's top-left corner goes, A1. */
  anchor: string;
  width: number;
  height: number;
  /** Number format of the value axis (default: the source cells' format). */
  valueFormat?: string;
  /** A name that finds the chart again (Excel's chart name), so a later write replaces it instead of adding one. */
  name?: string;
  /** Line charts: a marker at each point (a series of one point is otherwise invisible). */
  markers?: boolean;
  /** A logarithmic value axis (base 10): growth over decades reads as rates, not as the last years only. */
  logScale?: boolean;
}

/** A block of cells the add-in owns: it may replace them on re-runs, and never writes over anything else. */
export interface OwnedBlock {
  /** Defined name that remembers the block between runs (Excel names cannot contain spaces). */
  name: string;
  /** The block's cells, on the plan's sheet. */
  rect: Rect;
}

/** What every sheet plan that writes cells has. */
interface SheetContent {
  sheet: string;
  cells: CellWrite[];
  columnWidths?: { col: number; width: number }[];
  tables?: TablePlan[];
  charts?: ChartPlan[];
  rules?: TextRule[];
  /** Drop-downs (data validation lists). */
  lists?: ListRule[];
  /** Freeze panes below this many rows. */
  freezeRows?: number;
  /** Show this sheet when the write is done. */
  activate?: boolean;
}

/** Delete the sheet if present and write it anew (the add-in's own sheets). */
export interface ReplaceSheetPlan extends SheetContent {
  mode: "replace";
}

/** Write into an existing sheet of the advisor's, only inside the block the add-in owns. */
export interface UpdateSheetPlan extends SheetContent {
  mode: "update";
  owned: OwnedBlock;
}

/** Add rows to the sheet's append-only table (and rewrite the add-in's block beside it, when given). */
export interface AppendSheetPlan {
  mode: "append";
  sheet: string;
  append: AppendPlan;
  /**
   * A block of the add-in's on the same sheet, written after the rows: the previous one (found by
   * its defined name) is cleared and its charts removed, then these cells and charts are written.
   */
  beside?: Pick<UpdateSheetPlan, "owned" | "cells" | "columnWidths" | "charts">;
}

/** Write a sheet that must not exist yet (the starter sheets): never replaces one, and the check names the sheet in the way. */
export interface CreateSheetPlan extends SheetContent {
  mode: "create";
}

export type SheetPlan = ReplaceSheetPlan | UpdateSheetPlan | AppendSheetPlan | CreateSheetPlan;

/** A workbook-scoped defined name the plan adds over a rectangle of one of its sheets; it must not exist yet. */
export interface NamePlan {
  name: string;
  sheet: string;
  rect: Rect;
}

export interface WritePlan {
  sheets: SheetPlan[];
  /** Workbook-scoped names added after every sheet is written (the starter sheets' contract ranges). */
  names?: NamePlan[];
  /** The advisor's named ranges the plan was made from: no sheet plan may replace or append to their sheets. */
  keep?: { name: string; sheet: string }[];
}

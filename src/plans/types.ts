/**
 * What the add-in writes, as plain data. Adapters (Office.js in Excel, exceljs for files) apply
 * these plans; they decide nothing about finance or layout.
 */

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

/** An Excel table over a block of cells the plan also writes (header row included). */
export interface TablePlan {
  name: string;
  /** A1 range including the header row, e.g. "A12:J20". */
  range: string;
  headers: string[];
  /** Data rows (values only); formulas inside tables are written as cells too. */
  style?: string;
}

export interface ChartPlan {
  title: string;
  kind: "clusteredBar";
  /** A1 range of the category labels (one column, no header), e.g. "A7:A11". */
  categories: string;
  /** One series per compared measure, each a one-column A1 range as long as categories. */
  series: { name: string; values: string }[];
  /** Where the chart's top-left corner goes, A1. */
  anchor: string;
  width: number;
  height: number;
}

/** A block of cells the add-in owns: it may replace them on re-runs, and never writes over anything else. */
export interface OwnedBlock {
  /** Defined name that remembers the block between runs (Excel names cannot contain spaces). */
  name: string;
  /** A1 range of the block. */
  range: string;
}

export interface SheetPlan {
  sheet: string;
  /** "replace": delete the sheet if present and write it anew; "update": write into the existing sheet. */
  mode: "replace" | "update";
  cells: CellWrite[];
  columnWidths?: { col: number; width: number }[];
  tables?: TablePlan[];
  charts?: ChartPlan[];
  rules?: TextRule[];
  owned?: OwnedBlock;
  /** Freeze panes below this many rows. */
  freezeRows?: number;
}

export interface WritePlan {
  sheets: SheetPlan[];
}

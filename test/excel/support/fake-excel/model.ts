/**
 * The in-memory workbook of the Excel stand-in (what the stand-in models: see index.ts), with the
 * A1 helpers that address its cells and the grid and request limits.
 */
// Context is used only inside Workbook.context(), so the import cycle with context.ts is safe at runtime.
import { Context, type SyncRecord } from "./context";

export const REQUEST_LIMIT = 5 * 1024 * 1024;
export const MAX_ROW = 1048576;
export const MAX_COL = 16384;

export type Scalar = string | number | boolean | null;

export interface Style {
  bold?: boolean;
  italic?: boolean;
  color?: string;
  fill?: string;
  horizontal?: string;
  wrap?: boolean;
}

export interface Cell {
  value: Scalar;
  formula: string | null;
  format: string;
  style: Style;
}

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Name {
  name: string;
  /** Reference text as in workbook.xml ("Sheet!$A$1:$B$4", "0.05", "#REF!", "A!$A$1:$B$2,A!$D$1:$E$2"). */
  ref: string;
}

export interface Table {
  name: string;
  sheet: Sheet;
  rect: Rect;
  style: string;
}

export interface Chart {
  type: string;
  title: string;
  series: { name: string; values: string; categories: string | null }[];
  position: string | null;
  width: number;
  height: number;
  legend: string | null;
  /** The value axis's number format, when set. */
  valueFormat: string | null;
  logBase: number | null;
  name: string | null;
}

export interface CondFormat {
  address: string;
  type: string;
  fill: string | null;
  color: string | null;
  rule: { formula1: string; operator: string } | null;
}

/** A data-validation list over a range, as Office.js was told it. */
export interface Validation {
  address: string;
  rule: { list: { inCellDropDown: boolean; source: string } } | null;
  errorAlert: { showAlert: boolean; style: string; title: string; message: string } | null;
}

export class Sheet {
  cells = new Map<string, Cell>();
  validations: Validation[] = [];
  names: Name[] = [];
  charts: Chart[] = [];
  condFormats: CondFormat[] = [];
  widths = new Map<number, number>();
  frozenRows = 0;
  /** Merged areas: only the top-left cell of each holds a value, as in Excel. */
  merged: Rect[] = [];
  constructor(public name: string) {}

  get(row: number, col: number): Cell | undefined {
    return this.cells.get(`${row}:${col}`);
  }
  cell(row: number, col: number): Cell {
    const k = `${row}:${col}`;
    let c = this.cells.get(k);
    if (!c) {
      c = { value: null, formula: null, format: "General", style: {} };
      this.cells.set(k, c);
    }
    return c;
  }
  /** Bounding rectangle of every cell that holds something (values, formulas, formats or styles). */
  used(): Rect | null {
    let r: Rect | null = null;
    for (const [k, c] of this.cells) {
      if (c.value === null && c.formula === null && c.format === "General" && Object.keys(c.style).length === 0) continue;
      const [row, col] = k.split(":").map(Number);
      r = r ? { top: Math.min(r.top, row), left: Math.min(r.left, col), bottom: Math.max(r.bottom, row), right: Math.max(r.right, col) } : { top: row, left: col, bottom: row, right: col };
    }
    return r;
  }
}

// ---------------------------------------------------------------------------------------------
// Addresses

export function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

export function colLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export const addr = (r: Rect) =>
  r.top === r.bottom && r.left === r.right ? `${colLetters(r.left)}${r.top}` : `${colLetters(r.left)}${r.top}:${colLetters(r.right)}${r.bottom}`;

/** "A1", "$A$1:$C$9", "A:C", "3:5" → rectangle; null when it is none of these. */
export function parseRect(text: string): Rect | null {
  const t = text.replace(/\$/g, "").trim();
  let m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/i.exec(t);
  if (m) {
    const r1 = Number(m[2]);
    const c1 = colNumber(m[1]);
    const r2 = m[4] ? Number(m[4]) : r1;
    const c2 = m[3] ? colNumber(m[3]) : c1;
    return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
  }
  m = /^([A-Z]{1,3}):([A-Z]{1,3})$/i.exec(t);
  if (m) return { top: 1, bottom: MAX_ROW, left: Math.min(colNumber(m[1]), colNumber(m[2])), right: Math.max(colNumber(m[1]), colNumber(m[2])) };
  m = /^(\d+):(\d+)$/.exec(t);
  if (m) return { left: 1, right: MAX_COL, top: Math.min(Number(m[1]), Number(m[2])), bottom: Math.max(Number(m[1]), Number(m[2])) };
  return null;
}

/** "'My Sheet'!$A$1:$B$2" → sheet and rectangle (null for constants, errors and several areas). */
export function parseRef(ref: string): { sheet: string | null; rect: Rect } | null {
  const text = ref.replace(/^=/, "");
  if (text.includes(",") || text.includes("#REF!")) return null;
  const bang = text.lastIndexOf("!");
  let sheet: string | null = null;
  let a = text;
  if (bang >= 0) {
    sheet = text.slice(0, bang);
    if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    a = text.slice(bang + 1);
  }
  const rect = parseRect(a);
  return rect ? { sheet, rect } : null;
}

export const quote = (sheet: string) => (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`);
export const absAddr = (r: Rect) => `$${colLetters(r.left)}$${r.top}:$${colLetters(r.right)}$${r.bottom}`;

const EPOCH = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** The serial Excel gives a day (UTC midnight, ms), in the 1900 or the 1904 date system. */
export function serialOfDay(ms: number, date1904 = false): number {
  if (date1904) return (ms - EPOCH_1904) / 86400000;
  const plain = (ms - EPOCH) / 86400000;
  // Before 1900-03-01 Excel's 1900 system is one less than a plain count (its fictitious 1900-02-29).
  return plain < 61 ? plain - 1 : plain;
}

/** What Excel stores when a value is typed (or written through Range.values/formulas) into a cell. */
export function typeInto(cell: Cell, input: Scalar, date1904 = false): void {
  if (input === null) return;
  cell.formula = null;
  if (typeof input !== "string") {
    cell.value = input;
    return;
  }
  if (input === "") {
    cell.value = null;
    return;
  }
  if (input.startsWith("'")) {
    cell.value = input.slice(1);
    return;
  }
  if (cell.format === "@") {
    cell.value = input;
    return;
  }
  if (input.startsWith("=")) {
    cell.formula = input;
    cell.value = null;
    return;
  }
  if (/^[-+]?\d+(\.\d+)?$/.test(input.trim())) {
    cell.value = Number(input);
    return;
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.trim());
  if (iso) {
    cell.value = serialOfDay(Date.UTC(+iso[1], +iso[2] - 1, +iso[3]), date1904);
    if (cell.format === "General") cell.format = "yyyy-mm-dd";
    return;
  }
  if (/^(true|false)$/i.test(input)) {
    cell.value = input.toLowerCase() === "true";
    return;
  }
  cell.value = input;
}

// ---------------------------------------------------------------------------------------------
// The workbook

export class Workbook {
  sheets: Sheet[] = [];
  names: Name[] = [];
  tables: Table[] = [];
  active: string | null = null;
  /** Excel > Options > Advanced > "Use 1904 date system". */
  date1904 = false;
  selection: { sheet: string; address: string } | null = null;
  syncs: SyncRecord[] = [];
  /** Largest request accepted (Excel on the web: 5 MB). */
  requestLimit = REQUEST_LIMIT;
  /** Test hook: throw from the action whose description matches, to simulate Excel failing midway. */
  failOn: ((description: string) => boolean) | null = null;

  sheet(name: string): Sheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
  addSheet(name: string): Sheet {
    const s = new Sheet(name);
    this.sheets.push(s);
    return s;
  }
  /** Sets a cell as if typed (tests use it to prepare workbooks). */
  set(sheet: string, address: string, value: Scalar, format?: string): void {
    const r = parseRect(address)!;
    const c = this.sheet(sheet)!.cell(r.top, r.left);
    if (format) c.format = format;
    typeInto(c, value, this.date1904);
  }
  context(): Context {
    return new Context(this);
  }
}

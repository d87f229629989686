/**
 * A1 references, the one home for them: column letters, cell and range addresses (plain and `$`
 * absolute), sheet names quoted as Excel needs them, and parsing a reference ("'Q4 ''26'!$A$1:$J$20",
 * "A:E", "1:10") into a sheet and a rectangle. Pure; imports nothing.
 *
 * Rows and columns are 1-based. Excel's grid ends at column XFD (16,384) and row 1,048,576.
 */

export const MAX_COLUMN = 16_384;
export const MAX_ROW = 1_048_576;

/** A rectangle of cells, 1-based and inclusive. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A parsed reference: its sheet (null when it names none) and its cells. */
export interface Area {
  sheet: string | null;
  top: number;
  left: number;
  /** Inclusive; null for whole-column references (A:E), meaning "to the last used row". */
  bottom: number | null;
  /** Inclusive; null for whole-row references (1:10), meaning "to the last used column". */
  right: number | null;
}

// ---------------------------------------------------------------------------------------------
// Columns and addresses

/** Column letters for a 1-based column index (1 → A, 27 → AA, 16384 → XFD). */
export function columnLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** 1-based column index for letters ("A" → 1, "AA" → 27, "xfd" → 16384). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A1 address of a cell: cellAddress(7, 5) → "E7". */
export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

/** Absolute address of a cell: "$E$7". */
export function absoluteAddress(row: number, col: number): string {
  return `$${columnLetters(col)}$${row}`;
}

/** "A1:C3" from corners. */
export function rangeAddress(top: number, left: number, bottom: number, right: number): string {
  return `${cellAddress(top, left)}:${cellAddress(bottom, right)}`;
}

/** "$A$1:$C$3" from corners, for formulas. */
export function absoluteRange(top: number, left: number, bottom: number, right: number): string {
  return `${absoluteAddress(top, left)}:${absoluteAddress(bottom, right)}`;
}

/** A rectangle's address: "B2" for one cell, "B2:D9" otherwise. */
export function rectAddress(r: Rect): string {
  return r.top === r.bottom && r.left === r.right ? cellAddress(r.top, r.left) : rangeAddress(r.top, r.left, r.bottom, r.right);
}

/** "C:C" for whole columns. */
export function columnsAddress(left: number, right = left): string {
  return `${columnLetters(left)}:${columnLetters(right)}`;
}

// ---------------------------------------------------------------------------------------------
// Sheet names

/** A sheet name as it may stand unquoted in messages: letters, digits, underscores and dots, not starting with a digit. */
const PLAIN_SHEET = /^[A-Za-z_][A-Za-z0-9_.]*$/;

/** The sheet name in quotes, apostrophes doubled: My 'Q4' → 'My ''Q4'''. */
export function quotedSheet(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** The sheet name as messages show it: plain names as they are, others quoted. */
export function sheetLabel(sheet: string): string {
  return PLAIN_SHEET.test(sheet) ? sheet : quotedSheet(sheet);
}

/** A sheet-qualified reference, the sheet always quoted (valid in every formula and name): 'My Sheet'!A1:B2. */
export function qualified(sheet: string, address: string): string {
  return `${quotedSheet(sheet)}!${address}`;
}

/** 'Sheet'!$A$1:$C$3 for a rectangle: what a defined name refers to. */
export function qualifiedRect(sheet: string, r: Rect): string {
  return qualified(sheet, absoluteRange(r.top, r.left, r.bottom, r.right));
}

/** Splits "Sheet!A1:B2" into sheet and address, honouring quoted sheet names (an apostrophe inside is doubled). */
export function splitSheet(ref: string): { sheet: string | null; address: string } {
  const bang = ref.lastIndexOf("!");
  if (bang < 0) return { sheet: null, address: ref };
  let sheet = ref.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: ref.slice(bang + 1) };
}

// ---------------------------------------------------------------------------------------------
// Parsing

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;
const COLS = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/;
const ROWS = /^\$?(\d+):\$?(\d+)$/;

const rowOk = (r: number) => r >= 1 && r <= MAX_ROW;
const colOk = (c: number) => c >= 1 && c <= MAX_COLUMN;

/** A single cell ("B7", "$B$7"), or null. */
export function parseCell(text: string): { row: number; col: number } | null {
  const c = CELL.exec(text.trim());
  if (!c) return null;
  const row = Number(c[2]);
  const col = columnIndex(c[1]);
  return rowOk(row) && colOk(col) ? { row, col } : null;
}

/** One rectangular area, or null when the text is not a single range (constants, #REF!, several areas, formulas, off the grid). */
export function parseArea(ref: string): Area | null {
  const text = ref.trim().replace(/^=/, "");
  // A comma outside a quoted sheet name separates areas (several areas are not one range); inside one it is part of the name.
  const outsideQuotes = text.replace(/'(?:[^']|'')*'/g, "");
  if (text === "" || outsideQuotes.includes(",") || text.includes("#REF!")) return null;
  const { sheet, address } = splitSheet(text);
  const parts = address.split(":");
  if (parts.length === 1) {
    const c = parseCell(parts[0]);
    return c ? { sheet, top: c.row, left: c.col, bottom: c.row, right: c.col } : null;
  }
  if (parts.length !== 2) return null;
  const a = parseCell(parts[0]);
  const b = parseCell(parts[1]);
  if (a && b) {
    return { sheet, top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
  }
  const cols = COLS.exec(address);
  if (cols) {
    const c1 = columnIndex(cols[1]);
    const c2 = columnIndex(cols[2]);
    if (!colOk(c1) || !colOk(c2)) return null;
    return { sheet, top: 1, left: Math.min(c1, c2), bottom: null, right: Math.max(c1, c2) };
  }
  const rows = ROWS.exec(address);
  if (rows) {
    const r1 = Number(rows[1]);
    const r2 = Number(rows[2]);
    if (!rowOk(r1) || !rowOk(r2)) return null;
    return { sheet, top: Math.min(r1, r2), left: 1, bottom: Math.max(r1, r2), right: null };
  }
  return null;
}

/** The areas of a list of references ("Sheet1!A1:B4, 'Q4, 2026'!D1:D4"): split at commas outside quoted sheet names, trimmed. */
export function splitAreas(list: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of list) {
    if (ch === "'") quoted = !quoted; // a doubled apostrophe flips twice: still inside
    if (ch === "," && !quoted) {
      out.push(current.trim());
      current = "";
    } else current += ch;
  }
  out.push(current.trim());
  return out.filter((a) => a !== "");
}

/** A bounded rectangle from a reference ("A1:C3", "'S'!$B$2"), or null for whole rows/columns and non-ranges. */
export function parseRect(ref: string): Rect | null {
  const a = parseArea(ref);
  if (!a || a.bottom === null || a.right === null) return null;
  return { top: a.top, left: a.left, bottom: a.bottom, right: a.right };
}

// ---------------------------------------------------------------------------------------------
// Rectangles

export function inRect(r: Rect | null, row: number, col: number): boolean {
  return r !== null && row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

/** The smallest rectangle holding every cell (null for none). */
export function boundingRect(cells: readonly { row: number; col: number }[]): Rect | null {
  if (cells.length === 0) return null;
  let top = Infinity;
  let left = Infinity;
  let bottom = -Infinity;
  let right = -Infinity;
  for (const c of cells) {
    top = Math.min(top, c.row);
    left = Math.min(left, c.col);
    bottom = Math.max(bottom, c.row);
    right = Math.max(right, c.col);
  }
  return { top, left, bottom, right };
}

/** The row number of an address ("E7" → 7). */
export function rowOf(address: string): number {
  return Number(/(\d+)$/.exec(address)?.[1] ?? NaN);
}

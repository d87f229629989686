/**
 * The plain snapshot of a workbook that every reader produces (exceljs for .xlsx files,
 * Office.js inside Excel). The contract parser sees only this, so both paths feed the
 * engine identical input.
 */

/** One cell as read: numbers (Excel date serials stay numbers), text, booleans, real dates, or empty. */
export type CellValue = number | string | boolean | Date | null;

/** A named range read as plain data. Rows and columns are 1-based sheet coordinates. */
export interface RangeSnapshot {
  /** The defined name, e.g. "Holdings". */
  name: string;
  /** Sheet the range lives on, e.g. "Portfolio". */
  sheet: string;
  /** Row of the range's first (header) row. */
  top: number;
  /** Column of the range's first column (1 = A). */
  left: number;
  /** Cell values, row-major, including the header row. */
  values: CellValue[][];
  /** Number formats of the same cells ("General", "0.00%", "yyyy-mm-dd", ...); may be empty arrays. */
  numberFormats: string[][];
}

/** A problem the reader found with a name itself (missing is not a problem here: the contract decides). */
export interface NameProblem {
  name: string;
  message: string;
}

export interface WorkbookSnapshot {
  /** Named ranges found, keyed by the name in lower case ("holdings", "targets", "policy", "accounts", "returns"). */
  ranges: Record<string, RangeSnapshot>;
  /** Names that exist but are not usable ranges (refer to a constant, span several areas, #REF!, ...). */
  nameProblems: NameProblem[];
}

/** Column letters for a 1-based column index (1 → A, 27 → AA). */
export function columnLetters(col: number): string {
  let s = "";
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1-style address of a cell, e.g. cellAddress(7, 5) → "E7". */
export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

/** 1-based column index for letters ("A" → 1, "AA" → 27). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

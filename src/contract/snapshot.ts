/**
 * The plain snapshot of a workbook that every reader produces (exceljs for .xlsx files,
 * Office.js inside Excel). The contract parser sees only this, so both paths feed the
 * engine identical input.
 */
import { DateSystem } from "../dates/serial";

/** A formula cell saved without its computed result (by a tool that does not calculate): it has no value to read. */
export interface Uncalculated {
  uncalculated: string;
}

/**
 * One cell as read: numbers (Excel date serials stay numbers), text, booleans, real dates, or empty.
 * An error cell arrives as its code ("#REF!", "#N/A"), as Office.js gives it; a formula without a
 * computed result as Uncalculated.
 */
export type CellValue = number | string | boolean | Date | null | Uncalculated;

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
  /** Merged areas that overlap the range, A1 ("A2:A5"), when the reader can tell (the .xlsx reader does). */
  merged?: string[];
}

/** A problem the reader found with a name itself (missing is not a problem here: the contract decides). */
export interface NameProblem {
  name: string;
  message: string;
}

/** The contract's named ranges, lower case: readers snapshot these and ignore every other name. */
export const CONTRACT_RANGES = ["holdings", "targets", "policy", "accounts", "owners", "location", "models", "equivalents", "lookthrough", "returns", "backtestpolicies"] as const;

export interface WorkbookSnapshot {
  /**
   * The workbook's date system (Excel > Options > Advanced > "Use 1904 date system"): serial numbers
   * in date cells count from 1900-01-01 (1900, the default when absent) or from 1904-01-01 (1904).
   */
  dateSystem?: DateSystem;
  /** Named ranges found, keyed by the name in lower case (one of CONTRACT_RANGES). */
  ranges: Record<string, RangeSnapshot>;
  /** Names that exist but are not usable ranges (refer to a constant, span several areas, #REF!, ...). */
  nameProblems: NameProblem[];
}

const blank = (v: CellValue) => v === null || (typeof v === "string" && v.trim() === "");

/**
 * The range without its trailing rows that are blank in every cell (the header row always stays):
 * every reader applies it, so a name over A1:G1048576 with seven rows used reads as those rows, the
 * same in Excel and from a file.
 */
export function trimBlankRows(range: RangeSnapshot): RangeSnapshot {
  let end = range.values.length;
  while (end > 1 && (range.values[end - 1] ?? []).every(blank)) end--;
  return end === range.values.length ? range : { ...range, values: range.values.slice(0, end), numberFormats: range.numberFormats.slice(0, end) };
}

/** Whether the workbook has any of the contract's names (a usable range or not): without one, the pane offers the starter sheets. */
export function hasContractNames(snapshot: WorkbookSnapshot): boolean {
  const contract = (key: string) => (CONTRACT_RANGES as readonly string[]).includes(key.toLowerCase());
  return Object.keys(snapshot.ranges).some(contract) || snapshot.nameProblems.some((p) => contract(p.name));
}

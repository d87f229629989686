/**
 * A named range read as a table: the first row holds headers (matched ignoring case and spaces,
 * in any order), blank rows are skipped, unknown columns ignored.
 */
import { CellRef } from "./portfolio";
import { ContractError, contractError } from "./errors";
import { cellProblem, normalizeKey, isBlank, text } from "./cells";
import { cellAddress } from "../a1";
import { CellValue, RangeSnapshot } from "./snapshot";

export interface ColumnSpec {
  /** Header as documented, e.g. "Asset Class". */
  header: string;
  required: boolean;
}

export interface TableRow {
  /** Sheet row number. */
  row: number;
  /** The cell under a documented header (null when the column is absent). */
  get(header: string): CellValue;
  /** Address of the cell under a header; for an absent column, the row's first cell. */
  ref(header: string): CellRef;
  has(header: string): boolean;
}

export interface Table {
  range: RangeSnapshot;
  /** Rows whose cells under the known headers can all be read. */
  rows: TableRow[];
  /** Rows left out because a cell under a known header holds an error or an uncalculated formula (each reported). */
  skipped: TableRow[];
}

/** Reads a range as a table; missing required columns are reported and give null. */
export function readTable(range: RangeSnapshot, columns: ColumnSpec[], errors: ContractError[]): Table | null {
  const header = range.values[0] ?? [];
  const headerRow = range.top;
  const positions = new Map<string, number>();
  const seen = new Map<string, number>();
  header.forEach((cell, i) => {
    const key = normalizeKey(cell);
    if (key === "") return;
    const earlier = seen.get(key);
    const known = columns.find((c) => normalizeKey(c.header) === key);
    if (earlier !== undefined && known) {
      errors.push(
        contractError(
          range.sheet,
          cellAddress(headerRow, range.left + i),
          `${range.name} has the column "${text(cell)}" twice (also in ${cellAddress(headerRow, range.left + earlier)})`,
        ),
      );
      return;
    }
    seen.set(key, i);
    if (known) positions.set(known.header, i);
  });

  const missing = columns.filter((c) => c.required && !positions.has(c.header));
  if (range.values.length === 0 || header.every(isBlank)) {
    errors.push(
      contractError(range.sheet, cellAddress(headerRow, range.left), `${range.name} has no header row; expected ${columns.filter((c) => c.required).map((c) => `"${c.header}"`).join(", ")}`),
    );
    return null;
  }
  if (missing.length > 0) {
    const lastHeader = cellAddress(headerRow, range.left + Math.max(header.length, 1) - 1);
    errors.push(
      contractError(
        range.sheet,
        cellAddress(headerRow, range.left),
        `${range.name} is missing the required column${missing.length > 1 ? "s" : ""} ${missing.map((c) => `"${c.header}"`).join(", ")} (headers are read from row ${headerRow}, ${cellAddress(headerRow, range.left)}:${lastHeader}; case and spaces are ignored)`,
      ),
    );
    return null;
  }

  const rows: TableRow[] = [];
  const skipped: TableRow[] = [];
  for (let r = 1; r < range.values.length; r++) {
    const values = range.values[r] ?? [];
    if (values.every(isBlank)) continue;
    const sheetRow = range.top + r;
    let unreadable = false;
    for (const i of positions.values()) {
      const problem = cellProblem(values[i] ?? null);
      if (!problem) continue;
      errors.push(contractError(range.sheet, cellAddress(sheetRow, range.left + i), problem));
      unreadable = true;
    }
    (unreadable ? skipped : rows).push({
      row: sheetRow,
      get: (h) => {
        const i = positions.get(h);
        return i === undefined ? null : values[i] ?? null;
      },
      ref: (h) => ({ sheet: range.sheet, cell: cellAddress(sheetRow, range.left + (positions.get(h) ?? 0)) }),
      has: (h) => positions.has(h),
    });
  }
  return { range, rows, skipped };
}

/** The cells of a block an Excel table covers: a styled header row, then one row per item. */
import { FMT, HEADER_STYLE } from "./formats";
import { CellWrite, PlainValue } from "./types";

/** A value and its number format (text cells default to the text format, so "1-2" stays text). */
export interface TableCell {
  value: PlainValue;
  format?: string;
}

/** Header row at `top`, then the rows; returns the cells and the table's last row (a table needs a data row: an empty one when there is nothing to list). */
export function tableCells(headers: string[], rows: TableCell[][], top: number): { cells: CellWrite[]; bottom: number } {
  const cells: CellWrite[] = headers.map((h, i) => ({ row: top, col: i + 1, value: h, style: HEADER_STYLE }));
  rows.forEach((r, i) =>
    r.forEach((c, j) => cells.push({ row: top + 1 + i, col: j + 1, value: c.value, numberFormat: c.format ?? (typeof c.value === "string" ? FMT.text : undefined) })),
  );
  return { cells, bottom: top + Math.max(1, rows.length) };
}

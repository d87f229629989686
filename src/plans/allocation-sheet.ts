/** The `Allocation` sheet `rebalance allocate --sheet` writes: the per-account result as an Excel table, with the blocks' totals. */
import { FMT, HEADER_STYLE, TABLE_STYLE } from "./formats";
import { CellWrite, WritePlan } from "./types";

export const ALLOCATION_SHEET = "Allocation";
export const ALLOCATED_HEADERS = ["Block", "Household", "Account", "Symbol", "Side", "Ordered", "Allocated", "Average Price", "Amount"];

export interface AllocatedLine {
  block: string;
  household: string;
  account: string;
  symbol: string;
  side: string;
  ordered: number;
  allocated: number;
  /** Null when the block has no fill. */
  averagePrice: number | null;
  amount: number;
}

export function allocationSheetPlan(lines: AllocatedLine[]): WritePlan {
  const cells: CellWrite[] = ALLOCATED_HEADERS.map((h, i) => ({ row: 1, col: i + 1, value: h, style: HEADER_STYLE }));
  const formats = [FMT.text, FMT.text, FMT.text, FMT.text, FMT.text, FMT.quantity, FMT.quantity, FMT.price, FMT.money];
  lines.forEach((l, r) =>
    [l.block, l.household, l.account, l.symbol, l.side, l.ordered, l.allocated, l.averagePrice, l.amount].forEach((value, c) =>
      cells.push({ row: r + 2, col: c + 1, value, numberFormat: formats[c] }),
    ),
  );
  const bottom = 1 + Math.max(1, lines.length);
  // Totals under the table, as formulas over its columns.
  const total = bottom + 1;
  cells.push({ row: total, col: 1, value: "Total", style: { bold: true } });
  const sum = (col: string, c: number, expected: number, numberFormat: string) =>
    cells.push({ row: total, col: c, formula: `=SUM(${col}2:${col}${bottom})`, expected, numberFormat, style: { bold: true } });
  sum("F", 6, lines.reduce((s, l) => s + l.ordered, 0), FMT.quantity);
  sum("G", 7, lines.reduce((s, l) => s + l.allocated, 0), FMT.quantity);
  sum("I", 9, Math.round(lines.reduce((s, l) => s + l.amount, 0) * 100) / 100, FMT.money);
  return {
    sheets: [
      {
        sheet: ALLOCATION_SHEET,
        mode: "replace",
        cells,
        columnWidths: [10, 22, 20, 10, 6, 12, 12, 14, 16].map((width, i) => ({ col: i + 1, width })),
        tables: [{ name: "Allocation", rect: { top: 1, left: 1, bottom, right: ALLOCATED_HEADERS.length }, headers: ALLOCATED_HEADERS, style: TABLE_STYLE }],
        freezeRows: 1,
        activate: true,
      },
    ],
  };
}

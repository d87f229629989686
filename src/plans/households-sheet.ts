/**
 * A master workbook's Rebalance sheet: a summary per household at the top, then every class and
 * every trade of every household, each as an Excel table whose first column is the household (so a
 * slicer or a filter on Household shows one household at a time). Values, not formulas: each
 * household's figures are its own plan's, the same the single-household sheet shows.
 */
import Decimal from "decimal.js";
import { rangeAddress } from "../a1";
import { FMT, STATUS_STYLES, TABLE_STYLE } from "./formats";
import { TableCell, tableCells } from "./table-cells";
import { plannedRow } from "./household-row";
import { PlanJson, money } from "./json";
import { optimizerLine, strategyLine } from "./describe";
import { rebalanceSheetName } from "./rebalance-sheet";
import { CellWrite, ReplaceSheetPlan, TextRule } from "./types";

export const HOUSEHOLD_SUMMARY_HEADERS = [
  "Household", "Total", "Portfolio Drift", "Largest Drift Class", "Largest Drift", "Out of Band", "Decision",
  "Trades", "Buys", "Sells", "Fees", "Realized Gains", "Strategy", "Optimizer",
];
export const HOUSEHOLD_CLASS_HEADERS = [
  "Household", "Class", "Target", "Band Low", "Band High", "Value Before", "Weight Before", "Drift Before", "Status",
  "Value After", "Weight After", "Drift After", "Status After",
];
export const HOUSEHOLD_TRADE_HEADERS = ["Household", "Account", "Symbol", "Class", "Side", "Quantity", "Price", "Limit Price", "Amount", "Fee", "Realized Gain"];

/** Table names of the sheet (unique per As Of, as the single sheet's trades table). */
export function householdTableNames(asOf: string): { summary: string; classes: string; trades: string } {
  const d = asOf.replace(/-/g, "");
  return { summary: `Households_${d}`, classes: `HouseholdClasses_${d}`, trades: `HouseholdTrades_${d}` };
}

export function householdsSheetPlan(households: { household: string; plan: PlanJson }[]): ReplaceSheetPlan {
  const asOf = households[0].plan.asOf;
  const names = householdTableNames(asOf);
  const cells: CellWrite[] = [];
  const rules: TextRule[] = [];
  const tables: NonNullable<ReplaceSheetPlan["tables"]> = [];
  const num = (s: string | null) => (s === null ? null : Number(s));

  /** A titled table at `top`: returns the row after it. */
  const table = (top: number, title: string, name: string, headers: string[], rows: TableCell[][], statusColumns: number[]): number => {
    cells.push({ row: top, col: 1, value: title, style: { bold: true } });
    const head = top + 1;
    const block = tableCells(headers, rows, head);
    cells.push(...block.cells);
    const bottom = block.bottom;
    tables.push({ name, rect: { top: head, left: 1, bottom, right: headers.length }, headers, style: TABLE_STYLE });
    for (const col of statusColumns) {
      const range = rangeAddress(head + 1, col, bottom, col);
      rules.push(...Object.entries(STATUS_STYLES).map(([equals, style]) => ({ range, equals, style })));
    }
    return bottom + 2;
  };

  cells.push({ row: 1, col: 1, value: `Rebalance plan as of ${asOf}: ${households.length} households`, style: { bold: true } });
  const summaryRows: TableCell[][] = households.map(({ household, plan }) => {
    const r = plannedRow(household, "", plan, null);
    return [
      { value: household },
      { value: num(r.total), format: FMT.money },
      { value: r.portfolioDrift, format: FMT.percent },
      { value: r.largestDrift?.assetClass ?? null },
      { value: r.largestDrift?.drift ?? null, format: FMT.drift },
      { value: r.outOfBand.join(", ") || "none" },
      { value: r.decision },
      { value: r.trades, format: "0" },
      { value: num(r.buys), format: FMT.money },
      { value: num(r.sells), format: FMT.money },
      { value: num(r.fees), format: FMT.money },
      { value: num(r.realized), format: FMT.money },
      { value: strategyLine(plan) },
      { value: optimizerLine(plan.optimizer) },
    ];
  });
  let next = table(3, "Households", names.summary, HOUSEHOLD_SUMMARY_HEADERS, summaryRows, []);
  rules.push({ range: rangeAddress(5, 7, 4 + Math.max(1, households.length), 7), equals: "Rebalance", style: { bold: true } });

  const classRows: TableCell[][] = households.flatMap(({ household, plan }) =>
    plan.classes.map((c, i) => {
      const after = plan.after.classes[i];
      return [
        { value: household },
        { value: c.assetClass },
        { value: c.target, format: FMT.percent },
        { value: c.bandLow, format: FMT.percent },
        { value: c.bandHigh, format: FMT.percent },
        { value: Number(c.value), format: FMT.money },
        { value: c.weight, format: FMT.percent },
        { value: c.drift, format: FMT.drift },
        { value: c.status },
        { value: Number(after.value), format: FMT.money },
        { value: after.weight, format: FMT.percent },
        { value: after.drift, format: FMT.drift },
        { value: after.status },
      ];
    }),
  );
  next = table(next, "Classes before and after the trades", names.classes, HOUSEHOLD_CLASS_HEADERS, classRows, [9, 13]);

  const tradeRows: TableCell[][] = households.flatMap(({ household, plan }) =>
    plan.trades.map((t) => {
      const gain = t.realizedShortTerm === null || t.realizedLongTerm === null ? null : Number(money(new Decimal(t.realizedShortTerm).plus(t.realizedLongTerm)));
      return [
        { value: household },
        { value: t.account },
        { value: t.symbol },
        { value: t.assetClass },
        { value: t.side },
        { value: Number(t.quantity), format: FMT.quantity },
        { value: Number(t.price), format: FMT.price },
        { value: Number(t.limitPrice), format: FMT.money },
        { value: Number(t.amount), format: FMT.money },
        { value: Number(t.fee), format: FMT.money },
        { value: gain, format: FMT.money },
      ];
    }),
  );
  table(next, "Trades", names.trades, HOUSEHOLD_TRADE_HEADERS, tradeRows, []);

  return {
    sheet: rebalanceSheetName(asOf),
    mode: "replace",
    cells,
    columnWidths: [20, 16, 14, 18, 12, 28, 14, 8, 14, 14, 12, 14, 30, 30].map((width, i) => ({ col: i + 1, width })),
    tables,
    rules,
    activate: true,
  };
}

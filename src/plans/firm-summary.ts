/**
 * firm-summary.xlsx, the batch's report, as sheet plans: `Summary` (one row per household, out of
 * band first, as an Excel table with its status coloured by conditional formats), `Trades` (every
 * trade of the firm as a table) and `Problems` (every problem of a failed household, one a row).
 */
import { rangeAddress } from "../a1";
import { FMT, STATUS_STYLES, TABLE_STYLE } from "./formats";
import { tableCells } from "./table-cells";
import { FirmTrade, HouseholdRow, summaryOrder } from "./household-row";
import { CellStyle, CellWrite, PlainValue, ReplaceSheetPlan, WritePlan } from "./types";

export const FIRM_SUMMARY_FILE = "firm-summary.xlsx";

export const SUMMARY_HEADERS = [
  "Household", "Status", "As Of", "Total", "Portfolio Drift", "Largest Drift Class", "Largest Drift", "Out of Band",
  "Decision", "Trades", "Buys", "Sells", "Turnover", "Fees", "Realized Gains", "Warnings", "Errors", "Output", "File",
];
export const FIRM_TRADE_HEADERS = ["Household", "Account", "Symbol", "Class", "Side", "Quantity", "Price", "Limit Price", "Amount", "Fee", "Realized Gain"];
export const PROBLEM_HEADERS = ["Household", "File", "Problem"];

const HOUSEHOLD_STYLES: Record<string, CellStyle> = {
  "Out of band": STATUS_STYLES.Over,
  Failed: { fill: "#FFC7CE", color: "#9C0006" },
  "In band": STATUS_STYLES["In band"],
};

export interface FirmSummaryInput {
  rows: HouseholdRow[];
  trades: FirmTrade[];
  /** When the batch ran (written as text at the top; the only thing a re-run changes). */
  ranAt: string;
}

type Column<T> = { value: (x: T) => PlainValue; format?: string };

/** Header row at `top`, then one row per item, each column read off the item. */
function block<T>(headers: string[], columns: Column<T>[], items: T[], top: number): { cells: CellWrite[]; bottom: number } {
  return tableCells(headers, items.map((item) => columns.map((c) => ({ value: c.value(item), format: c.format }))), top);
}

const num = (s: string | null): number | null => (s === null ? null : Number(s));
const lines = (xs: string[]): string | null => (xs.length === 0 ? null : xs.join("\n"));

function summarySheet(input: FirmSummaryInput): ReplaceSheetPlan {
  const rows = summaryOrder(input.rows);
  const count = (s: HouseholdRow["status"]) => rows.filter((r) => r.status === s).length;
  const columns: Column<HouseholdRow>[] = [
    { value: (r) => r.household },
    { value: (r) => r.status },
    { value: (r) => r.asOf },
    { value: (r) => num(r.total), format: FMT.money },
    { value: (r) => r.portfolioDrift, format: FMT.percent },
    { value: (r) => r.largestDrift?.assetClass ?? null },
    { value: (r) => r.largestDrift?.drift ?? null, format: FMT.drift },
    { value: (r) => r.outOfBand.join(", ") || null },
    { value: (r) => r.decision },
    { value: (r) => (r.status === "Failed" ? null : r.trades) },
    { value: (r) => num(r.buys), format: FMT.money },
    { value: (r) => num(r.sells), format: FMT.money },
    { value: (r) => num(r.turnover), format: FMT.money },
    { value: (r) => num(r.fees), format: FMT.money },
    { value: (r) => num(r.realized), format: FMT.money },
    { value: (r) => lines(r.warnings) },
    { value: (r) => lines(r.errors) },
    { value: (r) => r.output },
    { value: (r) => r.file },
  ];
  const top = 4;
  const { cells, bottom } = block(SUMMARY_HEADERS, columns, rows, top);
  cells.push(
    { row: 1, col: 1, value: "Firm summary", style: { bold: true } },
    {
      row: 2,
      col: 1,
      value: `${rows.length} household${rows.length === 1 ? "" : "s"}: ${count("Out of band")} out of band, ${count("In band")} in band, ${count("Failed")} failed; ${input.trades.length} trade${input.trades.length === 1 ? "" : "s"}. Ran ${input.ranAt}.`,
      numberFormat: FMT.text,
    },
  );
  const statusRange = rangeAddress(top + 1, 2, bottom, 2);
  const decisionRange = rangeAddress(top + 1, 9, bottom, 9);
  return {
    sheet: "Summary",
    mode: "replace",
    cells,
    columnWidths: [22, 12, 12, 16, 10, 20, 10, 28, 14, 8, 14, 14, 14, 12, 14, 40, 40, 28, 28].map((width, i) => ({ col: i + 1, width })),
    tables: [{ name: "Households", rect: { top, left: 1, bottom, right: SUMMARY_HEADERS.length }, headers: SUMMARY_HEADERS, style: TABLE_STYLE }],
    rules: [
      ...Object.entries(HOUSEHOLD_STYLES).map(([equals, style]) => ({ range: statusRange, equals, style })),
      { range: decisionRange, equals: "Rebalance", style: { bold: true } },
    ],
    freezeRows: top,
    activate: true,
  };
}

function tradesSheet(trades: FirmTrade[]): ReplaceSheetPlan {
  const gain = (t: FirmTrade) => (t.realizedShortTerm === null || t.realizedLongTerm === null ? null : Number(t.realizedShortTerm) + Number(t.realizedLongTerm));
  const columns: Column<FirmTrade>[] = [
    { value: (t) => t.household },
    { value: (t) => t.account },
    { value: (t) => t.symbol },
    { value: (t) => t.assetClass },
    { value: (t) => t.side },
    { value: (t) => Number(t.quantity), format: FMT.quantity },
    { value: (t) => Number(t.price), format: FMT.price },
    { value: (t) => Number(t.limitPrice), format: FMT.money },
    { value: (t) => Number(t.amount), format: FMT.money },
    { value: (t) => Number(t.fee), format: FMT.money },
    { value: (t) => (gain(t) === null ? null : Math.round(gain(t)! * 100) / 100), format: FMT.money },
  ];
  const { cells, bottom } = block(FIRM_TRADE_HEADERS, columns, trades, 1);
  return {
    sheet: "Trades",
    mode: "replace",
    cells,
    columnWidths: [22, 18, 10, 18, 6, 12, 12, 12, 14, 10, 14].map((width, i) => ({ col: i + 1, width })),
    tables: [{ name: "FirmTrades", rect: { top: 1, left: 1, bottom, right: FIRM_TRADE_HEADERS.length }, headers: FIRM_TRADE_HEADERS, style: TABLE_STYLE }],
    freezeRows: 1,
  };
}

function problemsSheet(rows: HouseholdRow[]): ReplaceSheetPlan {
  const problems = rows.flatMap((r) => r.errors.map((problem) => ({ r, problem })));
  const { cells, bottom } = block(PROBLEM_HEADERS, [{ value: (p) => p.r.household }, { value: (p) => p.r.file }, { value: (p) => p.problem }], problems, 1);
  return {
    sheet: "Problems",
    mode: "replace",
    cells,
    columnWidths: [22, 28, 90].map((width, i) => ({ col: i + 1, width })),
    tables: [{ name: "Problems", rect: { top: 1, left: 1, bottom, right: PROBLEM_HEADERS.length }, headers: PROBLEM_HEADERS, style: TABLE_STYLE }],
    freezeRows: 1,
  };
}

/** The workbook's sheets; Problems only when some household failed. Trades in household order, then the plan's order. */
export function firmSummaryPlan(input: FirmSummaryInput): WritePlan {
  const failed = input.rows.filter((r) => r.errors.length > 0);
  return { sheets: [summarySheet(input), tradesSheet(input.trades), ...(failed.length > 0 ? [problemsSheet(failed)] : [])] };
}


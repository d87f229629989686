/**
 * The Rebalance sheet of one run: header, class table before/after, the Trades table and totals.
 * Trade amounts, totals and after-trade values are formulas over the Trades table, so the sheet
 * stays live when the advisor edits a quantity; each formula carries the value the engine expects.
 */
import { Plan } from "../engine/types";
import { money } from "./json";
import { absRange, a1, a1Range } from "./a1";
import { FMT, HEADER_STYLE, STATUS_STYLES } from "./formats";
import { CellWrite, SheetPlan } from "./types";

export const TRADES_TABLE = "Trades";
export const TRADE_HEADERS = ["Account", "Symbol", "Class", "Side", "Quantity", "Price", "Limit Price", "Amount", "Fee"];
export const CLASS_HEADERS = [
  "Class", "Target", "Band Low", "Band High", "Value Before", "Weight Before", "Drift Before", "Status",
  "Buys", "Sells", "Fees", "Value After", "Weight After", "Drift After",
];

export function rebalanceSheetName(asOf: string): string {
  return `Rebalance ${asOf}`;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export function rebalanceSheetPlan(plan: Plan, strategyLabel = `${plan.policy.strategy}, to ${plan.policy.rebalanceTo}`): SheetPlan {
  const cells: CellWrite[] = [];
  const put = (row: number, col: number, w: Omit<CellWrite, "row" | "col">) => cells.push({ row, col, ...w });
  const label = (row: number, text: string) => put(row, 1, { value: text, style: { bold: true } });

  put(1, 1, { value: `Rebalance plan as of ${plan.asOf}`, style: { bold: true } });
  label(2, "As Of");
  put(2, 2, { value: plan.asOf, numberFormat: FMT.text });
  label(3, "Total");
  put(3, 2, { value: plan.total.toNumber(), numberFormat: FMT.money });
  label(4, "Strategy");
  put(4, 2, { value: strategyLabel });
  label(5, "Decision");
  put(5, 2, { value: plan.trigger.rebalance ? "Rebalance" : "No rebalance", style: { bold: true } });
  label(6, "Next Review");
  put(6, 2, { value: plan.trigger.nextReview ?? "", numberFormat: FMT.text });
  let row = 7;
  for (const reason of plan.trigger.reasons) {
    label(row, "Reason");
    put(row, 2, { value: reason });
    row++;
  }
  for (const warning of plan.warnings) {
    label(row, "Warning");
    put(row, 2, { value: warning, style: { color: "#9C0006" } });
    row++;
  }

  // Layout: class table, then the trades table below it.
  const classTop = row + 1;
  const classFirst = classTop + 1;
  const classLast = classTop + plan.classes.length;
  const tradesTop = classLast + 3;
  const tradeFirst = tradesTop + 1;
  const tradeRows = Math.max(plan.trades.length, 1);
  const tradeLast = tradesTop + tradeRows;
  const col = (h: string) => TRADE_HEADERS.indexOf(h) + 1;
  const tradeCol = (h: string) => absRange(tradeFirst, col(h), tradeLast, col(h));

  CLASS_HEADERS.forEach((h, i) => put(classTop, i + 1, { value: h, style: HEADER_STYLE }));
  const totalAfterRef = absRange(classFirst, 12, classLast, 12);
  plan.classes.forEach((c, i) => {
    const r = classFirst + i;
    const after = plan.after.classes[i];
    const buys = plan.trades.filter((t) => t.assetClass === c.assetClass && t.side === "buy").reduce((s, t) => s + t.amount.toNumber(), 0);
    const sells = plan.trades.filter((t) => t.assetClass === c.assetClass && t.side === "sell").reduce((s, t) => s + t.amount.toNumber(), 0);
    const isCash = c.assetClass.toLowerCase() === "cash";
    const fees = isCash ? plan.trades.reduce((s, t) => s + t.fee.toNumber(), 0) : 0;
    put(r, 1, { value: c.assetClass });
    put(r, 2, { value: c.target, numberFormat: FMT.percent });
    put(r, 3, { value: c.bandLow, numberFormat: FMT.percent });
    put(r, 4, { value: c.bandHigh, numberFormat: FMT.percent });
    put(r, 5, { value: c.value.toNumber(), numberFormat: FMT.money });
    put(r, 6, { value: c.weight, numberFormat: FMT.percent });
    put(r, 7, { value: c.drift, numberFormat: FMT.drift });
    put(r, 8, { value: c.status });
    const sumIfs = (side: string) => `SUMIFS(${tradeCol("Amount")},${tradeCol("Class")},${a1(r, 1)},${tradeCol("Side")},"${side}")`;
    put(r, 9, { formula: `=${sumIfs("buy")}`, expected: round2(buys), numberFormat: FMT.money });
    put(r, 10, { formula: `=${sumIfs("sell")}`, expected: round2(sells), numberFormat: FMT.money });
    put(r, 11, { formula: isCash ? `=SUM(${tradeCol("Fee")})` : "=0", expected: round2(fees), numberFormat: FMT.money });
    // Cash receives every sale and pays every buy and fee; other classes gain their buys and lose their sales.
    const afterFormula = isCash
      ? `=${a1(r, 5)}+SUM(${absRange(classFirst, 10, classLast, 10)})-SUM(${absRange(classFirst, 9, classLast, 9)})-${a1(r, 11)}`
      : `=${a1(r, 5)}+${a1(r, 9)}-${a1(r, 10)}`;
    put(r, 12, { formula: afterFormula, expected: Number(money(after.value)), numberFormat: FMT.money });
    put(r, 13, { formula: `=IF(SUM(${totalAfterRef})=0,0,${a1(r, 12)}/SUM(${totalAfterRef}))`, expected: after.weight, numberFormat: FMT.percent });
    put(r, 14, { formula: `=${a1(r, 13)}-${a1(r, 2)}`, expected: after.drift, numberFormat: FMT.drift });
  });

  put(tradesTop - 1, 1, { value: "Trades", style: { bold: true } });
  TRADE_HEADERS.forEach((h, i) => put(tradesTop, i + 1, { value: h, style: HEADER_STYLE }));
  plan.trades.forEach((t, i) => {
    const r = tradeFirst + i;
    put(r, 1, { value: t.account });
    put(r, 2, { value: t.symbol });
    put(r, 3, { value: t.assetClass });
    put(r, 4, { value: t.side });
    put(r, 5, { value: t.quantity.toNumber(), numberFormat: FMT.quantity });
    put(r, 6, { value: t.price.toNumber(), numberFormat: FMT.price });
    put(r, 7, { value: t.limitPrice.toNumber(), numberFormat: FMT.money });
    put(r, 8, { formula: `=ROUND(${a1(r, 5)}*${a1(r, 6)},2)`, expected: t.amount.toNumber(), numberFormat: FMT.money });
    put(r, 9, { value: t.fee.toNumber(), numberFormat: FMT.money });
  });

  const totalsRow = tradeLast + 1;
  const sumAmount = plan.trades.reduce((s, t) => s + t.amount.toNumber(), 0);
  const sumFees = plan.trades.reduce((s, t) => s + t.fee.toNumber(), 0);
  put(totalsRow, 1, { value: "Total", style: { bold: true } });
  put(totalsRow, 4, { formula: `=COUNTA(${tradeCol("Side")})`, expected: plan.trades.length });
  put(totalsRow, 8, { formula: `=SUM(${tradeCol("Amount")})`, expected: round2(sumAmount), numberFormat: FMT.money, style: { bold: true } });
  put(totalsRow, 9, { formula: `=SUM(${tradeCol("Fee")})`, expected: round2(sumFees), numberFormat: FMT.money, style: { bold: true } });

  const statusRange = a1Range(classFirst, 8, classLast, 8);
  return {
    sheet: rebalanceSheetName(plan.asOf),
    mode: "replace",
    cells,
    columnWidths: [16, 12, 12, 12, 14, 13, 13, 12, 14, 14, 12, 14, 13, 12].map((width, i) => ({ col: i + 1, width })),
    tables: [{ name: TRADES_TABLE, range: a1Range(tradesTop, 1, tradeLast, TRADE_HEADERS.length), headers: TRADE_HEADERS }],
    charts: [
      {
        title: "Current vs target vs after, by class",
        kind: "clusteredBar",
        categories: a1Range(classFirst, 1, classLast, 1),
        series: [
          { name: "Current", values: a1Range(classFirst, 6, classLast, 6) },
          { name: "Target", values: a1Range(classFirst, 2, classLast, 2) },
          { name: "After", values: a1Range(classFirst, 13, classLast, 13) },
        ],
        anchor: a1(classTop, CLASS_HEADERS.length + 2),
        width: 480,
        height: 300,
      },
    ],
    rules: Object.entries(STATUS_STYLES).map(([equals, style]) => ({ range: statusRange, equals, style })),
  };
}

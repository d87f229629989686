/**
 * The Rebalance sheet of one run: header, class table before/after with its totals, the trades as
 * an Excel table, and the trade totals. Trade amounts, totals and after-trade values and weights are
 * formulas over the trades, so the sheet stays live when the advisor edits a quantity; each formula
 * carries the value the engine expects (`expected`), which the checks compare with a recalculation.
 */
import Decimal from "decimal.js";
import { Plan, Trade } from "../engine/types";
import { money, rmdJson } from "./json";
import { absoluteAddress, absoluteRange, cellAddress, rangeAddress } from "../a1";
import { strategyNamed } from "../engine/strategies/registry";
import { cashFlowText, optimizerLine, reviewLine, rmdFlowText, rmdLines, strategyText } from "./describe";
import { FMT, HEADER_STYLE, STATUS_STYLES, TABLE_STYLE } from "./formats";
import { CellWrite, ReplaceSheetPlan } from "./types";

/** Prefix of the trades table's name; the As Of date follows, since table names are unique per workbook. */
export const TRADES_TABLE = "Trades";
export const TRADE_HEADERS = ["Account", "Symbol", "Class", "Side", "Quantity", "Price", "Limit Price", "Amount", "Fee", "Realized Gain", "Settles"];
/** The in-kind distributions' columns: Class is third so the class formulas can SUMIFS by it. */
export const DISTRIBUTION_HEADERS = ["Owner", "Account", "Class", "Symbol", "Side", "Quantity", "Fair Value", "Amount"];
export const CLASS_HEADERS = [
  "Class", "Target", "Band Low", "Band High", "Value Before", "Weight Before", "Drift Before", "Status",
  "Buys", "Sells", "Fees", "Value After", "Weight After", "Drift After", "Status After",
];

export function rebalanceSheetName(asOf: string): string {
  return `Rebalance ${asOf}`;
}

/** "Trades_20261120": one trades table per Rebalance sheet (Excel table names cannot repeat or contain spaces). */
export function tradesTableName(asOf: string): string {
  return `${TRADES_TABLE}_${asOf.replace(/-/g, "")}`;
}

/** Realised gain of a sale (short + long term) when the engine knows it; null for buys, tax-free accounts and unknown cost. */
export function realizedGain(t: Trade): Decimal | null {
  const r = t.realized;
  if (!r || !r.known) return null;
  return r.shortTerm.plus(r.longTerm);
}

const cents = (d: Decimal) => Number(money(d));
const sumCents = (xs: Decimal[]) => cents(xs.reduce((s, x) => s.plus(x), new Decimal(0)));

/** Tolerance of the sheet's band formulas, as the engine's (weights are value ÷ total). */
const BAND_EPSILON = "1E-12";

export function rebalanceSheetPlan(plan: Plan): ReplaceSheetPlan {
  const usesRebalanceTo = strategyNamed(plan.policy.strategy).usesRebalanceTo;
  const strategyLabel = strategyText(plan.policy.strategy, usesRebalanceTo ? plan.policy.rebalanceTo : null);
  const cells: CellWrite[] = [];
  const put = (row: number, col: number, w: Omit<CellWrite, "row" | "col">) => cells.push({ row, col, ...w });
  const label = (row: number, text: string) => put(row, 1, { value: text, style: { bold: true } });

  put(1, 1, { value: `Rebalance plan as of ${plan.asOf}`, style: { bold: true } });
  label(2, "As Of");
  put(2, 2, { value: plan.asOf, numberFormat: FMT.text });
  label(3, "Total");
  put(3, 2, { value: plan.total.toNumber(), numberFormat: FMT.money });
  label(4, "Strategy");
  put(4, 2, { value: strategyLabel, numberFormat: FMT.text });
  // The cash flow as a number: the Cash row's Value After adds it, so the sheet recalculates to the plan.
  const flowRow = 5;
  label(flowRow, "Cash Flow");
  // An RMD (Cash Flow = RMD) leaves the household like a withdrawal: its total is the flow the formulas add.
  const rmd = rmdJson(plan.rmd);
  // (What is distributed in kind is not cash: it leaves its own class, below.)
  const rmdOut = rmd
    .flatMap((o) => o.groups.flatMap((g) => g.planned))
    .reduce((s, p) => s.plus(p.amount), new Decimal(0))
    .minus(plan.distributions.reduce((s, d) => s.plus(d.amount), new Decimal(0)));
  put(flowRow, 2, { value: plan.cashFlow ? plan.cashFlow.amount.toNumber() : rmdOut.isZero() ? 0 : rmdOut.neg().toNumber(), numberFormat: FMT.money });
  put(flowRow, 3, { value: plan.cashFlow ? cashFlowText(plan.cashFlow) : rmdFlowText(rmd) ?? cashFlowText(null), numberFormat: FMT.text });
  label(6, "Decision");
  put(6, 2, { value: `${plan.trigger.rebalance ? "Rebalance" : "No rebalance"} (${plan.policy.trigger} trigger)`, style: { bold: true } });
  label(7, "Review");
  put(7, 2, { value: reviewLine({ asOf: plan.asOf, trigger: { nextReview: plan.trigger.nextReview, kind: plan.policy.trigger } }), numberFormat: FMT.text });
  label(8, "Optimizer");
  put(8, 2, { value: optimizerLine(plan.optimizer), numberFormat: FMT.text });
  let row = 9;
  for (const line of rmdLines(rmd)) {
    label(row, "RMD");
    put(row, 2, { value: line, numberFormat: FMT.text });
    row++;
  }
  for (const reason of plan.trigger.reasons) {
    label(row, "Reason");
    put(row, 2, { value: reason, numberFormat: FMT.text });
    row++;
  }
  for (const warning of plan.warnings) {
    label(row, "Warning");
    put(row, 2, { value: warning, numberFormat: FMT.text, style: { color: "#9C0006" } });
    row++;
  }

  // Layout: class table and its totals, then the trades table and its totals below.
  const classTop = row + 1;
  const classFirst = classTop + 1;
  const classLast = classTop + plan.classes.length;
  const classTotals = classLast + 1;
  const tradesTop = classTotals + 3;
  const tradeFirst = tradesTop + 1;
  const tradeRows = Math.max(plan.trades.length, 1);
  const tradeLast = tradesTop + tradeRows;
  const col = (h: string) => TRADE_HEADERS.indexOf(h) + 1;
  const tradeCol = (h: string) => absoluteRange(tradeFirst, col(h), tradeLast, col(h));
  const classCol = (c: number) => absoluteRange(classFirst, c, classLast, c);
  // Distributions in kind (RMD In Kind): their own section under the trades; each class's value after loses its share.
  const distLabel = tradeLast + 3;
  const distHeader = distLabel + 1;
  const distFirst = distHeader + 1;
  const distLast = distHeader + plan.distributions.length;
  const distCol = (c: number) => absoluteRange(distFirst, c, distLast, c);

  CLASS_HEADERS.forEach((h, i) => put(classTop, i + 1, { value: h, style: HEADER_STYLE }));
  const totalAfterRef = classCol(12);
  const tradesOf = (cls: string, side: "buy" | "sell") => plan.trades.filter((t) => t.assetClass === cls && t.side === side).map((t) => t.amount);
  const allFees = plan.trades.map((t) => t.fee);
  plan.classes.forEach((c, i) => {
    const r = classFirst + i;
    const after = plan.after.classes[i];
    const isCash = c.assetClass.toLowerCase() === "cash";
    put(r, 1, { value: c.assetClass, numberFormat: FMT.text });
    put(r, 2, { value: c.target, numberFormat: FMT.percent });
    put(r, 3, { value: c.bandLow, numberFormat: FMT.percent });
    put(r, 4, { value: c.bandHigh, numberFormat: FMT.percent });
    put(r, 5, { value: c.value.toNumber(), numberFormat: FMT.money });
    put(r, 6, { value: c.weight, numberFormat: FMT.percent });
    put(r, 7, { value: c.drift, numberFormat: FMT.drift });
    put(r, 8, { value: c.status });
    const sumIfs = (side: string, cls = cellAddress(r, 1)) => `SUMIFS(${tradeCol("Amount")},${tradeCol("Class")},${cls},${tradeCol("Side")},"${side}")`;
    // A look-through fund's trades count in this class by its share (their Class is the fund's mix).
    const funds = plan.lookThrough.flatMap((f) => f.exposure.filter((e) => e.assetClass === c.assetClass).map((e) => ({ mix: f.mix, share: e.share })));
    const mixes = [...new Map(funds.map((f) => [f.mix, f])).values()];
    const through = (side: "buy" | "sell") => mixes.map((m) => `+${m.share}*${sumIfs(side, `"${m.mix.replace(/"/g, '""')}"`)}`).join("");
    const expectedSide = (side: "buy" | "sell") => mixes.reduce((s, m) => s.plus(new Decimal(sumCents(tradesOf(m.mix, side))).times(m.share)), new Decimal(sumCents(tradesOf(c.assetClass, side)))).toNumber();
    put(r, 9, { formula: `=${sumIfs("buy")}${through("buy")}`, expected: expectedSide("buy"), numberFormat: FMT.money });
    put(r, 10, { formula: `=${sumIfs("sell")}${through("sell")}`, expected: expectedSide("sell"), numberFormat: FMT.money });
    put(r, 11, { formula: isCash ? `=SUM(${tradeCol("Fee")})` : "=0", expected: isCash ? sumCents(allFees) : 0, numberFormat: FMT.money });
    // Cash receives the cash flow and every sale, and pays every buy and fee; other classes gain their buys and lose their sales.
    const afterFormula = isCash
      ? `=${cellAddress(r, 5)}+${absoluteAddress(flowRow, 2)}+SUM(${classCol(10)})-SUM(${classCol(9)})-${cellAddress(r, 11)}`
      : `=${cellAddress(r, 5)}+${cellAddress(r, 9)}-${cellAddress(r, 10)}${plan.distributions.length ? `-SUMIFS(${distCol(8)},${distCol(3)},${cellAddress(r, 1)})` : ""}`;
    put(r, 12, { formula: afterFormula, expected: cents(after.value), numberFormat: FMT.money });
    put(r, 13, { formula: `=IF(SUM(${totalAfterRef})=0,0,${cellAddress(r, 12)}/SUM(${totalAfterRef}))`, expected: after.weight, numberFormat: FMT.percent });
    put(r, 14, { formula: `=${cellAddress(r, 13)}-${cellAddress(r, 2)}`, expected: after.drift, numberFormat: FMT.drift });
    // Status after the trades, against the band before them; a class that cannot move that way reads Locked.
    const over = c.sellableValue.isZero() ? "Locked" : "Over";
    const under = c.buyable ? "Under" : "Locked";
    const w = cellAddress(r, 13);
    put(r, 15, {
      formula: `=IF(${w}>${cellAddress(r, 4)}+${BAND_EPSILON},"${over}",IF(${w}<${cellAddress(r, 3)}-${BAND_EPSILON},"${under}","In band"))`,
      expected: after.status,
    });
  });

  // Class totals: every column that adds up, as formulas over the class rows.
  const totalAfter = plan.after.classes.reduce((s, c) => s.plus(c.value), new Decimal(0));
  const sum = (c: number) => `=SUM(${classCol(c)})`;
  put(classTotals, 1, { value: "Total", style: { bold: true } });
  put(classTotals, 2, { formula: sum(2), expected: plan.classes.reduce((s, c) => s + c.target, 0), numberFormat: FMT.percent, style: { bold: true } });
  put(classTotals, 5, { formula: sum(5), expected: cents(plan.total), numberFormat: FMT.money, style: { bold: true } });
  put(classTotals, 6, { formula: sum(6), expected: plan.classes.reduce((s, c) => s + c.weight, 0), numberFormat: FMT.percent, style: { bold: true } });
  put(classTotals, 9, { formula: sum(9), expected: sumCents(plan.trades.filter((t) => t.side === "buy").map((t) => t.amount)), numberFormat: FMT.money, style: { bold: true } });
  put(classTotals, 10, { formula: sum(10), expected: sumCents(plan.trades.filter((t) => t.side === "sell").map((t) => t.amount)), numberFormat: FMT.money, style: { bold: true } });
  put(classTotals, 11, { formula: sum(11), expected: sumCents(allFees), numberFormat: FMT.money, style: { bold: true } });
  put(classTotals, 12, { formula: sum(12), expected: cents(totalAfter), numberFormat: FMT.money, style: { bold: true } });
  put(classTotals, 13, { formula: sum(13), expected: plan.after.classes.reduce((s, c) => s + c.weight, 0), numberFormat: FMT.percent, style: { bold: true } });

  put(tradesTop - 1, 1, { value: "Trades", style: { bold: true } });
  TRADE_HEADERS.forEach((h, i) => put(tradesTop, i + 1, { value: h, style: HEADER_STYLE }));
  const gains: Decimal[] = [];
  plan.trades.forEach((t, i) => {
    const r = tradeFirst + i;
    put(r, 1, { value: t.account, numberFormat: FMT.text });
    put(r, 2, { value: t.symbol, numberFormat: FMT.text });
    put(r, 3, { value: t.assetClass, numberFormat: FMT.text });
    put(r, 4, { value: t.side, numberFormat: FMT.text });
    put(r, 5, { value: t.quantity.toNumber(), numberFormat: FMT.quantity });
    put(r, 6, { value: t.price.toNumber(), numberFormat: FMT.price });
    put(r, 7, { value: t.limitPrice.toNumber(), numberFormat: FMT.money });
    put(r, 8, { formula: `=ROUND(${cellAddress(r, 5)}*${cellAddress(r, 6)},2)`, expected: t.amount.toNumber(), numberFormat: FMT.money });
    put(r, 9, { value: t.fee.toNumber(), numberFormat: FMT.money });
    const gain = realizedGain(t);
    if (gain !== null) gains.push(gain);
    put(r, 10, { value: gain === null ? null : gain.toNumber(), numberFormat: FMT.money });
    put(r, 11, { value: t.settlesOn, numberFormat: FMT.text });
  });

  const totalsRow = tradeLast + 1;
  put(totalsRow, 1, { value: "Total", style: { bold: true } });
  put(totalsRow, 4, { formula: `=COUNTA(${tradeCol("Side")})`, expected: plan.trades.length });
  put(totalsRow, 8, { formula: `=SUM(${tradeCol("Amount")})`, expected: sumCents(plan.trades.map((t) => t.amount)), numberFormat: FMT.money, style: { bold: true } });
  put(totalsRow, 9, { formula: `=SUM(${tradeCol("Fee")})`, expected: sumCents(allFees), numberFormat: FMT.money, style: { bold: true } });
  if (gains.length > 0) {
    put(totalsRow, 10, { formula: `=SUM(${tradeCol("Realized Gain")})`, expected: sumCents(gains), numberFormat: FMT.money, style: { bold: true } });
  }

  if (plan.distributions.length > 0) {
    put(distLabel, 1, { value: "Distributions in kind (RMD), apart from the trades", style: { bold: true } });
    DISTRIBUTION_HEADERS.forEach((h, i) => put(distHeader, i + 1, { value: h, style: HEADER_STYLE }));
    plan.distributions.forEach((d, i) => {
      const r = distFirst + i;
      put(r, 1, { value: d.owner, numberFormat: FMT.text });
      put(r, 2, { value: d.account, numberFormat: FMT.text });
      put(r, 3, { value: d.assetClass, numberFormat: FMT.text });
      put(r, 4, { value: d.symbol, numberFormat: FMT.text });
      put(r, 5, { value: "distribute", numberFormat: FMT.text });
      put(r, 6, { value: d.quantity.toNumber(), numberFormat: FMT.quantity });
      put(r, 7, { value: d.price.toNumber(), numberFormat: FMT.money });
      put(r, 8, { formula: `=ROUND(${cellAddress(r, 6)}*${cellAddress(r, 7)},2)`, expected: d.amount.toNumber(), numberFormat: FMT.money });
    });
  }

  const statusRanges = [rangeAddress(classFirst, 8, classLast, 8), rangeAddress(classFirst, 15, classLast, 15)];
  return {
    sheet: rebalanceSheetName(plan.asOf),
    mode: "replace",
    cells,
    columnWidths: [18, 12, 12, 12, 14, 13, 13, 12, 14, 14, 12, 14, 13, 12, 12].map((width, i) => ({ col: i + 1, width })),
    tables: [{ name: tradesTableName(plan.asOf), rect: { top: tradesTop, left: 1, bottom: tradeLast, right: TRADE_HEADERS.length }, headers: TRADE_HEADERS, style: TABLE_STYLE }],
    charts: [
      {
        title: "Current vs target vs after, by class",
        kind: "clusteredBar",
        categories: rangeAddress(classFirst, 1, classLast, 1),
        series: [
          { name: "Current", values: rangeAddress(classFirst, 6, classLast, 6) },
          { name: "Target", values: rangeAddress(classFirst, 2, classLast, 2) },
          { name: "After", values: rangeAddress(classFirst, 13, classLast, 13) },
        ],
        anchor: cellAddress(classTop, CLASS_HEADERS.length + 2),
        width: 480,
        height: 300,
      },
    ],
    rules: statusRanges.flatMap((range) => Object.entries(STATUS_STYLES).map(([equals, style]) => ({ range, equals, style }))),
    activate: true,
  };
}

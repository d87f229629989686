/** REBAL.TRADES and REBAL.SHARES. */
import Decimal from "decimal.js";
import { money } from "../display";
import { lazyAllocation } from "../engine/lazy-allocation";
import { fullRebalance } from "../engine/target-trades";
import { roundToLot } from "../engine/execute";
import { describe, readNumber } from "../contract/cells";
import { CellValue } from "../contract/snapshot";
import { valueError } from "./errors";
import {
  OutCell,
  alignRows,
  perRow,
  readAmounts,
  readChoice,
  readMoney,
  readPositive,
  readTargetWeights,
  readValues,
  spill,
  toVector,
} from "./ranges";

export const TRADE_MODES = ["full", "cashflow"] as const;
export type TradeMode = (typeof TRADE_MODES)[number];


/** REBAL.TRADES: dollars to buy (+) or sell (−) per row. */
export function tradesFunction(valuesArg: unknown, targetsArg: unknown, cashFlowArg?: unknown, modeArg?: unknown): OutCell[][] {
  const mode = readChoice(modeArg, "mode", TRADE_MODES, "full");
  const cashFlow = new Decimal(readMoney(cashFlowArg, "cashFlow"));
  const values = toVector(valuesArg, "values");
  const targetList = toVector(targetsArg, "targets");
  const rows = alignRows([values, targetList]);
  const v = readValues(values, rows).map((x) => new Decimal(x));
  const targets = readTargetWeights(targetList, rows);
  const total = v.reduce((s, x) => s.plus(x), new Decimal(0));
  if (cashFlow.isNegative() && cashFlow.abs().gt(total)) {
    throw valueError(`cashFlow withdraws ${money(cashFlow.abs())} but values total only ${money(total)}`);
  }
  const trades = mode === "full" ? fullRebalance(v, targets, cashFlow) : lazyAllocation(v, targets, cashFlow);
  return spill(rows, trades.map((t) => [t.toNumber() + 0]), 1);
}

/** Lot size: a number of 0 or more (0 = fractional). */
function readLot(c: CellValue, where: string): Decimal {
  const r = readNumber(c);
  if (r.ok && !r.value.isNegative()) return r.value;
  throw valueError(`${where} must be a number of 0 or more (0 = fractional; found ${describe(c)})`);
}

/** REBAL.SHARES: quantities for dollar amounts at prices, rounded toward zero to the lot size. */
export function sharesFunction(amountsArg: unknown, pricesArg: unknown, lotSizeArg?: unknown): OutCell[][] {
  const amounts = toVector(amountsArg, "amounts");
  const prices = toVector(pricesArg, "prices");
  const rows = alignRows([amounts, prices]);
  const a = readAmounts(amounts, rows);
  const p = readPositive(prices, rows);
  const lots = perRow(lotSizeArg, "lotSize", rows, new Decimal(1), readLot);
  const out = a.map((amount, k) => [roundToLot(new Decimal(amount).div(p[k]), lots[k], Decimal.ROUND_DOWN).toNumber() + 0]);
  return spill(rows, out, 1);
}

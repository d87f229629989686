/** Portfolio → Plan: the class table, the trigger decision, the trades and the portfolio after them. */
import Decimal from "decimal.js";
import { CASH_CLASS, Portfolio } from "../contract/portfolio";
import { groupAccounts } from "./positions";
import { classTable, share } from "./classes";
import { decideTrigger } from "./trigger";
import { desiredValues } from "./desired";
import { allocateMoves } from "./allocate";
import { executeMoves } from "./execute";
import { AfterClass, Plan, Trade } from "./types";
import { daysBetween } from "./calendar";

const ZERO = new Decimal(0);

export function planRebalance(portfolio: Portfolio): Plan {
  const { policy } = portfolio;
  const accounts = groupAccounts(portfolio);
  const { total, classes } = classTable(portfolio, accounts);
  const trigger = decideTrigger(classes, policy);
  const warnings: string[] = [];
  const cashClass = classes.find((c) => c.assetClass.toLowerCase() === CASH_CLASS.toLowerCase())!.assetClass;

  let trades: Trade[] = [];
  let cashAfter = new Map(accounts.map((a) => [a.name, a.cash]));
  if (trigger.rebalance && total.gt(0)) {
    const reserves = accounts.reduce((s, a) => s.plus(a.reserve), ZERO);
    const desired = desiredValues(classes, total, cashClass, reserves, policy.rebalanceTo);
    const delta = new Map<string, Decimal>();
    let cashDelta = ZERO;
    classes.forEach((c, i) => {
      const d = desired[i].minus(c.value);
      if (c.assetClass === cashClass) cashDelta = d;
      else delta.set(c.assetClass, d);
    });
    const moves = allocateMoves(accounts, delta, cashDelta);
    const execution = executeMoves(accounts, moves, policy);
    trades = execution.trades;
    cashAfter = execution.cashAfter;
    warnings.push(...execution.warnings);
    if (trades.length === 0) warnings.push("A rebalance is due, but no trade clears the lot sizes, Min Trade and cash limits");
  }

  for (const c of classes) {
    if (c.status === "Locked") warnings.push(`${c.assetClass} is out of band but nothing in it can be traded (Tradable = No); the other classes are rebalanced around it`);
  }
  for (const h of portfolio.holdings) {
    if (!h.tradable && !h.isCash) {
      if (!h.valuedOn) warnings.push(`${h.ref.sheet}!${h.ref.cell}: ${h.symbol} is illiquid and has no Valued On date; custodians need a current fair market value each year end`);
      else if (daysBetween(h.valuedOn, policy.asOf) > 365) warnings.push(`${h.ref.sheet}!${h.ref.cell}: ${h.symbol} was last valued on ${h.valuedOn}, more than 365 days before ${policy.asOf}`);
    }
  }
  for (const a of accounts) {
    if (a.cash.lt(a.reserve)) warnings.push(`${a.name}: cash $${a.cash.toFixed(2)} is below the $${a.reserve.toFixed(2)} reserve`);
  }

  // After the trades.
  const valueAfter = new Map(classes.map((c) => [c.assetClass, c.value]));
  for (const t of trades) {
    const signed = t.side === "buy" ? t.amount : t.amount.neg();
    valueAfter.set(t.assetClass, valueAfter.get(t.assetClass)!.plus(signed));
  }
  const cashBefore = accounts.reduce((s, a) => s.plus(a.cash), ZERO);
  const cashNow = [...cashAfter.values()].reduce((s, v) => s.plus(v), ZERO);
  valueAfter.set(cashClass, valueAfter.get(cashClass)!.plus(cashNow.minus(cashBefore)));
  const totalAfter = [...valueAfter.values()].reduce((s, v) => s.plus(v), ZERO);
  const afterClasses: AfterClass[] = classes.map((c) => {
    const value = valueAfter.get(c.assetClass)!;
    const weight = share(value, totalAfter);
    return { assetClass: c.assetClass, value, weight, drift: weight - c.target };
  });

  return {
    asOf: policy.asOf,
    total,
    classes,
    trigger,
    trades,
    after: { classes: afterClasses, cash: accounts.map((a) => ({ account: a.name, value: cashAfter.get(a.name)! })) },
    warnings,
    policy,
  };
}

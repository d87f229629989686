/** Portfolio → Plan: the class table, the trigger decision, the trades and the portfolio after them. */
import Decimal from "decimal.js";
import { CASH_CLASS, CATCH_UP, Policy, Portfolio, RebalanceTo } from "../contract/portfolio";
import { Optimizer } from "../contract/vocabulary";
import { daysBetween } from "../dates/calendar";
import { money, percent } from "../display";
import { Account, groupAccounts, withCashFlow } from "./positions";
import { classTable, statusAt } from "./classes";
import { share } from "./weights";
import { decideTrigger } from "./trigger";
import { Execution } from "./execute";
import { strategyNamed } from "./strategies/registry";
import { AfterClass, ClassRow, Plan } from "./types";

const ZERO = new Decimal(0);

export interface PlanOptions {
  /** Plan trades even when the trigger says no rebalance is due (used to compare strategies). */
  force?: boolean;
  /** Overrides the Policy's Strategy (a registered name). */
  strategy?: string;
  /** Overrides the Policy's Rebalance To. */
  rebalanceTo?: RebalanceTo;
  /** Overrides the Policy's Optimizer. */
  optimizer?: Optimizer;
}

function contributionWarnings(policy: Policy, account: Account | undefined, flow: Decimal): string[] {
  if (!account || !flow.gt(0) || (account.type !== "Traditional IRA" && account.type !== "Roth IRA")) return [];
  const catchUp = policy.ownerAge !== null && policy.ownerAge >= 50;
  const limit = policy.contributionLimit.plus(catchUp ? CATCH_UP : 0);
  if (flow.lte(limit)) return [];
  return [
    `${account.name}: the ${money(flow)} contribution is above the ${money(limit)} annual IRA limit${catchUp ? " (catch-up included)" : ""}; it is planned, but check it before sending`,
  ];
}

function illiquidWarnings(portfolio: Portfolio, policy: Policy): string[] {
  const out: string[] = [];
  for (const h of portfolio.holdings) {
    if (h.tradable || h.isCash) continue;
    const where = `${h.ref.sheet}!${h.ref.cell}`;
    if (!h.valuedOn) out.push(`${where}: ${h.symbol} is illiquid and has no Valued On date; custodians need a current fair market value each year end`);
    else if (daysBetween(h.valuedOn, policy.asOf) > policy.maxValuationAge) {
      out.push(`${where}: ${h.symbol} was last valued on ${h.valuedOn}, more than ${policy.maxValuationAge} days before ${policy.asOf} (Max Valuation Age)`);
    }
  }
  return out;
}

function afterTrades(classes: ClassRow[], execution: Execution, accounts: Account[], cashClass: string): AfterClass[] {
  const valueAfter = new Map(classes.map((c) => [c.assetClass, c.value]));
  for (const t of execution.trades) {
    valueAfter.set(t.assetClass, valueAfter.get(t.assetClass)!.plus(t.side === "buy" ? t.amount : t.amount.neg()));
  }
  const cashBefore = accounts.reduce((s, a) => s.plus(a.cash), ZERO);
  const cashNow = [...execution.cashAfter.values()].reduce((s, v) => s.plus(v), ZERO);
  valueAfter.set(cashClass, valueAfter.get(cashClass)!.plus(cashNow.minus(cashBefore)));
  const totalAfter = [...valueAfter.values()].reduce((s, v) => s.plus(v), ZERO);
  return classes.map((c) => {
    const value = valueAfter.get(c.assetClass)!;
    const weight = share(value, totalAfter);
    return { assetClass: c.assetClass, value, weight, drift: weight - c.target, bandLow: c.bandLow, bandHigh: c.bandHigh, status: statusAt(c, weight) };
  });
}

/** Classes in band before the trades and out of it after: the trades pushed them out. */
function pushedOutWarnings(classes: ClassRow[], after: AfterClass[]): string[] {
  return after.flatMap((a, i) => {
    if (classes[i].status !== "In band" || a.status === "In band") return [];
    const side = a.weight > a.bandHigh ? "over" : "under";
    return [`${a.assetClass} was in band before the trades and is ${side} its band after them: ${percent(a.weight)} vs ${percent(a.bandLow)}–${percent(a.bandHigh)}`];
  });
}

/** Classes under target after the trades that nothing can buy: what they are short of target, to the cent. */
function unresolvedClasses(classes: ClassRow[], after: AfterClass[], cashClass: string): { assetClass: string; amount: Decimal }[] {
  const total = after.reduce((s, a) => s.plus(a.value), ZERO);
  return classes.flatMap((c, i) => {
    if (c.assetClass === cashClass || c.buyable || c.target <= 0) return [];
    const short = total.times(c.target).minus(after[i].value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    return short.gte(0.01) ? [{ assetClass: c.assetClass, amount: short }] : [];
  });
}

export function planRebalance(portfolio: Portfolio, options: PlanOptions = {}): Plan {
  const policy: Policy = {
    ...portfolio.policy,
    strategy: options.strategy ?? portfolio.policy.strategy,
    rebalanceTo: options.rebalanceTo ?? portfolio.policy.rebalanceTo,
    optimizer: options.optimizer ?? portfolio.policy.optimizer,
  };
  const accounts = groupAccounts(portfolio);
  const { total, classes } = classTable(portfolio, accounts);
  const trigger = decideTrigger(classes, policy);
  const warnings: string[] = [];
  const cashClass = classes.find((c) => c.assetClass.toLowerCase() === CASH_CLASS.toLowerCase())!.assetClass;

  const flow = policy.cashFlow;
  const flowAccount = accounts.find((a) => a.name === (policy.cashFlowAccount ?? accounts[0]?.name));
  const cashFlow = flow.isZero() || !flowAccount ? null : { account: flowAccount, amount: flow };
  const afterFlow = cashFlow ? withCashFlow(accounts, cashFlow.account.name, flow) : accounts;
  warnings.push(...contributionWarnings(policy, flowAccount, flow));

  const strategy = strategyNamed(policy.strategy);
  const due = trigger.rebalance || options.force === true;
  const { execution, warnings: notes, optimizer } = strategy.plan({ portfolio, policy, accounts, afterFlow, total, classes, cashClass, cashFlow, due });
  warnings.push(...notes, ...execution.warnings);

  for (const c of classes) {
    if (c.status === "Locked") warnings.push(`${c.assetClass} is out of band but nothing in it can be sold (Tradable = No, or Do Not Sell); the other classes are rebalanced around it`);
  }
  warnings.push(...illiquidWarnings(portfolio, policy));
  for (const a of accounts) {
    if (a.cash.lt(a.reserve)) warnings.push(`${a.name}: cash ${money(a.cash)} is below the ${money(a.reserve)} reserve`);
  }
  const after = afterTrades(classes, execution, accounts, cashClass);
  warnings.push(...pushedOutWarnings(classes, after));
  const unresolved = due ? unresolvedClasses(classes, after, cashClass) : [];
  for (const u of unresolved) {
    warnings.push(`${u.assetClass} is ${money(u.amount)} below its target and no account lists a security of it to buy (add one, with Quantity 0, to the account that should hold it)`);
  }

  return {
    asOf: policy.asOf,
    total,
    classes,
    trigger,
    trades: execution.trades,
    after: {
      classes: after,
      cash: accounts.map((a) => ({ account: a.name, value: execution.cashAfter.get(a.name)! })),
    },
    warnings,
    policy,
    cashFlow: cashFlow ? { account: cashFlow.account.name, amount: cashFlow.amount } : null,
    unresolved,
    optimizer: optimizer ?? { method: policy.optimizer === "Greedy" ? "greedy" : "optimal", status: "Not run", gap: null, seconds: 0, objective: null },
  };
}

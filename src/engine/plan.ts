/** Portfolio → Plan: the class table, the trigger decision, the trades and the portfolio after them. */
import Decimal from "decimal.js";
import { CASH_CLASS, CATCH_UP, Policy, Portfolio, RebalanceTo, StrategyName } from "../contract/portfolio";
import { Account, groupAccounts, withCashFlow } from "./positions";
import { classTable, share } from "./classes";
import { decideTrigger } from "./trigger";
import { desiredValues } from "./desired";
import { allocateMoves } from "./allocate";
import { cashFlowMoves } from "./cashflow";
import { executeMoves, Execution } from "./execute";
import { AfterClass, ClassRow, Plan } from "./types";
import { daysBetween } from "./calendar";

const ZERO = new Decimal(0);

export interface PlanOptions {
  /** Plan trades even when the trigger says no rebalance is due (used to compare strategies). */
  force?: boolean;
  /** Overrides the Policy's Strategy. */
  strategy?: StrategyName;
  /** Overrides the Policy's Rebalance To. */
  rebalanceTo?: RebalanceTo;
}

/** Full / Tax Aware: bring the household (after any cash flow) to target, band edge or halfway. */
function rebalanceMoves(
  table: { total: Decimal; classes: ClassRow[] },
  policy: Policy,
  accounts: Account[],
  cashClass: string,
  withdrawalAccount: string | null,
): Execution {
  const { total, classes } = table;
  const reserves = accounts.reduce((s, a) => s.plus(a.reserve), ZERO);
  const desired = desiredValues(classes, total, cashClass, reserves, policy.rebalanceTo);
  const delta = new Map<string, Decimal>();
  let cashDelta = ZERO;
  classes.forEach((c, i) => {
    const d = desired[i].minus(c.value);
    if (c.assetClass === cashClass) cashDelta = d;
    else delta.set(c.assetClass, d);
  });
  const taxAware = policy.strategy === "Tax Aware";
  const mustRaise = (name: string) => name === withdrawalAccount;
  const moves = allocateMoves(accounts, delta, cashDelta, { sellOrder: policy.sellOrder, taxAware, mustRaise });
  return executeMoves(accounts, moves, policy, { taxAware, restoreReserve: mustRaise });
}

function contributionWarnings(policy: Policy, account: Account | undefined, flow: Decimal): string[] {
  if (!account || !flow.gt(0) || (account.type !== "Traditional IRA" && account.type !== "Roth IRA")) return [];
  const catchUp = policy.ownerAge !== null && policy.ownerAge >= 50;
  const limit = policy.contributionLimit.plus(catchUp ? CATCH_UP : 0);
  if (flow.lte(limit)) return [];
  return [
    `${account.name}: the $${flow.toFixed(2)} contribution is above the $${limit.toFixed(2)} annual IRA limit${catchUp ? " (catch-up included)" : ""}; it is planned, but check it before sending`,
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
    return { assetClass: c.assetClass, value, weight, drift: weight - c.target };
  });
}

export function planRebalance(portfolio: Portfolio, options: PlanOptions = {}): Plan {
  const policy: Policy = {
    ...portfolio.policy,
    strategy: options.strategy ?? portfolio.policy.strategy,
    rebalanceTo: options.rebalanceTo ?? portfolio.policy.rebalanceTo,
  };
  const accounts = groupAccounts(portfolio);
  const { total, classes } = classTable(portfolio, accounts);
  const trigger = decideTrigger(classes, policy);
  const warnings: string[] = [];
  const cashClass = classes.find((c) => c.assetClass.toLowerCase() === CASH_CLASS.toLowerCase())!.assetClass;

  const flow = policy.cashFlow;
  const flowAccount = accounts.find((a) => a.name === (policy.cashFlowAccount ?? accounts[0]?.name));
  const cashFlow = flow.isZero() || !flowAccount ? null : { account: flowAccount.name, amount: flow };
  const afterFlow = cashFlow ? withCashFlow(accounts, cashFlow.account, flow) : accounts;
  warnings.push(...contributionWarnings(policy, flowAccount, flow));

  let execution: Execution = { trades: [], cashAfter: new Map(afterFlow.map((a) => [a.name, a.cash])), warnings: [] };
  const due = trigger.rebalance || options.force === true;
  if (policy.strategy !== "Cash Flow" && due && total.plus(flow).gt(0)) {
    // With a cash flow the class table is taken again, over the cash the flow leaves.
    const table = cashFlow ? classTable(portfolio, afterFlow) : { total, classes };
    execution = rebalanceMoves(table, policy, afterFlow, cashClass, cashFlow && flow.lt(0) ? cashFlow.account : null);
    if (execution.trades.length === 0) warnings.push("A rebalance is due, but no trade clears the lot sizes, Min Trade and cash limits");
  } else if (cashFlow && flowAccount) {
    const { moves, warnings: w } = cashFlowMoves(flowAccount, classes, cashClass, flow);
    warnings.push(...w);
    if (policy.strategy !== "Cash Flow") warnings.push("No rebalance is due: only the cash flow is placed, by the Cash Flow method");
    execution = executeMoves(afterFlow, moves, policy, {
      taxAware: policy.strategy === "Tax Aware",
      restoreReserve: (name) => flow.lt(0) && name === flowAccount.name,
    });
  }
  warnings.push(...execution.warnings);

  for (const c of classes) {
    if (c.status === "Locked") warnings.push(`${c.assetClass} is out of band but nothing in it can be traded (Tradable = No); the other classes are rebalanced around it`);
  }
  warnings.push(...illiquidWarnings(portfolio, policy));
  for (const a of accounts) {
    if (a.cash.lt(a.reserve)) warnings.push(`${a.name}: cash $${a.cash.toFixed(2)} is below the $${a.reserve.toFixed(2)} reserve`);
  }

  return {
    asOf: policy.asOf,
    total,
    classes,
    trigger,
    trades: execution.trades,
    after: {
      classes: afterTrades(classes, execution, accounts, cashClass),
      cash: accounts.map((a) => ({ account: a.name, value: execution.cashAfter.get(a.name)! })),
    },
    warnings,
    policy,
    cashFlow,
  };
}

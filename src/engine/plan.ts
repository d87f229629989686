/** Portfolio → Plan: the class table, the trigger decision, the trades and the portfolio after them. */
import { taxBudgetWarnings } from "./tax-budget";
import { countedTaxRates, planCosts } from "./plan-costs";
import Decimal from "decimal.js";
import { CASH_CLASS, Policy, Portfolio, RebalanceTo } from "../contract/portfolio";
import { Optimizer } from "../contract/vocabulary";
import { daysBetween, isValidIso } from "../dates/calendar";
import { money, percent } from "../display";
import { Account, groupAccounts, withFlows } from "./positions";
import { Flow } from "./strategies/types";
import { InKindDistribution, OwnerRmd, householdRmds, splitRmds, withoutInKind } from "./rules/household-rmd";
import { contributionWarnings } from "./rules/contributions";
import { settlementWarnings } from "./settlement";
import { Exposure, heldFunds, mixesOf, spreadInto } from "./look-through";
import { classTable, statusAt } from "./classes";
import { share } from "./weights";
import { decideTrigger } from "./trigger";
import { Execution } from "./execute";
import { strategyNamed } from "./strategies/registry";
import { DoNotTrade, holdStill } from "./do-not-trade";
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
  /** Positions held still for this plan only (Do Not Trade: the pane's exclusions, the runner's --exclude). */
  doNotTrade?: readonly DoNotTrade[];
}

/** The next date on or after `asOf` with the month and day `monthDay` ("MM-DD"; Feb 29 falls on Feb 28 in other years). */
function nextOccurrence(asOf: string, monthDay: string): string {
  const year = Number(asOf.slice(0, 4));
  const on = (y: number) => (monthDay === "02-29" && !isValidIso(`${y}-02-29`) ? `${y}-02-28` : `${y}-${monthDay}`);
  return on(year) >= asOf ? on(year) : on(year + 1);
}

/**
 * Illiquid rows whose valuation custodians will ask for: no Valued On; valued before the last year end
 * (with Policy Valuation Deadline and the days left to it); or older than Max Valuation Age.
 */
function illiquidWarnings(portfolio: Portfolio, policy: Policy): string[] {
  const out: string[] = [];
  const lastYearEnd = `${Number(policy.asOf.slice(0, 4)) - 1}-12-31`;
  const deadline = nextOccurrence(policy.asOf, policy.valuationDeadline);
  const left = daysBetween(policy.asOf, deadline);
  const due = `the custodian needs it by ${deadline} (Valuation Deadline ${policy.valuationDeadline}): ${left} day${left === 1 ? "" : "s"} left`;
  for (const h of portfolio.holdings) {
    if (h.tradable || h.isCash) continue;
    const where = `${h.ref.sheet}!${h.ref.cell}`;
    if (!h.valuedOn) out.push(`${where}: ${h.symbol} is illiquid and has no Valued On date; custodians need a current fair market value each year end, and ${due}`);
    else if (h.valuedOn < lastYearEnd) out.push(`${where}: ${h.symbol} was last valued on ${h.valuedOn}, before the last year end (${lastYearEnd}); its year-end fair market value is due: ${due}`);
    else if (daysBetween(h.valuedOn, policy.asOf) > policy.maxValuationAge) {
      out.push(`${where}: ${h.symbol} was last valued on ${h.valuedOn}, more than ${policy.maxValuationAge} days before ${policy.asOf} (Max Valuation Age)`);
    }
  }
  return out;
}

function afterTrades(classes: ClassRow[], execution: Execution, accounts: Account[], cashClass: string, inKind: InKindDistribution[], mixes: Map<string, Exposure[]>): AfterClass[] {
  const valueAfter = new Map(classes.map((c) => [c.assetClass, c.value]));
  // A look-through fund's trade moves each of its classes by its share.
  for (const d of inKind) spreadInto(valueAfter, mixes, d.assetClass, d.amount.neg());
  for (const t of execution.trades) spreadInto(valueAfter, mixes, t.assetClass, t.side === "buy" ? t.amount : t.amount.neg());
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

/** The RMD groups with what the plan distributes from each of their accounts. */
function withPlanned(owners: OwnerRmd[], flows: Flow[], inKind: InKindDistribution[]): OwnerRmd[] {
  return owners.map((o) => ({
    ...o,
    groups: o.groups.map((g) => {
      // Per account: the cash it pays out plus what it distributes in kind.
      const per = new Map<string, Decimal>();
      const add = (account: string, amount: Decimal) => per.set(account, (per.get(account) ?? new Decimal(0)).plus(amount));
      for (const f of flows) if (f.amount.lt(0) && g.accounts.includes(f.account.name)) add(f.account.name, f.amount.neg());
      for (const d of inKind) if (d.owner === o.owner && g.accounts.includes(d.account)) add(d.account, d.amount);
      return { ...g, planned: g.accounts.filter((a) => per.has(a)).map((a) => ({ account: a, amount: per.get(a)! })) };
    }),
  }));
}

export function planRebalance(given: Portfolio, options: PlanOptions = {}): Plan {
  const still = holdStill(given, options.doNotTrade ?? []);
  const portfolio = still.portfolio;
  const policy: Policy = {
    ...portfolio.policy,
    strategy: options.strategy ?? portfolio.policy.strategy,
    rebalanceTo: options.rebalanceTo ?? portfolio.policy.rebalanceTo,
    optimizer: options.optimizer ?? portfolio.policy.optimizer,
  };
  const accounts = groupAccounts(portfolio);
  const { total, classes } = classTable(portfolio, accounts);
  const trigger = decideTrigger(classes, policy);
  const warnings: string[] = [...still.warnings];
  const cashClass = classes.find((c) => c.assetClass.toLowerCase() === CASH_CLASS.toLowerCase())!.assetClass;

  const flow = policy.cashFlow;
  const flowAccount = accounts.find((a) => a.name === (policy.cashFlowAccount ?? accounts[0]?.name));
  const cashFlow = flow.isZero() || !flowAccount ? null : { account: flowAccount, amount: flow };
  warnings.push(...contributionWarnings(portfolio, flowAccount, flow));

  // Required minimum distributions: always reported; under Cash Flow = RMD, what remains is withdrawn.
  const rmd = householdRmds(portfolio);
  warnings.push(...rmd.warnings);
  const { withdrawals, inKind, warnings: rmdNotes } = policy.rmdFlow ? splitRmds(rmd, accounts, classes, total, policy.rmdInKind) : { withdrawals: [], inKind: [], warnings: [] };
  warnings.push(...rmdNotes);
  if (policy.rmdFlow && rmd.owners.length === 0) warnings.push(`Cash Flow is RMD, but no owner reaches the RMD age in ${policy.asOf.slice(0, 4)}: nothing is distributed`);
  // What is distributed in kind leaves before anything trades: the strategy plans the household without it.
  const now = withoutInKind(accounts, inKind);
  const base = inKind.length ? classTable(portfolio, now) : { total, classes };
  const flows: Flow[] = cashFlow ? [cashFlow] : withdrawals.flatMap((w) => [...w.split].map(([name, amount]) => ({ account: now.find((a) => a.name === name)!, amount: amount.neg() })));
  const afterFlow = withFlows(now, flows);

  const strategy = strategyNamed(policy.strategy);
  const due = trigger.rebalance || options.force === true;
  const outcome = strategy.plan({ portfolio, policy, accounts: now, afterFlow, total: base.total, classes: base.classes, cashClass, cashFlow, flows, withdrawals, due });
  const { execution, warnings: notes, optimizer } = outcome;
  warnings.push(...notes, ...execution.warnings);
  warnings.push(...taxBudgetWarnings(execution.trades, policy, optimizer?.method ?? (policy.optimizer === "Greedy" ? "greedy" : "optimal")));
  const finalFlows = outcome.flows ?? flows;
  warnings.push(...settlementWarnings(execution.trades, outcome.flows ? withFlows(now, finalFlows) : afterFlow));

  for (const c of classes) {
    if (c.status === "Locked") warnings.push(`${c.assetClass} is out of band but nothing in it can be sold (Tradable = No, or Do Not Sell${still.applied.length ? ", or Do Not Trade for this plan" : ""}); the other classes are rebalanced around it`);
  }
  warnings.push(...illiquidWarnings(portfolio, policy));
  for (const a of accounts) {
    if (a.cash.lt(a.reserve)) warnings.push(`${a.name}: cash ${money(a.cash)} is below the ${money(a.reserve)} reserve`);
  }
  const after = afterTrades(classes, execution, accounts, cashClass, inKind, mixesOf(portfolio.lookThrough));
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
    rmd: policy.rmdFlow ? withPlanned(rmd.owners, finalFlows, inKind) : rmd.owners,
    distributions: inKind,
    lookThrough: heldFunds(portfolio),
    doNotTrade: still.applied,
    // The objective's costs and order count are the executed plan's (the program's own count is of its orders before execution).
    optimizer: optimizer ? { ...optimizer, objective: optimizer.objective && { ...optimizer.objective, ...planCosts(execution.trades, countedTaxRates(policy, strategy.taxAware)) } } : { method: policy.optimizer === "Greedy" ? "greedy" : "optimal", status: "Not run", gap: null, seconds: 0, objective: null },
  };
}

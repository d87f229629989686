/** The plan as stable JSON (documented in README): money and quantities as decimal strings, weights as fractions. */
import Decimal from "decimal.js";
import { strategyNamed } from "../engine/strategies/registry";
import { Plan, Trade } from "../engine/types";
import type { InKindDistribution, OwnerRmd } from "../engine/rules/household-rmd";

export interface TradeJson {
  account: string;
  symbol: string;
  assetClass: string;
  side: "buy" | "sell";
  quantity: string;
  price: string;
  limitPrice: string;
  amount: string;
  fee: string;
  /** Gain realised by a sale in a taxable account (null otherwise, or when a lot has no Cost Basis). */
  realizedShortTerm: string | null;
  realizedLongTerm: string | null;
  /** Expected settlement date: As Of + the holding's Settle Days in business days. */
  settlesOn: string;
}

export interface RmdJson {
  owner: string;
  birthDate: string;
  year: number;
  age: number;
  /** The Uniform Lifetime Table's distribution period for that age. */
  divisor: number;
  table: string;
  /** The first RMD year: it may wait until April 1 of the next year. */
  first: boolean;
  groups: {
    /** "IRAs" (Traditional, SEP and SIMPLE together) or a Solo 401k's account name. */
    from: string;
    accounts: string[];
    required: string;
    /** Last year's first RMD put off to April 1 of this year. */
    deferred: string;
    distributed: string;
    remaining: string;
    /** What this plan distributes now, per account. */
    planned: { account: string; amount: string }[];
    deadline: string;
  }[];
}

export interface DistributionJson {
  owner: string;
  account: string;
  symbol: string;
  assetClass: string;
  side: "distribute";
  quantity: string;
  /** Fair market value per unit, to the cent. */
  price: string;
  amount: string;
}

export interface PlanJson {
  asOf: string;
  total: string;
  classes: {
    assetClass: string;
    value: string;
    weight: number;
    target: number;
    drift: number;
    relativeDrift: number | null;
    bandLow: number;
    bandHigh: number;
    status: string;
  }[];
  trigger: { rebalance: boolean; reasons: string[]; nextReview: string | null; kind: string };
  trades: TradeJson[];
  after: {
    classes: { assetClass: string; value: string; weight: number; drift: number; bandLow: number; bandHigh: number; status: string }[];
    cash: { account: string; value: string }[];
  };
  warnings: string[];
  /** The contribution (+) or withdrawal (−) planned, or null. */
  cashFlow: { account: string; amount: string } | null;
  /** The strategy planned with. */
  strategy: string;
  /** The Rebalance To planned with; null for a strategy it does not shape (Cash Flow). */
  rebalanceTo: string | null;
  /** Classes left under target because no account lists a security of them to buy, and the dollars short. */
  unresolved: { assetClass: string; amount: string }[];
  /** Required minimum distributions of the As Of year, per owner past the RMD age (README, "SDIRA rules"); [] when none. */
  rmd: RmdJson[];
  /** Holdings distributed in kind toward the RMDs, at fair market value: custodians process them apart from trades. */
  distributions: DistributionJson[];
  /** Look-through funds held (LookThrough range): their trades' assetClass is `mix`; each class counts `share` of them. [] when none. */
  lookThrough: { symbol: string; mix: string; exposure: { assetClass: string; share: number }[] }[];
  /** Positions held still for this plan only (excluded in the pane, or the runner's --exclude): neither bought nor sold; [] when none. */
  doNotTrade: { account: string; symbol: string }[];
  /** How the household decision was made (README, "The household optimizer"). */
  optimizer: {
    method: "optimal" | "greedy";
    status: string;
    gap: number | null;
    seconds: number;
    /** Each objective level in dollars, as the program scores them (the greedy pass's too), with the executed plan's fees, estimated tax and order count; null when not run. */
    objective: { reserveShortfall: string; bandViolation: string; goalDistance: string; rescaledDistance: string; turnover: string; fees: string; tax: string; trades: number } | null;
  };
}

/** Dollars to the cent; a value that rounds to zero is "0.00", never "-0.00" (a solver's −1e-9). */
export const money = (d: Decimal): string => {
  const text = d.toFixed(2, Decimal.ROUND_HALF_UP);
  return text === "-0.00" ? "0.00" : text;
};
/** Quantities and prices: as few decimals as they need, never exponent notation. */
export const plain = (d: Decimal): string => d.toFixed();

/** Fractions rounded to 10 decimal places so floating noise does not show. */
const frac = (x: number): number => Math.round(x * 1e10) / 1e10 + 0;

export function tradeJson(t: Trade): TradeJson {
  return {
    account: t.account,
    symbol: t.symbol,
    assetClass: t.assetClass,
    side: t.side,
    quantity: plain(t.quantity),
    price: plain(t.price),
    limitPrice: money(t.limitPrice),
    amount: money(t.amount),
    fee: money(t.fee),
    realizedShortTerm: t.realized && t.realized.known ? money(t.realized.shortTerm) : null,
    realizedLongTerm: t.realized && t.realized.known ? money(t.realized.longTerm) : null,
    settlesOn: t.settlesOn,
  };
}

export function planJson(plan: Plan): PlanJson {
  return {
    asOf: plan.asOf,
    total: money(plan.total),
    classes: plan.classes.map((c) => ({
      assetClass: c.assetClass,
      value: money(c.value),
      weight: frac(c.weight),
      target: frac(c.target),
      drift: frac(c.drift),
      relativeDrift: c.relativeDrift === null ? null : frac(c.relativeDrift),
      bandLow: frac(c.bandLow),
      bandHigh: frac(c.bandHigh),
      status: c.status,
    })),
    trigger: { rebalance: plan.trigger.rebalance, reasons: plan.trigger.reasons, nextReview: plan.trigger.nextReview, kind: plan.policy.trigger },
    trades: plan.trades.map(tradeJson),
    after: {
      classes: plan.after.classes.map((c) => ({
        assetClass: c.assetClass,
        value: money(c.value),
        weight: frac(c.weight),
        drift: frac(c.drift),
        bandLow: frac(c.bandLow),
        bandHigh: frac(c.bandHigh),
        status: c.status,
      })),
      cash: plan.after.cash.map((c) => ({ account: c.account, value: money(c.value) })),
    },
    warnings: plan.warnings,
    cashFlow: plan.cashFlow ? { account: plan.cashFlow.account, amount: money(plan.cashFlow.amount) } : null,
    strategy: plan.policy.strategy,
    rebalanceTo: strategyNamed(plan.policy.strategy).usesRebalanceTo ? plan.policy.rebalanceTo : null,
    unresolved: plan.unresolved.map((u) => ({ assetClass: u.assetClass, amount: money(u.amount) })),
    rmd: rmdJson(plan.rmd),
    distributions: plan.distributions.map(distributionJson),
    lookThrough: plan.lookThrough.map((f) => ({ symbol: f.symbol, mix: f.mix, exposure: f.exposure.map((e) => ({ ...e })) })),
    doNotTrade: plan.doNotTrade.map((d) => ({ ...d })),
    optimizer: {
      method: plan.optimizer.method,
      status: plan.optimizer.status,
      gap: plan.optimizer.gap,
      seconds: Math.round(plan.optimizer.seconds * 1000) / 1000,
      objective: plan.optimizer.objective && {
        reserveShortfall: money(new Decimal(plan.optimizer.objective.reserveShortfall)),
        bandViolation: money(new Decimal(plan.optimizer.objective.bandViolation)),
        goalDistance: money(new Decimal(plan.optimizer.objective.goalDistance)),
        rescaledDistance: money(new Decimal(plan.optimizer.objective.rescaledDistance)),
        turnover: money(new Decimal(plan.optimizer.objective.turnover)),
        fees: money(new Decimal(plan.optimizer.objective.fees ?? 0)),
        tax: money(new Decimal(plan.optimizer.objective.tax ?? 0)),
        trades: plan.optimizer.objective.trades,
      },
    },
  };
}

/** A distribution in kind as the JSON gives it (also the orders CSV's in-kind rows). */
export function distributionJson(d: InKindDistribution): DistributionJson {
  return { owner: d.owner, account: d.account, symbol: d.symbol, assetClass: d.assetClass, side: "distribute", quantity: plain(d.quantity), price: money(d.price), amount: money(d.amount) };
}

/** The RMDs as the JSON gives them (also what the Rebalance sheet and the runner describe). */
export function rmdJson(rmd: OwnerRmd[]): RmdJson[] {
  return rmd.map((o) => ({
    owner: o.owner,
    birthDate: o.birthDate,
    year: o.year,
    age: o.age,
    divisor: o.groups[0].rmd.divisor,
    table: o.table,
    first: o.groups[0].rmd.first,
    groups: o.groups.map((g) => ({
      from: g.from,
      accounts: g.accounts,
      required: money(g.required),
      deferred: money(g.deferred),
      distributed: money(g.distributed),
      remaining: money(g.remaining),
      planned: g.planned.map((x) => ({ account: x.account, amount: money(x.amount) })),
      deadline: g.rmd.deadline,
    })),
  }));
}

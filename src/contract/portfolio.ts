import Decimal from "decimal.js";
import { Frequency } from "../dates/calendar";
import type { ReturnsAre } from "./backtest";
import { AccountType, LotOrder, Optimizer, RebalanceTo, SellOrder, TriggerKind } from "./vocabulary";

export type { AccountType, Frequency, LotOrder, RebalanceTo, SellOrder, TriggerKind };

/** Where a value came from, for messages and for selecting the cell in Excel. */
export interface CellRef {
  sheet: string;
  /** A1 address, e.g. "E7". */
  cell: string;
}

/** One Holdings row: a tax lot (several rows with the same Account and Symbol are lots of one position). */
export interface Holding {
  /** Index of the row among the parsed holdings (stable order of the sheet). */
  index: number;
  /** Reference to the row's Symbol cell. */
  ref: CellRef;
  /** Reference to the row's Account cell (the Symbol cell when the column is absent). */
  accountRef: CellRef;
  account: string;
  symbol: string;
  assetClass: string;
  quantity: Decimal;
  price: Decimal;
  /** Total cost of the row, when given. */
  costBasis: Decimal | null;
  /** ISO date acquired, when given. */
  acquired: string | null;
  /** false = illiquid or locked: never traded. */
  tradable: boolean;
  /** Multiple of units a trade must be; 0 = fractional. */
  lotSize: Decimal;
  /** ISO date of the last valuation, when given. */
  valuedOn: string | null;
  /** true for the CASH row of an account. */
  isCash: boolean;
  /** Do Not Buy = Yes: the position (account + symbol) is never bought. */
  doNotBuy: boolean;
  /** Do Not Sell = Yes: this lot is never sold (the position may still be bought). */
  doNotSell: boolean;
  /** Divisible = Yes: a fractional interest of it may be distributed in kind (RMD In Kind = Allowed). */
  divisible: boolean;
  /** Trade Fee: dollars per trade of this holding, overriding the Policy's Fee Per Trade; null = the Policy's. */
  tradeFee: Decimal | null;
  /** Settle Days: business days from trade to settlement; null = the default (1: T+1 for listed securities). */
  settleDays: number | null;
}

export interface TargetRow {
  assetClass: string;
  /** Fraction of the total, 0..1. */
  target: number;
  absBand: number | null;
  relBand: number | null;
  ref: CellRef;
}

/** One row of the optional Accounts range. */
export interface AccountRow {
  account: string;
  type: AccountType;
  /** Overrides the policy's Cash Reserve for this account. */
  cashReserve: Decimal | null;
  /** The owner (a row of Owners); null = the household's one owner. */
  owner: string | null;
  /** Fair market value on December 31 of last year (the RMD is computed from it); null = not given. */
  priorYearEnd: Decimal | null;
  /** Distributed from the account so far this year ($). */
  distributedThisYear: Decimal;
  /** Contributed to the account so far this year ($), for the annual limits. */
  contributedThisYear: Decimal;
  /** The owner's first RMD, put off to April 1 of this year and not yet taken ($); 0 = none. */
  deferredRmd: Decimal;
  ref: CellRef;
  /** The cells of the optional columns, for messages. */
  refs: Partial<Record<"Owner" | "Prior Year End Value" | "Distributed This Year" | "Contributed This Year" | "Deferred RMD", CellRef>>;
}

/** A row of the optional Owners range: whose accounts they are, and the dates the RMD rules need. */
export interface OwnerRow {
  owner: string;
  /** ISO date. */
  birthDate: string;
  spouseBirthDate: string | null;
  /** The spouse is the sole beneficiary of the owner's IRAs. */
  spouseSoleBeneficiary: boolean;
  ref: CellRef;
  birthRef: CellRef;
}

/** A row of the Location range: a class and an account type preferred for it. */
export interface LocationRow {
  assetClass: string;
  preferred: AccountType;
  ref: CellRef;
}

/** A row of the Models range: within a class, this share of its buys goes to this security. */
export interface ModelRow {
  assetClass: string;
  symbol: string;
  /** Fraction, above 0 and at most 1; a class's shares sum to 1. */
  share: number;
  /** The Symbol cell. */
  ref: CellRef;
}

/** A row of the Equivalents range: bought instead of `symbol` when the wash-sale guard or Do Not Buy blocks it. */
export interface EquivalentRow {
  symbol: string;
  substitute: string;
  /** The Substitute cell. */
  ref: CellRef;
  symbolRef: CellRef;
}

/** A row of the LookThrough range: this share of the fund's value counts in this class. */
export interface LookThroughRow {
  symbol: string;
  assetClass: string;
  /** Fraction, above 0 and at most 1; a fund's shares sum to 1. */
  share: number;
  /** The Symbol cell. */
  ref: CellRef;
}

export interface Policy {
  /** ISO date. */
  asOf: string;
  trigger: TriggerKind;
  frequency: Frequency;
  lastRebalanced: string | null;
  /** Absolute band as a fraction (0.05 = 5 percentage points); null = not applied. */
  absBand: number | null;
  /** Relative band as a fraction of the target (0.25 = 25%); null = not applied. */
  relBand: number | null;
  rebalanceTo: RebalanceTo;
  /** A strategy registered in the engine (src/engine/strategies/registry.ts); the parser accepts only those. */
  strategy: string;
  minTrade: Decimal;
  feePerTrade: Decimal;
  feeBps: Decimal;
  /** Cash kept in each account. */
  cashReserve: Decimal;
  limitOffsetBps: Decimal;
  fractional: boolean;
  /** Positive = contribution, negative = withdrawal (RMD, distribution); 0 = none. */
  cashFlow: Decimal;
  /** Policy RMD In Kind = Allowed: what an RMD cannot raise from cash and sales may be distributed in kind. */
  rmdInKind: boolean;
  /** Cash Flow = RMD: the plan withdraws what remains of this year's required minimum distributions. */
  rmdFlow: boolean;
  /** Policy Owner Birth Date: the one owner's birth date when there is no Owners range (ISO); null = not given. */
  ownerBirthDate: string | null;
  /** Account the cash flow goes to or comes from; null = the first account. */
  cashFlowAccount: string | null;
  sellOrder: SellOrder;
  lotOrder: LotOrder;
  /** Days after which an illiquid row's valuation is stale. */
  maxValuationAge: number;
  /** Policy Valuation Deadline: the month and day ("MM-DD") the custodian needs illiquid assets' year-end fair market values by. */
  valuationDeadline: string;
  /** Policy Contribution Limit: overrides the built-in annual IRA limit of the year (engine/rules/contribution-limits.ts) when the Policy sets it ($). */
  contributionLimit: Decimal;
  /** Owner's age; 50 or more adds the catch-up to the limit. */
  ownerAge: number | null;
  /** Optimal: the household solved exactly on HiGHS; Greedy: the account-by-account pass. */
  optimizer: Optimizer;
  /** Seconds the solver may take before the best plan found (or the greedy one) is used. */
  solverTimeLimit: number;
  /** Policy Fewest Trades = Yes: the optimizer, with every higher priority held, makes as few trades as it can. */
  fewestTrades: boolean;
  /** The most of the household's value traded one way (buys, and sells, each at most this share); null = no limit. */
  maxTurnover: number | null;
  /** Tax rates on realised short- and long-term gains in taxable accounts, as fractions; null = not set. */
  shortTermTaxRate: number | null;
  longTermTaxRate: number | null;
  /** Policy Tax Budget: the most net gain (short- plus long-term, losses offsetting) the plan may realise in taxable accounts ($); null = no limit. */
  taxBudget: Decimal | null;
  /** Backtests: what the Returns columns hold (periodic returns, or prices / index levels). */
  returnsAre: ReturnsAre;
  /** Backtests: periods in a year; null = read off the Returns dates. */
  periodsPerYear: number | null;
  /** Where each setting was read from (setting name → its Value cell), for messages. */
  refs: Partial<Record<string, CellRef>>;
}


/** The validated input of the engine. */
export interface Portfolio {
  holdings: Holding[];
  targets: TargetRow[];
  policy: Policy;
  /** Rows of the Accounts range; empty when the workbook has none. */
  accounts: AccountRow[];
  /** Rows of the Location range; empty when the workbook has none. */
  location: LocationRow[];
  /** Rows of the Owners range; empty when the workbook has none. */
  owners: OwnerRow[];
  /** Rows of the Models range; empty when the workbook has none. */
  models: ModelRow[];
  /** Rows of the Equivalents range; empty when the workbook has none. */
  equivalents: EquivalentRow[];
  /** Rows of the LookThrough range; empty when the workbook has none. */
  lookThrough: LookThroughRow[];
  /** Positions held still for one plan (src/engine/do-not-trade.ts): never bought or sold, nor added to the account. */
  doNotTrade?: { account: string; symbol: string }[];
}

export const CASH_SYMBOL = "CASH";
export const CASH_CLASS = "Cash";

import Decimal from "decimal.js";
import { Policy } from "../contract/portfolio";
import type { InKindDistribution, OwnerRmd } from "./rules/household-rmd";

export type ClassStatus = "In band" | "Over" | "Under" | "Locked";

/** One asset class before trading. Weights, drifts and bands are fractions of the total. */
export interface ClassRow {
  assetClass: string;
  value: Decimal;
  weight: number;
  target: number;
  /** false for the implicit Cash class when Targets has no Cash row. */
  hasTarget: boolean;
  drift: number;
  relativeDrift: number | null;
  band: number;
  bandLow: number;
  bandHigh: number;
  status: ClassStatus;
  /** Value of lots that can be sold (tradable, quantity > 0). */
  sellableValue: Decimal;
  /** Value that can never be sold (Tradable = No). */
  lockedValue: Decimal;
  /** true when some account lists a tradable security of the class (so it can be bought). */
  buyable: boolean;
}

export type Side = "buy" | "sell";

export interface Trade {
  account: string;
  symbol: string;
  assetClass: string;
  side: Side;
  quantity: Decimal;
  price: Decimal;
  limitPrice: Decimal;
  /** quantity × price, to the cent. */
  amount: Decimal;
  fee: Decimal;
  /** Gain realised by a sale in a taxable account, by holding period; null for buys and tax-free accounts. */
  realized: { shortTerm: Decimal; longTerm: Decimal; known: boolean } | null;
  /** ISO date the trade is expected to settle: As Of + its Settle Days in business days (weekends skipped, holidays not known). */
  settlesOn: string;
}

export interface TriggerDecision {
  rebalance: boolean;
  reasons: string[];
  /** ISO date of the next calendar review, or null when no calendar applies and none can be computed. */
  nextReview: string | null;
}

/** One asset class after the trades, against the band it had before them. */
export interface AfterClass {
  assetClass: string;
  value: Decimal;
  weight: number;
  drift: number;
  bandLow: number;
  bandHigh: number;
  status: ClassStatus;
}

export interface AccountCash {
  account: string;
  value: Decimal;
}

/** How the household decision was made: the optimizer's (or the greedy pass's) account of itself. */
export interface OptimizerReport {
  method: "optimal" | "greedy";
  /** "Optimal"; "Greedy" (asked for, or the fallback: then a warning says why); "Not run" when no household decision was needed. */
  status: string;
  /** Relative gap to the best bound: 0 at an optimum, null for the greedy pass. */
  gap: number | null;
  seconds: number;
  /**
   * Each objective level in dollars, as the program scores them (for the greedy pass too); null when not run.
   * `turnover` is the program's dollars-traded level (dollars traded with their tie-breaks, fees and estimated tax);
   * `fees`, `tax` and `trades` are the executed plan's own: its fees, its estimated tax (plan-costs.ts) and its orders.
   */
  objective: { reserveShortfall: number; bandViolation: number; goalDistance: number; rescaledDistance: number; turnover: number; trades: number; fees?: number; tax?: number } | null;
}

export interface Plan {
  asOf: string;
  total: Decimal;
  classes: ClassRow[];
  trigger: TriggerDecision;
  trades: Trade[];
  after: { classes: AfterClass[]; cash: AccountCash[] };
  warnings: string[];
  policy: Policy;
  /** The contribution (+) or withdrawal (−) planned, and its account; null when none. */
  cashFlow: { account: string; amount: Decimal } | null;
  optimizer: OptimizerReport;
  /** Classes left under target because no account lists a security of them to buy: the dollars short. */
  unresolved: { assetClass: string; amount: Decimal }[];
  /** Required minimum distributions of the As Of year, per owner past the RMD age (empty when none); `planned` filled under Cash Flow = RMD. */
  rmd: OwnerRmd[];
  /** Holdings distributed in kind toward the RMDs (RMD In Kind = Allowed), apart from the trades. */
  distributions: InKindDistribution[];
  /** The look-through funds the household holds (LookThrough range): each trade of one has its mix's name as Asset Class. */
  lookThrough: LookThroughFund[];
  /** Positions held still for this plan only (PlanOptions.doNotTrade), as Holdings spells them; [] when none. */
  doNotTrade: { account: string; symbol: string }[];
}

/** A look-through fund: its symbol, its mix's name (what its trades show as Asset Class) and its classes by share. */
export interface LookThroughFund {
  symbol: string;
  mix: string;
  exposure: { assetClass: string; share: number }[];
}

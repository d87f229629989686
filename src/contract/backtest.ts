/**
 * What a backtest reads, as validated data: the Returns series (one column per asset class) and the
 * policies to compare (the BacktestPolicies range, or the standard set when the workbook has none).
 */
import { CellRef, RebalanceTo, TargetRow } from "./portfolio";

/** How often a backtest policy looks at the weights; `Never` never rebalances (buy and hold). */
export const CHECKS = ["Every Period", "Monthly", "Quarterly", "Semiannual", "Annual", "Never"] as const;
export type Check = (typeof CHECKS)[number];

/** Checks a year for the calendar choices (Every Period and Never depend on the data, not the calendar). */
export const CHECKS_PER_YEAR: Partial<Record<Check, number>> = { Monthly: 12, Quarterly: 4, Semiannual: 2, Annual: 1 };

/** What the Returns columns hold: periodic simple returns (0.012 or 1.2%), or prices / index levels. */
export const RETURNS_ARE = ["Returns", "Prices"] as const;
export type ReturnsAre = (typeof RETURNS_ARE)[number];

/** One policy to simulate. Bands are fractions; null = not set (both null: any difference is out of band). */
export interface BacktestPolicy {
  name: string;
  check: Check;
  absBand: number | null;
  relBand: number | null;
  rebalanceTo: RebalanceTo;
  /** Cost of each trade, in basis points of the value traded (each side). */
  costBps: number;
  /** With a rate, the portfolio is a taxable account (average cost per class); null = tax-free (an SDIRA). */
  taxRate: number | null;
  /** Where the policy was read from (null for the standard set). */
  ref: CellRef | null;
}

/**
 * Periodic returns, one row per period, one column per class in the order of `classes`. Returns are
 * simple (0.012 = 1.2%); with prices in the workbook, each period is the change from the row before.
 */
export interface ReturnSeries {
  /** ISO date ending each period. */
  dates: string[];
  classes: string[];
  /** Period-major: returns[p * classes.length + i] is class i's return in period p. */
  returns: Float64Array;
  /** The risk-free return of each period, when the range has a Risk Free column. */
  riskFree: Float64Array | null;
  periodsPerYear: number;
  /** Whether periodsPerYear was read off the dates or set by the Policy. */
  periodsFrom: "dates" | "policy";
}

/** A validated backtest: the series aligned to the targets (same class order), and the policies. */
export interface BacktestInput {
  series: ReturnSeries;
  targets: TargetRow[];
  /** From BacktestPolicies; null when the workbook has none (the standard set applies). */
  policies: BacktestPolicy[] | null;
}

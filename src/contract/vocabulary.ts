/**
 * The closed vocabularies of the workbook contract, each defined once: the choices the Policy and
 * Accounts ranges accept (matched ignoring case and spaces, listed in this order in messages), and
 * the types derived from them. Review frequencies live with the calendar (src/dates/calendar.ts),
 * strategies in the engine's registry (src/engine/strategies/registry.ts), which hands its names to
 * the parser.
 */

export const TRIGGERS = ["Band", "Calendar", "Hybrid"] as const;
export type TriggerKind = (typeof TRIGGERS)[number];

export const REBALANCE_TO = ["Target", "Band Edge", "Halfway"] as const;
export type RebalanceTo = (typeof REBALANCE_TO)[number];

export const SELL_ORDERS = ["Most Overweight", "Highest Gain First", "Lowest Gain First"] as const;
export type SellOrder = (typeof SELL_ORDERS)[number];

export const LOT_ORDERS = ["HIFO", "FIFO", "Min Tax"] as const;
export type LotOrder = (typeof LOT_ORDERS)[number];

/** How the household decision is made: an exact program on HiGHS, or the greedy pass. */
export const OPTIMIZERS = ["Optimal", "Greedy"] as const;
export type Optimizer = (typeof OPTIMIZERS)[number];

/** Account types, and whether trades inside them are taxed. */
export const ACCOUNT_TYPE_TAXED = {
  "Traditional IRA": false,
  "Roth IRA": false,
  "SEP IRA": false,
  "SIMPLE IRA": false,
  "Solo 401k": false,
  Taxable: true,
} as const;
export type AccountType = keyof typeof ACCOUNT_TYPE_TAXED;
export const ACCOUNT_TYPES = Object.keys(ACCOUNT_TYPE_TAXED) as AccountType[];

/** The type of an account the Accounts range does not list. */
export const DEFAULT_ACCOUNT_TYPE: AccountType = "Traditional IRA";

/** Accounts of these types pay no tax on trades inside them. */
export function isTaxAdvantaged(type: AccountType): boolean {
  return !ACCOUNT_TYPE_TAXED[type];
}

/** The strategy names the Policy accepts, supplied by the engine's registry; the first is the default. */
export type StrategyChoices = readonly [string, ...string[]];

/**
 * What each Policy setting holds, for an editor of the Policy range (the pane's Policy view): the kind
 * of value (a choice and its options, a percent, dollars, a date, …) and what a blank cell means. The
 * parser (policy.ts) stays the judge of a value; this only says which control fits and how a typed
 * value goes into the cell. A test checks every known setting has its field here.
 */
import { LOT_ORDERS, OPTIMIZERS, REBALANCE_TO, SELL_ORDERS, StrategyChoices, TRIGGERS } from "./vocabulary";
import { RETURNS_ARE } from "./backtest";
import { FREQUENCIES } from "../dates/calendar";

export type PolicyFieldKind =
  /** One of `options`. */
  | "choice"
  /** A percent from 0% to 100% (written as a fraction in a percent-formatted cell). */
  | "percent"
  /** A percent, or None to turn the band off. */
  | "band"
  /** Dollars, 0 or more. */
  | "money"
  /** Dollars either way (+ contribution, − withdrawal), or RMD. */
  | "cashFlow"
  /** Basis points. */
  | "bps"
  /** A whole number (days, years, periods). */
  | "integer"
  /** A number (seconds). */
  | "number"
  /** A date (written as a real date cell). */
  | "date"
  /** A month and day, like 12-31. */
  | "monthDay"
  /** Free text (an account's name). */
  | "text";

export interface PolicyField {
  setting: string;
  kind: PolicyFieldKind;
  /** The choices of a choice setting, in the order messages list them. */
  options?: readonly string[];
  /** What a blank cell means, as the README's Policy table says it ("5%", "today", "none"). */
  blank: string;
  /** The group the editor shows it in. */
  group: "Decision" | "Trades" | "Costs and cash" | "Tax" | "Optimizer" | "SDIRA" | "Backtests";
}

const YES_NO = ["Yes", "No"] as const;

/** Every Policy setting, in the README's order; `strategies` are the engine's (the first is the default). */
export function policyFields(strategies: StrategyChoices): PolicyField[] {
  const f = (setting: string, kind: PolicyFieldKind, blank: string, group: PolicyField["group"], options?: readonly string[]): PolicyField => ({ setting, kind, blank, group, ...(options ? { options } : {}) });
  return [
    f("As Of", "date", "today", "Decision"),
    f("Trigger", "choice", "Band", "Decision", TRIGGERS),
    f("Frequency", "choice", "Annual", "Decision", FREQUENCIES),
    f("Last Rebalanced", "date", "none (a calendar review is due now)", "Decision"),
    f("Abs Band", "band", "5%", "Decision"),
    f("Rel Band", "band", "25%", "Decision"),
    f("Rebalance To", "choice", "Target", "Trades", REBALANCE_TO),
    f("Strategy", "choice", strategies[0], "Trades", strategies),
    f("Cash Flow", "cashFlow", "$0", "Trades"),
    f("Cash Flow Account", "text", "the first account", "Trades"),
    f("Sell Order", "choice", "Most Overweight", "Trades", SELL_ORDERS),
    f("Lot Order", "choice", "HIFO", "Trades", LOT_ORDERS),
    f("Min Trade", "money", "$0", "Costs and cash"),
    f("Fee Per Trade", "money", "$0", "Costs and cash"),
    f("Fee Bps", "bps", "0 bps", "Costs and cash"),
    f("Cash Reserve", "money", "$0", "Costs and cash"),
    f("Limit Offset Bps", "bps", "0 bps", "Costs and cash"),
    f("Fractional", "choice", "No", "Trades", YES_NO),
    f("Max Valuation Age", "integer", "365 days", "SDIRA"),
    f("Valuation Deadline", "monthDay", "12-31", "SDIRA"),
    f("Contribution Limit", "money", "the IRS limit of the As Of year", "SDIRA"),
    f("Owner Age", "integer", "none", "SDIRA"),
    f("Owner Birth Date", "date", "none", "SDIRA"),
    f("RMD In Kind", "choice", "No", "SDIRA", ["No", "Allowed"]),
    f("Optimizer", "choice", "Optimal", "Optimizer", OPTIMIZERS),
    f("Solver Time Limit", "number", "2 seconds", "Optimizer"),
    f("Fewest Trades", "choice", "No", "Optimizer", YES_NO),
    f("Short Term Tax Rate", "percent", "none (Tax Aware: 35%)", "Tax"),
    f("Long Term Tax Rate", "percent", "none (Tax Aware: 15%)", "Tax"),
    f("Tax Budget", "money", "none", "Tax"),
    f("Max Turnover", "percent", "none", "Optimizer"),
    f("Returns Are", "choice", "Returns", "Backtests", RETURNS_ARE),
    f("Periods Per Year", "integer", "from the dates", "Backtests"),
  ];
}

/** What a strategy is: a named object that turns the household, the cash flow and the trigger into trades. */
import Decimal from "decimal.js";
import { Policy, Portfolio, RebalanceTo } from "../../contract/portfolio";
import { Account, Flow } from "../positions";

export type { Flow };
import { Execution } from "../execute";
import { ClassRow, OptimizerReport } from "../types";
import { RmdWithdrawal } from "../rules/household-rmd";

/** Everything a strategy plans from. */
export interface StrategyContext {
  portfolio: Portfolio;
  /** The Policy, with any override of Strategy and Rebalance To applied. */
  policy: Policy;
  /** The accounts before the cash flow. */
  accounts: Account[];
  /** The accounts with the cash flow added to (or taken from) its account's cash. */
  afterFlow: Account[];
  /** The class table before the cash flow. */
  total: Decimal;
  classes: ClassRow[];
  /** The name of the Cash class as Targets spells it. */
  cashClass: string;
  /** The Policy's contribution (+) or withdrawal (−) and the account it goes to or comes from; null when none. */
  cashFlow: { account: Account; amount: Decimal } | null;
  /** Every flow into or out of an account, in order: the Policy's cash flow, or each account's share of the RMDs (Cash Flow = RMD). */
  flows: Flow[];
  /** The RMD withdrawals behind those flows (Cash Flow = RMD): the optimizer may re-split each across its accounts. */
  withdrawals: RmdWithdrawal[];
  /** A rebalance is due: the trigger says so, or the plan is forced (as --compare plans every variant). */
  due: boolean;
}

export interface StrategyOutcome {
  execution: Execution;
  /** The strategy's own notes, shown before the execution's warnings. */
  warnings: string[];
  /** How the household decision was made, when one was. */
  optimizer?: OptimizerReport;
  /** The flows the plan made, when the optimizer re-split the RMD withdrawals (otherwise the context's). */
  flows?: Flow[];
}

/** One row of --compare: the Rebalance To it is planned with, and how the table labels that. */
export interface CompareVariant {
  rebalanceTo: RebalanceTo;
  label: string;
}

export interface Strategy {
  /** The Policy's `Strategy` value, e.g. "Cash Flow". */
  readonly name: string;
  /** What it does, in one sentence or three: README's strategy table shows exactly this. */
  readonly summary: string;
  /** Whether Policy `Rebalance To` (Target, Band Edge, Halfway) shapes its plan. */
  readonly usesRebalanceTo: boolean;
  /** Trades in tax-advantaged accounts first; in taxable accounts sells losses, then long-term, then short-term lots. */
  readonly taxAware: boolean;
  /** Whether Policy `Optimizer` (Optimal or Greedy) decides its household trades; --compare then plans both. */
  readonly usesOptimizer?: boolean;
  /** What --compare plans for it: one plan per variant. */
  readonly compare: readonly CompareVariant[];
  /** The trades (as an execution) and the strategy's notes. */
  plan(ctx: StrategyContext): StrategyOutcome;
}

/** Declares a strategy, keeping its name as a literal type (so the registry can derive StrategyName). */
export function defineStrategy<N extends string>(strategy: Strategy & { readonly name: N }): Strategy & { readonly name: N } {
  return strategy;
}

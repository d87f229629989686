/**
 * The engine's comparison (engine/compare.ts) as plain JSON: the runner's `--compare --json` (every
 * variant's plan in full) and the rows the pane's Compare view shows (each variant's few numbers), so
 * both read the same comparison and nothing is computed twice.
 */
import { WorkbookSnapshot } from "../contract/snapshot";
import { ContractError } from "../contract/errors";
import { Comparison, compareStrategies } from "../engine/compare";
import { money, planJson, PlanJson } from "./json";
import { BookPlanOptions, planBook } from "./plan-workbook";

export interface ComparisonJson {
  strategy: string;
  rebalanceTo: string;
  /** "Optimal" or "Greedy" for a strategy the optimizer decides; null otherwise. */
  optimizer: string | null;
  plan: PlanJson;
}

export function comparisonJson(comparisons: Comparison[]): ComparisonJson[] {
  return comparisons.map((c) => ({ strategy: c.strategy, rebalanceTo: c.rebalanceTo, optimizer: c.optimizer, plan: planJson(c.plan) }));
}

/** One variant in a few numbers (money as decimal strings, fractions as numbers), as the pane's Compare view lists it. */
export interface ComparisonRowJson {
  strategy: string;
  /** The Policy's Rebalance To value the variant was planned with. */
  rebalanceTo: string;
  /** How the comparison labels it ("Band Edge", or "(flow only)" where it does not apply). */
  label: string;
  optimizer: string | null;
  trades: number;
  turnover: string;
  fees: string;
  realizedShortTerm: string;
  realizedLongTerm: string;
  misplacementAfter: number;
  maxDriftAfter: number;
  outOfBandAfter: string[];
}

export function comparisonRows(comparisons: Comparison[]): ComparisonRowJson[] {
  return comparisons.map(({ strategy, rebalanceTo, label, optimizer, metrics: m }) => ({
    strategy,
    rebalanceTo,
    label,
    optimizer,
    trades: m.trades,
    turnover: money(m.turnover),
    fees: money(m.fees),
    realizedShortTerm: money(m.realizedShortTerm),
    realizedLongTerm: money(m.realizedLongTerm),
    misplacementAfter: m.misplacementAfter,
    maxDriftAfter: m.maxDriftAfter,
    outOfBandAfter: m.outOfBandAfter,
  }));
}

/** A household's comparison: today's trigger (each variant is planned as if a rebalance were due) and every variant. */
export interface HouseholdComparison {
  household: string | null;
  asOf: string;
  /** What the Policy says today: its strategy, Rebalance To and Optimizer (the row the advisor would change from). */
  current: { strategy: string; rebalanceTo: string; optimizer: string };
  trigger: { rebalance: boolean; reasons: string[] };
  /** Positions every variant holds still (Do Not Trade for this plan, as the pane's plan or the runner's --exclude holds them); [] when none. */
  doNotTrade: { account: string; symbol: string }[];
  rows: ComparisonRowJson[];
}

export type CompareOutcome = { ok: true; households: HouseholdComparison[] } | { ok: false; errors: ContractError[] };

/** Every strategy × Rebalance To of a workbook (each household of a master workbook), or its problems; `doNotTrade` held still in every variant. */
export function compareBook(snapshot: WorkbookSnapshot, options: BookPlanOptions = {}): CompareOutcome {
  const book = planBook(snapshot, options);
  if (!book.ok) return book;
  return {
    ok: true,
    households: book.households.map((h) => ({
      household: h.household,
      asOf: h.plan.asOf,
      current: { strategy: h.portfolio.policy.strategy, rebalanceTo: h.portfolio.policy.rebalanceTo, optimizer: h.portfolio.policy.optimizer },
      trigger: { rebalance: h.plan.trigger.rebalance, reasons: h.plan.trigger.reasons },
      doNotTrade: h.plan.doNotTrade,
      rows: comparisonRows(compareStrategies(h.portfolio, h.plan.doNotTrade)),
    })),
  };
}

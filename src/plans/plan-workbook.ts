/**
 * Snapshot → validated portfolio → plan: the one entry point the runner, the pane, the ribbon and
 * REBAL.REPORT share. The Policy parser is given the engine's registered strategies here.
 */
import { WorkbookSnapshot } from "../contract/snapshot";
import { parsePortfolio, ParseOptions } from "../contract/parse";
import { ContractError, contractError } from "../contract/errors";
import { ownRows, splitHouseholds } from "../contract/households";
import { rowOf } from "../a1";
import { Portfolio } from "../contract/portfolio";
import { planRebalance } from "../engine/plan";
import { DoNotTrade } from "../engine/do-not-trade";
import { strategyNames } from "../engine/strategies/registry";
import { Plan } from "../engine/types";
import { PlanJson, planJson } from "./json";

export type PlanResult = { ok: true; plan: PlanJson; raw: Plan; portfolio: Portfolio } | { ok: false; errors: ContractError[] };

export type WorkbookParseOptions = Omit<ParseOptions, "strategies">;

/** A position held still for this plan only (engine/do-not-trade.ts); `household` names a master workbook's household (null or absent: any). */
export interface BookDoNotTrade extends DoNotTrade {
  household?: string | null;
}

export interface BookPlanOptions extends WorkbookParseOptions {
  /** Positions neither bought nor sold in this plan (the pane's exclusions, the runner's --exclude); the workbook is not changed. */
  doNotTrade?: readonly BookDoNotTrade[];
}

/** The exclusions that apply to one household (null: a workbook of one household, where all apply). */
const exclusionsOf = (options: BookPlanOptions, household: string | null): DoNotTrade[] =>
  (options.doNotTrade ?? []).filter((d) => household === null || d.household == null || d.household.toLowerCase() === household.toLowerCase()).map((d) => ({ account: d.account, symbol: d.symbol }));

const parseOptions = ({ doNotTrade: _, ...rest }: BookPlanOptions): WorkbookParseOptions => rest;

/** Parses the contract with the registered strategies as the Policy's choices. */
export function parseWorkbook(snapshot: WorkbookSnapshot, options: WorkbookParseOptions = {}): ReturnType<typeof parsePortfolio> {
  return parsePortfolio(snapshot, { ...options, strategies: strategyNames() });
}

export function planWorkbook(snapshot: WorkbookSnapshot, options: BookPlanOptions = {}): PlanResult {
  const parsed = parseWorkbook(snapshot, parseOptions(options));
  if (!parsed.ok) return parsed;
  const raw = planRebalance(parsed.portfolio, { doNotTrade: exclusionsOf(options, null) });
  return { ok: true, plan: planJson(raw), raw, portfolio: parsed.portfolio };
}

/** One household's plan in a book: `household` is null in a workbook of one household. */
export interface HouseholdPlan {
  household: string | null;
  plan: PlanJson;
  raw: Plan;
  portfolio: Portfolio;
  /** The snapshot it was planned from (in a master workbook, the other households' rows blank). */
  snapshot: WorkbookSnapshot;
}

/** A workbook's plans: one, or one per household of a master workbook (README, "Master workbook"). */
export type BookResult = { ok: true; master: boolean; households: HouseholdPlan[] } | { ok: false; errors: ContractError[] };

/** Each problem once, in the order found. */
function unique(errors: ContractError[]): ContractError[] {
  const seen = new Set<string>();
  return errors.filter((e) => !seen.has(e.text) && (seen.add(e.text), true));
}

/**
 * Plans a workbook: a master workbook (Holdings with a Household column) household by household, each
 * exactly as if it were a workbook of its own; any other workbook as planWorkbook does. Every problem
 * of every household comes back at once; one that is not on a household's own row, and not shared by
 * all, says which household it is about.
 */
export function planBook(snapshot: WorkbookSnapshot, options: BookPlanOptions = {}): BookResult {
  const split = splitHouseholds(snapshot);
  if (split.households === null) {
    const result = planWorkbook(snapshot, options);
    if (!result.ok || split.errors.length > 0) return { ok: false, errors: [...split.errors, ...(result.ok ? [] : result.errors)] };
    return { ok: true, master: false, households: [{ household: null, plan: result.plan, raw: result.raw, portfolio: result.portfolio, snapshot }] };
  }
  const parsed = split.households.map((h) => ({ ...h, parsed: parseWorkbook(h.snapshot, parseOptions(options)) }));
  const all = (text: string) => parsed.every((p) => !p.parsed.ok && p.parsed.errors.some((e) => e.text === text));
  const errors = [...split.errors];
  for (const p of parsed) {
    if (p.parsed.ok) {
      const policy = p.parsed.portfolio.policy;
      const ref = policy.refs["Cash Flow"];
      if (!policy.cashFlow.isZero() && ref) {
        errors.push(contractError(ref.sheet, ref.cell, `Cash Flow goes to one household's account, but this master workbook's Policy is shared by ${parsed.length} households; leave it at 0 here and plan the cash flow in that household's own workbook`));
      }
      continue;
    }
    const own = ownRows(p.snapshot);
    for (const e of p.parsed.errors) {
      const mine = e.cell !== "" && own.has(`${e.sheet}\u0000${rowOf(e.cell)}`);
      errors.push(mine || all(e.text) ? e : { ...e, message: `${e.message} (household ${p.household})`, text: `${e.text} (household ${p.household})` });
    }
  }
  if (errors.length > 0) return { ok: false, errors: unique(errors) };
  return {
    ok: true,
    master: true,
    households: parsed.map((p) => {
      if (!p.parsed.ok) throw new Error("unreachable: a household with problems");
      const raw = planRebalance(p.parsed.portfolio, { doNotTrade: exclusionsOf(options, p.household) });
      return { household: p.household, plan: planJson(raw), raw, portfolio: p.parsed.portfolio, snapshot: p.snapshot };
    }),
  };
}

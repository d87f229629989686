/**
 * Snapshot → validated portfolio → plan: the one entry point the runner, the pane, the ribbon and
 * REBAL.REPORT share. The Policy parser is given the engine's registered strategies here.
 */
import { WorkbookSnapshot } from "../contract/snapshot";
import { parsePortfolio, ParseOptions } from "../contract/parse";
import { ContractError } from "../contract/errors";
import { Portfolio } from "../contract/portfolio";
import { planRebalance } from "../engine/plan";
import { strategyNames } from "../engine/strategies/registry";
import { Plan } from "../engine/types";
import { PlanJson, planJson } from "./json";

export type PlanResult = { ok: true; plan: PlanJson; raw: Plan; portfolio: Portfolio } | { ok: false; errors: ContractError[] };

export type WorkbookParseOptions = Omit<ParseOptions, "strategies">;

/** Parses the contract with the registered strategies as the Policy's choices. */
export function parseWorkbook(snapshot: WorkbookSnapshot, options: WorkbookParseOptions = {}): ReturnType<typeof parsePortfolio> {
  return parsePortfolio(snapshot, { ...options, strategies: strategyNames() });
}

export function planWorkbook(snapshot: WorkbookSnapshot, options: WorkbookParseOptions = {}): PlanResult {
  const parsed = parseWorkbook(snapshot, options);
  if (!parsed.ok) return parsed;
  const raw = planRebalance(parsed.portfolio);
  return { ok: true, plan: planJson(raw), raw, portfolio: parsed.portfolio };
}

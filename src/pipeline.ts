/** Snapshot → validated portfolio → plan. The one entry point the runner, the pane and the functions share. */
import { WorkbookSnapshot } from "./contract/snapshot";
import { parsePortfolio, ParseOptions } from "./contract/parse";
import { ContractError } from "./contract/errors";
import { planRebalance } from "./engine/plan";
import { Plan } from "./engine/types";
import { Portfolio } from "./contract/portfolio";
import { PlanJson, planJson } from "./plans/json";

export type PlanResult = { ok: true; plan: PlanJson; raw: Plan; portfolio: Portfolio } | { ok: false; errors: ContractError[] };

export function planWorkbook(snapshot: WorkbookSnapshot, options: ParseOptions = {}): PlanResult {
  const parsed = parsePortfolio(snapshot, options);
  if (!parsed.ok) return parsed;
  const raw = planRebalance(parsed.portfolio);
  return { ok: true, plan: planJson(raw), raw, portfolio: parsed.portfolio };
}

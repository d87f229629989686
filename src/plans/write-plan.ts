/** Everything one rebalance writes into a workbook, as one plan. */
import { RangeSnapshot } from "../contract/snapshot";
import { Portfolio } from "../contract/portfolio";
import { Plan } from "../engine/types";
import { driftColumnsPlan } from "./drift-columns";
import { rebalanceSheetPlan } from "./rebalance-sheet";
import { WritePlan } from "./types";

export function buildWritePlan(plan: Plan, portfolio: Portfolio, targetsRange: RangeSnapshot): WritePlan {
  return { sheets: [driftColumnsPlan(plan, targetsRange, portfolio.targets), rebalanceSheetPlan(plan)] };
}

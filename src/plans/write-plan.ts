/** Everything one rebalance writes into a workbook, as one plan. */
import { WorkbookSnapshot } from "../contract/snapshot";
import { Portfolio } from "../contract/portfolio";
import { Plan } from "../engine/types";
import { driftColumnsPlan } from "./drift-columns";
import { logPlan } from "./log";
import { rebalanceSheetPlan } from "./rebalance-sheet";
import { WritePlan } from "./types";

export interface WritePlanOptions {
  /** The log row's timestamp (default: now). */
  now?: Date;
}

/**
 * The Rebalance sheet, the drift columns beside Targets and the log row, in the order adapters
 * write them: the add-in's own sheet first, the advisor's Targets sheet after it, and the log row
 * last, so a write that fails midway has logged nothing and touched no cell of the advisor's.
 */
export function buildWritePlan(plan: Plan, portfolio: Portfolio, snapshot: WorkbookSnapshot, options: WritePlanOptions = {}): WritePlan {
  return {
    sheets: [
      rebalanceSheetPlan(plan),
      driftColumnsPlan(plan, snapshot.ranges["targets"], portfolio.targets),
      logPlan(plan, { now: options.now ?? new Date(), dateSystem: snapshot.dateSystem }),
    ],
    // The advisor's ranges: the sheets they lie on are never replaced or appended to.
    keep: Object.values(snapshot.ranges).map((r) => ({ name: r.name, sheet: r.sheet })),
  };
}

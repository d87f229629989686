/** Everything one rebalance writes into a workbook, as one plan. */
import { WorkbookSnapshot } from "../contract/snapshot";
import { Portfolio } from "../contract/portfolio";
import { Plan } from "../engine/types";
import { driftColumnsPlan } from "./drift-columns";
import { logPlan } from "./log";
import { driftHistoryPlan } from "./drift-history";
import { DRIFT_HISTORY_KEY, readDriftHistory } from "../contract/drift-history";
import { rebalanceSheetPlan } from "./rebalance-sheet";
import { WritePlan } from "./types";

export interface WritePlanOptions {
  /** The log row's timestamp (default: now). */
  now?: Date;
}

/**
 * The Rebalance sheet, the drift columns beside Targets, the Drift History rows and the log row, in
 * the order adapters write them: the add-in's own sheet first, the advisor's Targets sheet after it,
 * then the history, and the log row last, so a write that fails midway has logged nothing and
 * touched no cell of the advisor's.
 */
export function buildWritePlan(plan: Plan, portfolio: Portfolio, snapshot: WorkbookSnapshot, options: WritePlanOptions = {}): WritePlan {
  const now = options.now ?? new Date();
  const history = readDriftHistory(snapshot.ranges[DRIFT_HISTORY_KEY], snapshot.dateSystem);
  return {
    sheets: [
      rebalanceSheetPlan(plan),
      driftColumnsPlan(plan, snapshot.ranges["targets"], portfolio.targets),
      driftHistoryPlan(plan, history.rows, { now, dateSystem: snapshot.dateSystem }),
      logPlan(plan, { now, dateSystem: snapshot.dateSystem }),
    ],
    // The advisor's ranges: the sheets they lie on are never replaced or appended to (the history is the add-in's own).
    keep: Object.entries(snapshot.ranges).filter(([key]) => key !== DRIFT_HISTORY_KEY).map(([, r]) => ({ name: r.name, sheet: r.sheet })),
  };
}

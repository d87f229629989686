/** Everything one rebalance writes into a workbook, as one plan. */
import { WorkbookSnapshot } from "../contract/snapshot";
import { Portfolio } from "../contract/portfolio";
import { Plan } from "../engine/types";
import { driftColumnsPlan } from "./drift-columns";
import { householdsLogPlan, logPlan } from "./log";
import { householdsSheetPlan } from "./households-sheet";
import { HouseholdPlan } from "./plan-workbook";
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
    keep: advisorRanges(snapshot),
  };
}

/** The advisor's ranges: the sheets they lie on are never replaced or appended to (the history is the add-in's own). */
function advisorRanges(snapshot: WorkbookSnapshot): WritePlan["keep"] {
  return Object.entries(snapshot.ranges).filter(([key]) => key !== DRIFT_HISTORY_KEY).map(([, r]) => ({ name: r.name, sheet: r.sheet }));
}

/**
 * What a rebalance of a whole workbook writes: for one household, buildWritePlan's sheets; for a
 * master workbook, the Rebalance sheet of every household and one log row per household. (Drift
 * columns beside Targets and the Drift History are per household and not written for a master
 * workbook yet: a Targets row may serve several households.)
 */
export function buildBookWritePlan(book: { master: boolean; households: HouseholdPlan[] }, snapshot: WorkbookSnapshot, options: WritePlanOptions = {}): WritePlan {
  if (!book.master) {
    const only = book.households[0];
    return buildWritePlan(only.raw, only.portfolio, snapshot, options);
  }
  const named = book.households.map((h) => ({ household: h.household ?? "", plan: h.plan, raw: h.raw }));
  return {
    sheets: [
      householdsSheetPlan(named),
      householdsLogPlan(named.map((h) => ({ household: h.household, plan: h.raw })), { now: options.now ?? new Date(), dateSystem: snapshot.dateSystem }),
    ],
    keep: advisorRanges(snapshot),
  };
}

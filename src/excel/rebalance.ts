/**
 * One click: read the contract, plan, write the Rebalance sheet, the drift columns and the log row,
 * all inside one Excel.run. The ribbon button and the pane both call rebalanceInExcel(); the plan between the read
 * and the write is made by the planner given (the pane's: in its worker) or, by default, on this thread.
 */
import type { ContractError } from "../contract/errors";
import type { WorkbookSnapshot } from "../contract/snapshot";
import type { BookRebalance, BookRebalanceOptions } from "../plans/book-rebalance";
import type { BookDoNotTrade } from "../plans/plan-workbook";
import type { PlanJson } from "../plans/json";
import type { PositionJson } from "../plans/positions";
import { OwnershipError } from "../plans/check";
import { applyWritePlanInExcel } from "./apply";
import { excel } from "./host";
import { readContractSnapshot } from "./read";

/** Plans a snapshot and lays out the writes: on this thread (rebalanceHere, the default) or in the pane's worker. */
export type BookPlanner = (snapshot: WorkbookSnapshot, options: BookRebalanceOptions) => Promise<BookRebalance>;

/** The engine and the solver load on first use, and only where the plan is made here. */
const rebalanceHere: BookPlanner = async (snapshot, options) => (await import(/* webpackChunkName: "plan-here" */ "./planned")).rebalanceHere(snapshot, options);

export type ExcelRebalanceOutcome =
  | {
      ok: true;
      /** The plan (a master workbook: its first household's; every household's is in `households`). */
      plan: PlanJson;
      /** Every household's plan: one, with household null, for a workbook of one household. */
      households: { household: string | null; plan: PlanJson; positions?: PositionJson[] }[];
      /** The sheet that now shows the plan, e.g. "Rebalance 2026-11-20". */
      sheet: string;
      /** The order file for the custodian (CSV text) and a name to save it under; a master workbook's are block orders. */
      orders: { fileName: string; csv: string };
      /** A master workbook's allocation of the block orders to each household's accounts. */
      allocation: { fileName: string; csv: string } | null;
      syncs: { read: number; write: number };
    }
  /** The workbook breaks the contract, or writing would overwrite the advisor's cells: every problem with its sheet and cell. */
  | { ok: false; errors: ContractError[] };

export interface RebalanceOptions {
  /** Clock for the log row (tests pin it). */
  now?: () => Date;
  /** ISO date used when Policy has no As Of (default today). */
  today?: string;
  /** Positions held still for this plan (the pane's unticked trades); the workbook's Holdings are not changed. */
  doNotTrade?: readonly BookDoNotTrade[];
  /** Where the plan is made (default: on this thread). The pane's runs in its worker. */
  planner?: BookPlanner;
  /** Told as each step starts: the read, the plan, the write (the pane shows it, and offers Cancel only before the write). */
  onPhase?: (phase: RebalancePhase) => void;
  /** Aborted (Cancel): the plan is not written, even when it was made; the call rejects with an error named "CancelledError". Once the write has begun it is finished (a half-written sheet would be worse than none). */
  signal?: AbortSignal;
}

export type RebalancePhase = "reading" | "planning" | "writing";

/** The error a cancelled click rejects with (named as the pane's workers name theirs). */
function cancelledError(): Error {
  const e = new Error("Cancelled");
  e.name = "CancelledError";
  return e;
}

/** Reads, plans and writes in the given request context. */
export async function rebalanceWithContext(context: Excel.RequestContext, options: RebalanceOptions = {}): Promise<ExcelRebalanceOutcome> {
  options.onPhase?.("reading");
  const read = await readContractSnapshot(context);
  if (options.signal?.aborted) throw cancelledError();
  const now = options.now ? options.now() : new Date();
  options.onPhase?.("planning");
  const planned = await (options.planner ?? rebalanceHere)(read.snapshot, { today: options.today, doNotTrade: options.doNotTrade, now: now.getTime() });
  if (options.signal?.aborted) throw cancelledError();
  if (!planned.ok) return { ok: false, errors: planned.errors };
  const { writePlan, ...outcome } = planned;
  options.onPhase?.("writing");
  try {
    const report = await applyWritePlanInExcel(context, writePlan);
    return { ...outcome, syncs: { read: read.syncs, write: report.syncs } };
  } catch (e) {
    if (e instanceof OwnershipError) return { ok: false, errors: [e.problem()] };
    throw e;
  }
}

/** The Rebalance button: read → plan → write in one Excel.run. Excel failures (not contract problems) reject. */
export async function rebalanceInExcel(options: RebalanceOptions = {}): Promise<ExcelRebalanceOutcome> {
  return excel().run((context) => rebalanceWithContext(context, options));
}

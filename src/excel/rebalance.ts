/**
 * One click: read the contract, plan, write the Rebalance sheet, the drift columns and the log row,
 * all inside one Excel.run. The ribbon button and the pane both call rebalanceInExcel().
 */
import { ContractError } from "../contract/errors";
import { BookDoNotTrade, planBook } from "../plans/plan-workbook";
import { blockFiles, blockOrders } from "../plans/blocks";
import { firmTrades } from "../plans/household-row";
import { PlanJson } from "../plans/json";
import { ordersCsv, ordersFileName } from "../plans/orders";
import { OwnershipError } from "../plans/check";
import { rebalanceSheetName } from "../plans/rebalance-sheet";
import { buildBookWritePlan } from "../plans/write-plan";
import { applyWritePlanInExcel } from "./apply";
import { excel } from "./host";
import { readContractSnapshot } from "./read";
import { prepareSolver } from "../solver/highs";

export type ExcelRebalanceOutcome =
  | {
      ok: true;
      /** The plan (a master workbook: its first household's; every household's is in `households`). */
      plan: PlanJson;
      /** Every household's plan: one, with household null, for a workbook of one household. */
      households: { household: string | null; plan: PlanJson }[];
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
}

/** Reads, plans and writes in the given request context. */
export async function rebalanceWithContext(context: Excel.RequestContext, options: RebalanceOptions = {}): Promise<ExcelRebalanceOutcome> {
  const read = await readContractSnapshot(context);
  await prepareSolver();
  const book = planBook(read.snapshot, { today: options.today, doNotTrade: options.doNotTrade });
  if (!book.ok) return { ok: false, errors: book.errors };
  const now = options.now ? options.now() : new Date();
  const writePlan = buildBookWritePlan(book, read.snapshot, { now });
  const first = book.households[0];
  const asOf = first.raw.asOf;
  // One household: its order file. A master workbook: block orders across the households, and their allocation.
  const blocks = book.master ? blockFiles(`blocks-${asOf}.csv`, blockOrders(firmTrades(book.households.map((h) => ({ household: h.household ?? "", plan: h.plan }))))) : null;
  const orders = blocks ? blocks.blocks : { fileName: ordersFileName(asOf), csv: ordersCsv(first.raw) };
  const allocation = blocks ? blocks.allocation : null;
  try {
    const report = await applyWritePlanInExcel(context, writePlan);
    return {
      ok: true,
      plan: first.plan,
      households: book.households.map((h) => ({ household: h.household, plan: h.plan })),
      sheet: rebalanceSheetName(asOf),
      orders,
      allocation,
      syncs: { read: read.syncs, write: report.syncs },
    };
  } catch (e) {
    if (e instanceof OwnershipError) return { ok: false, errors: [e.problem()] };
    throw e;
  }
}

/** The Rebalance button: read → plan → write in one Excel.run. Excel failures (not contract problems) reject. */
export async function rebalanceInExcel(options: RebalanceOptions = {}): Promise<ExcelRebalanceOutcome> {
  return excel().run((context) => rebalanceWithContext(context, options));
}

/**
 * One click: read the contract, plan, write the Rebalance sheet, the drift columns and the log row,
 * all inside one Excel.run. The ribbon button and the pane both call rebalanceInExcel().
 */
import { ContractError } from "../contract/errors";
import { planWorkbook } from "../plans/plan-workbook";
import { PlanJson } from "../plans/json";
import { ordersCsv, ordersFileName } from "../plans/orders";
import { OwnershipError } from "../plans/check";
import { rebalanceSheetName } from "../plans/rebalance-sheet";
import { buildWritePlan } from "../plans/write-plan";
import { applyWritePlanInExcel } from "./apply";
import { excel } from "./host";
import { readContractSnapshot } from "./read";
import { prepareSolver } from "../solver/highs";

export type ExcelRebalanceOutcome =
  | {
      ok: true;
      plan: PlanJson;
      /** The sheet that now shows the plan, e.g. "Rebalance 2026-11-20". */
      sheet: string;
      /** The order file for the custodian (CSV text) and a name to save it under. */
      orders: { fileName: string; csv: string };
      syncs: { read: number; write: number };
    }
  /** The workbook breaks the contract, or writing would overwrite the advisor's cells: every problem with its sheet and cell. */
  | { ok: false; errors: ContractError[] };

export interface RebalanceOptions {
  /** Clock for the log row (tests pin it). */
  now?: () => Date;
  /** ISO date used when Policy has no As Of (default today). */
  today?: string;
}

/** Reads, plans and writes in the given request context. */
export async function rebalanceWithContext(context: Excel.RequestContext, options: RebalanceOptions = {}): Promise<ExcelRebalanceOutcome> {
  const read = await readContractSnapshot(context);
  await prepareSolver();
  const result = planWorkbook(read.snapshot, { today: options.today });
  if (!result.ok) return { ok: false, errors: result.errors };
  const now = options.now ? options.now() : new Date();
  const writePlan = buildWritePlan(result.raw, result.portfolio, read.snapshot, { now });
  try {
    const report = await applyWritePlanInExcel(context, writePlan);
    return {
      ok: true,
      plan: result.plan,
      sheet: rebalanceSheetName(result.raw.asOf),
      orders: { fileName: ordersFileName(result.raw.asOf), csv: ordersCsv(result.raw) },
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

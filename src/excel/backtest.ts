/**
 * Backtests inside Excel: read the contract's ranges (Targets, Returns, BacktestPolicies, and the
 * Drift History table), and write a finished backtest's sheet. The simulation itself runs between
 * the two, in the pane's worker; nothing here computes.
 */
import { BacktestInput } from "../contract/backtest";
import { ContractError } from "../contract/errors";
import { WorkbookSnapshot } from "../contract/snapshot";
import { BacktestResult } from "../backtest/run";
import { BACKTEST_SHEET, backtestWritePlan } from "../plans/backtest-sheet";
import { OwnershipError } from "../plans/check";
import { applyWritePlanInExcel } from "./apply";
import { excel } from "./host";
import { readContractSnapshot } from "./read";

/** The workbook's contract ranges as a plain snapshot (one Excel.run). */
export async function readWorkbookInExcel(): Promise<WorkbookSnapshot> {
  return excel().run(async (context) => (await readContractSnapshot(context)).snapshot);
}

export type BacktestWriteOutcome = { ok: true; sheet: string; syncs: number } | { ok: false; errors: ContractError[] };

/**
 * Writes (or replaces) the Backtest sheet. `snapshot` is the read the backtest ran on: the advisor's
 * ranges in it are never written over. Excel failures reject; a sheet that is not the add-in's to
 * replace comes back as a problem with its cell.
 */
export async function writeBacktestWithContext(context: Excel.RequestContext, input: BacktestInput, results: BacktestResult[], snapshot: WorkbookSnapshot): Promise<BacktestWriteOutcome> {
  try {
    const report = await applyWritePlanInExcel(context, backtestWritePlan(input, results, snapshot));
    return { ok: true, sheet: BACKTEST_SHEET, syncs: report.syncs };
  } catch (e) {
    if (e instanceof OwnershipError) return { ok: false, errors: [e.problem()] };
    throw e;
  }
}

export async function writeBacktestInExcel(input: BacktestInput, results: BacktestResult[], snapshot: WorkbookSnapshot): Promise<BacktestWriteOutcome> {
  return excel().run((context) => writeBacktestWithContext(context, input, results, snapshot));
}

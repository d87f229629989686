/**
 * The only module of the pane that talks to Office.js. Components receive plain data from here
 * and never touch the `Office` or `Excel` globals themselves.
 */

import type { BookPlanner, ExcelRebalanceOutcome, RebalancePhase } from "../excel/rebalance";
import { selectCell } from "../excel/select";
import { LastRebalance, latestRebalance, publishRebalance, subscribeRebalance } from "../excel/outcome";
import type { BacktestWriteOutcome } from "../excel/backtest";
import type { WorkbookSnapshot } from "../contract/snapshot";
import type { BacktestInput } from "../contract/backtest";
import type { BacktestResult } from "../backtest/run";
import type { ExcelEditOutcome, SnapshotPlanner } from "../excel/range-edit";
import type { WorkbookEdits } from "../plans/workbook-edit";
import type { StarterOutcome } from "../excel/starter";
import type { BookDoNotTrade } from "../plans/plan-workbook";

/** Where the pane is running. */
export type HostKind =
  /** Inside Excel (desktop, Mac or the web): the shared runtime of the add-in. */
  | "excel"
  /** In a plain browser tab (Office.onReady reports no host, or Office.js could not load). */
  | "standalone"
  /** Inside another Office application, which this add-in does not support. */
  | "other";

export interface HostInfo {
  kind: HostKind;
  /** Office's host name ("Excel", "Word", ...), or null outside Office. */
  host: string | null;
  /** Office's platform name ("PC", "OfficeOnline", "Mac", ...), or null outside Office. */
  platform: string | null;
  /** false when the Office.js script itself did not load (offline, blocked CDN). */
  officeLoaded: boolean;
}

/** Waits for Office.js and tells where the pane runs. Never rejects: any failure means standalone. */
export async function detectHost(): Promise<HostInfo> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
    return { kind: "standalone", host: null, platform: null, officeLoaded: false };
  }
  try {
    const info = await Office.onReady();
    const host = info.host ? String(info.host) : null;
    const platform = info.platform ? String(info.platform) : null;
    const kind: HostKind = host === null ? "standalone" : host === String(Office.HostType.Excel) ? "excel" : "other";
    return { kind, host, platform, officeLoaded: true };
  } catch {
    return { kind: "standalone", host: null, platform: null, officeLoaded: true };
  }
}

/** Office's theme: its body background colour (#RRGGBB), or null outside Office or on a host without themes. */
export function officeBackground(): string | null {
  try {
    const theme = typeof Office === "undefined" ? undefined : Office.context?.officeTheme;
    return theme?.bodyBackgroundColor ?? null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Inside Excel: the Rebalance button, selecting a problem's cell, and the ribbon's outcomes.
// The Office.js work itself lives in src/excel (the add-in's only Excel-facing code).

export type { BacktestWriteOutcome, ExcelEditOutcome, ExcelRebalanceOutcome, LastRebalance, StarterOutcome, WorkbookEdits };

/** What the pane can ask of Excel; components get this object as a prop. */
export interface ExcelActions {
  /** Reads the workbook, plans (`doNotTrade` held still), writes the Rebalance sheet, drift columns and log row. Rejects only when Excel fails, or with a CancelledError after cancel() (nothing written). */
  rebalance(doNotTrade?: readonly BookDoNotTrade[], onPhase?: (phase: RebalancePhase) => void): Promise<ExcelRebalanceOutcome>;
  /** Stops the click under way before its write (the plan in the pane's worker is ended; a plan already made is not written). */
  cancel?(): void;
  /** Activates the sheet and selects the cell; false when it no longer exists. */
  select(sheet: string, cell: string): Promise<boolean>;
  /** The outcome of the last click (ribbon or pane), if any. */
  latest(): LastRebalance | null;
  /** Called on every later outcome; returns the unsubscribe function. */
  subscribe(listener: (r: LastRebalance) => void): () => void;
  /** Reads the contract's ranges (and the Drift History table) without writing anything. */
  readWorkbook(): Promise<WorkbookSnapshot>;
  /** Writes (or replaces) the Backtest sheet of a backtest run on `snapshot`. */
  writeBacktest(input: BacktestInput, results: BacktestResult[], snapshot: WorkbookSnapshot): Promise<BacktestWriteOutcome>;
  /**
   * Writes Policy settings and Targets into their ranges (only there; a Policy sheet when there is none) when the contract finds
   * no problem with them, then plans the edited workbook without writing the plan: editWorkbook({ policy: { Strategy: "Tax Aware" } }).
   */
  editWorkbook?(edits: WorkbookEdits): Promise<ExcelEditOutcome>;
  /** Writes the starter sheets (the sample household under the contract's names); a sheet or name in the way is listed, nothing written. */
  createStarter(): Promise<StarterOutcome>;
}

// The engine's Excel paths (reading, planning, writing) load on first use, not with the pane.
const rebalancing = () => import(/* webpackChunkName: "excel-rebalance" */ "../excel/rebalance");
const backtesting = () => import(/* webpackChunkName: "excel-backtest" */ "../excel/backtest");
const editing = () => import(/* webpackChunkName: "excel-edit" */ "../excel/range-edit");
const starting = () => import(/* webpackChunkName: "excel-starter" */ "../excel/starter");

/** Where the Excel path's plans are made: the pane passes its worker's (../workers.ts); absent, on this thread. */
export interface ExcelPlanners {
  rebalance?: BookPlanner;
  plan?: SnapshotPlanner;
  /** Stops the planners' work under way (their calls reject with an error named "CancelledError"). */
  cancel?: () => void;
}

const cancelled = (err: unknown) => err instanceof Error && err.name === "CancelledError";

export function excelActions(planners: ExcelPlanners = {}): ExcelActions {
  /** The click under way, to cancel. */
  let running: AbortController | null = null;
  return {
    async rebalance(doNotTrade, onPhase) {
      const controller = (running = new AbortController());
      try {
        const outcome = await (await rebalancing()).rebalanceInExcel({ doNotTrade, planner: planners.rebalance, onPhase, signal: controller.signal });
        publishRebalance({ at: new Date(), source: "pane", outcome });
        return outcome;
      } catch (err) {
        // A cancelled plan wrote nothing and changes nothing shown: the last outcome stays.
        if (!cancelled(err)) publishRebalance({ at: new Date(), source: "pane", failure: err instanceof Error ? err.message : String(err) });
        throw err;
      } finally {
        if (running === controller) running = null;
      }
    },
    cancel: () => {
      running?.abort();
      planners.cancel?.();
    },
    select: selectCell,
    latest: latestRebalance,
    subscribe: subscribeRebalance,
    readWorkbook: async () => (await backtesting()).readWorkbookInExcel(),
    writeBacktest: async (input, results, snapshot) => (await backtesting()).writeBacktestInExcel(input, results, snapshot),
    editWorkbook: async (edits) => (await editing()).editWorkbookInExcel(edits, planners.plan),
    createStarter: async () => (await starting()).createStarterInExcel(),
  };
}

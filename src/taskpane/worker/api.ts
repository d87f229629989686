/**
 * What the pane's Web Workers do for the page (through comlink): the long work that must not block
 * the pane's main thread (reading and writing .xlsx files with exceljs, the optimizer, backtests). The
 * worker itself is ./pane-worker.ts; the page reaches it only through ../workers.ts.
 */
import type { BacktestOutcome } from "../../backtest/run";
import type { WorkbookSnapshot } from "../../contract/snapshot";
import type { BookRebalance, BookRebalanceOptions } from "../../plans/book-rebalance";
import type { CompareOutcome } from "../../plans/compare-json";
import type { BookDoNotTrade, BookPlanOptions } from "../../plans/plan-workbook";
import type { PlanOutcome } from "../../plans/plan-outcome";
import type { WorkbookEdits } from "../../plans/workbook-edit";
import type { EditOutcome } from "../editFile";
import type { FileSnapshot } from "../readFile";
import type { UpdateOutcome } from "../updateFile";

/** A workbook to work on: a file's bytes (standalone: the worker reads it) or ranges already read from Excel. */
export type WorkbookSource = { kind: "file"; name: string; data: ArrayBuffer } | { kind: "snapshot"; snapshot: WorkbookSnapshot };
export type BacktestSource = WorkbookSource;

/** Told after each policy: policies done, policies in all. */
export type Progress = (done: number, total: number) => void;

export interface PaneWorkerApi {
  backtest(source: BacktestSource, onProgress: Progress): Promise<BacktestOutcome>;
  /** A file's plans (`doNotTrade`: positions held still for this plan), as standalone mode shows them. */
  plan(name: string, data: ArrayBuffer, doNotTrade: readonly BookDoNotTrade[]): Promise<PlanOutcome>;
  /** A file's contract ranges (for the Policy, History and Compare views). */
  read(name: string, data: ArrayBuffer): Promise<FileSnapshot>;
  /** The file with its rebalance written in ("Download updated workbook"); `now`: the log row's time (ms since 1970). */
  update(name: string, data: ArrayBuffer, doNotTrade: readonly BookDoNotTrade[], now: number): Promise<UpdateOutcome>;
  /** The file with Policy and Targets edits written into their ranges. */
  edit(name: string, data: ArrayBuffer, edits: WorkbookEdits): Promise<EditOutcome>;
  /** The starter workbook's bytes; `now`: its creation time (ms since 1970). */
  starter(now: number): Promise<{ fileName: string; bytes: Uint8Array }>;
  /** Loads the solver and, given the sample, reads and plans it (kept: "Try the sample" then gets that plan instead of making its own). */
  warm(sample?: { name: string; data: ArrayBuffer }): Promise<void>;
  /** Inside Excel: the plans of ranges the page read through Office.js, and what to write for them (the page applies it). */
  rebalance(snapshot: WorkbookSnapshot, options: BookRebalanceOptions): Promise<BookRebalance>;
  /** Inside Excel: the plans of ranges the page read (after a Policy or Targets edit), nothing to write. */
  planSnapshot(snapshot: WorkbookSnapshot, options: BookPlanOptions): Promise<PlanOutcome>;
  /** Every strategy variant of the workbook side by side, holding still what the plan shown holds still. */
  compare(source: WorkbookSource, doNotTrade: readonly BookDoNotTrade[]): Promise<CompareOutcome>;
}

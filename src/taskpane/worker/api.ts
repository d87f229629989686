/**
 * What the pane's Web Worker does for the page (through comlink): the long work that must not block
 * the pane's main thread. The worker itself is ./pane-worker.ts; the page reaches it only through
 * ../workers.ts.
 */
import type { BacktestOutcome } from "../../backtest/run";
import type { WorkbookSnapshot } from "../../contract/snapshot";

/** A workbook to backtest: a file's bytes (standalone: the worker reads it) or ranges already read from Excel. */
export type BacktestSource = { kind: "file"; name: string; data: ArrayBuffer } | { kind: "snapshot"; snapshot: WorkbookSnapshot };

/** Told after each policy: policies done, policies in all. */
export type Progress = (done: number, total: number) => void;

export interface PaneWorkerApi {
  backtest(source: BacktestSource, onProgress: Progress): Promise<BacktestOutcome>;
}

/**
 * The only module of the pane that starts Web Workers. One worker (dist/pane-worker.js, beside the
 * page) is kept for the page's life; Cancel terminates it (a simulation cannot be interrupted from
 * outside otherwise) and the next job starts a fresh one. Components receive `startBacktest` as a
 * prop, so tests give them a stand-in instead.
 */
import { proxy, wrap, Remote } from "comlink";
import type { BacktestOutcome } from "../backtest/run";
import type { BacktestSource, PaneWorkerApi, Progress } from "./worker/api";

export type { BacktestSource, Progress };

/** Long work in the worker: its result, and a way to stop it. */
export interface Job<T> {
  result: Promise<T>;
  /** Stops the work; `result` then rejects with a CancelledError. */
  cancel(): void;
}

export class CancelledError extends Error {
  constructor() {
    super("Cancelled");
    this.name = "CancelledError";
  }
}

/** Beside taskpane.html in dist/ (webpack's second configuration builds it). */
export const WORKER_URL = "pane-worker.js";

interface Connection {
  worker: Worker;
  api: Remote<PaneWorkerApi>;
  /** Rejects when the worker fails outside a call (its script did not load, it threw at the top level). */
  failed: Promise<never>;
}

let connection: Connection | null = null;

function connect(): Connection {
  if (connection) return connection;
  const worker = new Worker(WORKER_URL);
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener("error", (e) => {
      e.preventDefault();
      reject(new Error(`The pane's worker failed: ${e.message || `could not load ${WORKER_URL}`}`));
      if (connection?.worker === worker) connection = null;
    });
  });
  failed.catch(() => undefined);
  connection = { worker, api: wrap<PaneWorkerApi>(worker), failed };
  return connection;
}

function stop(c: Connection): void {
  c.worker.terminate();
  if (connection === c) connection = null;
}

export type StartBacktest = (source: BacktestSource, onProgress: Progress) => Job<BacktestOutcome>;

/** Runs the backtest of a workbook in the worker. A file's bytes are copied to it, never moved. */
export const startBacktest: StartBacktest = (source, onProgress) => {
  const c = connect();
  let cancel = () => undefined as void;
  const cancelled = new Promise<never>((_, reject) => {
    cancel = () => {
      stop(c);
      reject(new CancelledError());
    };
  });
  const result = Promise.race([c.api.backtest(source, proxy(onProgress)), cancelled, c.failed]);
  return { result, cancel };
};

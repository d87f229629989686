/**
 * The only module of the pane that starts Web Workers (dist/pane-worker.js, beside the page). Two
 * workers, each kept for the page's life once started: one for backtests, one for the file work of
 * standalone mode and Compare (reading and writing .xlsx with exceljs, the optimizer), so the pane's
 * main thread only renders. Cancel terminates a worker (a solve or a simulation cannot be interrupted
 * from outside otherwise) and the next job starts a fresh one. Components receive these functions as
 * props, so tests give them stand-ins instead.
 */
import { proxy, wrap, Remote } from "comlink";
import type { BacktestOutcome } from "../backtest/run";
import type { CompareOutcome } from "../plans/compare-json";
import type { BookRebalanceOptions } from "../plans/book-rebalance";
import type { WorkbookSnapshot } from "../contract/snapshot";
import type { BookDoNotTrade, BookPlanOptions } from "../plans/plan-workbook";
import type { BacktestSource, PaneWorkerApi, Progress, WorkbookSource } from "./worker/api";

export type { BacktestSource, Progress, WorkbookSource };

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

type Lane = "backtest" | "files";

interface Connection {
  worker: Worker;
  api: Remote<PaneWorkerApi>;
  /** Rejects when the worker fails outside a call (its script did not load, it threw at the top level). */
  failed: Promise<never>;
  /** Rejects the calls waiting on this worker with a CancelledError (Cancel). */
  waiting: Set<(e: Error) => void>;
}

const connections = new Map<Lane, Connection>();

function connect(lane: Lane): Connection {
  const open = connections.get(lane);
  if (open) return open;
  const worker = new Worker(WORKER_URL);
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener("error", (e) => {
      e.preventDefault();
      reject(new Error(`The pane's worker failed: ${e.message || `could not load ${WORKER_URL}`}`));
      if (connections.get(lane)?.worker === worker) connections.delete(lane);
    });
  });
  failed.catch(() => undefined);
  const c: Connection = { worker, api: wrap<PaneWorkerApi>(worker), failed, waiting: new Set() };
  connections.set(lane, c);
  return c;
}

/** Terminates the lane's worker: every call waiting on it rejects with a CancelledError. */
function stop(lane: Lane, c: Connection): void {
  c.worker.terminate();
  if (connections.get(lane) === c) connections.delete(lane);
  for (const reject of c.waiting) reject(new CancelledError());
  c.waiting.clear();
}

/** One call in the lane's worker: its result, or a CancelledError when the lane is stopped first. */
function call<T>(lane: Lane, work: (api: Remote<PaneWorkerApi>) => Promise<T>): Promise<T> {
  const c = connect(lane);
  let stopped: (e: Error) => void = () => undefined;
  const cancelled = new Promise<never>((_, reject) => (stopped = reject));
  c.waiting.add(stopped);
  return Promise.race([work(c.api), cancelled, c.failed]).finally(() => c.waiting.delete(stopped));
}

type Api = PaneWorkerApi;
/** The worker's answer to one call, typed as the API declares it (comlink's Remote splits a union result into a union of promises). */
const answer = <K extends keyof Api>(p: unknown) => p as ReturnType<Api[K]>;

export type StartBacktest = (source: BacktestSource, onProgress: Progress) => Job<BacktestOutcome>;

/** Runs the backtest of a workbook in the worker. A file's bytes are copied to it, never moved. */
export const startBacktest: StartBacktest = (source, onProgress) => {
  const c = connect("backtest");
  return { result: call("backtest", (api) => answer<"backtest">(api.backtest(source, proxy(onProgress)))), cancel: () => stop("backtest", c) };
};

/**
 * Work the advisor did not cancel but that shares the files worker with what they did: a comparison and the
 * warm-up. Cancel ends the worker (a solve cannot be interrupted otherwise), so such work is started again in
 * the fresh one instead of failing with "Cancelled" (up to `tries` times: each Cancel ends it once more).
 */
export async function outlivingCancel<T>(work: () => Promise<T>, tries = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await work();
    } catch (e) {
      if (!(e instanceof CancelledError) || i >= tries) throw e;
    }
  }
}

/** The last warm-up asked for: after a Cancel, the fresh worker loads the solver again (the sample's read and plan are not repeated). */
let warmed = false;

/**
 * Stops the file work under way that Cancel is for (a plan, a download, an edit, Rebalance inside Excel): each
 * rejects with a CancelledError. A comparison under way starts again in the fresh worker, and so does the
 * warm-up's solver load.
 */
export function cancelFileWork(): void {
  const c = connections.get("files");
  if (!c) return;
  stop("files", c);
  if (warmed) void fileWork.warm();
}

/** Standalone mode's file work, Compare, and inside Excel the plans of what Office.js read, in the files worker (file bytes are copied to it, never moved). */
export const fileWork = {
  plan: (name: string, data: ArrayBuffer, doNotTrade: readonly BookDoNotTrade[] = []) => call("files", (api) => answer<"plan">(api.plan(name, data, [...doNotTrade]))),
  read: (name: string, data: ArrayBuffer) => call("files", (api) => answer<"read">(api.read(name, data))),
  update: (name: string, data: ArrayBuffer, doNotTrade: readonly BookDoNotTrade[] = []) => call("files", (api) => answer<"update">(api.update(name, data, [...doNotTrade], Date.now()))),
  edit: (name: string, data: ArrayBuffer, edits: Parameters<Api["edit"]>[2]) => call("files", (api) => answer<"edit">(api.edit(name, data, edits))),
  /** Starts the worker and loads the solver in it while the page is idle; given the sample, reads and plans it once there (a warm-up). */
  warm: (sample?: { name: string; data: ArrayBuffer }) => {
    warmed = true;
    return call("files", (api) => answer<"warm">(api.warm(sample))).catch(() => undefined);
  },
  starter: () => call("files", (api) => answer<"starter">(api.starter(Date.now()))),
  /** Inside Excel: the plans of the ranges read and what to write for them (the page writes it). */
  rebalance: (snapshot: WorkbookSnapshot, options: BookRebalanceOptions) => call("files", (api) => answer<"rebalance">(api.rebalance(snapshot, { ...options, doNotTrade: [...(options.doNotTrade ?? [])] }))),
  /** Inside Excel: the plans of the ranges read after an edit. */
  planSnapshot: (snapshot: WorkbookSnapshot, options: BookPlanOptions) => call("files", (api) => answer<"planSnapshot">(api.planSnapshot(snapshot, { ...options, doNotTrade: [...(options.doNotTrade ?? [])] }))),
  compare: (source: WorkbookSource, doNotTrade: readonly BookDoNotTrade[] = []): Promise<CompareOutcome> => outlivingCancel(() => call("files", (api) => answer<"compare">(api.compare(source, [...doNotTrade])))),
};

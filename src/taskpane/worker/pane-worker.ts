/**
 * The pane's Web Worker (bundled by webpack as dist/pane-worker.js, target webworker): reads the
 * workbook and runs the backtest off the page's main thread, reporting progress after each policy.
 * Cancel terminates the worker (../workers.ts), so nothing here needs to watch for it.
 */
import { expose } from "comlink";
import { paneWorkerApi } from "./jobs";

expose(paneWorkerApi);

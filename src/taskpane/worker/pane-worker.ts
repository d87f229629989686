/**
 * The pane's Web Worker (bundled by webpack as dist/pane-worker.js, target webworker): reads the
 * workbook and runs the backtest off the page's main thread, reporting progress after each policy.
 * Cancel terminates the worker (../workers.ts), so nothing here needs to watch for it.
 */
import { expose } from "comlink";
import { backtestWorkbook } from "../../backtest/run";
import { readFileSnapshot } from "../readFile";
import type { PaneWorkerApi } from "./api";

const api: PaneWorkerApi = {
  async backtest(source, onProgress) {
    let snapshot = source.kind === "snapshot" ? source.snapshot : null;
    if (source.kind === "file") {
      const read = await readFileSnapshot(source.name, source.data);
      if (!read.ok) return read;
      snapshot = read.snapshot;
    }
    return backtestWorkbook(snapshot!, onProgress);
  },
};

expose(api);

/**
 * The work the pane's worker does, as plain functions (./pane-worker.ts exposes them through
 * comlink; tests call them directly with inputs copied as postMessage copies them).
 */
import { backtestWorkbook } from "../../backtest/run";
import { readFileSnapshot } from "../readFile";
import type { PaneWorkerApi } from "./api";

export const paneWorkerApi: PaneWorkerApi = {
  async backtest(source, onProgress) {
    if (source.kind === "snapshot") return backtestWorkbook(source.snapshot, onProgress);
    const read = await readFileSnapshot(source.name, source.data);
    return read.ok ? backtestWorkbook(read.snapshot, onProgress) : read;
  },
};

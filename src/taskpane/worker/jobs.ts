/**
 * The work the pane's worker does, as plain functions (./pane-worker.ts exposes them through
 * comlink; tests call them directly with inputs copied as postMessage copies them).
 */
import { backtestWorkbook } from "../../backtest/run";
import { planHere, rebalanceHere } from "../../solver/planned";
import { compareSnapshot } from "../compare";
import { editedWorkbook } from "../editFile";
import { planFile } from "../planFile";
import { readFileSnapshot } from "../readFile";
import { prepareSolver } from "../../solver/highs";
import { starterFile } from "../starterFile";
import { updatedWorkbook } from "../updateFile";
import type { PaneWorkerApi } from "./api";

export const paneWorkerApi: PaneWorkerApi = {
  async backtest(source, onProgress) {
    if (source.kind === "snapshot") return backtestWorkbook(source.snapshot, onProgress);
    const read = await readFileSnapshot(source.name, source.data);
    return read.ok ? backtestWorkbook(read.snapshot, onProgress) : read;
  },
  plan: (name, data, doNotTrade) => planFile(name, data, doNotTrade),
  read: (name, data) => readFileSnapshot(name, data),
  update: (name, data, doNotTrade, now) => updatedWorkbook(name, data, doNotTrade, new Date(now)),
  edit: (name, data, edits) => editedWorkbook(name, data, edits),
  starter: (now) => starterFile(new Date(now)),
  warm: () => prepareSolver(),
  rebalance: (snapshot, options) => rebalanceHere(snapshot, options),
  planSnapshot: (snapshot, options) => planHere(snapshot, options),
  async compare(source, doNotTrade) {
    if (source.kind === "snapshot") return compareSnapshot(source.snapshot, doNotTrade);
    const read = await readFileSnapshot(source.name, source.data);
    return read.ok ? compareSnapshot(read.snapshot, doNotTrade) : read;
  },
};

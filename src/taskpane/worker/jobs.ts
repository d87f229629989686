/**
 * The work the pane's worker does, as plain functions (./pane-worker.ts exposes them through
 * comlink; tests call them directly with inputs copied as postMessage copies them).
 */
import { backtestWorkbook } from "../../backtest/run";
import { planHere, rebalanceHere } from "../../excel/planned";
import { compareSnapshot } from "../compare";
import { editedWorkbook } from "../editFile";
import { planFile } from "../planFile";
import { readFileSnapshot } from "../readFile";
import { prepareSolver } from "../../solver/highs";
import { starterFile } from "../starterFile";
import { updatedWorkbook } from "../updateFile";
import { planOutcome } from "../../plans/plan-outcome";
import type { PaneWorkerApi } from "./api";

/** A job has come in: the warm-up's plan has nothing left to do (the job warms what it runs). */
let asked = false;

/**
 * The warm-up: the solver loaded and, given the sample's bytes, the sample read and planned, the result thrown away.
 * A first read and plan are slow (measured in Node on the sample: plan 390–580 ms, the next ones 110–180 ms): the
 * engine's and exceljs's code is not yet optimised, and HiGHS's WebAssembly is still on its baseline tier (its solves
 * take 30 ms where warm ones take 10). The work a job has come in for is not repeated: each step is skipped once a
 * job has arrived (a click right away), so a job never waits behind more than the step under way.
 */
async function warm(sample?: { name: string; data: ArrayBuffer }): Promise<void> {
  await prepareSolver();
  if (!sample || asked) return;
  const read = await readFileSnapshot(sample.name, sample.data);
  if (read.ok && !asked) planOutcome(read.snapshot);
}

/** A job of the API: marks that the warm-up is not needed any more. */
const job = <A extends unknown[], R>(work: (...args: A) => R) => (...args: A): R => {
  asked = true;
  return work(...args);
};

const api: PaneWorkerApi = {
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
  warm,
  rebalance: (snapshot, options) => rebalanceHere(snapshot, options),
  planSnapshot: (snapshot, options) => planHere(snapshot, options),
  async compare(source, doNotTrade) {
    if (source.kind === "snapshot") return compareSnapshot(source.snapshot, doNotTrade);
    const read = await readFileSnapshot(source.name, source.data);
    return read.ok ? compareSnapshot(read.snapshot, doNotTrade) : read;
  },
};

export const paneWorkerApi: PaneWorkerApi = Object.fromEntries(Object.entries(api).map(([name, work]) => [name, name === "warm" ? work : job(work as (...args: unknown[]) => unknown)])) as unknown as PaneWorkerApi;

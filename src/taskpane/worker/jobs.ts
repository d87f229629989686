/**
 * The work the pane's worker does, as plain functions (./pane-worker.ts exposes them through
 * comlink; tests call them directly with inputs copied as postMessage copies them).
 */
import { backtestWorkbook } from "../../backtest/run";
import { planHere, rebalanceHere } from "../../excel/planned";
import { compareSnapshot } from "../compare";
import { prepareSolver } from "../../solver/highs";
import { PlanOutcome, planOutcome } from "../../plans/plan-outcome";
import type { BookDoNotTrade } from "../../plans/plan-workbook";
import { planFile, readWithSolver } from "../planFile";
import type { PaneWorkerApi } from "./api";

/** exceljs and the file work, fetched the first time a file is read or written (./files.ts). */
const xlsx = () => import(/* webpackChunkName: "xlsx" */ "./files");

/** A job other than the sample's own plan has come in: the warm-up's plan has nothing left to do (the job warms what it runs). */
let asked = false;

/** The sample's plan the warm-up makes, kept for "Try the sample": its bytes, the day it was made on (plans read today's date), and the plan (null: skipped for another job). */
let early: { bytes: Uint8Array; day: string; outcome: Promise<PlanOutcome | null> } | null = null;

const today = () => new Date().toDateString();
const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The warm-up: the solver loaded and, given the sample's bytes, the sample read and planned, the plan kept: "Try the
 * sample" clicked meanwhile waits for this plan rather than starting its own. A first plan is slow (measured in Node
 * on the sample: 390–580 ms, the next ones 110–180 ms; most of it is HiGHS's WebAssembly running on its baseline tier
 * before the browser optimises it), so the work is started when the page opens, not when the button is clicked. The
 * plan is skipped when another job has come in first (the advisor's own file), so that job never waits behind it.
 */
async function warm(sample?: { name: string; data: ArrayBuffer }): Promise<void> {
  if (!sample) return prepareSolver();
  const bytes = new Uint8Array(sample.data.slice(0));
  const outcome = (async () => {
    const read = await readWithSolver(sample.name, sample.data);
    if (asked) return null;
    return read.ok ? planOutcome(read.snapshot) : read;
  })();
  early = { bytes, day: today(), outcome };
  await outcome;
}

/** The warm-up's plan when this plan is the sample's as the warm-up made it (same bytes, nothing held still, made today). */
async function earlyPlan(data: ArrayBuffer, doNotTrade: readonly BookDoNotTrade[]): Promise<PlanOutcome | null> {
  if (!early || doNotTrade.length > 0 || early.day !== today() || !sameBytes(early.bytes, new Uint8Array(data))) return null;
  return early.outcome;
}

/** A job of the API: marks that the warm-up is not needed any more. */
const job = <A extends unknown[], R>(work: (...args: A) => R) => (...args: A): R => {
  asked = true;
  return work(...args);
};

const api: Omit<PaneWorkerApi, "warm" | "plan"> = {
  async backtest(source, onProgress) {
    if (source.kind === "snapshot") return backtestWorkbook(source.snapshot, onProgress);
    const read = await (await xlsx()).readFileSnapshot(source.name, source.data);
    return read.ok ? backtestWorkbook(read.snapshot, onProgress) : read;
  },
  read: async (name, data) => (await xlsx()).readFileSnapshot(name, data),
  update: async (name, data, doNotTrade, now) => (await xlsx()).updatedWorkbook(name, data, doNotTrade, new Date(now)),
  edit: async (name, data, edits) => (await xlsx()).editedWorkbook(name, data, edits),
  starter: async (now) => (await xlsx()).starterFile(new Date(now)),
  rebalance: (snapshot, options) => rebalanceHere(snapshot, options),
  planSnapshot: (snapshot, options) => planHere(snapshot, options),
  async compare(source, doNotTrade) {
    if (source.kind === "snapshot") return compareSnapshot(source.snapshot, doNotTrade);
    const read = await (await xlsx()).readFileSnapshot(source.name, source.data);
    return read.ok ? compareSnapshot(read.snapshot, doNotTrade) : read;
  },
};

export const paneWorkerApi: PaneWorkerApi = {
  ...(Object.fromEntries(Object.entries(api).map(([name, work]) => [name, job(work as (...args: unknown[]) => unknown)])) as unknown as Omit<PaneWorkerApi, "warm" | "plan">),
  warm,
  /** The sample's plan the warm-up is making or made is not made again; any other plan is a job. */
  async plan(name, data, doNotTrade) {
    const made = await earlyPlan(data, doNotTrade);
    if (made) return made;
    asked = true;
    return planFile(name, data, doNotTrade);
  },
};

/** Every policy of a backtest over its series: the entry point of src/backtest. */
import { BacktestInput, BacktestPolicy } from "../contract/backtest";
import { BacktestMetrics, backtestMetrics } from "./metrics";
import { Simulation, simulate } from "./simulate";
import { STANDARD_POLICIES } from "./standard-policies";
import { ContractError } from "../contract/errors";
import { WorkbookSnapshot } from "../contract/snapshot";
import { parseBacktest } from "../contract/parse-backtest";
import { strategyNames } from "../engine/strategies/registry";

export interface BacktestResult {
  policy: BacktestPolicy;
  metrics: BacktestMetrics;
  simulation: Simulation;
}

/** Targets in the series' class order. */
export function targetWeights(input: BacktestInput): Float64Array {
  const byClass = new Map(input.targets.map((t) => [t.assetClass, t.target]));
  const weights = Float64Array.from(input.series.classes, (c) => byClass.get(c) ?? 0);
  // Targets sum to 1 within 0.01%: the simulation starts at exactly 1.
  const sum = weights.reduce((s, w) => s + w, 0);
  return weights.map((w) => w / sum);
}

/**
 * Runs each policy (the workbook's, or the standard set). `onProgress` is told after each policy
 * (done, total), so a worker can report progress and be cancelled between policies.
 */
export function runBacktests(input: BacktestInput, onProgress?: (done: number, total: number) => void): BacktestResult[] {
  const policies = input.policies ?? STANDARD_POLICIES;
  const targets = targetWeights(input);
  return policies.map((policy, i) => {
    const simulation = simulate(input.series, targets, policy);
    const result = { policy, metrics: backtestMetrics(simulation, input.series, policy), simulation };
    onProgress?.(i + 1, policies.length);
    return result;
  });
}

export type BacktestOutcome = { ok: true; input: BacktestInput; results: BacktestResult[] } | { ok: false; errors: ContractError[] };

/** Reads the backtest's ranges (with the registered strategies as the Policy's choices) and runs it. */
export function backtestWorkbook(snapshot: WorkbookSnapshot, onProgress?: (done: number, total: number) => void): BacktestOutcome {
  const parsed = parseBacktest(snapshot, strategyNames());
  if (!parsed.ok) return parsed;
  return { ok: true, input: parsed.input, results: runBacktests(parsed.input, onProgress) };
}

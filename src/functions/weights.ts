/** REBAL.WEIGHTS and REBAL.DRIFT. */
import { relativeDrift } from "../engine/bands";
import { exactWeights } from "../engine/weights";
import { DIVISION_BY_ZERO, cellError } from "./errors";
import { OutCell, Rows, alignRows, readFlag, readTargetWeights, readValues, spill, toVector } from "./ranges";

/** REBAL.WEIGHTS: each value's share of the total. */
export function weightsFunction(valuesArg: unknown): OutCell[][] {
  const values = toVector(valuesArg, "values");
  const rows = alignRows([values]);
  const w = exactWeights(readValues(values, rows));
  return spill(rows, w.map((x) => [x]), 1);
}

/** Weights, targets and drifts of the used rows of values and targets. */
export function driftRows(valuesArg: unknown, targetsArg: unknown): { rows: Rows; weights: number[]; targets: number[]; drifts: number[] } {
  const values = toVector(valuesArg, "values");
  const targetList = toVector(targetsArg, "targets");
  const rows = alignRows([values, targetList]);
  const v = readValues(values, rows);
  const targets = readTargetWeights(targetList, rows);
  const weights = exactWeights(v);
  return { rows, weights, targets, drifts: weights.map((w, k) => w - targets[k]) };
}

/** REBAL.DRIFT: weight − target per row, or (relative) (weight − target) ÷ target; #DIV/0! for a 0% target with drift. */
export function driftFunction(valuesArg: unknown, targetsArg: unknown, relativeArg?: unknown): OutCell[][] {
  const relative = readFlag(relativeArg, "relative");
  const { rows, targets, drifts } = driftRows(valuesArg, targetsArg);
  const out = drifts.map((d, k): OutCell[] => {
    if (!relative) return [d];
    const r = relativeDrift(d, targets[k]);
    return [r === null ? cellError(DIVISION_BY_ZERO) : r];
  });
  return spill(rows, out, 1);
}

/** REBAL.BAND, REBAL.STATUS and REBAL.NEEDED: the engine's band rule over plain ranges. */
import { BandStatus, bandEdges, bandStatus, bandWidth } from "../engine/bands";
import { DEFAULT_ABS_BAND, DEFAULT_REL_BAND } from "../contract/policy";
import { CellValue } from "../contract/snapshot";
import { OutCell, Rows, alignRows, perRow, readBandCell, readTargetWeights, spill, toVector } from "./ranges";
import { driftRows } from "./weights";

/** Band widths of the used rows: the smaller of abs and rel × target when both apply (engine rule). */
function widths(rows: Rows, targets: number[], absArg: unknown, relArg: unknown): number[] {
  const abs = perRow(absArg, "absBand", rows, DEFAULT_ABS_BAND, (c: CellValue, where) => readBandCell(c, where, DEFAULT_ABS_BAND));
  const rel = perRow(relArg, "relBand", rows, DEFAULT_REL_BAND, (c: CellValue, where) => readBandCell(c, where, DEFAULT_REL_BAND));
  return targets.map((t, k) => bandWidth(t, abs[k], rel[k]));
}

/** REBAL.BAND: low and high edge per row (two columns; two rows when targets is a row). */
export function bandFunction(targetsArg: unknown, absArg?: unknown, relArg?: unknown): OutCell[][] {
  const targetList = toVector(targetsArg, "targets");
  const rows = alignRows([targetList]);
  const targets = readTargetWeights(targetList, rows);
  const w = widths(rows, targets, absArg, relArg);
  const out = targets.map((t, k) => {
    const { low, high } = bandEdges(t, w[k]);
    return [low, high];
  });
  return spill(rows, out, 2);
}

/** Band status of every used row. */
export function statuses(valuesArg: unknown, targetsArg: unknown, absArg?: unknown, relArg?: unknown): { rows: Rows; status: BandStatus[] } {
  const { rows, targets, drifts } = driftRows(valuesArg, targetsArg);
  const w = widths(rows, targets, absArg, relArg);
  return { rows, status: drifts.map((d, k) => bandStatus(d, w[k])) };
}

/** REBAL.STATUS: "In band", "Over" or "Under" per row. */
export function statusFunction(valuesArg: unknown, targetsArg: unknown, absArg?: unknown, relArg?: unknown): OutCell[][] {
  const { rows, status } = statuses(valuesArg, targetsArg, absArg, relArg);
  return spill(rows, status.map((s) => [s]), 1);
}

/** REBAL.NEEDED: TRUE when any row is out of its band. */
export function neededFunction(valuesArg: unknown, targetsArg: unknown, absArg?: unknown, relArg?: unknown): boolean {
  return statuses(valuesArg, targetsArg, absArg, relArg).status.some((s) => s !== "In band");
}

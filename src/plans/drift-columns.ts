/** Drift columns beside Targets: the class table lined up with each Targets row. */
import { RangeSnapshot } from "../contract/snapshot";
import { TargetRow } from "../contract/portfolio";
import { Plan } from "../engine/types";
import { rangeAddress, rowOf } from "../a1";
import { FMT, HEADER_STYLE, STATUS_STYLES } from "./formats";
import { CellWrite, UpdateSheetPlan } from "./types";

export const DRIFT_BLOCK_NAME = "RebalDriftColumns";
export const DRIFT_HEADERS = ["Current Value", "Current %", "Drift", "Relative Drift", "Band Low", "Band High", "Status"];

/** Column right after the Targets range, where the block starts. */
export function driftBlockLeft(targets: RangeSnapshot): number {
  const width = Math.max(1, ...targets.values.map((r) => r.length));
  return targets.left + width;
}

export function driftColumnsPlan(plan: Plan, targetsRange: RangeSnapshot, targetRows: TargetRow[]): UpdateSheetPlan {
  const left = driftBlockLeft(targetsRange);
  const top = targetsRange.top;
  const bottom = targetsRange.top + Math.max(targetsRange.values.length - 1, 1);
  const cells: CellWrite[] = DRIFT_HEADERS.map((h, i) => ({ row: top, col: left + i, value: h, style: HEADER_STYLE }));
  for (const t of targetRows) {
    const c = plan.classes.find((x) => x.assetClass === t.assetClass);
    if (!c) continue;
    const row = rowOf(t.ref.cell);
    const put = (i: number, value: string | number | null, numberFormat?: string) =>
      cells.push({ row, col: left + i, value, numberFormat });
    put(0, c.value.toNumber(), FMT.money);
    put(1, c.weight, FMT.percent);
    put(2, c.drift, FMT.drift);
    put(3, c.relativeDrift, FMT.drift);
    put(4, c.bandLow, FMT.percent);
    put(5, c.bandHigh, FMT.percent);
    put(6, c.status);
  }
  const statusRange = rangeAddress(top + 1, left + 6, bottom, left + 6);
  return {
    sheet: targetsRange.sheet,
    mode: "update",
    cells,
    columnWidths: DRIFT_HEADERS.map((h, i) => ({ col: left + i, width: Math.max(12, h.length + 2) })),
    rules: Object.entries(STATUS_STYLES).map(([equals, style]) => ({ range: statusRange, equals, style })),
    owned: { name: DRIFT_BLOCK_NAME, rect: { top, left, bottom, right: left + DRIFT_HEADERS.length - 1 } },
  };
}

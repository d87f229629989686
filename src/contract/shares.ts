/**
 * Share columns (Models, LookThrough): each share a percent above 0% and at most 100%, and the shares
 * of one group (a class's model, a fund's look-through) adding up to 100%.
 */
import { CellRef } from "./portfolio";
import { ContractError, contractError } from "./errors";
import { describe, readPercent } from "./cells";
import { TableRow } from "./table";
import { TARGET_SUM_TOLERANCE } from "./targets";

/** The row's Share as a fraction, or null (the problem reported at its cell). */
export function readShare(row: TableRow, errors: ContractError[]): number | null {
  const cell = row.get("Share");
  const p = readPercent(cell);
  if (!p.ok || !(p.value > 0) || p.value > 1) {
    const r = row.ref("Share");
    errors.push(contractError(r.sheet, r.cell, `Share must be a percent above 0% and at most 100%, like 60% or 0.6 (found ${describe(cell)})`));
    return null;
  }
  return p.value;
}

/** Sums shares by group and reports, at the group's last Share cell, each group that does not add up to 100%. */
export class ShareSums {
  private readonly groups = new Map<string, { label: string; sum: number; last: CellRef; failed: boolean }>();

  /** `share` null: the row's share had a problem of its own, so the group's sum is not checked. */
  add(key: string, label: string, share: number | null, ref: CellRef): void {
    const g = this.groups.get(key) ?? { label, sum: 0, last: ref, failed: false };
    if (share === null) g.failed = true;
    else g.sum += share;
    g.last = ref;
    this.groups.set(key, g);
  }

  check(errors: ContractError[]): void {
    for (const g of this.groups.values()) {
      if (g.failed || Math.abs(g.sum - 1) <= TARGET_SUM_TOLERANCE) continue;
      errors.push(contractError(g.last.sheet, g.last.cell, `${g.label} sum to ${(g.sum * 100).toFixed(2)}%, expected 100%`));
    }
  }
}

/**
 * Tolerance bands. The band of a class is the allowed drift (in fractions, 0.05 = 5 points):
 * the absolute band, the relative band times the target, or the smaller of the two when both apply.
 * Out of band is strictly greater than the band.
 */

export type BandStatus = "In band" | "Over" | "Under";

/** Tolerance used to compare floating fractions (weights are value ÷ total). */
export const WEIGHT_EPSILON = 1e-12;

/** The allowed drift for a class; null means "not applied". Neither applied gives 0 (any drift is out). */
export function bandWidth(target: number, abs: number | null, rel: number | null): number {
  const candidates: number[] = [];
  if (abs !== null) candidates.push(abs);
  if (rel !== null) candidates.push(rel * target);
  return candidates.length === 0 ? 0 : Math.min(...candidates);
}

/** Low and high edges of the band around a target (low never below 0). */
export function bandEdges(target: number, width: number): { low: number; high: number } {
  return { low: Math.max(0, target - width), high: target + width };
}

/** In band, Over or Under for a drift (weight − target) against a band width. */
export function bandStatus(drift: number, width: number): BandStatus {
  if (drift > width + WEIGHT_EPSILON) return "Over";
  if (drift < -width - WEIGHT_EPSILON) return "Under";
  return "In band";
}

/** Relative drift = drift ÷ target; 0 when both are 0; ±Infinity is avoided by returning null for a zero target with drift. */
export function relativeDrift(drift: number, target: number): number | null {
  if (target === 0) return drift === 0 ? 0 : null;
  return drift / target;
}

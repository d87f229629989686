/** The band of each class under a backtest policy, and the weights a rebalance moves to. */
import { RebalanceTo } from "../contract/portfolio";

/**
 * Each class's band as a fraction: the smaller of the absolute band and the relative band × target
 * when both are set, the one that is set otherwise, and 0 (any difference at all) when neither is.
 */
export function bandsFor(targets: Float64Array, absBand: number | null, relBand: number | null): Float64Array {
  return targets.map((t) => {
    const rel = relBand === null ? Infinity : relBand * t;
    const abs = absBand === null ? Infinity : absBand;
    const band = Math.min(rel, abs);
    return band === Infinity ? 0 : band;
  });
}

/** Differences this small are floating-point rounding, not drift (a band of 0 would otherwise trade on noise). */
export const DRIFT_EPSILON = 1e-12;

/** True when |weight − target| is strictly greater than the band (beyond rounding). */
export function outOfBand(weight: number, target: number, band: number): boolean {
  return Math.abs(weight - target) - band > DRIFT_EPSILON;
}

/**
 * The weights after a rebalance, written into `into`. Target: every class to its target. Band Edge:
 * each out-of-band class to its nearer band edge; Halfway: halfway between that edge and the target
 * (the add-in's meaning of both); the classes inside their bands keep their proportions and share
 * what is left. When every class is out of band, the moved weights are scaled to sum to 1.
 */
export function rebalanceWeights(weights: Float64Array, targets: Float64Array, bands: Float64Array, mode: RebalanceTo, into: Float64Array): Float64Array {
  const m = weights.length;
  if (mode === "Target") {
    into.set(targets);
    return into;
  }
  let moved = 0;
  let kept = 0;
  for (let i = 0; i < m; i++) {
    const w = weights[i];
    const t = targets[i];
    if (outOfBand(w, t, bands[i])) {
      const edge = w > t ? t + bands[i] : Math.max(0, t - bands[i]);
      into[i] = mode === "Halfway" ? (edge + t) / 2 : edge;
      moved += into[i];
    } else {
      into[i] = -1;
      kept += w;
    }
  }
  const scale = kept > 0 ? Math.max(0, 1 - moved) / kept : 0;
  let sum = 0;
  for (let i = 0; i < m; i++) {
    if (into[i] < 0) into[i] = weights[i] * scale;
    sum += into[i];
  }
  if (Math.abs(sum - 1) > DRIFT_EPSILON && sum > 0) for (let i = 0; i < m; i++) into[i] /= sum;
  return into;
}

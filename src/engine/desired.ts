/**
 * Desired class values after rebalancing, per "Rebalance To":
 * - Target: every class to its target; classes that cannot move (locked, unbuyable, cash reserves)
 *   are pinned and the others share what is left in proportion to their targets.
 * - Band Edge / Halfway: only out-of-band classes move, to the nearest edge or halfway between
 *   edge and target; cash absorbs the difference.
 */
import Decimal from "decimal.js";
import { RebalanceTo } from "../contract/portfolio";
import { ClassRow } from "./types";

export interface Bounds {
  /** The least the class can hold after trading. */
  min: Decimal;
  /** The most the class can hold after trading (null = unbounded). */
  max: Decimal | null;
}

/** What trading can do to each class: never below its unsellable part, never above its value if it cannot be bought. */
export function classBounds(c: ClassRow, isCash: boolean, reserves: Decimal): Bounds {
  if (isCash) return { min: Decimal.min(reserves, c.value), max: null };
  const min = c.value.minus(c.sellableValue);
  return { min, max: c.buyable ? null : c.value };
}

function clamp(v: Decimal, b: Bounds): Decimal {
  let x = Decimal.max(v, b.min);
  if (b.max !== null) x = Decimal.min(x, b.max);
  return x;
}

/** Target mode: water-filling over the classes that can move. */
function toTargets(classes: ClassRow[], bounds: Bounds[], total: Decimal, cashIndex: number): Decimal[] {
  const desired: (Decimal | null)[] = classes.map(() => null);
  for (let round = 0; round <= classes.length; round++) {
    const free = classes.map((_, i) => i).filter((i) => desired[i] === null);
    const pinned = desired.reduce<Decimal>((s, d) => (d ? s.plus(d) : s), new Decimal(0));
    const rest = total.minus(pinned);
    // Targets are summed as decimals: 0.1 + 0.2 + 0.3 + 0.4 must be exactly 1 here.
    const weightSum = free.reduce((s, i) => s.plus(classes[i].target), new Decimal(0));
    const trial = new Map<number, Decimal>();
    for (const i of free) {
      const share = weightSum.gt(0) ? rest.times(classes[i].target).div(weightSum) : i === cashIndex ? rest : new Decimal(0);
      trial.set(i, share);
    }
    const violators = free.filter((i) => !clamp(trial.get(i)!, bounds[i]).eq(trial.get(i)!));
    if (violators.length === 0) {
      for (const i of free) desired[i] = trial.get(i)!;
      break;
    }
    for (const i of violators) desired[i] = clamp(trial.get(i)!, bounds[i]);
  }
  return desired.map((d, i) => d ?? classes[i].value);
}

/** Band Edge / Halfway: move only the out-of-band classes; cash takes up the difference. */
function toBand(classes: ClassRow[], bounds: Bounds[], total: Decimal, cashIndex: number, mode: RebalanceTo): Decimal[] {
  const desired = classes.map((c, i) => {
    if (i === cashIndex || (c.status !== "Over" && c.status !== "Under")) return c.value;
    const edge = c.status === "Over" ? c.bandHigh : c.bandLow;
    const weight = mode === "Halfway" ? (edge + c.target) / 2 : edge;
    return clamp(total.times(weight), bounds[i]);
  });
  const cash = classes[cashIndex];
  if (cash.status === "Over" || cash.status === "Under") {
    // Cash itself out of band: move it too, spreading the difference over the classes that can take it, by target.
    const edge = cash.status === "Over" ? cash.bandHigh : cash.bandLow;
    const weight = mode === "Halfway" ? (edge + cash.target) / 2 : edge;
    const goal = clamp(total.times(weight), bounds[cashIndex]);
    const others = desired.reduce((s, d, i) => (i === cashIndex ? s : s.plus(d)), new Decimal(0));
    const spread = total.minus(goal).minus(others);
    const movable = classes.map((_, i) => i).filter((i) => i !== cashIndex && (spread.gt(0) ? bounds[i].max === null : true));
    const weightSum = movable.reduce((s, i) => s + classes[i].target, 0);
    if (weightSum > 0) {
      for (const i of movable) desired[i] = clamp(desired[i].plus(spread.times(classes[i].target).div(weightSum)), bounds[i]);
    }
  }
  const nonCash = desired.reduce((s, d, i) => (i === cashIndex ? s : s.plus(d)), new Decimal(0));
  desired[cashIndex] = total.minus(nonCash);
  return desired;
}

/** Desired value per class (same order as classes). The Cash class is the one named cashClass. */
export function desiredValues(classes: ClassRow[], total: Decimal, cashClass: string, reserves: Decimal, mode: RebalanceTo): Decimal[] {
  const cashIndex = classes.findIndex((c) => c.assetClass === cashClass);
  const bounds = classes.map((c, i) => classBounds(c, i === cashIndex, reserves));
  if (mode !== "Target") return toBand(classes, bounds, total, cashIndex, mode);
  // When some classes cannot reach their targets, the others share the rest in proportion to their
  // targets, but no class is pushed further from its target than the worst drift found today.
  const worst = Math.max(...classes.map((c) => Math.abs(c.drift)));
  const capped = bounds.map((b, i): Bounds => {
    const t = classes[i].target;
    const lo = total.times(Math.max(0, t - worst));
    const hi = total.times(t + worst);
    const min = Decimal.max(b.min, Decimal.min(lo, classes[i].value));
    const maxCap = Decimal.max(hi, classes[i].value);
    return { min, max: b.max === null ? maxCap : Decimal.min(b.max, maxCap) };
  });
  return toTargets(classes, capped, total, cashIndex);
}

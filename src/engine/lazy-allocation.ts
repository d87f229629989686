/**
 * Optimal lazy rebalancing (Mao): put a contribution to work, or take a withdrawal out, without
 * any other trade, so that afterwards the portfolio is as close to its targets as buys alone
 * (or sells alone) can bring it.
 *
 * Contribution C > 0. After investing, the total is T' = T + C and class i's ratio to its target
 * is r_i = v_i' / (t_i T'). The allocation maximises the smallest ratio (equivalently, minimises
 * the largest relative shortfall 1 − r_i) by water-filling: the classes with the lowest ratio are
 * topped up together, all to one common level L, and L rises until C is spent. Since
 * Σ t_i T' − Σ v_i = C, the level never passes 1: C can at most bring every class to exactly its
 * target (a contribution big enough to do so is split so that every class lands on target).
 * Classes with a 0% target are never bought.
 *
 * Withdrawal C < 0 mirrors it: the classes with the highest ratio are sold down together to a
 * common level (never below 1, so never below 0 dollars); classes with a 0% target are sold first,
 * down to 0. A withdrawal larger than the portfolio is refused.
 *
 * Inputs accept numbers, numeric strings or Decimals (per-class dollar values and target weights);
 * targets are normalised by their sum. The work is done in Decimal, so results are exact to far
 * below a cent; `lazyAllocation` rounds them to cents so that they add up to C exactly.
 */
import Decimal from "decimal.js";

/** Internal precision, well beyond what 20-digit default Decimals need for trillion-dollar totals to the cent. */
const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
type Dec = InstanceType<typeof D>;

const ZERO = new D(0);

function check(values: Decimal.Value[], targets: Decimal.Value[]): { v: Dec[]; t: Dec[] } {
  if (values.length !== targets.length) {
    throw new RangeError(`lazy allocation needs one target per value (${values.length} values, ${targets.length} targets)`);
  }
  const v = values.map((x, i) => {
    const d = new D(x);
    if (!d.isFinite() || d.isNegative()) throw new RangeError(`value ${i + 1} must be 0 or more (found ${String(x)})`);
    return d;
  });
  const raw = targets.map((x, i) => {
    const d = new D(x);
    if (!d.isFinite() || d.isNegative()) throw new RangeError(`target ${i + 1} must be 0 or more (found ${String(x)})`);
    return d;
  });
  const sum = raw.reduce((s, x) => s.plus(x), ZERO);
  if (!sum.gt(0)) throw new RangeError("lazy allocation needs targets that add up to more than 0");
  return { v, t: raw.map((x) => x.div(sum)) };
}

/**
 * The water-filling both directions share. Filling up (direction 1), the classes with the lowest
 * value/target ratios are bought together up to one common level until `amount` is spent; drawing
 * down (−1), those with the highest are sold down together until `amount` is raised. Classes with a
 * 0% target take no part. Returns each class's trade (bought > 0, sold < 0).
 */
function levelTo(v: Dec[], t: Dec[], amount: Dec, direction: 1 | -1): Dec[] {
  const out = v.map(() => ZERO);
  const order = v
    .map((_, i) => i)
    .filter((i) => t[i].gt(0))
    .map((i) => ({ i, ratio: v[i].div(t[i]) }))
    .sort((a, b) => direction * a.ratio.comparedTo(b.ratio) || a.i - b.i);
  let sumV = ZERO;
  let sumT = ZERO;
  for (let k = 0; k < order.length; k++) {
    sumV = sumV.plus(v[order[k].i]);
    sumT = sumT.plus(t[order[k].i]);
    const next = order[k + 1];
    // Dollars that take the group (order[0..k]) to the next class's ratio: bought filling up, freed drawing down.
    if (next && next.ratio.times(sumT).minus(sumV).times(direction).lt(amount)) continue;
    // The group's common level, in dollars per unit of target: every member ends at level × t_i (never below 0).
    const level = D.max(sumV.plus(amount.times(direction)), ZERO).div(sumT);
    for (let j = 0; j <= k; j++) {
      const i = order[j].i;
      out[i] = level.times(t[i]).minus(v[i]);
    }
    break;
  }
  return out;
}

/** Buys only: water-fill the lowest value/target ratios up to a common level until `amount` (> 0) is spent. */
function fillUp(v: Dec[], t: Dec[], amount: Dec): Dec[] {
  return levelTo(v, t, amount, 1);
}

/** Sells only: classes with a 0% target first (to 0), then the highest ratios down to a common level. */
function drawDown(v: Dec[], t: Dec[], amount: Dec): Dec[] {
  const out = v.map(() => ZERO);
  let left = amount;
  // Classes with a 0% target are infinitely over it: they are sold first. When the withdrawal is
  // smaller than all of them together, it is taken from them in proportion to their values.
  const untargeted = v.map((_, i) => i).filter((i) => t[i].isZero() && v[i].gt(0));
  const untargetedTotal = untargeted.reduce((s, i) => s.plus(v[i]), ZERO);
  if (untargetedTotal.gte(left)) {
    for (const i of untargeted) out[i] = v[i].times(left).div(untargetedTotal).neg();
    return out;
  }
  for (const i of untargeted) out[i] = v[i].neg();
  left = left.minus(untargetedTotal);
  const drawn = levelTo(v, t, left, -1);
  return out.map((o, i) => (t[i].gt(0) ? drawn[i] : o));
}

/**
 * Exact allocation (not rounded): per class, dollars to buy (+, contribution) or sell (−, withdrawal).
 * The parts add up to cashFlow.
 */
export function lazyAllocationExact(values: Decimal.Value[], targets: Decimal.Value[], cashFlow: Decimal.Value): Decimal[] {
  const { v, t } = check(values, targets);
  const c = new D(cashFlow);
  if (!c.isFinite()) throw new RangeError(`cash flow must be a finite amount (found ${String(cashFlow)})`);
  const total = v.reduce((s, x) => s.plus(x), ZERO);
  if (c.isNegative() && c.abs().gt(total)) {
    throw new RangeError(`a withdrawal of ${c.abs().toFixed(2)} is more than the portfolio's ${total.toFixed(2)}`);
  }
  const parts = c.isZero() ? v.map(() => ZERO) : c.gt(0) ? fillUp(v, t, c) : drawDown(v, t, c.abs());
  return parts.map((p) => new Decimal(p.toString()));
}

/**
 * Splits `total` (a whole number of units of 10^-places, ≥ 0) into parts rounded to `places` that add up
 * to it exactly: each exact part is rounded toward zero, and the units left over go to the parts with the
 * largest remainders (first listed on ties), never pushing a part beyond its cap (when caps are given).
 */
export function roundPreservingSum(exact: Decimal.Value[], total: Decimal.Value, places = 2, caps?: Decimal.Value[]): Decimal[] {
  const unit = new D(10).pow(-places);
  const x = exact.map((e) => new D(e));
  const rounded = x.map((e) => e.toDecimalPlaces(places, Decimal.ROUND_DOWN));
  const goal = new D(total).toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
  let left = goal.minus(rounded.reduce((s, r) => s.plus(r), ZERO)).div(unit).round().toNumber();
  const capOf = (i: number) => (caps ? new D(caps[i]) : null);
  const order = x.map((_, i) => i).sort((a, b) => x[b].minus(rounded[b]).comparedTo(x[a].minus(rounded[a])) || a - b);
  for (let pass = 0; pass < 2 && left > 0; pass++) {
    for (const i of order) {
      if (left <= 0) break;
      // First pass: only parts with a remainder; second pass (rare: caps blocked them): anyone with room.
      if (pass === 0 && x[i].minus(rounded[i]).lte(0)) continue;
      const cap = capOf(i);
      if (cap && rounded[i].plus(unit).gt(cap)) continue;
      rounded[i] = rounded[i].plus(unit);
      left--;
    }
  }
  if (left !== 0) throw new RangeError(`cannot split ${goal.toFixed(places)} within the caps`);
  return rounded.map((r) => new Decimal(r.toString()));
}

/**
 * The optimal lazy allocation rounded to `places` (default: cents): per class, dollars to buy (+) or
 * sell (−). The parts add up to cashFlow rounded to `places` exactly; a contribution never sells,
 * a withdrawal never buys and never sells more than a class holds.
 */
export function lazyAllocation(values: Decimal.Value[], targets: Decimal.Value[], cashFlow: Decimal.Value, places = 2): Decimal[] {
  const flow = new D(cashFlow).toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
  const exact = lazyAllocationExact(values, targets, flow.toString());
  if (flow.isZero()) return exact.map(() => new Decimal(0));
  const sign = flow.isNegative() ? -1 : 1;
  const magnitudes = exact.map((e) => e.abs());
  const caps = sign < 0 ? values.map((v) => new Decimal(v)) : undefined;
  return roundPreservingSum(magnitudes, flow.abs(), places, caps).map((m) => (sign < 0 && !m.isZero() ? m.neg() : m));
}

/**
 * One rebalance of the simulated portfolio: every class moved to its new weight, the costs (basis
 * points of the value traded, each side) and, in a taxable account, the tax on the net realised gain
 * (average cost per class; losses offset gains within the rebalance, nothing carries forward) paid
 * from the portfolio. The weights after the rebalance are exactly the new weights: the value x left
 * after paying is the root of x + cost(x) + tax(x) = value before, found by Newton's method on this
 * piecewise-linear function, kept inside [0, value].
 */

export interface TradeOutcome {
  /** Value after trading and paying. */
  value: number;
  cost: number;
  tax: number;
  /** Value bought (one way). */
  bought: number;
}

/** cost(x) + tax(x) and its slope, when the portfolio worth x after paying holds weights d. */
function charges(x: number, holdings: Float64Array, basis: Float64Array, weights: Float64Array, costRate: number, taxRate: number): [number, number] {
  let traded = 0;
  let tradedSlope = 0;
  let gain = 0;
  let gainSlope = 0;
  for (let i = 0; i < holdings.length; i++) {
    const h = holdings[i];
    const delta = weights[i] * x - h;
    if (delta >= 0) {
      traded += delta;
      tradedSlope += weights[i];
    } else {
      traded -= delta;
      tradedSlope -= weights[i];
      if (taxRate > 0) {
        const gainShare = 1 - basis[i] / h;
        gain -= delta * gainShare;
        gainSlope -= weights[i] * gainShare;
      }
    }
  }
  const taxed = gain > 0;
  return [costRate * traded + (taxed ? taxRate * gain : 0), costRate * tradedSlope + (taxed ? taxRate * gainSlope : 0)];
}

/**
 * Moves `holdings` (values per class) to `weights` of what is left after costs and tax, updating
 * `basis` (average cost: a sale takes its share of the basis, a purchase adds its cost). `before` is
 * the holdings' total.
 */
export function rebalanceHoldings(holdings: Float64Array, basis: Float64Array, weights: Float64Array, before: number, costRate: number, taxRate: number, out: TradeOutcome): TradeOutcome {
  let x = before;
  if (costRate > 0 || taxRate > 0) {
    let lo = 0;
    let hi = before;
    for (let step = 0; step < 100; step++) {
      const [paid, slope] = charges(x, holdings, basis, weights, costRate, taxRate);
      const f = x + paid - before;
      if (Math.abs(f) <= 1e-15 * before) break;
      if (f > 0) hi = x;
      else lo = x;
      let next = x - f / (1 + slope);
      if (!(next > lo && next < hi)) next = (lo + hi) / 2;
      if (next === x) break;
      x = next;
    }
  }
  let cost = 0;
  let bought = 0;
  let gain = 0;
  for (let i = 0; i < holdings.length; i++) {
    const h = holdings[i];
    const after = weights[i] * x;
    const delta = after - h;
    if (delta >= 0) {
      bought += delta;
      cost += delta;
      basis[i] += delta;
    } else {
      cost -= delta;
      gain -= delta * (1 - basis[i] / h);
      basis[i] *= after / h;
    }
    holdings[i] = after;
  }
  out.value = x;
  out.cost = costRate * cost;
  out.tax = taxRate > 0 && gain > 0 ? taxRate * gain : 0;
  out.bought = bought;
  return out;
}

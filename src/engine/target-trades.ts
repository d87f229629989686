/** Dollar trades that bring a list of class values to their targets: the arithmetic of REBAL.TRADES "full". */
import Decimal from "decimal.js";
import { roundPreservingSum } from "./lazy-allocation";

/**
 * Full rebalance with a cash flow: every class to its target of the new total (values + cashFlow).
 * The desired values are cents that add up to the new total exactly, so the trades add up to the cash flow.
 */
export function fullRebalance(values: Decimal[], targets: number[], cashFlow: Decimal): Decimal[] {
  const after = values.reduce((s, v) => s.plus(v), new Decimal(0)).plus(cashFlow);
  const sum = targets.reduce((s, t) => s.plus(t), new Decimal(0));
  const exact = targets.map((t) => after.times(t).div(sum));
  const desired = roundPreservingSum(exact, after, 2);
  return desired.map((d, k) => d.minus(values[k]).toDecimalPlaces(2, Decimal.ROUND_HALF_UP));
}

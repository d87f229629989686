/**
 * One policy over one return series. Start fully invested at the targets with value 1; each period
 * every class grows by its return and the weights are observed at the period's end; at a check
 * (every k-th period end) any class out of band rebalances the portfolio (see bands.ts, trade.ts).
 * Plain numbers and typed arrays: a backtest is a long float loop, not money.
 */
import { BacktestPolicy, ReturnSeries } from "../contract/backtest";
import { bandsFor, outOfBand, rebalanceWeights } from "./bands";
import { checkInterval } from "./schedule";
import { TradeOutcome, rebalanceHoldings } from "./trade";

export interface Simulation {
  /** Value at each period end after any rebalance and its costs and tax; values[0] = 1, the start. */
  values: Float64Array;
  /** The first class's drift (weight − target) at each period end, before any rebalance. */
  firstDrift: Float64Array;
  /** Sum over periods of each class's period-end weight before any rebalance. */
  weightSums: Float64Array;
  /** Periods at whose end the portfolio was rebalanced (0-based). */
  eventPeriods: number[];
  /** Sum over rebalances of the value bought ÷ the portfolio's value before the rebalance. */
  boughtShare: number;
  costs: number;
  taxes: number;
  /** Final value per class, and its cost basis (average cost). */
  holdings: Float64Array;
  basis: Float64Array;
}

/** Runs the policy; `targets` are in the series' class order and sum to 1. */
export function simulate(series: ReturnSeries, targets: Float64Array, policy: BacktestPolicy): Simulation {
  const m = series.classes.length;
  const n = series.dates.length;
  const r = series.returns;
  const k = checkInterval(policy.check, series.periodsPerYear);
  const bands = bandsFor(targets, policy.absBand, policy.relBand);
  const costRate = policy.costBps / 10000;
  const taxRate = policy.taxRate ?? 0;
  const holdings = Float64Array.from(targets);
  const basis = Float64Array.from(targets);
  const weights = new Float64Array(m);
  const next = new Float64Array(m);
  const values = new Float64Array(n + 1);
  const firstDrift = new Float64Array(n);
  const weightSums = new Float64Array(m);
  const eventPeriods: number[] = [];
  const outcome: TradeOutcome = { value: 0, cost: 0, tax: 0, bought: 0 };
  let boughtShare = 0;
  let costs = 0;
  let taxes = 0;
  values[0] = 1;
  for (let p = 0; p < n; p++) {
    let value = 0;
    const row = p * m;
    for (let i = 0; i < m; i++) {
      holdings[i] *= 1 + r[row + i];
      value += holdings[i];
    }
    const checking = k > 0 && (p + 1) % k === 0;
    let triggered = false;
    for (let i = 0; i < m; i++) {
      const w = holdings[i] / value;
      weights[i] = w;
      weightSums[i] += w;
      if (checking && !triggered && outOfBand(w, targets[i], bands[i])) triggered = true;
    }
    firstDrift[p] = weights[0] - targets[0];
    if (triggered) {
      rebalanceWeights(weights, targets, bands, policy.rebalanceTo, next);
      rebalanceHoldings(holdings, basis, next, value, costRate, taxRate, outcome);
      boughtShare += outcome.bought / value;
      costs += outcome.cost;
      taxes += outcome.tax;
      value = outcome.value;
      eventPeriods.push(p);
    }
    values[p + 1] = value;
  }
  return { values, firstDrift, weightSums, eventPeriods, boughtShare, costs, taxes, holdings, basis };
}

/**
 * What a backtest reports per policy, from its simulation. Period returns are the changes of the
 * value after each period's rebalance (so costs and tax are in them, and compounding them gives the
 * final value).
 */
import { BacktestPolicy, ReturnSeries } from "../contract/backtest";
import { Simulation } from "./simulate";

export interface BacktestMetrics {
  /** Annualised geometric return: finalValue^(periods per year ÷ periods) − 1. */
  annualReturn: number;
  /** Sample standard deviation (n − 1) of the period returns × √(periods per year); null with one period. */
  annualVolatility: number | null;
  /** Mean ÷ sample standard deviation of the period returns over Risk Free, × √(periods per year); null without Risk Free. */
  sharpe: number | null;
  /** The largest fall from a peak of the value, as a fraction of the peak (0.25 = 25%). */
  maxDrawdown: number;
  /** Mean of each class's period-end weight before any rebalance, by class. */
  averageWeights: Record<string, number>;
  /** Rebalances made. */
  events: number;
  /** Sum over rebalances of the value bought ÷ the portfolio's value, divided by the years. */
  annualTurnover: number;
  /** Costs paid, in the units of the start value (1). */
  totalCosts: number;
  finalValue: number;
  /** With a tax rate: the tax paid at rebalances. */
  taxesPaid?: number;
  /** With a tax rate: the final value less the tax on selling everything at the end (net unrealised gain). */
  afterTaxFinalValue?: number;
}

/** Sample mean and standard deviation (n − 1) of xs[i] − ys[i] (ys null: of xs). */
function meanAndDeviation(xs: Float64Array, ys: Float64Array | null): [number, number] {
  const n = xs.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += xs[i] - (ys ? ys[i] : 0);
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = xs[i] - (ys ? ys[i] : 0) - mean;
    squares += d * d;
  }
  return [mean, n > 1 ? Math.sqrt(squares / (n - 1)) : NaN];
}

export function backtestMetrics(sim: Simulation, series: ReturnSeries, policy: BacktestPolicy): BacktestMetrics {
  const n = series.dates.length;
  const ppy = series.periodsPerYear;
  const values = sim.values;
  const periodReturns = new Float64Array(n);
  let peak = values[0];
  let maxDrawdown = 0;
  for (let p = 0; p < n; p++) {
    periodReturns[p] = values[p + 1] / values[p] - 1;
    peak = Math.max(peak, values[p + 1]);
    maxDrawdown = Math.max(maxDrawdown, (peak - values[p + 1]) / peak);
  }
  const finalValue = values[n];
  const [, deviation] = meanAndDeviation(periodReturns, null);
  let sharpe: number | null = null;
  if (series.riskFree && n > 1) {
    const [excess, excessDeviation] = meanAndDeviation(periodReturns, series.riskFree);
    sharpe = excessDeviation > 0 ? (excess / excessDeviation) * Math.sqrt(ppy) : null;
  }
  const averageWeights: Record<string, number> = {};
  series.classes.forEach((c, i) => (averageWeights[c] = sim.weightSums[i] / n));
  const metrics: BacktestMetrics = {
    annualReturn: Math.pow(finalValue, ppy / n) - 1,
    annualVolatility: n > 1 ? deviation * Math.sqrt(ppy) : null,
    sharpe,
    maxDrawdown,
    averageWeights,
    events: sim.eventPeriods.length,
    annualTurnover: sim.boughtShare / (n / ppy),
    totalCosts: sim.costs,
    finalValue,
  };
  if (policy.taxRate !== null) {
    let unrealised = 0;
    for (let i = 0; i < sim.holdings.length; i++) unrealised += sim.holdings[i] - sim.basis[i];
    metrics.taxesPaid = sim.taxes;
    metrics.afterTaxFinalValue = finalValue - policy.taxRate * Math.max(0, unrealised);
  }
  return metrics;
}

/**
 * The backtest on series of one to six periods, every figure computed by hand (the working is in the
 * comments): each metric, each Rebalance To, costs and tax paid from the portfolio, the check calendar.
 */
import { BacktestPolicy, ReturnSeries } from "../../src/contract/backtest";
import { simulate } from "../../src/backtest/simulate";
import { backtestMetrics } from "../../src/backtest/metrics";
import { checkInterval } from "../../src/backtest/schedule";
import { bandsFor, rebalanceWeights } from "../../src/backtest/bands";

const series = (classes: string[], rows: number[][], periodsPerYear = 1, riskFree: number[] | null = null): ReturnSeries => ({
  dates: rows.map((_, p) => `${2001 + p}-12-31`),
  classes,
  returns: Float64Array.from(rows.flat()),
  riskFree: riskFree ? Float64Array.from(riskFree) : null,
  periodsPerYear,
  periodsFrom: "dates",
});
const policy = (over: Partial<BacktestPolicy> = {}): BacktestPolicy => ({
  name: "p",
  check: "Every Period",
  absBand: 0,
  relBand: null,
  rebalanceTo: "Target",
  costBps: 0,
  taxRate: null,
  ref: null,
  ...over,
});
const run = (s: ReturnSeries, targets: number[], p: BacktestPolicy) => {
  const sim = simulate(s, Float64Array.from(targets), p);
  return { sim, metrics: backtestMetrics(sim, s, p) };
};

// 60/40, two years: stocks +50% then −20%, bonds 0% then +10%.
const twoYears = series(["Stocks", "Bonds"], [[0.5, 0], [-0.2, 0.1]], 1, [0.01, 0.02]);

test("Never: buy and hold — every metric by hand", () => {
  // Year 1: 0.9 + 0.4 = 1.3 (weights 0.692308, 0.307692). Year 2: 0.72 + 0.44 = 1.16 (0.620690, 0.379310).
  const { sim, metrics } = run(twoYears, [0.6, 0.4], policy({ check: "Never" }));
  expect(sim.values[0]).toBe(1);
  expect(sim.values[1]).toBeCloseTo(1.3, 14);
  expect(metrics.finalValue).toBeCloseTo(1.16, 12);
  expect(metrics.annualReturn).toBeCloseTo(Math.sqrt(1.16) - 1, 12); // 7.7033%
  // Period returns 0.3 and 1.16/1.3 − 1 = −0.107692; sample sd = |0.3 + 0.107692| / √2 = 0.288282.
  expect(metrics.annualVolatility).toBeCloseTo((0.3 + 0.14 / 1.3) / Math.SQRT2, 12);
  // Excess returns 0.29 and −0.127692: mean 0.081154, sd 0.417692/√2 = 0.295353, Sharpe 0.274770.
  expect(metrics.sharpe).toBeCloseTo(0.081154 / 0.295353, 4);
  expect(metrics.maxDrawdown).toBeCloseTo(0.14 / 1.3, 12); // 1.3 → 1.16
  expect(metrics.averageWeights.Stocks).toBeCloseTo((0.9 / 1.3 + 0.72 / 1.16) / 2, 12); // 0.656499
  expect(metrics.averageWeights.Bonds).toBeCloseTo((0.4 / 1.3 + 0.44 / 1.16) / 2, 12);
  expect(metrics.events).toBe(0);
  expect(metrics.annualTurnover).toBe(0);
  expect(metrics.totalCosts).toBe(0);
  expect(metrics.taxesPaid).toBeUndefined();
  expect(Array.from(sim.firstDrift).map((d) => +d.toFixed(6))).toEqual([0.092308, 0.02069]);
});

test("Target every year with a 0% band: two rebalances, turnover from the buys", () => {
  // Year 1: 1.3, back to 0.78 / 0.52 (buys 0.12 of bonds: 0.092308 of the value).
  // Year 2: 0.624 + 0.572 = 1.196 (stocks 52.17%), back to 0.7176 / 0.4784 (buys 0.0936 of stocks: 0.078261).
  const { sim, metrics } = run(twoYears, [0.6, 0.4], policy());
  expect(sim.eventPeriods).toEqual([0, 1]);
  expect(metrics.finalValue).toBeCloseTo(1.196, 12);
  expect(metrics.annualReturn).toBeCloseTo(Math.sqrt(1.196) - 1, 12);
  expect(metrics.annualVolatility).toBeCloseTo((0.3 + 0.08) / Math.SQRT2, 12); // returns 0.3, −0.08
  expect(metrics.maxDrawdown).toBeCloseTo(0.104 / 1.3, 12);
  expect(metrics.annualTurnover).toBeCloseTo((0.12 / 1.3 + 0.0936 / 1.196) / 2, 12); // 0.085284
  expect(metrics.averageWeights.Stocks).toBeCloseTo((0.9 / 1.3 + 0.624 / 1.196) / 2, 12);
  expect(Array.from(sim.holdings).map((h) => +h.toFixed(10))).toEqual([0.7176, 0.4784]);
});

test("a band wide enough is never crossed: the same as buy and hold", () => {
  const { metrics } = run(twoYears, [0.6, 0.4], policy({ absBand: 0.1 }));
  // Drifts 9.23 and 2.07 points: inside 10.
  expect(metrics.events).toBe(0);
  expect(metrics.finalValue).toBeCloseTo(1.16, 12);
});

test("costs in basis points of the value traded, paid from the portfolio, weights after exactly on target", () => {
  // 100 bps. Year 1 before: 0.9 / 0.4 = 1.3; after x: 0.6x / 0.4x with x + 0.01 (0.9 − 0.6x + 0.4x − 0.4) = 1.3,
  // so x = 1.295 / 0.998 = 1.297595; cost 0.002405 (traded 0.240481).
  const s = series(["Stocks", "Bonds"], [[0.5, 0]]);
  const { sim, metrics } = run(s, [0.6, 0.4], policy({ costBps: 100 }));
  expect(metrics.finalValue).toBeCloseTo(1.295 / 0.998, 12);
  expect(metrics.totalCosts).toBeCloseTo(1.3 - 1.295 / 0.998, 12);
  expect(sim.holdings[0] / metrics.finalValue).toBeCloseTo(0.6, 14);
  // Bought 0.4x − 0.4 = 0.119038, over the value before (1.3).
  expect(metrics.annualTurnover).toBeCloseTo((0.4 * (1.295 / 0.998) - 0.4) / 1.3, 12);
});

test("a taxable account: the tax on the realised gain paid from the portfolio, and the after-tax value", () => {
  // 30%. Stocks 0.9 on a basis of 0.6 (a third is gain). Selling s = 0.9 − 0.6x realises s/3, taxed 0.1 s:
  // x + 0.1 (0.9 − 0.6x) = 1.3 → x = 1.21 / 0.94 = 1.287234; tax 0.012766.
  // Basis after: stocks 0.6 × 0.6x/0.9 = 0.514894, bonds 0.4 + (0.4x − 0.4) = 0.514894; unrealised 0.257447,
  // taxed on selling at the end: 1.287234 − 0.3 × 0.257447 = 1.21 — as buy and hold sold at the end (1.3 − 0.3 × 0.3).
  const s = series(["Stocks", "Bonds"], [[0.5, 0]]);
  const { metrics } = run(s, [0.6, 0.4], policy({ taxRate: 0.3 }));
  expect(metrics.finalValue).toBeCloseTo(1.21 / 0.94, 12);
  expect(metrics.taxesPaid).toBeCloseTo(1.3 - 1.21 / 0.94, 12);
  expect(metrics.afterTaxFinalValue).toBeCloseTo(1.21, 12);
  const held = run(s, [0.6, 0.4], policy({ check: "Never", taxRate: 0.3 })).metrics;
  expect(held.taxesPaid).toBe(0);
  expect(held.afterTaxFinalValue).toBeCloseTo(1.21, 12);
});

test("losses offset gains within a rebalance: no tax when the net is a loss", () => {
  // One rebalance selling a gain and a loss: 40/40/20; A +20% → 0.48 (basis 0.4: a sixth of each dollar sold is gain),
  // B −5% → 0.38 (basis 0.4: a loss of 1/19 of each dollar sold), C −60% → 0.08. Total 0.94; Target keeps 0.4x of
  // A and of B, so both are sold, C bought. Net gain (0.48 − 0.4x)/6 − (0.38 − 0.4x)/19 > 0, taxed at 50%.
  const s = series(["A", "B", "C"], [[0.2, -0.05, -0.6]]);
  const { metrics } = run(s, [0.4, 0.4, 0.2], policy({ taxRate: 0.5 }));
  // x + 0.5 [(0.48 − 0.4x)/6 − (0.38 − 0.4x)/19] = 0.94 → x (1 − 0.5 (0.4/6 − 0.4/19)) = 0.94 − 0.5 (0.08 − 0.02)
  const x = (0.94 - 0.5 * (0.48 / 6 - 0.38 / 19)) / (1 - 0.5 * (0.4 / 6 - 0.4 / 19));
  expect(metrics.finalValue).toBeCloseTo(x, 12);
  expect(metrics.taxesPaid).toBeCloseTo(0.94 - x, 12);
  // Only a loss realised: A −10% → 0.36 on a basis of 0.4 is sold (B, C −40% are bought): no tax at all.
  const losses = run(series(["A", "B", "C"], [[-0.1, -0.4, -0.4]]), [0.4, 0.4, 0.2], policy({ taxRate: 0.5 })).metrics;
  expect(losses.events).toBe(1);
  expect(losses.taxesPaid).toBe(0);
  expect(losses.finalValue).toBeCloseTo(0.72, 12);
});

test("Band Edge and Halfway move only the out-of-band class; the others keep their proportions", () => {
  // 50/30/20 with a 5-point band; A +40%: 0.7 / 0.3 / 0.2 = 1.2, weights 58.33 / 25 / 16.67. Only A is out
  // (B's 5-point drift is not strictly more than 5). Band Edge: A to 55%, B and C share 45% as 25 : 16.67 → 27 / 18.
  // Halfway: A to (55 + 50)/2 = 52.5%, B and C share 47.5% → 28.5 / 19.
  const s = series(["A", "B", "C"], [[0.4, 0, 0]]);
  const edge = run(s, [0.5, 0.3, 0.2], policy({ absBand: 0.05, rebalanceTo: "Band Edge" }));
  expect(Array.from(edge.sim.holdings).map((h) => +(h / 1.2).toFixed(12))).toEqual([0.55, 0.27, 0.18]);
  expect(edge.metrics.annualTurnover).toBeCloseTo((0.024 + 0.016) / 1.2, 12);
  const half = run(s, [0.5, 0.3, 0.2], policy({ absBand: 0.05, rebalanceTo: "Halfway" }));
  expect(Array.from(half.sim.holdings).map((h) => +(h / 1.2).toFixed(12))).toEqual([0.525, 0.285, 0.19]);
  const target = run(s, [0.5, 0.3, 0.2], policy({ absBand: 0.05 }));
  expect(Array.from(target.sim.holdings).map((h) => +(h / 1.2).toFixed(12))).toEqual([0.5, 0.3, 0.2]);
});

test("bands: the smaller of absolute and relative × target; neither set is a band of 0", () => {
  expect(Array.from(bandsFor(Float64Array.from([0.6, 0.1]), 0.05, 0.25))).toEqual([0.05, 0.025]);
  expect(Array.from(bandsFor(Float64Array.from([0.6, 0.1]), null, 0.2)).map((b) => +b.toFixed(12))).toEqual([0.12, 0.02]);
  expect(Array.from(bandsFor(Float64Array.from([0.6, 0.1]), null, null))).toEqual([0, 0]);
  // Every class out of band (rel bands of 12 and 8 points): the edges 72% and 32% are scaled to sum to 100%.
  const into = new Float64Array(2);
  rebalanceWeights(Float64Array.from([0.75, 0.25]), Float64Array.from([0.6, 0.4]), Float64Array.from([0.12, 0.08]), "Band Edge", into);
  expect(Array.from(into).map((w) => +w.toFixed(12))).toEqual([+(0.72 / 1.04).toFixed(12), +(0.32 / 1.04).toFixed(12)]);
});

test("the check calendar: Quarterly on monthly data looks at the ends of periods 3 and 6; Annual on annual data each period", () => {
  expect(checkInterval("Quarterly", 12)).toBe(3);
  expect(checkInterval("Annual", 12)).toBe(12);
  expect(checkInterval("Monthly", 1)).toBe(1);
  expect(checkInterval("Semiannual", 4)).toBe(2);
  expect(checkInterval("Monthly", 252)).toBe(21);
  expect(checkInterval("Never", 12)).toBe(0);
  const monthly = series(["Stocks", "Bonds"], Array.from({ length: 6 }, () => [0.02, 0]), 12);
  const { sim, metrics } = run(monthly, [0.6, 0.4], policy({ check: "Quarterly" }));
  expect(sim.eventPeriods).toEqual([2, 5]);
  expect(metrics.events).toBe(2);
  // Half a year: the annual figures scale by 12 / 6.
  expect(metrics.annualReturn).toBeCloseTo(Math.pow(metrics.finalValue, 2) - 1, 12);
});

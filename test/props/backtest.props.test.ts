/**
 * Properties of the backtest over random return series and policies (PROP_RUNS each, fixed seed):
 * checking every period with a 0% band keeps the weights at target after every event; Never makes no
 * event; what a rebalance pays (costs, tax) is exactly what the value loses; metrics agree with the
 * value path they summarise.
 */
import fc from "fast-check";
import { BacktestPolicy, CHECKS, ReturnSeries } from "../../src/contract/backtest";
import { REBALANCE_TO } from "../../src/contract/vocabulary";
import { simulate } from "../../src/backtest/simulate";
import { backtestMetrics } from "../../src/backtest/metrics";
import { PROP_RUNS, PROP_SEED } from "../support/households";

interface Case {
  series: ReturnSeries;
  targets: Float64Array;
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    m: fc.integer({ min: 1, max: 5 }),
    n: fc.integer({ min: 1, max: 40 }),
    periodsPerYear: fc.constantFrom(1, 4, 12, 252),
    seed: fc.array(fc.double({ min: -0.6, max: 0.8, noNaN: true }), { minLength: 200, maxLength: 200 }),
    weights: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 5, maxLength: 5 }),
  })
  .filter((c) => c.weights.slice(0, c.m).some((w) => w > 0))
  .map(({ m, n, periodsPerYear, seed, weights }) => {
    const w = weights.slice(0, m);
    const sum = w.reduce((s, x) => s + x, 0);
    return {
      series: {
        dates: Array.from({ length: n }, (_, p) => `${2000 + p}-12-31`),
        classes: Array.from({ length: m }, (_, i) => `C${i}`),
        returns: Float64Array.from({ length: n * m }, (_, j) => seed[j % seed.length] * (1 + (j % 7) / 10)),
        riskFree: null,
        periodsPerYear,
        periodsFrom: "dates" as const,
      },
      targets: Float64Array.from(w, (x) => x / sum),
    };
  });

const policyArb: fc.Arbitrary<BacktestPolicy> = fc.record({
  name: fc.constant("p"),
  check: fc.constantFrom(...CHECKS),
  absBand: fc.option(fc.double({ min: 0, max: 0.3, noNaN: true })),
  relBand: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
  rebalanceTo: fc.constantFrom(...REBALANCE_TO),
  costBps: fc.constantFrom(0, 5, 50, 500),
  taxRate: fc.option(fc.double({ min: 0, max: 0.5, noNaN: true })),
  ref: fc.constant(null),
});

describe("backtest properties", () => {
  test("every period with a 0% band, to Target: after each event the weights are the targets", () => {
    fc.assert(
      fc.property(caseArb, fc.constantFrom(0, 25), fc.option(fc.constantFrom(0.15, 0.3)), ({ series, targets }, costBps, taxRate) => {
        const p: BacktestPolicy = { name: "p", check: "Every Period", absBand: 0, relBand: null, rebalanceTo: "Target", costBps, taxRate, ref: null };
        const m = series.classes.length;
        // Replay period by period: the holdings after period p's event are read by simulating p + 1 periods.
        const full = simulate(series, targets, p);
        for (const e of full.eventPeriods.slice(-3)) {
          const cut = { ...series, dates: series.dates.slice(0, e + 1), returns: series.returns.slice(0, (e + 1) * m) };
          const sim = simulate(cut, targets, p);
          const value = sim.values[e + 1];
          for (let i = 0; i < m; i++) expect(Math.abs(sim.holdings[i] / value - targets[i])).toBeLessThan(1e-9);
        }
        expect(full.values.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
      }),
      { numRuns: PROP_RUNS, seed: PROP_SEED },
    );
  });

  test("Never makes no event, and its final value is the targets grown by each class's compound return", () => {
    fc.assert(
      fc.property(caseArb, policyArb, ({ series, targets }, p) => {
        const never = { ...p, check: "Never" as const };
        const sim = simulate(series, targets, never);
        expect(sim.eventPeriods).toEqual([]);
        const m = series.classes.length;
        let expected = 0;
        for (let i = 0; i < m; i++) {
          let g = targets[i];
          for (let t = 0; t < series.dates.length; t++) g *= 1 + series.returns[t * m + i];
          expected += g;
        }
        expect(Math.abs(sim.values[series.dates.length] - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, expected));
      }),
      { numRuns: PROP_RUNS, seed: PROP_SEED },
    );
  });

  test("what is paid is what is lost, the weights sum to 1, and the metrics agree with the path", () => {
    fc.assert(
      fc.property(caseArb, policyArb, ({ series, targets }, p) => {
        const sim = simulate(series, targets, p);
        const metrics = backtestMetrics(sim, series, p);
        const n = series.dates.length;
        // Growth without rebalancing charges: the value path divided by what each event paid.
        const total = sim.holdings.reduce((s, h) => s + h, 0);
        expect(Math.abs(total - sim.values[n])).toBeLessThanOrEqual(1e-9 * Math.max(1, total));
        expect(metrics.events).toBe(sim.eventPeriods.length);
        expect(metrics.totalCosts).toBeGreaterThanOrEqual(0);
        if (p.costBps === 0) expect(metrics.totalCosts).toBe(0);
        if (p.taxRate === null) expect(metrics.taxesPaid).toBeUndefined();
        else {
          expect(metrics.taxesPaid!).toBeGreaterThanOrEqual(0);
          expect(metrics.afterTaxFinalValue!).toBeLessThanOrEqual(metrics.finalValue + 1e-12);
        }
        const weightSum = Object.values(metrics.averageWeights).reduce((s, w) => s + w, 0);
        expect(Math.abs(weightSum - 1)).toBeLessThan(1e-9);
        // (Annualising a short series can leave 1 + annualReturn too small to invert in floating point.)
        if (1 + metrics.annualReturn > 1e-6) expect(Math.abs(Math.pow(1 + metrics.annualReturn, n / series.periodsPerYear) - metrics.finalValue)).toBeLessThanOrEqual(1e-8 * Math.max(1, metrics.finalValue));
        expect(metrics.maxDrawdown).toBeGreaterThanOrEqual(0);
        expect(metrics.maxDrawdown).toBeLessThanOrEqual(1);
        expect(metrics.annualTurnover).toBeGreaterThanOrEqual(0);
        if (n > 1) expect(metrics.annualVolatility!).toBeGreaterThanOrEqual(0);
        else expect(metrics.annualVolatility).toBeNull();
      }),
      { numRuns: PROP_RUNS, seed: PROP_SEED },
    );
  });

  test("a rebalance pays exactly costs + tax, and the weights after it are the weights it moved to", () => {
    fc.assert(
      fc.property(caseArb, policyArb, ({ series, targets }, p) => {
        const checked = { ...p, check: "Every Period" as const, absBand: 0, relBand: null };
        const one = { ...series, dates: series.dates.slice(0, 1), returns: series.returns.slice(0, series.classes.length) };
        const sim = simulate(one, targets, checked);
        const m = series.classes.length;
        let before = 0;
        for (let i = 0; i < m; i++) before += targets[i] * (1 + one.returns[i]);
        if (sim.eventPeriods.length === 0) {
          expect(Math.abs(sim.values[1] - before)).toBeLessThan(1e-12);
          return;
        }
        expect(Math.abs(before - sim.values[1] - sim.costs - sim.taxes)).toBeLessThanOrEqual(1e-12 * before);
      }),
      { numRuns: PROP_RUNS, seed: PROP_SEED },
    );
  });
});

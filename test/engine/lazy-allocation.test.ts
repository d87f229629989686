/**
 * Optimal lazy rebalancing (src/engine/lazy-allocation.ts): a hand-computed example and properties.
 */
import Decimal from "decimal.js";
import fc from "fast-check";
import { lazyAllocation, lazyAllocationExact, roundPreservingSum } from "../../src/engine/lazy-allocation";

const RUNS = Number(process.env.PROP_RUNS ?? 500);
const SEED = Number(process.env.PROP_SEED ?? 20261120);
const strs = (ds: Decimal[]) => ds.map((d) => d.toFixed(2));

describe("four-fund example, worked by hand", () => {
  // Values: A 50,000  B 20,000  C 25,000  D 5,000  (T = 100,000)
  // Targets: A 40%    B 20%     C 30%     D 10%
  const values = [50000, 20000, 25000, 5000];
  const targets = [0.4, 0.2, 0.3, 0.1];

  test("a $12,000 contribution tops up D, C and B to one common level; A gets nothing", () => {
    // T' = 112,000. Ratio to target in dollars per unit of target, v / t:
    //   A 125,000   B 100,000   C 83,333.33   D 50,000      (lowest first: D, C, B, A)
    // Lift {D} to C's 83,333.33: 83,333.33 × 0.1 − 5,000 = 3,333.33 < 12,000 → add C.
    // Lift {D, C} to B's 100,000: 100,000 × 0.4 − 30,000 = 10,000 < 12,000 → add B.
    // Lift {D, C, B} to A's 125,000: 125,000 × 0.6 − 50,000 = 25,000 ≥ 12,000 → stop here.
    // Level = (12,000 + 50,000) / 0.6 = 103,333.33…
    //   D: 103,333.33 × 0.1 − 5,000  = 5,333.333…
    //   C: 103,333.33 × 0.3 − 25,000 = 6,000
    //   B: 103,333.33 × 0.2 − 20,000 =   666.666…
    //   A: 0                                        (sum 12,000)
    // To the cent: 5,333.33 + 6,000.00 + 666.66 = 11,999.99; the last cent goes to the largest
    // remainder (B .0067 > D .0033): B = 666.67.
    // After: B 20,666.67 / 22,400, C 31,000 / 33,600, D 10,333.33 / 11,200 are all at 92.26% of target.
    const exact = lazyAllocationExact(values, targets, 12000);
    expect(exact[0].toNumber()).toBe(0);
    expect(exact[1].toDecimalPlaces(6).toString()).toBe("666.666667");
    expect(exact[2].toDecimalPlaces(6).toString()).toBe("6000");
    expect(exact[3].toDecimalPlaces(6).toString()).toBe("5333.333333");
    expect(strs(lazyAllocation(values, targets, 12000))).toEqual(["0.00", "666.67", "6000.00", "5333.33"]);
  });

  test("a contribution that exactly reaches the next ratio stops there", () => {
    // C = 10,000: lifting {D, C} to B's 100,000 costs exactly 10,000 → D 5,000, C 5,000.
    expect(strs(lazyAllocation(values, targets, 10000))).toEqual(["0.00", "0.00", "5000.00", "5000.00"]);
  });

  test("a $15,000 withdrawal sells A and B down to one common level; C and D are untouched", () => {
    // T' = 85,000. Highest v / t first: A 125,000, B 100,000, C 83,333.33, D 50,000.
    // Lower {A} to B's 100,000: frees 50,000 − 100,000 × 0.4 = 10,000 < 15,000 → add B.
    // Lower {A, B} to C's 83,333.33: frees 70,000 − 83,333.33 × 0.6 = 20,000 ≥ 15,000 → stop.
    // The group keeps 70,000 − 15,000 = 55,000, i.e. 91,666.67 per unit of target:
    //   A: 91,666.67 × 0.4 − 50,000 = −13,333.333…
    //   B: 91,666.67 × 0.2 − 20,000 =  −1,666.666…
    // To the cent: 13,333.33 + 1,666.66 = 14,999.99; the last cent goes to B → −1,666.67.
    expect(strs(lazyAllocation(values, targets, -15000))).toEqual(["-13333.33", "-1666.67", "0.00", "0.00"]);
  });

  test("a contribution big enough for everything lands every class on its target", () => {
    // T' = 100,000 + 150,000 = 250,000; every class is below target there, so all reach it exactly.
    const a = lazyAllocation(values, targets, 150000);
    expect(strs(a)).toEqual(["50000.00", "30000.00", "50000.00", "20000.00"]);
  });

  test("zero cash flow trades nothing; classes with a 0% target are never bought and are sold first", () => {
    expect(strs(lazyAllocation(values, targets, 0))).toEqual(["0.00", "0.00", "0.00", "0.00"]);
    expect(strs(lazyAllocation([100, 100, 0], [0, 0.5, 0.5], 50))).toEqual(["0.00", "0.00", "50.00"]);
    expect(strs(lazyAllocation([100, 300, 0], [0, 0.5, 0.5], -50))).toEqual(["-50.00", "0.00", "0.00"]);
    // More than the untargeted holdings: they go to 0, then the rest comes from the highest ratio.
    expect(strs(lazyAllocation([100, 300, 50], [0, 0.5, 0.5], -150))).toEqual(["-100.00", "-50.00", "0.00"]);
  });

  test("refuses impossible inputs", () => {
    expect(() => lazyAllocation(values, targets, -100001)).toThrow(/withdrawal of 100001.00 is more than the portfolio's 100000.00/);
    expect(() => lazyAllocation([1, 2], [1], 5)).toThrow(/one target per value/);
    expect(() => lazyAllocation([-1, 2], [0.5, 0.5], 5)).toThrow(/value 1 must be 0 or more/);
    expect(() => lazyAllocation([1, 2], [0, 0], 5)).toThrow(/add up to more than 0/);
  });

  test("accepts Decimals and strings as well as numbers", () => {
    const a = lazyAllocation(values.map((v) => new Decimal(v)), targets.map(String), "12000");
    expect(strs(a)).toEqual(["0.00", "666.67", "6000.00", "5333.33"]);
  });
});

describe("roundPreservingSum", () => {
  test("hands leftover cents to the largest remainders and respects caps", () => {
    expect(strs(roundPreservingSum([1 / 3, 1 / 3, 1 / 3].map((x) => x * 100), 100))).toEqual(["33.34", "33.33", "33.33"]);
    expect(strs(roundPreservingSum(["0.005", "0.006", "0.009"], "0.02"))).toEqual(["0.00", "0.01", "0.01"]);
    // Caps: the largest remainder may not take the cent when it would pass its cap.
    expect(strs(roundPreservingSum(["9.999", "0.001"], "10.00", 2, ["9.999", "5"]))).toEqual(["9.99", "0.01"]);
  });
});

/** Portfolios: whole-cent values, integer target weights (normalised by the engine). */
const portfolio = fc
  .integer({ min: 1, max: 8 })
  .chain((n) =>
    fc.record({
      cents: fc.array(fc.integer({ min: 0, max: 500_000_000 }), { minLength: n, maxLength: n }),
      weights: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: n, maxLength: n }).filter((w) => w.some((x) => x > 0)),
      mix: fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: n, maxLength: n }),
    }),
  );

const D = (x: Decimal.Value) => new Decimal(x);
const sumOf = (xs: Decimal.Value[]) => xs.reduce<Decimal>((s, x) => s.plus(x), new Decimal(0));

/** Largest relative shortfall after investing: max over targeted classes of 1 − v'/(t T'), exactly. */
function maxShortfall(values: number[], t: number[], alloc: Decimal.Value[]): Decimal {
  const after = sumOf(values).plus(sumOf(alloc));
  let worst: Decimal | null = null;
  t.forEach((ti, i) => {
    if (ti > 0) {
      const s = D(1).minus(D(values[i]).plus(alloc[i]).div(D(ti).times(after)));
      worst = worst === null || s.gt(worst) ? s : worst;
    }
  });
  return worst!;
}

/** After a withdrawal: value left in 0%-target classes, then the largest ratio v'/(t T') − 1, exactly. */
function overweight(values: number[], t: number[], alloc: Decimal.Value[]): [Decimal, Decimal] {
  const after = sumOf(values).plus(sumOf(alloc));
  let untargeted = D(0);
  let worst = D(-Infinity);
  t.forEach((ti, i) => {
    if (ti === 0) untargeted = untargeted.plus(D(values[i]).plus(alloc[i]));
    else if (after.gt(0)) worst = Decimal.max(worst, D(values[i]).plus(alloc[i]).div(D(ti).times(after)).minus(1));
  });
  return [untargeted, after.gt(0) ? worst : D(0)];
}

/**
 * Slack for comparing with allocations computed in floating point (off by up to ~1e-6 dollars):
 * that many dollars expressed as a ratio to the smallest target of the new total.
 */
function slack(dollars: number, t: number[], after: Decimal): Decimal {
  const tMin = Math.min(...t.filter((x) => x > 0));
  return after.gt(0) ? D(dollars).div(D(tMin).times(after)) : D(0);
}

/** A feasible withdrawal of w spread by random weights, never selling more than a class holds. */
function randomWithdrawal(values: number[], mix: number[], w: number): number[] {
  const sell = values.map(() => 0);
  let left = w;
  for (let round = 0; round < values.length + 1 && left > 1e-9; round++) {
    const open = values.map((v, i) => i).filter((i) => values[i] - sell[i] > 1e-9);
    const weight = open.reduce((s, i) => s + mix[i], 0);
    let used = 0;
    for (const i of open) {
      const take = Math.min(values[i] - sell[i], (left * mix[i]) / weight);
      sell[i] += take;
      used += take;
    }
    left -= used;
  }
  return sell.map((s) => -s);
}

describe("properties", () => {
  test("contributions: sum to the cent, only buys, never into 0% targets, and no worse than any other split", () => {
    fc.assert(
      fc.property(portfolio, fc.integer({ min: 1, max: 300_000_000 }), ({ cents, weights, mix }, flowCents) => {
        const values = cents.map((c) => c / 100);
        const sumW = weights.reduce((s, w) => s + w, 0);
        const t = weights.map((w) => w / sumW);
        const flow = flowCents / 100;
        const rounded = lazyAllocation(values, weights, flow);
        expect(rounded.reduce((s, a) => s.plus(a), new Decimal(0)).toFixed(2)).toBe(new Decimal(flowCents).div(100).toFixed(2));
        rounded.forEach((a, i) => {
          expect(a.gte(0)).toBe(true);
          if (weights[i] === 0) expect(a.isZero()).toBe(true);
        });
        const ours = maxShortfall(values, t, lazyAllocationExact(values, weights, flow));
        const after = sumOf(values).plus(flow);
        const proportional = t.map((ti) => ti * flow);
        const sumMix = mix.reduce((s, m) => s + m, 0);
        const random = mix.map((m) => (m / sumMix) * flow);
        const tol = slack(1e-6, t, after);
        expect(ours.lte(maxShortfall(values, t, proportional).plus(tol))).toBe(true);
        expect(ours.lte(maxShortfall(values, t, random).plus(tol))).toBe(true);
        // Rounding to cents costs at most a cent's worth of ratio.
        expect(maxShortfall(values, t, rounded).lte(ours.plus(slack(0.01, t, after)))).toBe(true);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  test("withdrawals: sum to the cent, only sells, never below 0, and no more overweight than any other feasible split", () => {
    fc.assert(
      fc.property(portfolio, fc.double({ min: 0, max: 1, noNaN: true }), ({ cents, weights, mix }, share) => {
        const total = cents.reduce((s, c) => s + c, 0);
        const wCents = Math.floor(total * share);
        if (wCents === 0) return;
        const values = cents.map((c) => c / 100);
        const sumW = weights.reduce((s, w) => s + w, 0);
        const t = weights.map((w) => w / sumW);
        const w = wCents / 100;
        const rounded = lazyAllocation(values, weights, -w);
        expect(rounded.reduce((s, a) => s.plus(a), new Decimal(0)).toFixed(2)).toBe(new Decimal(-wCents).div(100).toFixed(2));
        rounded.forEach((a, i) => {
          expect(a.lte(0)).toBe(true);
          expect(a.abs().lte(new Decimal(cents[i]).div(100))).toBe(true);
        });
        if (wCents === total) {
          // Everything withdrawn: the only feasible allocation sells every class in full.
          expect(strs(rounded)).toEqual(strs(cents.map((c) => D(-c).div(100))));
          return;
        }
        const [oursLeft, oursWorst] = overweight(values, t, lazyAllocationExact(values, weights, -w));
        const tol = slack(1e-6, t, sumOf(values).minus(w));
        const others = [randomWithdrawal(values, mix, w), randomWithdrawal(values, t.map((x) => x + 1e-3), w)];
        for (const other of others) {
          const [left, worst] = overweight(values, t, other);
          expect(oursLeft.lte(left.plus(1e-6))).toBe(true);
          if (oursLeft.minus(left).abs().lte(1e-6)) expect(oursWorst.lte(worst.plus(tol))).toBe(true);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});

/** Weights (src/engine/weights.ts): the floating-point fast path gives the Decimal rule's bits exactly. */
import Decimal from "decimal.js";
import fc from "fast-check";
import { exactWeights, share } from "../../src/engine/weights";

const RUNS = Number(process.env.PROP_RUNS ?? 2000);
const SEED = Number(process.env.PROP_SEED ?? 20261120);

/** The engine's weights: Decimal division to 20 digits, as the class table computes them. */
const engineWeights = (values: number[]) => {
  const d = values.map((v) => new Decimal(v));
  const total = d.reduce((s, x) => s.plus(x), new Decimal(0));
  return d.map((x) => share(x, total));
};

describe("exactWeights", () => {
  test("share of a zero total is 0", () => {
    expect(share(new Decimal(5), new Decimal(0))).toBe(0);
    expect(exactWeights([0, 0])).toEqual([0, 0]);
  });

  test("floating-point weights are bit-for-bit the engine's Decimal weights", () => {
    const cents = fc.array(fc.integer({ min: 0, max: 10_000_000_000 }), { minLength: 1, maxLength: 25 });
    fc.assert(
      fc.property(cents, (cs) => {
        const values = cs.map((c) => c / 100);
        expect(exactWeights(values)).toEqual(engineWeights(values));
      }),
      { numRuns: Math.min(RUNS, 1000), seed: SEED },
    );
    // Values with more places (sub-cent prices × quantities) and arbitrary doubles take other paths.
    const anyValues = fc.array(
      fc.oneof(
        fc.integer({ min: 0, max: 1_000_000_000 }).map((u) => u / 10000),
        fc.double({ min: 0, max: 1e9, noNaN: true }),
      ),
      { minLength: 1, maxLength: 25 },
    );
    fc.assert(
      fc.property(anyValues, (values) => {
        expect(exactWeights(values)).toEqual(engineWeights(values));
      }),
      { numRuns: Math.min(RUNS, 1000), seed: SEED },
    );
  });

  test("where plain float division differs from the engine in the last bit, the engine's value wins", () => {
    // Found by search: a / (a + b) rounded once (float) vs to 20 digits then to a double (Decimal).
    for (const [a, b] of [
      [1237.67, 8231.36],
      [7164.17, 5928.33],
      [887.39, 2317.81],
      [7363.39, 7336.38],
      [4928.91, 1137.25],
    ]) {
      const naive = Math.round(a * 100) / (Math.round(a * 100) + Math.round(b * 100));
      const engine = engineWeights([a, b]);
      expect(naive).not.toBe(engine[0]);
      expect(exactWeights([a, b])).toEqual(engine);
    }
  });

  test("cases near halfway between two doubles fall back to Decimal and still agree", () => {
    // Exhaustive over small totals: every c / T with T < 2000 is compared with the Decimal path.
    for (let total = 1; total < 2000; total += 7) {
      const values: number[] = [];
      for (let c = 0; c <= total; c += Math.max(1, Math.floor(total / 13))) values.push(c);
      values.push(total * 3);
      expect(exactWeights(values)).toEqual(engineWeights(values));
    }
  });
});

/** REBAL.TRADES and REBAL.SHARES. */
import Decimal from "decimal.js";
import fc from "fast-check";
import { sharesFunction, tradesFunction } from "../../src/functions/trades";
import { col, expectValueError, row } from "./helpers";

const RUNS = Number(process.env.PROP_RUNS ?? 2000);
const SEED = Number(process.env.PROP_SEED ?? 20261120);
const flat = (m: unknown[][]) => m.map((r) => r[0]);

describe("REBAL.TRADES", () => {
  const values = col(70000, 25000, 5000);
  const targets = col(0.6, 0.3, 0.1);

  test("full (default): every row to its target of the total", () => {
    // Targets of 100,000: 60,000 / 30,000 / 10,000.
    expect(tradesFunction(values, targets)).toEqual([[-10000], [5000], [5000]]);
    expect(tradesFunction(values, targets, 0, "full")).toEqual([[-10000], [5000], [5000]]);
  });

  test("full with a cash flow: targets of the new total", () => {
    // +10,000 → 110,000: 66,000 / 33,000 / 11,000.
    expect(flat(tradesFunction(values, targets, 10000))).toEqual([-4000, 8000, 6000]);
    // −20,000 → 80,000: 48,000 / 24,000 / 8,000.
    expect(flat(tradesFunction(values, targets, -20000))).toEqual([-22000, -1000, 3000]);
  });

  test("cashflow: the contribution only buys, the most underweight first", () => {
    // v/t: 116,666.67 / 83,333.33 / 50,000. Lifting row 3 to 83,333.33 costs 3,333.33; lifting rows 2–3 to
    // 116,666.67 would cost 16,666.67 > 10,000, so rows 2–3 share 10,000 at the level (10,000 + 30,000) / 0.4
    // = 100,000: row 2 → 30,000 (+5,000), row 3 → 10,000 (+5,000).
    expect(flat(tradesFunction(values, targets, 10000, "cashflow"))).toEqual([0, 5000, 5000]);
    expect(flat(tradesFunction(values, targets, 10000, "Cash Flow"))).toEqual([0, 5000, 5000]);
    // A withdrawal only sells, the most overweight first: row 1 alone down to 60,000.
    expect(flat(tradesFunction(values, targets, -10000, "cashflow"))).toEqual([-10000, 0, 0]);
    expect(flat(tradesFunction(values, targets, 0, "cashflow"))).toEqual([0, 0, 0]);
  });

  test("amounts are cents that add up to the cash flow exactly", () => {
    const third = col(0.3333, 0.3333, 0.3334);
    const full = flat(tradesFunction(col(100, 200, 300.01), third, 1000.01)) as number[];
    expect(full.every((x) => Number.isInteger(Math.round(x * 100)) && Math.abs(x * 100 - Math.round(x * 100)) < 1e-6)).toBe(true);
    expect(full.reduce((s, x) => s.plus(x), new Decimal(0)).toFixed(2)).toBe("1000.01");
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100_000_000 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: -50_000_000, max: 50_000_000 }),
        fc.constantFrom("full", "cashflow"),
        (cents, flowCents, mode) => {
          const total = cents.reduce((s, c) => s + c, 0);
          if (flowCents < -total) flowCents = -total;
          const n = cents.length;
          const bps = cents.map(() => Math.floor(10000 / n));
          bps[0] += 10000 - bps.reduce((s, b) => s + b, 0);
          const out = flat(tradesFunction(col(...cents.map((c) => c / 100)), col(...bps.map((b) => b / 10000)), flowCents / 100, mode)) as number[];
          expect(out.reduce((s, x) => s.plus(x), new Decimal(0)).toFixed(2)).toBe(new Decimal(flowCents).div(100).toFixed(2));
          if (mode === "cashflow") out.forEach((x) => expect(Math.sign(x) * Math.sign(flowCents)).not.toBe(-1));
        },
      ),
      { numRuns: Math.min(RUNS, 1000), seed: SEED },
    );
  });

  test("blank rows skipped together; a row input spills a row", () => {
    expect(tradesFunction(col(70000, "", 25000, 5000), col(0.6, "", 0.3, 0.1))).toEqual([[-10000], [""], [5000], [5000]]);
    expect(tradesFunction(row(70000, 25000, 5000), targets)).toEqual([[-10000, 5000, 5000]]);
  });

  test("errors", () => {
    expectValueError(() => tradesFunction(values, targets, 0, "lazy"), 'mode must be "full" or "cashflow" (found "lazy")');
    expectValueError(() => tradesFunction(values, targets, "lots"), 'cashFlow must be a dollar amount, like 5000 or -2500 (found "lots")');
    expectValueError(() => tradesFunction(values, targets, -100000.01), "cashFlow withdraws $100,000.01 but values total only $100,000.00");
    expectValueError(() => tradesFunction(col(1, -2, 3), targets), "values row 2 must be a number of 0 or more (found -2)");
    expectValueError(() => tradesFunction(values, col(0.6, 0.3, 0.05)), "Targets sum to 95.00%, expected 100%");
    expectValueError(() => tradesFunction(values, col(0.6, 0.4)), "values has 3 rows but targets has 2 rows; the ranges must be the same size");
    expectValueError(() => tradesFunction(values, targets, col(1, 2)), "cashFlow must be a single value, not a range of 2×1 cells");
  });
});

describe("REBAL.SHARES", () => {
  test("rounded toward zero to whole shares by default (sells stay negative)", () => {
    // 10,000 / 352.40 = 28.38 → 28; −5,000 / 74.60 = −67.02 → −67; 999.99 / 100 = 9.9999 → 9.
    expect(sharesFunction(col(10000, -5000, 999.99), col(352.4, 74.6, 100))).toEqual([[28], [-67], [9]]);
  });

  test("exact decimal arithmetic: 0.30 / 0.10 is 3, not 2.9999…", () => {
    expect(0.3 / 0.1).toBeLessThan(3);
    expect(sharesFunction(col(0.3), col(0.1))).toEqual([[3]]);
  });

  test("lot sizes: one for all, per row, 0 = fractional to 6 places", () => {
    expect(sharesFunction(col(10000, -5000, 999.99), col(352.4, 74.6, 100), 10)).toEqual([[20], [-60], [0]]);
    expect(sharesFunction(col(10000, -5000, 999.99), col(352.4, 74.6, 100), 0)).toEqual([[28.376844], [-67.024128], [9.9999]]);
    expect(sharesFunction(col(10000, -5000, 999.99), col(352.4, 74.6, 100), col(100, "", 0))).toEqual([[0], [-67], [9.9999]]);
  });

  test("blank rows skipped together; a row input spills a row", () => {
    expect(sharesFunction(col(1000, null, 500), col(10, null, 20))).toEqual([[100], [""], [25]]);
    expect(sharesFunction(row(1000, 500), row(10, 20))).toEqual([[100, 25]]);
  });

  test("errors", () => {
    expectValueError(() => sharesFunction(col(1000), col(0)), "prices row 1 must be a number greater than 0 (found 0)");
    expectValueError(() => sharesFunction(col("ten"), col(10)), 'amounts row 1 must be a number (found "ten")');
    expectValueError(() => sharesFunction(col(1000, 2000), col(10)), "amounts has 2 rows but prices has 1 row; the ranges must be the same size");
    expectValueError(() => sharesFunction(col(1000), col(10), -1), "lotSize must be a number of 0 or more (0 = fractional; found -1)");
    expectValueError(() => sharesFunction(col(1000, 10), col(10, 10), col(1, "x")), 'lotSize row 2 must be a number of 0 or more (0 = fractional; found "x")');
  });
});

/**
 * Pooled sales (src/engine/optimizer/pooled-sales.ts): interchangeable positions of a class sold as one sale
 * and an order count. Hand-computed allocations and bounds, and the pool held to a second formulation — one
 * 0/1 indicator per position, as before pools — on random households with fees and Min Trade: the two
 * programs reach the same optimum at every level.
 */
import fc from "fast-check";
import * as household from "../../../src/engine/optimizer/household";
import { Pool, allocatePool, poolRows } from "../../../src/engine/optimizer/pooled-sales";
import { activeSolver } from "../../../src/engine/optimizer/solver";
import { planRebalance } from "../../../src/engine/plan";
import { LotSpec, policy, portfolio, targets } from "../../support/portfolio";
import Decimal from "decimal.js";

const pool = (most: number[], minimum = 0): Pool => ({ sale: "S", count: "K", minimum, inLots: false, members: most.map((m, i) => ({ key: `IRA\u0000P${i}`, price: new Decimal(1), most: m })) });

describe("allocatePool: as few orders as cover the sale, in Sell Order", () => {
  test("the first in Sell Order is used when the largest after it can still cover the rest", () => {
    // Sizes 30, 100, 50 in Sell Order; 120 needs two orders (100 < 120 ≤ 150). With 30 first, 100 covers the
    // other 90: 30 and 90.
    expect(allocatePool(pool([30, 100, 50], 10), 120)).toEqual([30, 90, 0]);
  });
  test("it is passed over when no other one position can cover the rest", () => {
    // 140 in two orders: 30 + 100 = 130 falls short, so the two largest: 100 and 40.
    expect(allocatePool(pool([30, 100, 50], 10), 140)).toEqual([0, 100, 40]);
  });
  test("each order keeps Min Trade for the orders after it", () => {
    // 120 from two positions of 100 with Min Trade 50: 70 and 50, not 100 and 20.
    expect(allocatePool(pool([100, 100], 50), 120)).toEqual([70, 50]);
  });
  test("no sale, no orders; a whole pool sold, every position", () => {
    expect(allocatePool(pool([40, 60]), 0)).toEqual([0, 0]);
    expect(allocatePool(pool([40, 60]), 100)).toEqual([40, 60]);
  });
});

describe("poolRows: the sales K orders can make are [K × Min Trade, the K largest]", () => {
  const solve = (rows: ReturnType<typeof poolRows>, sale: number, objective: 1 | -1) =>
    activeSolver()!.solve(
      {
        columns: [
          { name: "S", lower: sale, upper: sale },
          { name: "K", lower: 0, upper: 3, integer: true },
        ],
        rows,
        objective: [{ variable: "K", coefficient: objective }],
      },
      { timeLimit: 5 },
    );
  test("the fewest orders for a sale: the largest positions first", () => {
    const rows = poolRows(pool([30, 100, 50], 10));
    expect(solve(rows, 100, 1).values.get("K")).toBeCloseTo(1, 9);
    expect(solve(rows, 120, 1).values.get("K")).toBeCloseTo(2, 9);
    expect(solve(rows, 151, 1).values.get("K")).toBeCloseTo(3, 9);
    expect(solve(rows, 181, 1).status).toBe("Infeasible");
  });
  test("the most orders Min Trade allows", () => {
    const rows = poolRows(pool([30, 100, 50], 40));
    // 100 in at most two orders of 40 or more; 120 in three.
    expect(solve(rows, 100, -1).values.get("K")).toBeCloseTo(2, 9);
    expect(solve(rows, 120, -1).values.get("K")).toBeCloseTo(3, 9);
  });
});

describe("pools reach the optimum of one indicator per position", () => {
  const CLASSES = ["Stocks", "Bonds", "Gold"];
  const householdArb = fc
    .record({
      sizes: fc.array(fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 5 }), { minLength: 6, maxLength: 6 }),
      cash: fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 2, maxLength: 2 }),
      weights: fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 3, maxLength: 3 }),
      fee: fc.constantFrom(0, 1, 4.95, 20),
      minTrade: fc.constantFrom(0, 100, 500, 1500),
      fewestTrades: fc.boolean(),
    })
    .map(({ sizes, cash, weights, fee, minTrade, fewestTrades }) => {
      const lots: LotSpec[] = [];
      sizes.forEach((list, k) => {
        const account = k < 3 ? "Trad" : "Roth";
        const assetClass = CLASSES[k % 3];
        list.forEach((size, i) => lots.push({ account, symbol: `${assetClass[0]}${k}${i}`, assetClass, quantity: size * 10, price: 10 + i, lotSize: 0 }));
      });
      cash.forEach((c, i) => lots.push({ account: i ? "Roth" : "Trad", symbol: "CASH", quantity: c * 100 }));
      const sum = weights.reduce((s, w) => s + w, 0) + 1;
      const t = targets({ ...Object.fromEntries(CLASSES.map((c, i) => [c, weights[i] / sum])), Cash: 1 / sum });
      return portfolio(lots, t, policy({ feePerTrade: fee, minTrade, fewestTrades }));
    });

  test("the same value at every level, with and without pools", () => {
    const original = household.solveHousehold;
    const pairs: [household.ObjectiveTerms, household.ObjectiveTerms, number][] = [];
    const spy = jest.spyOn(household, "solveHousehold").mockImplementation((p, solver, limit, clock) => {
      const pooled = original(p, solver, limit, clock);
      const single = original({ ...p, poolSales: false }, solver, limit, clock);
      if (!("failed" in pooled) && !("failed" in single) && single.status === "Optimal") pairs.push([pooled.objective, single.objective, p.total.toNumber()]);
      return pooled;
    });
    try {
      fc.assert(
        fc.property(householdArb, (p) => {
          planRebalance(p);
        }),
        { numRuns: 60, seed: 20261207 },
      );
    } finally {
      spy.mockRestore();
    }
    expect(pairs.length).toBeGreaterThan(50);
    for (const [pooled, single, total] of pairs) {
      const tol = 1e-6 * total + 1e-6;
      // Equal at every level (the pools drop only the Sell Order tie-break, a ten-millionth per dollar sold).
      for (const level of ["reserveShortfall", "bandViolation", "goalDistance", "turnover"] as const) expect({ level, pooled: pooled[level], equal: Math.abs(pooled[level] - single[level]) <= tol }).toEqual({ level, pooled: pooled[level], equal: true });
    }
  });
});

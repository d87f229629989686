/**
 * Properties of the Full strategy over random households. `npm test` runs PROP_RUNS (2,000) per
 * property with a fixed seed; `npm run test:props` runs 10,000.
 */
import fc from "fast-check";
import Decimal from "decimal.js";
import { planRebalance } from "../../src/engine/plan";
import { Plan } from "../../src/engine/types";
import { Portfolio } from "../../src/contract/portfolio";
import { householdArb, PROP_RUNS, PROP_SEED } from "../support/households";

const ZERO = new Decimal(0);
const key = (account: string, symbol: string) => `${account}\u0000${symbol}`;

function checkExecution(p: Portfolio, plan: Plan): void {
  const sellable = new Map<string, Decimal>();
  const tradable = new Map<string, boolean>();
  const cashBefore = new Map<string, Decimal>();
  const lotSize = new Map<string, Decimal>();
  for (const h of p.holdings) {
    if (h.isCash) {
      cashBefore.set(h.account, (cashBefore.get(h.account) ?? ZERO).plus(h.quantity));
      continue;
    }
    const k = key(h.account, h.symbol);
    if (h.tradable) {
      sellable.set(k, (sellable.get(k) ?? ZERO).plus(h.quantity));
      if (!tradable.get(k)) lotSize.set(k, h.lotSize);
      tradable.set(k, true);
    } else if (!tradable.has(k)) tradable.set(k, false);
  }
  const sold = new Map<string, Decimal>();
  const cashFlow = new Map<string, Decimal>();
  for (const t of plan.trades) {
    const k = key(t.account, t.symbol);
    // Locked rows are never traded.
    expect(tradable.get(k)).toBe(true);
    expect(t.quantity.gt(0)).toBe(true);
    const lot = lotSize.get(k)!;
    if (lot.gt(0)) expect(t.quantity.mod(lot).isZero()).toBe(true);
    expect(t.amount.gte(p.policy.minTrade)).toBe(true);
    if (t.side === "sell") sold.set(k, (sold.get(k) ?? ZERO).plus(t.quantity));
    const signed = t.side === "sell" ? t.amount : t.amount.neg();
    cashFlow.set(t.account, (cashFlow.get(t.account) ?? ZERO).plus(signed).minus(t.fee));
  }
  // Never sell more than the tradable lots hold.
  for (const [k, q] of sold) expect(q.lte(sellable.get(k) ?? ZERO)).toBe(true);
  for (const { account, value } of plan.after.cash) {
    const before = cashBefore.get(account) ?? ZERO;
    // Conserved to the cent: after = before + sales − buys − fees.
    expect(value.toFixed(2)).toBe(before.plus(cashFlow.get(account) ?? ZERO).toFixed(2));
    // Never below the reserve (an account already below it only rises).
    expect(value.gte(Decimal.min(before, p.policy.cashReserve))).toBe(true);
  }
}

const maxDrift = (drifts: number[]) => Math.max(...drifts.map(Math.abs));

describe("Full strategy properties", () => {
  test("no oversell, locked rows untouched, lot multiples, cash conserved and never below the reserve", () => {
    fc.assert(
      fc.property(householdArb(), (p) => {
        checkExecution(p, planRebalance(p));
      }),
      { numRuns: PROP_RUNS, seed: PROP_SEED },
    );
  });

  test("to Target, the largest drift after is never larger than before (one lot's value and fees allowed)", () => {
    fc.assert(
      fc.property(householdArb({ rebalanceTo: ["Target"] }), (p) => {
        const plan = planRebalance(p);
        if (plan.trades.length === 0 || plan.total.isZero()) return;
        const before = maxDrift(plan.classes.map((c) => c.drift));
        const after = maxDrift(plan.after.classes.map((c) => c.drift));
        const largestLot = plan.trades.reduce((m, t) => {
          const lot = p.holdings.find((h) => h.account === t.account && h.symbol === t.symbol && h.tradable)!.lotSize;
          return Decimal.max(m, (lot.isZero() ? new Decimal(1) : lot).times(t.price));
        }, ZERO);
        const fees = plan.trades.reduce((s, t) => s.plus(t.fee), ZERO);
        const allowance = largestLot.plus(fees).div(plan.total).toNumber();
        expect(after).toBeLessThanOrEqual(before + allowance + 1e-9);
      }),
      { numRuns: PROP_RUNS, seed: PROP_SEED },
    );
  });
});

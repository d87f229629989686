/** Invariants every plan must keep, checked by the property tests. */
import Decimal from "decimal.js";
import { Portfolio } from "../../src/contract/portfolio";
import { Plan } from "../../src/engine/types";
import { money } from "../../src/display";

const ZERO = new Decimal(0);
const key = (account: string, symbol: string) => `${account}\u0000${symbol}`;

/**
 * No sale beyond the tradable lots, locked rows untouched, lot multiples, Min Trade kept, every
 * account's cash conserved to the cent (after = before + flow + sales − buys − fees) and never below
 * its reserve, and the wash-sale guard: no symbol sold at a loss in a taxable account is bought.
 */
export function checkExecution(p: Portfolio, plan: Plan): void {
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
  const lossSold = new Set<string>();
  for (const t of plan.trades) {
    const k = key(t.account, t.symbol);
    expect(tradable.get(k)).toBe(true);
    expect(t.quantity.gt(0)).toBe(true);
    const lot = lotSize.get(k)!;
    if (lot.gt(0)) expect(t.quantity.mod(lot).isZero()).toBe(true);
    // Below Min Trade only for a sale that keeps the reserve, and then the plan says so.
    if (t.amount.lt(p.policy.minTrade)) {
      expect(t.side).toBe("sell");
      expect(plan.warnings.some((w) => w.includes(`${t.symbol} sale of ${money(t.amount)} is below Min Trade`))).toBe(true);
    }
    if (t.side === "sell") {
      sold.set(k, (sold.get(k) ?? ZERO).plus(t.quantity));
      if (t.realized && t.realized.shortTerm.plus(t.realized.longTerm).isNegative()) lossSold.add(t.symbol);
    }
    const signed = t.side === "sell" ? t.amount : t.amount.neg();
    cashFlow.set(t.account, (cashFlow.get(t.account) ?? ZERO).plus(signed).minus(t.fee));
  }
  for (const [k, q] of sold) expect(q.lte(sellable.get(k) ?? ZERO)).toBe(true);
  for (const t of plan.trades) if (t.side === "buy") expect(lossSold.has(t.symbol)).toBe(false);

  const reserveOf = (account: string) => p.accounts.find((a) => a.account === account)?.cashReserve ?? p.policy.cashReserve;
  // Cash into or out of each account: the Policy's cash flow, or what an RMD pays out in cash (planned less what goes in kind).
  const flowOf = (account: string) => {
    if (plan.cashFlow) return plan.cashFlow.account === account ? plan.cashFlow.amount : ZERO;
    const planned = plan.rmd.flatMap((o) => o.groups.flatMap((g) => g.planned)).filter((x) => x.account === account).reduce((s, x) => s.plus(x.amount), ZERO);
    const inKind = plan.distributions.filter((d) => d.account === account).reduce((s, d) => s.plus(d.amount), ZERO);
    return ZERO.minus(planned.minus(inKind)); // (not .neg(): −0 would read as a withdrawal)
  };
  for (const { account, value } of plan.after.cash) {
    const flow = flowOf(account);
    const before = (cashBefore.get(account) ?? ZERO).plus(flow);
    expect(value.toFixed(2)).toBe(before.plus(cashFlow.get(account) ?? ZERO).toFixed(2));
    const reserve = reserveOf(account);
    // An RMD may take an account's reserve when nothing else can pay it, and then the plan says so.
    const reserveTaken = plan.warnings.some((w) => w.startsWith(`${account}: the RMD takes`));
    if (flow.isNegative()) expect(value.gte(reserveTaken ? 0 : reserve)).toBe(true);
    else expect(value.gte(Decimal.min(before, reserve))).toBe(true);
  }
}

/** Invariants every plan must keep, checked by the property tests. */
import Decimal from "decimal.js";
import { Portfolio } from "../../src/contract/portfolio";
import { Plan } from "../../src/engine/types";
import { money } from "../../src/display";

const ZERO = new Decimal(0);
const key = (account: string, symbol: string) => `${account}\u0000${symbol}`;

/**
 * The Policy's limits on an optimal plan without cash flows: Max Turnover (buys, and sales, each at most its
 * share of the household, to the cent) and the Tax Budget (net gains realised in taxable accounts at most it, plus
 * what rounding each sale to its lot can realise: a lot's largest gain per unit).
 */
function checkLimits(p: Portfolio, plan: Plan): void {
  if (plan.optimizer.method !== "optimal" || plan.optimizer.status === "Not run" || !p.policy.cashFlow.isZero()) return;
  const sum = (side: string) => plan.trades.filter((t) => t.side === side).reduce((s, t) => s.plus(t.amount), ZERO);
  if (p.policy.maxTurnover !== null) {
    const cap = plan.total.times(p.policy.maxTurnover).plus(0.01);
    const turnover = { buys: sum("buy").toFixed(2), sells: sum("sell").toFixed(2), cap: cap.toFixed(2), within: sum("buy").lte(cap) && sum("sell").lte(cap) };
    expect(turnover).toEqual({ ...turnover, within: true });
  }
  if (p.policy.taxBudget !== null) {
    const net = plan.trades.reduce((s, t) => (t.realized ? s.plus(t.realized.shortTerm).plus(t.realized.longTerm) : s), ZERO);
    // The program holds the budget in dollars; each order is rounded to its lot, which may realise up to a lot's gain more.
    const rounding = plan.trades.filter((t) => t.side === "sell" && t.realized).reduce((s, t) => {
      const lots = p.holdings.filter((h) => h.account === t.account && h.symbol === t.symbol && h.costBasis !== null && h.quantity.gt(0));
      const unit = lots.reduce((m, h) => Decimal.max(m, h.costBasis!.div(h.quantity).minus(t.price).abs()), ZERO);
      return s.plus(unit.times(Decimal.max(lots[0]?.lotSize ?? 1, 1))).plus(0.01);
    }, ZERO);
    const tax = { net: net.toFixed(2), budget: p.policy.taxBudget.toFixed(2), rounding: rounding.toFixed(2), within: net.lte(p.policy.taxBudget.plus(rounding).plus(0.01)), warned: plan.warnings.filter((w) => w.includes("Tax Budget")) };
    expect(tax).toEqual({ ...tax, within: true });
  }
}

/**
 * No sale beyond the tradable lots (Do Not Sell lots kept), no buy of a Do Not Buy position, Max Turnover and Tax Budget held, locked rows untouched, lot multiples, Min Trade kept, every
 * account's cash conserved to the cent (after = before + flow + sales − buys − fees) and never below
 * its reserve, and the wash-sale guard: no symbol sold at a loss in a taxable account is bought.
 */
export function checkExecution(p: Portfolio, plan: Plan): void {
  const sellable = new Map<string, Decimal>();
  const tradable = new Map<string, boolean>();
  const cashBefore = new Map<string, Decimal>();
  const lotSize = new Map<string, Decimal>();
  const noBuy = new Set<string>();
  for (const h of p.holdings) {
    if (h.isCash) {
      cashBefore.set(h.account, (cashBefore.get(h.account) ?? ZERO).plus(h.quantity));
      continue;
    }
    const k = key(h.account, h.symbol);
    if (h.doNotBuy) noBuy.add(k);
    if (h.tradable) {
      if (!h.doNotSell) sellable.set(k, (sellable.get(k) ?? ZERO).plus(h.quantity));
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
  // Do Not Sell lots are not sellable; a Do Not Buy position is never bought.
  for (const [k, q] of sold) expect(q.lte(sellable.get(k) ?? ZERO)).toBe(true);
  for (const t of plan.trades) if (t.side === "buy") expect(noBuy.has(key(t.account, t.symbol))).toBe(false);
  checkLimits(p, plan);
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

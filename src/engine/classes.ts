/** The class table: value, weight, target, drift, band and status of every asset class. */
import Decimal from "decimal.js";
import { CASH_CLASS, Portfolio } from "../contract/portfolio";
import { Account } from "./positions";
import { ClassRow, ClassStatus } from "./types";
import { WEIGHT_EPSILON, bandEdges, bandStatus, bandWidth, relativeDrift } from "./bands";
import { share } from "./weights";

/**
 * A class's status at a weight, against its band edges: Over / Under when strictly outside, Locked when
 * it is outside but nothing in it can move that way (no tradable lot to sell, no security to buy).
 */
export function statusAt(c: Pick<ClassRow, "bandLow" | "bandHigh" | "sellableValue" | "buyable">, weight: number): ClassStatus {
  if (weight > c.bandHigh + WEIGHT_EPSILON) return c.sellableValue.isZero() ? "Locked" : "Over";
  if (weight < c.bandLow - WEIGHT_EPSILON) return c.buyable ? "Under" : "Locked";
  return "In band";
}

export function classTable(portfolio: Portfolio, accounts: Account[]): { total: Decimal; classes: ClassRow[] } {
  const { policy, targets } = portfolio;
  const names: string[] = targets.map((t) => t.assetClass);
  const value = new Map<string, Decimal>();
  const sellable = new Map<string, Decimal>();
  const locked = new Map<string, Decimal>();
  const buyable = new Set<string>([CASH_CLASS]);
  const add = (m: Map<string, Decimal>, k: string, v: Decimal) => m.set(k, (m.get(k) ?? new Decimal(0)).plus(v));

  let total = new Decimal(0);
  let cash = new Decimal(0);
  let reserves = new Decimal(0);
  for (const a of accounts) {
    cash = cash.plus(a.cash);
    reserves = reserves.plus(a.reserve);
    for (const p of a.positions) {
      // A look-through fund counts in each of its classes by its share.
      for (const { assetClass, share: part } of p.exposure ?? [{ assetClass: p.assetClass, share: 1 }]) {
        const of = (v: Decimal) => (part === 1 ? v : v.times(part));
        if (p.buyable) buyable.add(assetClass);
        add(value, assetClass, of(p.value));
        add(sellable, assetClass, of(p.sellableValue));
        if (!p.sellable.eq(p.quantity)) add(locked, assetClass, of(p.value.minus(p.sellableValue)));
      }
    }
  }
  const cashName = names.find((n) => n.toLowerCase() === CASH_CLASS.toLowerCase()) ?? CASH_CLASS;
  add(value, cashName, cash);
  add(sellable, cashName, cash);
  if (!names.includes(cashName)) names.push(cashName);
  for (const v of value.values()) total = total.plus(v);

  const classes = names.map((name): ClassRow => {
    const t = targets.find((x) => x.assetClass === name);
    const v = value.get(name) ?? new Decimal(0);
    const weight = share(v, total);
    const target = t ? t.target : 0;
    const drift = weight - target;
    let band: number;
    let edges: { low: number; high: number };
    let status: ClassStatus;
    if (t) {
      band = bandWidth(target, t.absBand ?? policy.absBand, t.relBand ?? policy.relBand);
      edges = bandEdges(target, band);
      status = bandStatus(drift, band);
    } else {
      // Cash without a target row: the reserves may stay; cash beyond them plus the absolute band is Over.
      band = policy.absBand ?? 0;
      const reserveWeight = Math.min(share(reserves, total), 1);
      edges = { low: 0, high: reserveWeight + band };
      status = weight > edges.high + 1e-12 ? "Over" : "In band";
    }
    const sell = sellable.get(name) ?? new Decimal(0);
    const canBuy = buyable.has(name);
    if ((status === "Over" && sell.isZero()) || (status === "Under" && !canBuy)) status = "Locked";
    return {
      assetClass: name,
      value: v,
      weight,
      target,
      hasTarget: t !== undefined,
      drift,
      relativeDrift: relativeDrift(drift, target),
      band,
      bandLow: edges.low,
      bandHigh: edges.high,
      status,
      sellableValue: sell,
      lockedValue: locked.get(name) ?? new Decimal(0),
      buyable: canBuy,
    };
  });
  return { total, classes };
}

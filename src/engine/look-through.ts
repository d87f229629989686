/**
 * Look-through funds (the LookThrough range): a fund spanning several classes counts in each by its
 * share. The engine treats each distinct mix as a pseudo-class named for it ("US Stocks 60% + Bonds
 * 40%"): its positions trade like any class's, and every dollar of it is spread over the real classes
 * when values are added up (class table, after the trades, the optimizer's class rows).
 */
import Decimal from "decimal.js";
import { LookThroughRow, Portfolio } from "../contract/portfolio";
import type { LookThroughFund } from "./types";

export interface Exposure {
  assetClass: string;
  share: number;
}

/** "60%", "33.33%": a share as the mix's name shows it. */
const pct = (share: number) => `${Number((share * 100).toFixed(2))}%`;

/** The name of a mix: its classes by share, largest first. */
export function mixLabel(exposure: Exposure[]): string {
  return exposure.map((e) => `${e.assetClass} ${pct(e.share)}`).join(" + ");
}

/** Fund symbol (lower case) → its exposure (largest share first) and the mix's name. */
export function fundsOf(rows: LookThroughRow[]): Map<string, { label: string; exposure: Exposure[] }> {
  const by = new Map<string, Exposure[]>();
  for (const r of rows) {
    const key = r.symbol.toLowerCase();
    by.set(key, [...(by.get(key) ?? []), { assetClass: r.assetClass, share: r.share }]);
  }
  const out = new Map<string, { label: string; exposure: Exposure[] }>();
  for (const [key, list] of by) {
    const exposure = [...list].sort((a, b) => b.share - a.share || a.assetClass.localeCompare(b.assetClass));
    // The shares add up to 100% within the contract's tolerance; the last takes what the others leave, so they add up exactly.
    const others = exposure.slice(0, -1).reduce((s, e) => s.plus(e.share), new Decimal(0));
    exposure[exposure.length - 1] = { ...exposure[exposure.length - 1], share: new Decimal(1).minus(others).toNumber() };
    out.set(key, { label: mixLabel(exposure), exposure });
  }
  return out;
}

/** Mix name → exposure, for every fund in the rows. */
export function mixesOf(rows: LookThroughRow[]): Map<string, Exposure[]> {
  return new Map([...fundsOf(rows).values()].map((f) => [f.label, f.exposure]));
}

/** Adds `amount` of `assetClass` to the class values: a real class takes it whole, a mix spreads it by its shares (share × amount each, exactly). */
export function spreadInto(values: Map<string, Decimal>, mixes: Map<string, Exposure[]>, assetClass: string, amount: Decimal): void {
  const exposure = mixes.get(assetClass);
  const add = (c: string, v: Decimal) => void values.set(c, (values.get(c) ?? new Decimal(0)).plus(v));
  if (!exposure) return add(assetClass, amount);
  for (const e of exposure) add(e.assetClass, amount.times(e.share));
}

/** The look-through funds Holdings lists, in order of first appearance. */
export function heldFunds(portfolio: Portfolio): LookThroughFund[] {
  const funds = fundsOf(portfolio.lookThrough);
  const out = new Map<string, LookThroughFund>();
  for (const h of portfolio.holdings) {
    const f = funds.get(h.symbol.toLowerCase());
    if (f && !out.has(h.symbol.toLowerCase())) out.set(h.symbol.toLowerCase(), { symbol: h.symbol, mix: f.label, exposure: f.exposure });
  }
  return [...out.values()];
}

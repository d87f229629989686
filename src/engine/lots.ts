/**
 * Which lots a sale takes, and the gain it realises. Lots are ordered by Lot Order (HIFO, FIFO,
 * Min Tax); Tax Aware sales in taxable accounts take losses first, then long-term gains (held
 * more than 365 days), then short-term gains, each group in Lot Order.
 */
import Decimal from "decimal.js";
import { Holding, LotOrder } from "../contract/portfolio";
import { daysBetween } from "../dates/calendar";

const ZERO = new Decimal(0);

export interface Realized {
  shortTerm: Decimal;
  longTerm: Decimal;
  /** false when a lot sold has no Cost Basis, so the gain cannot be known. */
  known: boolean;
}

/** Held more than a year is long-term; a lot with no Acquired date is treated as short-term (the costlier case). */
export function isLongTerm(lot: Holding, asOf: string): boolean {
  return lot.acquired !== null && daysBetween(lot.acquired, asOf) > 365;
}

/** Gain per unit at the price (null when the lot has no cost basis or no quantity). */
export function unitGain(lot: Holding, price: Decimal): Decimal | null {
  if (lot.costBasis === null || lot.quantity.isZero()) return null;
  return price.minus(lot.costBasis.div(lot.quantity));
}

function category(lot: Holding, price: Decimal, asOf: string): number {
  const g = unitGain(lot, price);
  if (g !== null && g.isNegative()) return 0;
  return isLongTerm(lot, asOf) ? 1 : 2;
}

function compareBy(order: LotOrder, price: Decimal, asOf: string): (a: Holding, b: Holding) => number {
  const cost = (l: Holding) => (l.costBasis === null || l.quantity.isZero() ? ZERO : l.costBasis.div(l.quantity));
  switch (order) {
    case "HIFO":
      return (a, b) => cost(b).comparedTo(cost(a));
    case "FIFO":
      return (a, b) => (a.acquired ?? "9999-12-31").localeCompare(b.acquired ?? "9999-12-31");
    case "Min Tax":
      // Losses (largest first), then long-term gains, then short-term gains (smallest first in each).
      return (a, b) =>
        category(a, price, asOf) - category(b, price, asOf) || (unitGain(a, price) ?? ZERO).comparedTo(unitGain(b, price) ?? ZERO);
  }
}

/** Tradable lots in the order a sale consumes them. */
export function orderLots(lots: Holding[], price: Decimal, order: LotOrder, asOf: string, taxFirst: boolean): Holding[] {
  const by = compareBy(order, price, asOf);
  return lots
    .filter((l) => l.tradable && !l.doNotSell && l.quantity.gt(0))
    .sort((a, b) => (taxFirst ? category(a, price, asOf) - category(b, price, asOf) : 0) || by(a, b) || a.index - b.index);
}

/**
 * Gain realised by selling `quantity` at `price` from lots in the given order, to the cent. The sale's
 * fee reduces the amount realised (IRS Publication 550: the amount realized is the proceeds less selling
 * expenses); it is shared over the lots sold in proportion to their quantities.
 */
export function realize(lotsInOrder: Holding[], quantity: Decimal, price: Decimal, asOf: string, fee: Decimal = ZERO): Realized {
  const feePerUnit = quantity.isZero() ? ZERO : fee.div(quantity);
  let left = quantity;
  let shortTerm = ZERO;
  let longTerm = ZERO;
  let known = true;
  for (const lot of lotsInOrder) {
    if (left.lte(0)) break;
    const q = Decimal.min(left, lot.quantity);
    left = left.minus(q);
    const g = unitGain(lot, price);
    if (g === null) {
      known = false;
      continue;
    }
    const gain = g.minus(feePerUnit).times(q);
    if (isLongTerm(lot, asOf)) longTerm = longTerm.plus(gain);
    else shortTerm = shortTerm.plus(gain);
  }
  return { shortTerm: shortTerm.toDecimalPlaces(2, Decimal.ROUND_HALF_UP), longTerm: longTerm.toDecimalPlaces(2, Decimal.ROUND_HALF_UP), known };
}

/** Unrealised gain of a position's tradable lots as a fraction of their value (null when any basis is missing). */
export function gainRatio(lots: Holding[], price: Decimal): number | null {
  let value = ZERO;
  let cost = ZERO;
  for (const l of lots) {
    if (!l.tradable || l.quantity.isZero()) continue;
    if (l.costBasis === null) return null;
    value = value.plus(l.quantity.times(price));
    cost = cost.plus(l.costBasis);
  }
  return value.isZero() ? null : value.minus(cost).div(value).toNumber();
}

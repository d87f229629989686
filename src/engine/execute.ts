/**
 * Dollar moves → orders: quantities in multiples of the lot size, trades below Min Trade dropped,
 * fees (per trade + bps) paid from the account's cash, limit prices, and every account's buys + fees
 * kept within its cash + sales − reserve (buys are budgeted at their limit price, the worst fill).
 */
import Decimal from "decimal.js";
import { Policy } from "../contract/portfolio";
import { Account, Position } from "./positions";
import { ClassMove } from "./allocate";
import { Trade } from "./types";

const ZERO = new Decimal(0);
/** Fractional quantities are kept to this many decimal places. */
export const FRACTIONAL_PLACES = 6;

export const toCents = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

export function tradeFee(amount: Decimal, policy: Policy): Decimal {
  return toCents(policy.feePerTrade.plus(amount.times(policy.feeBps).div(10000)));
}

export function limitPrice(price: Decimal, side: "buy" | "sell", policy: Policy): Decimal {
  const offset = policy.limitOffsetBps.div(10000);
  return toCents(price.times(side === "buy" ? new Decimal(1).plus(offset) : new Decimal(1).minus(offset)));
}

/** Rounds a quantity to the lot size (0 = fractional) in the given direction. */
export function roundToLot(quantity: Decimal, lotSize: Decimal, mode: Decimal.Rounding): Decimal {
  if (lotSize.isZero()) return quantity.toDecimalPlaces(FRACTIONAL_PLACES, mode);
  return quantity.div(lotSize).toDecimalPlaces(0, mode).times(lotSize);
}

function makeTrade(p: Position, side: "buy" | "sell", quantity: Decimal, policy: Policy): Trade {
  const amount = toCents(quantity.times(p.price));
  return {
    account: p.account,
    symbol: p.symbol,
    assetClass: p.assetClass,
    side,
    quantity,
    price: p.price,
    limitPrice: limitPrice(p.price, side, policy),
    amount,
    fee: tradeFee(amount, policy),
  };
}

/** Sells `amount` dollars of a class in an account, largest positions first, to the nearest lot. */
function planSells(account: Account, assetClass: string, amount: Decimal, policy: Policy): Trade[] {
  const trades: Trade[] = [];
  let left = amount;
  const positions = account.positions
    .filter((p) => p.assetClass === assetClass && p.sellable.gt(0))
    .sort((a, b) => b.sellable.times(b.price).comparedTo(a.sellable.times(a.price)) || a.order - b.order);
  for (const p of positions) {
    if (left.lte(0)) break;
    let q = roundToLot(left.div(p.price), p.lotSize, Decimal.ROUND_HALF_UP);
    q = Decimal.min(q, roundToLot(p.sellable, p.lotSize, Decimal.ROUND_DOWN));
    if (q.lte(0)) continue;
    const t = makeTrade(p, "sell", q, policy);
    if (t.amount.lt(policy.minTrade) || t.fee.gte(t.amount)) continue;
    trades.push(t);
    left = left.minus(t.amount);
  }
  return trades;
}

/** The position a class is bought through in an account: the largest tradable holding of it (first listed on ties). */
function buyVehicle(account: Account, assetClass: string): Position | undefined {
  return account.positions
    .filter((p) => p.assetClass === assetClass && p.tradable)
    .sort((a, b) => b.quantity.times(b.price).comparedTo(a.quantity.times(a.price)) || a.order - b.order)[0];
}

/** What a buy costs if it fills at its limit price (never less than at the market price). */
function worstCost(t: Trade): Decimal {
  return toCents(t.quantity.times(Decimal.max(t.limitPrice, t.price)));
}

/** The largest buy of p whose worst-case cost (limit price) plus fee fits the budget. */
function planBuy(p: Position, budget: Decimal, policy: Policy): Trade | null {
  if (budget.lte(0)) return null;
  const limit = limitPrice(p.price, "buy", policy);
  const perUnit = Decimal.max(limit, p.price).times(new Decimal(1).plus(policy.feeBps.div(10000)));
  let q = roundToLot(budget.minus(policy.feePerTrade).div(perUnit), p.lotSize, Decimal.ROUND_DOWN);
  const step = p.lotSize.isZero() ? new Decimal(10).pow(-FRACTIONAL_PLACES) : p.lotSize;
  for (let i = 0; i < 3 && q.gt(0); i++) {
    const t = makeTrade(p, "buy", q, policy);
    if (worstCost(t).plus(t.fee).lte(budget)) {
      return t.amount.lt(policy.minTrade) ? null : t;
    }
    q = q.minus(step);
  }
  return null;
}

export interface Execution {
  trades: Trade[];
  /** Cash per account after the trades. */
  cashAfter: Map<string, Decimal>;
  warnings: string[];
}

export function executeMoves(accounts: Account[], moves: ClassMove[], policy: Policy): Execution {
  const trades: Trade[] = [];
  const cashAfter = new Map<string, Decimal>();
  const warnings: string[] = [];
  for (const account of accounts) {
    const mine = moves.filter((m) => m.account === account.name);
    const sells = mine.filter((m) => m.amount.lt(0)).flatMap((m) => planSells(account, m.assetClass, m.amount.neg(), policy));
    let cash = account.cash;
    for (const s of sells) cash = cash.plus(s.amount).minus(s.fee);
    const buys = mine.filter((m) => m.amount.gt(0));
    const wanted = buys.reduce((s, m) => s.plus(m.amount), ZERO);
    const available = Decimal.max(ZERO, cash.minus(account.reserve));
    const scale = wanted.gt(available) && wanted.gt(0) ? available.div(wanted) : new Decimal(1);
    if (scale.lt(1) && wanted.minus(available).gte(1)) {
      warnings.push(
        `${account.name}: buys cut to the cash available ($${available.toFixed(2)} after the $${account.reserve.toFixed(2)} reserve) instead of $${wanted.toFixed(2)}`,
      );
    }
    const bought: Trade[] = [];
    // Cash left if every buy so far filled at its limit price: what later buys are budgeted against.
    let worstCash = cash;
    for (const m of buys) {
      const p = buyVehicle(account, m.assetClass);
      if (!p) continue;
      const budget = Decimal.min(m.amount.times(scale), worstCash.minus(account.reserve)).toDecimalPlaces(2, Decimal.ROUND_DOWN);
      const t = planBuy(p, budget, policy);
      if (!t) continue;
      bought.push(t);
      cash = cash.minus(t.amount).minus(t.fee);
      worstCash = worstCash.minus(worstCost(t)).minus(t.fee);
    }
    trades.push(...sells, ...bought);
    cashAfter.set(account.name, cash);
  }
  return { trades, cashAfter, warnings };
}

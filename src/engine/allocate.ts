/**
 * Household → accounts. Money never moves between accounts, so each account can only pair its own
 * sales with its own purchases (or spend its own cash above the reserve). Given how far each class
 * is from its desired value, this decides, account by account, how many dollars of each class to
 * sell and to buy.
 */
import Decimal from "decimal.js";
import { SellOrder } from "../contract/portfolio";
import { Account } from "./positions";
import { gainRatio } from "./lots";

export interface ClassMove {
  account: string;
  assetClass: string;
  /** Positive = buy dollars, negative = sell dollars. */
  amount: Decimal;
}

export interface AllocateOptions {
  sellOrder: SellOrder;
  /** Tax Aware: trade in tax-advantaged accounts before taxable ones. */
  taxAware: boolean;
  /** Accounts that must reach their reserve even by selling classes that are not overweight (a withdrawal's account). */
  mustRaise: (account: string) => boolean;
}

const ZERO = new Decimal(0);
const cents = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_DOWN);
const sum = (xs: Decimal[]) => xs.reduce((s, x) => s.plus(x), ZERO);

/** Splits `amount` over `caps` in proportion to them, never exceeding a cap; returns the parts (to the cent). */
export function splitProportionally(amount: Decimal, caps: Decimal[]): Decimal[] {
  const total = sum(caps);
  if (total.lte(0) || amount.lte(0)) return caps.map(() => ZERO);
  const take = Decimal.min(amount, total);
  const parts = caps.map((c) => cents(c.times(take).div(total)));
  // Hand out the cents lost to rounding, largest remaining cap first.
  let left = take.minus(sum(parts));
  const order = caps.map((_, i) => i).sort((a, b) => caps[b].minus(parts[b]).comparedTo(caps[a].minus(parts[a])));
  for (const i of order) {
    if (left.lt(0.01)) break;
    const add = cents(Decimal.min(caps[i].minus(parts[i]), left));
    parts[i] = parts[i].plus(add);
    left = left.minus(add);
  }
  return parts;
}

/**
 * Takes `amount` from the largest caps first: the largest is brought down to the next, then both
 * together, and so on (what is left of each cap ends level). Parts to the cent, never above a cap.
 */
export function takeFromTop(amount: Decimal, caps: Decimal[]): Decimal[] {
  const total = sum(caps);
  if (total.lte(0) || amount.lte(0)) return caps.map(() => ZERO);
  const take = Decimal.min(amount, total);
  const sorted = caps.map((c, i) => ({ c, i })).sort((a, b) => b.c.comparedTo(a.c) || a.i - b.i);
  // Find the level L with Σ max(0, cap − L) = take.
  let level = ZERO;
  let above = ZERO;
  for (let k = 0; k < sorted.length; k++) {
    above = above.plus(sorted[k].c);
    const next = k + 1 < sorted.length ? sorted[k + 1].c : ZERO;
    const freed = above.minus(next.times(k + 1));
    if (freed.gte(take)) {
      level = above.minus(take).div(k + 1);
      break;
    }
  }
  const exact = caps.map((c) => Decimal.max(ZERO, c.minus(level)));
  return splitProportionally(take, exact);
}

/**
 * delta: desired − current per non-cash class (dollars). cashDelta: desired − current for cash.
 * Returns per-account class moves. Within an account, sales fund purchases; cash above the reserve
 * is spent while the household holds more cash than desired; accounts below their reserve raise it.
 */
export function allocateMoves(accounts: Account[], delta: Map<string, Decimal>, cashDelta: Decimal, options: AllocateOptions): ClassMove[] {
  const need = new Map<string, Decimal>();
  const excess = new Map<string, Decimal>();
  for (const [c, d] of delta) {
    if (d.gt(0)) need.set(c, d);
    else if (d.lt(0)) excess.set(c, d.neg());
  }
  let cashToSpend = cashDelta.lt(0) ? cashDelta.neg() : ZERO;
  let cashToRaise = cashDelta.gt(0) ? cashDelta : ZERO;
  const moves = new Map<string, Decimal>();
  const sold = new Map<string, Decimal>();
  const k = (account: string, cls: string) => `${account}\u0000${cls}`;
  const move = (account: string, cls: string, amount: Decimal) => {
    if (amount.isZero()) return;
    moves.set(k(account, cls), (moves.get(k(account, cls)) ?? ZERO).plus(amount));
  };

  const ordered = options.taxAware ? [...accounts].sort((a, b) => Number(a.taxable) - Number(b.taxable)) : accounts;
  // Per account: the classes it can buy, and what it can sell of each class.
  const buyableClasses = new Map<string, string[]>();
  const sellable = new Map<string, Decimal>();
  for (const a of accounts) {
    buyableClasses.set(a.name, [...new Set(a.positions.filter((p) => p.buyable).map((p) => p.assetClass))]);
    for (const p of a.positions) {
      if (p.sellableValue.gt(0)) sellable.set(k(a.name, p.assetClass), (sellable.get(k(a.name, p.assetClass)) ?? ZERO).plus(p.sellableValue));
    }
  }
  const buyable = (a: Account) => buyableClasses.get(a.name)!;
  const sellCap = (a: Account, cls: string) => (sellable.get(k(a.name, cls)) ?? ZERO).minus(sold.get(k(a.name, cls)) ?? ZERO);

  /** Order in which an account's classes give up money, per Sell Order. */
  const classGain = (a: Account, cls: string): number => {
    const ratios = a.positions.filter((p) => p.assetClass === cls).map((p) => gainRatio(p.lots, p.price) ?? 0);
    return ratios.length ? Math.max(...ratios) : 0;
  };
  const sellFrom = (a: Account, classes: string[], caps: Decimal[], amount: Decimal): Decimal[] => {
    if (options.sellOrder === "Most Overweight") return takeFromTop(amount, caps);
    const sign = options.sellOrder === "Highest Gain First" ? -1 : 1;
    const order = classes.map((c, i) => ({ i, g: classGain(a, c) })).sort((x, y) => sign * (x.g - y.g) || x.i - y.i);
    const parts = caps.map(() => ZERO);
    let left = amount;
    for (const { i } of order) {
      parts[i] = cents(Decimal.min(caps[i], left));
      left = left.minus(parts[i]);
    }
    return parts;
  };
  const sellClasses = (a: Account, amount: Decimal, classes: string[], capOf: (c: string) => Decimal): Decimal => {
    const caps = classes.map(capOf);
    const parts = sellFrom(a, classes, caps, Decimal.min(amount, sum(caps)));
    classes.forEach((c, i) => {
      if (parts[i].isZero()) return;
      move(a.name, c, parts[i].neg());
      if (excess.has(c)) excess.set(c, Decimal.max(ZERO, excess.get(c)!.minus(parts[i])));
      sold.set(k(a.name, c), (sold.get(k(a.name, c)) ?? ZERO).plus(parts[i]));
    });
    return sum(parts);
  };
  /**
   * Spends an account's budget on the underweight classes it can buy. Needs that the accounts still
   * to come cannot cover (they cannot buy the class, or lack the funds) come first; the rest is
   * shared in proportion to need.
   */
  const buyInto = (a: Account, budget: Decimal, later: Account[], fundsOf: (b: Account) => Decimal): Decimal => {
    const classes = buyable(a).filter((c) => (need.get(c) ?? ZERO).gt(0));
    const laterFunds = later.map((b) => ({ b, funds: fundsOf(b) })).filter((x) => x.funds.gt(0));
    const onlyHere = classes.map((c) => {
      const coverable = laterFunds.filter((x) => buyable(x.b).includes(c)).reduce((s, x) => s.plus(x.funds), ZERO);
      return Decimal.max(ZERO, need.get(c)!.minus(coverable));
    });
    const first = splitProportionally(budget, onlyHere);
    const rest = splitProportionally(budget.minus(sum(first)), classes.map((c, i) => need.get(c)!.minus(first[i])));
    classes.forEach((c, i) => {
      const part = first[i].plus(rest[i]);
      move(a.name, c, part);
      need.set(c, need.get(c)!.minus(part));
    });
    return sum(first).plus(sum(rest));
  };
  const overClasses = () => [...excess.keys()].filter((c) => excess.get(c)!.gt(0));

  // 0. Accounts below their reserve raise the shortfall from overweight classes; an account paying a
  //    withdrawal sells whatever it must.
  for (const a of ordered) {
    let short = a.reserve.minus(a.cash);
    if (short.lte(0)) continue;
    short = short.minus(sellClasses(a, short, overClasses(), (c) => Decimal.min(excess.get(c)!, sellCap(a, c))));
    if (short.gt(0) && options.mustRaise(a.name)) {
      const any = [...new Set(a.positions.filter((p) => p.sellable.gt(0)).map((p) => p.assetClass))];
      sellClasses(a, short, any, (c) => sellCap(a, c));
    }
  }

  // 1. Spend cash above each account's reserve, while the household holds more cash than desired.
  const spendable = (a: Account) => Decimal.max(ZERO, a.cash.minus(a.reserve));
  ordered.forEach((a, i) => {
    if (cashToSpend.lte(0)) return;
    cashToSpend = cashToSpend.minus(buyInto(a, Decimal.min(spendable(a), cashToSpend), ordered.slice(i + 1), spendable));
  });

  // 2. Within each account, sell overweight classes to fund underweight ones (and to raise cash when short).
  const canSellIn = (a: Account) => sum(overClasses().map((c) => Decimal.min(excess.get(c)!, sellCap(a, c))));
  for (const [i, a] of ordered.entries()) {
    const over = overClasses();
    const canSell = canSellIn(a);
    const canBuy = sum(buyable(a).map((c) => need.get(c) ?? ZERO)).plus(cashToRaise);
    const swap = cents(Decimal.min(canSell, canBuy));
    if (swap.lte(0)) continue;
    const raised = sellClasses(a, swap, over, (c) => Decimal.min(excess.get(c)!, sellCap(a, c)));
    const bought = buyInto(a, raised, ordered.slice(i + 1), canSellIn);
    cashToRaise = Decimal.max(ZERO, cashToRaise.minus(raised.minus(bought)));
  }

  return [...moves.entries()].map(([key, amount]) => {
    const [account, assetClass] = key.split("\u0000");
    return { account, assetClass, amount };
  });
}

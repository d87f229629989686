/**
 * Household → accounts. Money never moves between accounts, so each account can only pair its own
 * sales with its own purchases (or spend its own cash above the reserve). Given how far each class
 * is from its desired value, this decides, account by account, how many dollars of each class to
 * sell and to buy.
 */
import Decimal from "decimal.js";
import { Account } from "./positions";

export interface ClassMove {
  account: string;
  assetClass: string;
  /** Positive = buy dollars, negative = sell dollars. */
  amount: Decimal;
}

const ZERO = new Decimal(0);
const cents = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_DOWN);

/** Splits `amount` over `caps` in proportion to them, never exceeding a cap; returns the parts (to the cent). */
export function splitProportionally(amount: Decimal, caps: Decimal[]): Decimal[] {
  const sum = caps.reduce((s, c) => s.plus(c), ZERO);
  if (sum.lte(0) || amount.lte(0)) return caps.map(() => ZERO);
  const take = Decimal.min(amount, sum);
  const parts = caps.map((c) => cents(c.times(take).div(sum)));
  // Hand out the cents lost to rounding, largest remaining cap first.
  let left = take.minus(parts.reduce((s, p) => s.plus(p), ZERO));
  const order = caps.map((_, i) => i).sort((a, b) => caps[b].minus(parts[b]).comparedTo(caps[a].minus(parts[a])));
  for (const i of order) {
    if (left.lt(0.01)) break;
    const room = caps[i].minus(parts[i]);
    const add = cents(Decimal.min(room, left));
    parts[i] = parts[i].plus(add);
    left = left.minus(add);
  }
  return parts;
}

/**
 * delta: desired − current per non-cash class (dollars). cashDelta: desired − current for cash.
 * Returns per-account class moves whose sums per account are cash-neutral, except spending of
 * cash above the reserve (when the household holds more cash than desired) and raising cash
 * (when it holds less).
 */
export function allocateMoves(accounts: Account[], delta: Map<string, Decimal>, cashDelta: Decimal): ClassMove[] {
  const need = new Map<string, Decimal>();
  const excess = new Map<string, Decimal>();
  for (const [c, d] of delta) {
    if (d.gt(0)) need.set(c, d);
    else if (d.lt(0)) excess.set(c, d.neg());
  }
  let cashToSpend = cashDelta.lt(0) ? cashDelta.neg() : ZERO;
  let cashToRaise = cashDelta.gt(0) ? cashDelta : ZERO;
  const moves = new Map<string, Decimal>();
  const move = (account: string, cls: string, amount: Decimal) => {
    if (amount.isZero()) return;
    const key = `${account}\u0000${cls}`;
    moves.set(key, (moves.get(key) ?? ZERO).plus(amount));
  };

  const buyable = (a: Account) => [...new Set(a.positions.filter((p) => p.tradable).map((p) => p.assetClass))];
  const sellCap = (a: Account, cls: string) =>
    a.positions.filter((p) => p.assetClass === cls).reduce((s, p) => s.plus(p.sellable.times(p.price)), ZERO);

  const buyInto = (a: Account, budget: Decimal): Decimal => {
    const classes = buyable(a).filter((c) => (need.get(c) ?? ZERO).gt(0));
    const parts = splitProportionally(budget, classes.map((c) => need.get(c)!));
    let spent = ZERO;
    classes.forEach((c, i) => {
      move(a.name, c, parts[i]);
      need.set(c, need.get(c)!.minus(parts[i]));
      spent = spent.plus(parts[i]);
    });
    return spent;
  };

  // 1. Spend cash above each account's reserve, while the household has more cash than desired.
  for (const a of accounts) {
    if (cashToSpend.lte(0)) break;
    const spendable = Decimal.max(ZERO, a.cash.minus(a.reserve));
    const spent = buyInto(a, Decimal.min(spendable, cashToSpend));
    cashToSpend = cashToSpend.minus(spent);
  }

  // 2. Within each account, sell overweight classes to fund underweight ones (and to raise cash when short).
  const sold = new Map<string, Decimal>();
  for (const a of accounts) {
    const over = [...excess.keys()].filter((c) => excess.get(c)!.gt(0));
    const caps = over.map((c) => Decimal.min(excess.get(c)!, sellCap(a, c).minus(sold.get(`${a.name}\u0000${c}`) ?? ZERO)));
    const canSell = caps.reduce((s, c) => s.plus(c), ZERO);
    const canBuy = buyable(a).reduce((s, c) => s.plus(need.get(c) ?? ZERO), ZERO).plus(cashToRaise);
    const swap = cents(Decimal.min(canSell, canBuy));
    if (swap.lte(0)) continue;
    const sells = splitProportionally(swap, caps);
    over.forEach((c, i) => {
      move(a.name, c, sells[i].neg());
      excess.set(c, excess.get(c)!.minus(sells[i]));
      const k = `${a.name}\u0000${c}`;
      sold.set(k, (sold.get(k) ?? ZERO).plus(sells[i]));
    });
    const bought = buyInto(a, swap);
    cashToRaise = Decimal.max(ZERO, cashToRaise.minus(swap.minus(bought)));
  }

  return [...moves.entries()].map(([key, amount]) => {
    const [account, assetClass] = key.split("\u0000");
    return { account, assetClass, amount };
  });
}

/**
 * Dollar moves → orders: quantities in multiples of the lot size, trades below Min Trade dropped,
 * fees (per trade + bps) paid from the account's cash, limit prices, realised gains by lot, the
 * wash-sale guard, and every account's buys + fees kept within its cash + sales − reserve (buys are
 * budgeted at their limit price, the worst fill).
 */
import Decimal from "decimal.js";
import { money } from "../display";
import { Policy } from "../contract/portfolio";
import { Account, Position } from "./positions";
import { ClassMove } from "./allocate";
import { gainRatio, orderLots, realize, unitGain } from "./lots";
import { Trade } from "./types";
import { Holding } from "../contract/portfolio";
import { addBusinessDays } from "../dates/calendar";
import { BuyRules, NO_RULES, buyVehicles } from "./vehicles";

const ZERO = new Decimal(0);
/** Fractional quantities are kept to this many decimal places. */
export const FRACTIONAL_PLACES = 6;

export const toCents = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

/** The fee per trade of a position: its Holdings Trade Fee (a custodian's alternative-asset charge), else the Policy's Fee Per Trade. */
export function perTradeFee(p: Pick<Position, "tradeFee">, policy: Policy): Decimal {
  return p.tradeFee ?? policy.feePerTrade;
}

export function tradeFee(amount: Decimal, policy: Policy, p: Pick<Position, "tradeFee">): Decimal {
  return toCents(perTradeFee(p, policy).plus(amount.times(policy.feeBps).div(10000)));
}

export function limitPrice(price: Decimal, side: "buy" | "sell", policy: Policy): Decimal {
  const offset = policy.limitOffsetBps.div(10000);
  return toCents(price.times(side === "buy" ? new Decimal(1).plus(offset) : new Decimal(1).minus(offset)));
}

/** The most a unit bought can cost: its limit price, never less than the price (Limit Offset Bps as a fraction). */
export function worstBuyPrice(price: Decimal, offset: number): Decimal {
  return Decimal.max(price, toCents(price.times(1 + offset)));
}

/** A position's key in the optimizer's quantities: account and symbol. */
export const positionKey = (p: Pick<Position, "account" | "symbol">) => `${p.account}\u0000${p.symbol}`;

/** Rounds a quantity to the lot size (0 = fractional) in the given direction. */
export function roundToLot(quantity: Decimal, lotSize: Decimal, mode: Decimal.Rounding): Decimal {
  if (lotSize.isZero()) return quantity.toDecimalPlaces(FRACTIONAL_PLACES, mode);
  return quantity.div(lotSize).toDecimalPlaces(0, mode).times(lotSize);
}

export interface ExecuteOptions {
  /** Tax Aware: taxable sales take losses first, then long-term, then short-term gains. */
  taxAware: boolean;
  /** Accounts that sell more when they would end below their reserve (Cash Flow: only a withdrawal's account). */
  restoreReserve: (account: string) => boolean;
  /** Models and Equivalents: what a class's buy goes to (default: the account's largest holding of it). */
  rules?: BuyRules;
  /**
   * The optimizer's choice of tax lots in taxable accounts (Holdings row index → dollars sold): a class's
   * sale there sells those lots (each position what the program sold of it, its chosen lots first)
   * instead of Sell Order and Lot Order.
   */
  lotPlan?: Map<number, Decimal>;
  /**
   * The optimizer's wash-sale choice: symbols it buys in the household, so that taxable sales of them leave
   * their loss lots (a loss would bar the buy). Compared ignoring case.
   */
  keepLosses?: string[];
  /**
   * The optimizer's exact orders (src/engine/optimizer/household.ts): position key → quantity, bought (> 0)
   * or sold (< 0), in whole lots (to a millionth of a unit where fractional); 0: not traded. A class move in
   * an account whose positions have one is carried out as exactly those orders (a sale's positions without
   * one sell what the orders leave of the move, in Sell Order); a buy is cut (a lot at a time) only if its
   * worst fill would not fit the cash the execution holds to the cent.
   */
  quantities?: Map<string, Decimal>;
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
    fee: tradeFee(amount, policy, p),
    realized: null,
    settlesOn: addBusinessDays(policy.asOf, p.settleDays),
  };
}

/** Positions of a class in the order they give up money, per Sell Order (Tax Aware: lowest gain first in taxable accounts). */
export function sellOrder(account: Pick<Account, "taxable">, positions: Position[], policy: Pick<Policy, "sellOrder">, taxAware: boolean): Position[] {
  const gain = (p: Position) => gainRatio(p.lots, p.price);
  const bySize = (a: Position, b: Position) => b.sellableValue.comparedTo(a.sellableValue) || a.order - b.order;
  const byGain = (sign: number) => (a: Position, b: Position) => {
    const ga = gain(a);
    const gb = gain(b);
    if (ga === null || gb === null) return ga === gb ? bySize(a, b) : ga === null ? 1 : -1;
    return sign * (ga - gb) || bySize(a, b);
  };
  const order =
    taxAware && account.taxable ? byGain(1) : policy.sellOrder === "Highest Gain First" ? byGain(-1) : policy.sellOrder === "Lowest Gain First" ? byGain(1) : bySize;
  return [...positions].sort(order);
}

class Ledger {
  readonly sold = new Map<Position, Decimal>();
  constructor(
    readonly policy: Policy,
    readonly options: ExecuteOptions,
  ) {}

  /**
   * Sells up to `quantity` of p (rounded to its lot), recording lots and realised gains. A sale
   * below Min Trade is dropped, unless `needed` (cash must be raised): then it grows to Min Trade
   * where the position allows, and is kept below it only when nothing more is held.
   */
  sell(account: Account, p: Position, quantity: Decimal, mode: Decimal.Rounding, needed = false): Trade | null {
    const already = this.sold.get(p) ?? ZERO;
    const keep = account.taxable && (this.options.keepLosses ?? []).some((s) => s.toLowerCase() === p.symbol.toLowerCase());
    // Loss lots kept (the wash-sale guard chose the buy): only the other lots may be sold.
    const kept = keep ? p.lots.filter((l) => l.tradable && !l.doNotSell && (unitGain(l, p.price)?.isNegative() ?? false)).reduce((q, l) => q.plus(l.quantity), ZERO) : ZERO;
    const room = roundToLot(p.sellable.minus(kept).minus(already), p.lotSize, Decimal.ROUND_DOWN);
    let q = Decimal.min(roundToLot(quantity, p.lotSize, mode), room);
    if (needed && q.gt(0) && q.times(p.price).lt(this.policy.minTrade)) {
      q = Decimal.min(roundToLot(this.policy.minTrade.div(p.price), p.lotSize, Decimal.ROUND_UP), room);
    }
    if (q.lte(0)) return null;
    const t = makeTrade(p, "sell", q, this.policy);
    if ((!needed && t.amount.lt(this.policy.minTrade)) || t.fee.gte(t.amount)) return null;
    if (account.taxable) {
      const ordered = orderLots(p.lots, p.price, this.policy.lotOrder, this.policy.asOf, this.options.taxAware);
      const isLoss = (l: Holding) => unitGain(l, p.price)?.isNegative() ?? false;
      const lots = this.chosenFirst(keep ? [...ordered.filter((l) => !isLoss(l)), ...ordered.filter(isLoss)] : ordered);
      // Lots already used by an earlier sale of this position are skipped.
      t.realized = realize(skipQuantity(lots, already), q, p.price, this.policy.asOf, t.fee);
    }
    this.sold.set(p, already.plus(q));
    return t;
  }

  /**
   * The lots in the order a sale takes them: with a lot plan, first the part of each lot the program sells (the
   * lots it sells most of first), then what is left of every lot in the Lot Order. The program's split holds
   * exactly: taking its chosen lots whole, one after another, sold a lot it meant to sell in part to the end, and a
   * plan the program held within its Tax Budget realised $97,861.07 against a $25,000.00 budget.
   */
  private chosenFirst(lots: Holding[]): Holding[] {
    const plan = this.options.lotPlan;
    if (!plan || !lots.some((l) => plan.has(l.index))) return lots;
    const part = (l: Holding) => Decimal.min(l.quantity, (plan.get(l.index) ?? ZERO).div(l.price));
    const share = (l: Holding) => (l.quantity.gt(0) ? part(l).div(l.quantity).toNumber() : 0);
    const piece = (l: Holding, q: Decimal): Holding => ({ ...l, quantity: q, costBasis: scaleBasis(l, q) });
    const chosen = lots.filter((l) => plan.has(l.index) && part(l).gt(0)).sort((x, y) => share(y) - share(x));
    const rest = lots.map((l) => (chosen.includes(l) ? piece(l, l.quantity.minus(part(l))) : l)).filter((l) => l.quantity.gt(0));
    return [...chosen.map((l) => (part(l).eq(l.quantity) ? l : piece(l, part(l)))), ...rest];
  }
}

/** Dollars the lot plan sells of a position (0 without one). */
function plannedSale(plan: Map<number, Decimal> | undefined, p: Position): Decimal {
  return plan ? p.lots.reduce((s, l) => s.plus(plan.get(l.index) ?? ZERO), ZERO) : ZERO;
}

/** The gain the lot plan's sale of a position realises (lots without a Cost Basis count 0). */
/**
 * How a sale rounds to its lot. Under Max Turnover, down, so the rounding never takes the sales past the cap.
 * Under a Tax Budget (without Max Turnover), a sale the optimizer planned rounds down when it realises a gain and up
 * when it realises a net loss (rounded down, it gave up loss the budget counted on). Otherwise to the nearest lot.
 * `plannedGain` is null for a sale the optimizer did not plan lot by lot.
 */
function saleRounding(policy: Policy, plannedGain: Decimal | null): Decimal.Rounding {
  if (policy.maxTurnover !== null) return Decimal.ROUND_DOWN;
  if (policy.taxBudget === null || plannedGain === null) return Decimal.ROUND_HALF_UP;
  return plannedGain.isNegative() ? Decimal.ROUND_UP : Decimal.ROUND_DOWN;
}

function plannedGain(plan: Map<number, Decimal> | undefined, p: Position): Decimal {
  return plan ? p.lots.reduce((s, l) => s.plus((plan.get(l.index) ?? ZERO).div(p.price).times(unitGain(l, p.price) ?? ZERO)), ZERO) : ZERO;
}

/** The lots left after `quantity` units were taken from the front. */
function skipQuantity<L extends { quantity: Decimal }>(lots: L[], quantity: Decimal): L[] {
  let left = quantity;
  const out: L[] = [];
  for (const l of lots) {
    if (left.gte(l.quantity)) {
      left = left.minus(l.quantity);
      continue;
    }
    out.push(left.gt(0) ? { ...l, quantity: l.quantity.minus(left), costBasis: scaleBasis(l, l.quantity.minus(left)) } : l);
    left = ZERO;
  }
  return out;
}

function scaleBasis(l: { quantity: Decimal; costBasis?: Decimal | null }, q: Decimal): Decimal | null {
  const basis = l.costBasis ?? null;
  return basis === null || l.quantity.isZero() ? basis : basis.times(q).div(l.quantity);
}

/** What a buy costs if it fills at its limit price (never less than at the market price). */
function worstCost(t: Trade): Decimal {
  return toCents(t.quantity.times(Decimal.max(t.limitPrice, t.price)));
}

/** The largest buy of p (at most `cap` units, when given) whose worst-case cost (limit price) plus fee fits the budget. */
function planBuy(p: Position, budget: Decimal, policy: Policy, cap?: Decimal): Trade | null {
  if (budget.lte(0)) return null;
  const limit = limitPrice(p.price, "buy", policy);
  // A unit costs its worst fill and the fee in basis points on its amount at the market price (as tradeFee charges it,
  // and as the optimizer budgets it): taken on the limit price instead, a buy the program fitted to the cent came out a
  // whole lot smaller (6,600 shares planned, 6,500 bought: $32,000 left in cash, over its band).
  const perUnit = Decimal.max(limit, p.price).plus(p.price.times(policy.feeBps.div(10000)));
  let q = roundToLot(budget.minus(perTradeFee(p, policy)).div(perUnit), p.lotSize, Decimal.ROUND_DOWN);
  if (cap) q = Decimal.min(q, cap);
  const step = p.lotSize.isZero() ? new Decimal(10).pow(-FRACTIONAL_PLACES) : p.lotSize;
  // The estimate can fall a hair short of a lot that fits to the cent (the fee rounds to cents): 6,599.999997 units
  // rounded down to the lot of 100 bought 6,500 where the program had fitted 6,600 exactly. The next lot up is tried.
  const up = q.plus(step);
  if (!cap || up.lte(cap)) {
    const t = makeTrade(p, "buy", up, policy);
    if (worstCost(t).plus(t.fee).lte(budget)) q = up;
  }
  for (let i = 0; i < 3 && q.gt(0); i++) {
    const t = makeTrade(p, "buy", q, policy);
    const over = worstCost(t).plus(t.fee).minus(budget);
    if (over.lte(0)) return t.amount.lt(policy.minTrade) ? null : t;
    // Over by the cents of rounding: take off what covers them (at least a lot, or a millionth of a unit).
    q = q.minus(Decimal.max(step, roundToLot(over.div(perUnit), p.lotSize, Decimal.ROUND_UP)));
  }
  return null;
}

export interface Execution {
  trades: Trade[];
  /** Cash per account after the trades. */
  cashAfter: Map<string, Decimal>;
  warnings: string[];
}

export function executeMoves(accounts: Account[], moves: ClassMove[], policy: Policy, options: ExecuteOptions): Execution {
  const ledger = new Ledger(policy, options);
  const warnings: string[] = [];
  const cash = new Map(accounts.map((a) => [a.name, a.cash]));
  const sells = new Map<string, Trade[]>(accounts.map((a) => [a.name, []]));
  const addSell = (a: Account, t: Trade | null) => {
    if (!t) return;
    sells.get(a.name)!.push(t);
    cash.set(a.name, cash.get(a.name)!.plus(t.amount).minus(t.fee));
  };

  // Sales everywhere first, so the wash-sale guard knows every loss before any purchase is chosen.
  for (const a of accounts) {
    for (const m of moves.filter((x) => x.account === a.name && x.amount.lt(0))) {
      let left = m.amount.neg();
      let positions = sellOrder(a, a.positions.filter((p) => p.assetClass === m.assetClass && p.sellable.gt(0)), policy, options.taxAware);
      const programmed = positions.filter((p) => options.quantities?.has(positionKey(p)));
      if (programmed.length) {
        // The program's orders: each position sells what it sold, in whole lots (its chosen tax lots first).
        for (const p of programmed) {
          const q = options.quantities!.get(positionKey(p))!;
          const t = q.lt(0) ? ledger.sell(a, p, q.neg(), Decimal.ROUND_DOWN) : null;
          addSell(a, t);
          if (t) left = left.minus(t.amount);
        }
        // What they leave of the move is the program's sale of positions in lots too small to count whole.
        positions = positions.filter((p) => !programmed.includes(p));
        if (positions.length === 0 || left.lt(0.01)) continue;
      }
      const planned = a.taxable ? positions.filter((p) => plannedSale(options.lotPlan, p).gt(0)) : [];
      if (planned.length) {
        // The optimizer chose the lots: each position sells what the program sold of it (rounded as
        // saleRounding says, so a Tax Budget or Max Turnover holds), and never more in all than the class's move; nothing
        // else of the class is sold.
        for (const p of planned) {
          if (left.lt(0.01)) break;
          const t = ledger.sell(a, p, Decimal.min(left, plannedSale(options.lotPlan, p)).div(p.price), saleRounding(policy, plannedGain(options.lotPlan, p)));
          addSell(a, t);
          if (t) left = left.minus(t.amount);
        }
        continue;
      }
      for (const p of positions) {
        if (left.lte(0)) break;
        const t = ledger.sell(a, p, left.div(p.price), saleRounding(policy, null));
        addSell(a, t);
        if (t) left = left.minus(t.amount);
      }
    }
    // Below the reserve (a withdrawal, fees, rounding): sell more, largest positions first, rounding up.
    if (options.restoreReserve(a.name)) {
      for (const p of sellOrder(a, a.positions.filter((x) => x.sellable.gt(0)), policy, options.taxAware)) {
        const short = a.reserve.minus(cash.get(a.name)!);
        if (short.lte(0)) break;
        const gross = short.plus(perTradeFee(p, policy)).div(new Decimal(1).minus(policy.feeBps.div(10000)));
        const t = ledger.sell(a, p, gross.div(p.price), Decimal.ROUND_UP, true);
        if (t && t.amount.lt(policy.minTrade)) warnings.push(`${a.name}: ${t.symbol} sale of ${money(t.amount)} is below Min Trade; it is needed to keep the cash reserve`);
        addSell(a, t);
      }
      const still = a.reserve.minus(cash.get(a.name)!);
      if (still.gt(0)) warnings.push(`${a.name}: cash ends ${money(still)} below the ${money(a.reserve)} reserve; nothing more can be sold`);
    }
  }

  // Wash-sale guard: a symbol sold at a loss in a taxable account is bought nowhere in the household.
  const barred = new Set<string>();
  for (const list of sells.values()) {
    for (const t of list) if (t.realized && t.realized.shortTerm.plus(t.realized.longTerm).isNegative()) barred.add(t.symbol);
  }

  const trades: Trade[] = [];
  for (const a of accounts) {
    const buys = moves.filter((m) => m.account === a.name && m.amount.gt(0));
    const wanted = buys.reduce((s, m) => s.plus(m.amount), ZERO);
    const available = Decimal.max(ZERO, cash.get(a.name)!.minus(a.reserve));
    // The program's orders were budgeted at their worst fill: they are cut only if that does not fit (below).
    const ordered = buys.some((m) => a.positions.some((p) => p.assetClass === m.assetClass && options.quantities?.has(positionKey(p))));
    const scale = wanted.gt(available) && wanted.gt(0) && !ordered ? available.div(wanted) : new Decimal(1);
    if (scale.lt(1) && wanted.minus(available).gte(1)) {
      warnings.push(`${a.name}: buys cut to the cash available (${money(available)} after the ${money(a.reserve)} reserve) instead of ${money(wanted)}`);
    }
    const bought: Trade[] = [];
    // Cash left if every buy so far filled at its limit price: what later buys are budgeted against.
    let worstCash = cash.get(a.name)!;
    for (const m of buys) {
      const { vehicles, notes } = buyVehicles(a, m.assetClass, barred, options.rules ?? NO_RULES);
      warnings.push(...notes);
      if (vehicles.length === 0) {
        const blocked = buyVehicles(a, m.assetClass, new Set(), options.rules ?? NO_RULES).vehicles[0];
        if (blocked) warnings.push(`${a.name}: no ${m.assetClass} buy: ${blocked.position.symbol} was sold at a loss in a taxable account (wash sale) and the sheet lists no other ${m.assetClass} security here (Equivalents can name a substitute)`);
        continue;
      }
      // The program's orders, when it made them for this buy: each security's quantity, as far as the cash allows.
      const programmed = vehicles.some((v) => options.quantities?.has(positionKey(v.position)));
      // A model's securities share the class's buy; the last takes what the others leave.
      let left = m.amount.times(scale);
      vehicles.forEach((v, i) => {
        const part = i === vehicles.length - 1 ? left : m.amount.times(scale).times(v.share);
        left = left.minus(part);
        const exact = programmed ? (options.quantities!.get(positionKey(v.position)) ?? ZERO) : null;
        if (exact?.lte(0)) return;
        // A move is the class's change in market value: `part` dollars at the price, down to the lot, as far as the cash
        // covers them at their worst fill and fees (taken as the budget for the fill and the fees, it bought a lot less
        // than the program had budgeted: 14,300 where 14,405.9 were planned and the cash covered 14,400).
        const wantedUnits = exact ?? roundToLot(part.div(v.position.price), v.position.lotSize, Decimal.ROUND_DOWN);
        const t = wantedUnits.gt(0) ? planBuy(v.position, worstCash.minus(a.reserve).toDecimalPlaces(2, Decimal.ROUND_DOWN), policy, wantedUnits) : null;
        if (exact && (!t || t.quantity.lt(exact))) warnings.push(`${a.name}: ${v.position.symbol} buy cut to ${t ? t.quantity.toString() : "nothing"} of the ${exact.toString()} planned: the cash available (${money(Decimal.max(ZERO, worstCash.minus(a.reserve)))} after the ${money(a.reserve)} reserve) does not cover it at its limit price`);
        if (!t) return;
        bought.push(t);
        cash.set(a.name, cash.get(a.name)!.minus(t.amount).minus(t.fee));
        worstCash = worstCash.minus(worstCost(t)).minus(t.fee);
      });
    }
    trades.push(...sells.get(a.name)!, ...bought);
  }
  return { trades, cashAfter: cash, warnings };
}

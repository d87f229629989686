/** Lots grouped into positions (account + symbol) and accounts with their cash. */
import Decimal from "decimal.js";
import { AccountType, Holding, Portfolio } from "../contract/portfolio";
import { DEFAULT_ACCOUNT_TYPE, isTaxAdvantaged } from "../contract/vocabulary";
import { Exposure, fundsOf } from "./look-through";
import { heldStill } from "./do-not-trade";

export interface Position {
  account: string;
  symbol: string;
  /** Its Holdings class; for a look-through fund, the name of its mix (src/engine/look-through.ts). */
  assetClass: string;
  /** A look-through fund's classes by share; null = wholly in `assetClass`. */
  exposure: Exposure[] | null;
  /**
   * Not held in this account, added so that Models and Equivalents can buy it here (quantity 0, priced
   * as the household's Holdings price it): a model security of a class the account holds, or a
   * substitute of a security it holds.
   */
  added: boolean;
  price: Decimal;
  /** Sum of all lots. */
  quantity: Decimal;
  /** Sum of tradable lots: the most that may be sold. */
  sellable: Decimal;
  /** A trade's quantity is a multiple of this; 0 = fractional. */
  lotSize: Decimal;
  /** Dollars per trade of this position (Holdings Trade Fee); null = the Policy's Fee Per Trade. */
  tradeFee: Decimal | null;
  /** Business days from trade to settlement. */
  settleDays: number;
  /** Some lot is tradable. */
  tradable: boolean;
  /** Tradable and no row says Do Not Buy: the position may be bought. */
  buyable: boolean;
  lots: Holding[];
  /** Order of first appearance in Holdings. */
  order: number;
  /** quantity × price. */
  value: Decimal;
  /** sellable × price. */
  sellableValue: Decimal;
}

/** Business days a trade takes to settle when Holdings gives no Settle Days: T+1, the US standard for listed securities since 2024-05-28 (SEC Rule 15c6-1). */
export const DEFAULT_SETTLE_DAYS = 1;

export interface Account {
  name: string;
  /** From the Accounts range; accounts it does not list are Traditional IRAs. */
  type: AccountType;
  taxable: boolean;
  cash: Decimal;
  reserve: Decimal;
  positions: Position[];
}

/** Non-cash positions by account, accounts in order of first appearance. */
export function groupAccounts(portfolio: Portfolio): Account[] {
  const accounts = new Map<string, Account>();
  const positions = new Map<string, Position>();
  const funds = fundsOf(portfolio.lookThrough);
  for (const h of portfolio.holdings) {
    let account = accounts.get(h.account);
    if (!account) {
      const row = portfolio.accounts.find((a) => a.account === h.account);
      const type = row?.type ?? DEFAULT_ACCOUNT_TYPE;
      account = { name: h.account, type, taxable: !isTaxAdvantaged(type), cash: new Decimal(0), reserve: row?.cashReserve ?? portfolio.policy.cashReserve, positions: [] };
      accounts.set(h.account, account);
    }
    if (h.isCash) {
      account.cash = account.cash.plus(h.quantity);
      continue;
    }
    const key = `${h.account}\u0000${h.symbol}`;
    let p = positions.get(key);
    if (!p) {
      p = {
        account: h.account,
        symbol: h.symbol,
        assetClass: funds.get(h.symbol.toLowerCase())?.label ?? h.assetClass,
        exposure: funds.get(h.symbol.toLowerCase())?.exposure ?? null,
        added: false,
        price: h.price,
        quantity: new Decimal(0),
        sellable: new Decimal(0),
        lotSize: h.lotSize,
        tradeFee: h.tradeFee,
        settleDays: h.settleDays ?? DEFAULT_SETTLE_DAYS,
        tradable: false,
        buyable: false,
        lots: [],
        order: positions.size,
        value: new Decimal(0),
        sellableValue: new Decimal(0),
      };
      positions.set(key, p);
      account.positions.push(p);
    }
    // The first lot's quantity is taken as is: most positions hold one lot, and Decimal sums are what cost.
    p.quantity = p.lots.length === 0 ? h.quantity : p.quantity.plus(h.quantity);
    if (h.tradable) {
      // A lot marked Do Not Sell stays where it is; the position can still be bought.
      if (!h.doNotSell) p.sellable = p.sellable.isZero() ? h.quantity : p.sellable.plus(h.quantity);
      if (!p.tradable) {
        p.lotSize = h.lotSize;
        p.tradeFee = h.tradeFee;
        p.settleDays = h.settleDays ?? DEFAULT_SETTLE_DAYS;
      }
      p.tradable = true;
    }
    p.lots.push(h);
  }
  for (const p of positions.values()) {
    p.buyable = p.tradable && !p.lots.some((l) => l.doNotBuy);
    p.value = p.quantity.times(p.price);
    p.sellableValue = p.sellable.eq(p.quantity) ? p.value : p.sellable.times(p.price);
  }
  const list = [...accounts.values()];
  addBuyable(list, portfolio, positions.size);
  return list;
}

/**
 * Adds, to each account, the securities Models and Equivalents may buy there that it does not hold:
 * each model security of a class the account holds, and each substitute of a security it holds. Each is
 * priced from the household's first Holdings row of it (a tradable one if any); a security Holdings
 * does not list has no price and is not added (src/engine/vehicles.ts says so when it is needed).
 */
function addBuyable(accounts: Account[], portfolio: Portfolio, firstOrder: number): void {
  if (portfolio.models.length === 0 && portfolio.equivalents.length === 0) return;
  const source = new Map<string, Holding>();
  for (const h of portfolio.holdings) {
    const key = h.symbol.toLowerCase();
    if (h.isCash) continue;
    const known = source.get(key);
    if (!known || (!known.tradable && h.tradable)) source.set(key, h);
  }
  const funds = fundsOf(portfolio.lookThrough);
  let order = firstOrder;
  for (const a of accounts) {
    const held = new Set(a.positions.map((p) => p.symbol.toLowerCase()));
    const classes = new Set(a.positions.filter((p) => !p.exposure).map((p) => p.assetClass));
    const wanted = [
      ...portfolio.models.filter((m) => classes.has(m.assetClass)).map((m) => m.symbol),
      ...portfolio.equivalents.filter((e) => held.has(e.symbol.toLowerCase())).map((e) => e.substitute),
    ];
    for (const symbol of wanted) {
      const h = source.get(symbol.toLowerCase());
      if (!h || held.has(symbol.toLowerCase()) || heldStill(portfolio, a.name, symbol)) continue;
      held.add(symbol.toLowerCase());
      const fund = funds.get(symbol.toLowerCase());
      const zero = new Decimal(0);
      a.positions.push({
        account: a.name,
        symbol: h.symbol,
        assetClass: fund?.label ?? h.assetClass,
        exposure: fund?.exposure ?? null,
        added: true,
        price: h.price,
        quantity: zero,
        sellable: zero,
        lotSize: h.lotSize,
        tradeFee: h.tradeFee,
        settleDays: h.settleDays ?? DEFAULT_SETTLE_DAYS,
        tradable: h.tradable,
        buyable: h.tradable,
        lots: [],
        order: order++,
        value: zero,
        sellableValue: zero,
      });
    }
  }
}

/** Money into (+) or out of (−) one account; `account` as it is before the flow. */
export interface Flow {
  account: Account;
  amount: Decimal;
}

/** A copy of the accounts with each flow added to (or taken from) its account's cash. */
export function withFlows(accounts: Account[], flows: Flow[]): Account[] {
  return accounts.map((a) => {
    const mine = flows.filter((f) => f.account.name === a.name);
    return mine.length === 0 ? a : { ...a, cash: mine.reduce((c, f) => c.plus(f.amount), a.cash) };
  });
}

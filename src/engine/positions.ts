/** Lots grouped into positions (account + symbol) and accounts with their cash. */
import Decimal from "decimal.js";
import { AccountType, Holding, Portfolio } from "../contract/portfolio";
import { DEFAULT_ACCOUNT_TYPE, isTaxAdvantaged } from "../contract/vocabulary";

export interface Position {
  account: string;
  symbol: string;
  assetClass: string;
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
        assetClass: h.assetClass,
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
  return [...accounts.values()];
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

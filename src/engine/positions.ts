/** Lots grouped into positions (account + symbol) and accounts with their cash. */
import Decimal from "decimal.js";
import { Holding, Portfolio } from "../contract/portfolio";

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
  /** Some lot is tradable, so the position may be bought. */
  tradable: boolean;
  lots: Holding[];
  /** Order of first appearance in Holdings. */
  order: number;
}

export interface Account {
  name: string;
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
      account = { name: h.account, cash: new Decimal(0), reserve: portfolio.policy.cashReserve, positions: [] };
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
        tradable: false,
        lots: [],
        order: positions.size,
      };
      positions.set(key, p);
      account.positions.push(p);
    }
    p.quantity = p.quantity.plus(h.quantity);
    if (h.tradable) {
      p.sellable = p.sellable.plus(h.quantity);
      if (!p.tradable) p.lotSize = h.lotSize;
      p.tradable = true;
    }
    p.lots.push(h);
  }
  return [...accounts.values()];
}

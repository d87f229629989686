/**
 * Block orders: the trades of the same symbol and side across every account of every household
 * aggregated into one order for the trading desk, and the allocation file that says how much of each
 * block each account ordered (the custodian's post-trade allocation; `rebalance allocate` shares the
 * fills back by it).
 *
 * A block's quantity is the sum of the accounts' quantities. Its limit price is the most conservative
 * of theirs, so no account trades at a price worse than its own limit: the lowest buy limit, the
 * highest sell limit. Sells come first (they raise the cash the buys spend), then by symbol; blocks
 * are numbered in that order (B001, B002, …).
 */
import Decimal from "decimal.js";
import { FirmTrade } from "./household-row";
import { csvText } from "./orders";

export const BLOCK_HEADERS = ["Block", "Symbol", "Side", "Quantity", "Limit Price", "Accounts"];
export const ALLOCATION_HEADERS = ["Block", "Household", "Account", "Symbol", "Side", "Quantity"];

export interface BlockOrder {
  block: string;
  symbol: string;
  side: "BUY" | "SELL";
  quantity: Decimal;
  limitPrice: Decimal;
  /** The accounts (household and account) in the block. */
  accounts: number;
}

export interface AllocationLine {
  block: string;
  household: string;
  account: string;
  symbol: string;
  side: "BUY" | "SELL";
  quantity: Decimal;
}

export interface Blocks {
  blocks: BlockOrder[];
  allocation: AllocationLine[];
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The block orders and the allocation of the trades given (households and accounts in name order within a block). */
export function blockOrders(trades: FirmTrade[]): Blocks {
  const groups = new Map<string, FirmTrade[]>();
  for (const t of trades) {
    const key = `${t.side}\u0000${t.symbol}`;
    const group = groups.get(key);
    if (group) group.push(t);
    else groups.set(key, [t]);
  }
  const ordered = [...groups.values()].sort((a, b) => compare(b[0].side, a[0].side) || compare(a[0].symbol, b[0].symbol));
  const width = Math.max(3, String(ordered.length).length);
  const blocks: BlockOrder[] = [];
  const allocation: AllocationLine[] = [];
  ordered.forEach((group, i) => {
    const block = `B${String(i + 1).padStart(width, "0")}`;
    const side = group[0].side === "buy" ? "BUY" : "SELL";
    // One allocation line per account, however many of its trades the block holds.
    const perAccount = new Map<string, AllocationLine>();
    for (const t of group) {
      const key = `${t.household}\u0000${t.account}`;
      const line = perAccount.get(key);
      if (line) line.quantity = line.quantity.plus(t.quantity);
      else perAccount.set(key, { block, household: t.household, account: t.account, symbol: t.symbol, side, quantity: new Decimal(t.quantity) });
    }
    const lines = [...perAccount.values()].sort((a, b) => compare(a.household, b.household) || compare(a.account, b.account));
    allocation.push(...lines);
    const limits = group.map((t) => new Decimal(t.limitPrice));
    blocks.push({
      block,
      symbol: group[0].symbol,
      side,
      quantity: lines.reduce((s, l) => s.plus(l.quantity), new Decimal(0)),
      limitPrice: side === "BUY" ? Decimal.min(...limits) : Decimal.max(...limits),
      accounts: lines.length,
    });
  });
  return { blocks, allocation };
}

/** The block order file (RFC 4180, CRLF; formula-like fields neutralised). */
export function blocksCsv(blocks: BlockOrder[]): string {
  return csvText(BLOCK_HEADERS, blocks.map((b) => [b.block, b.symbol, b.side, b.quantity.toFixed(), b.limitPrice.toFixed(2), String(b.accounts)]));
}

/** The allocation file `rebalance allocate` reads. */
export function allocationCsv(lines: AllocationLine[]): string {
  return csvText(ALLOCATION_HEADERS, lines.map((l) => [l.block, l.household, l.account, l.symbol, l.side, l.quantity.toFixed()]));
}

/** "blocks.allocation.csv" beside "blocks.csv". */
export function allocationFileName(blocksFile: string): string {
  return /\.csv$/i.test(blocksFile) ? blocksFile.replace(/\.csv$/i, ".allocation.csv") : `${blocksFile}.allocation.csv`;
}

/** The block order file and its allocation file: each its name and its text. */
export function blockFiles(blocksFile: string, orders: Blocks): { blocks: { fileName: string; csv: string }; allocation: { fileName: string; csv: string } } {
  return {
    blocks: { fileName: blocksFile, csv: blocksCsv(orders.blocks) },
    allocation: { fileName: allocationFileName(blocksFile), csv: allocationCsv(orders.allocation) },
  };
}

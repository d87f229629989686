/**
 * Post-trade allocation of block fills: each block's filled quantity is shared among the accounts
 * that ordered it, pro rata to what each ordered, in whole lots, by the largest-remainder (Hamilton)
 * method: every account first gets the whole lots of its exact share, then the lots still to give go
 * one each to the largest fractional remainders (ties: the larger order, then the earlier row). No
 * account receives more than it ordered, and the allocations add up to the fill exactly.
 *
 * Input rows are plain text records (as read from the allocation and fills CSV files); every problem
 * is reported with its file and line, all at once.
 */
import Decimal from "decimal.js";

/** A row of the allocation file (`Block`, `Household`, `Account`, `Symbol`, `Side`, `Quantity`). */
export interface AllocationRow {
  block: string;
  household: string;
  account: string;
  symbol: string;
  side: string;
  quantity: Decimal;
  /** Line of the file (1 = the header). */
  line: number;
}

/** A row of the fills file (`Block`, `Filled Quantity`, `Average Price`). */
export interface FillRow {
  block: string;
  filled: Decimal;
  averagePrice: Decimal;
  line: number;
}

export interface AllocatedRow extends AllocationRow {
  allocated: Decimal;
  /** The block's average fill price; null when the block has no fill row. */
  averagePrice: Decimal | null;
  /** allocated × average price, to the cent. */
  amount: Decimal;
}

export interface Allocation {
  rows: AllocatedRow[];
  /** Blocks of the allocation file with no fill row: nothing allocated to them. */
  unfilled: string[];
}

export type Records = { line: number; get(header: string): string }[];

/** A problem with a row: "file:line: message". */
export type Problem = string;

function quantityOf(text: string, what: string, where: string, problems: Problem[]): Decimal | null {
  const t = text.trim().replace(/,/g, "");
  if (!/^\d+(\.\d+)?$/.test(t)) {
    problems.push(`${where}: ${what} must be a number ≥ 0 (found "${text}")`);
    return null;
  }
  return new Decimal(t);
}

export function readAllocationRows(records: Records, file: string, problems: Problem[]): AllocationRow[] {
  const rows: AllocationRow[] = [];
  for (const r of records) {
    const where = `${file}:${r.line}`;
    const [block, household, account, symbol, side] = ["Block", "Household", "Account", "Symbol", "Side"].map((h) => r.get(h).trim());
    if (!block || !account || !symbol) {
      problems.push(`${where}: Block, Account and Symbol are required`);
      continue;
    }
    const s = side.toUpperCase();
    if (s !== "BUY" && s !== "SELL") problems.push(`${where}: Side must be BUY or SELL (found "${side}")`);
    const quantity = quantityOf(r.get("Quantity"), "Quantity", where, problems);
    if (quantity && s) rows.push({ block, household, account, symbol, side: s, quantity, line: r.line });
  }
  return rows;
}

export function readFillRows(records: Records, file: string, problems: Problem[]): FillRow[] {
  const rows: FillRow[] = [];
  const seen = new Map<string, number>();
  for (const r of records) {
    const where = `${file}:${r.line}`;
    const block = r.get("Block").trim();
    if (!block) {
      problems.push(`${where}: Block is required`);
      continue;
    }
    if (seen.has(block)) problems.push(`${where}: block ${block} is filled twice (first on line ${seen.get(block)}); give one row per block`);
    seen.set(block, r.line);
    const filled = quantityOf(r.get("Filled Quantity"), "Filled Quantity", where, problems);
    const averagePrice = quantityOf(r.get("Average Price"), "Average Price", where, problems);
    if (filled && averagePrice) rows.push({ block, filled, averagePrice, line: r.line });
  }
  return rows;
}

/** Allocates every fill; `lot` is the allocation unit (1 = whole shares). Problems are pushed and no rows returned for a bad block. */
export function allocateFills(orders: AllocationRow[], fills: FillRow[], lot: Decimal, problems: Problem[], files = { allocation: "allocation", fills: "fills" }): Allocation {
  const byBlock = new Map<string, AllocationRow[]>();
  for (const o of orders) {
    if (!byBlock.has(o.block)) byBlock.set(o.block, []);
    const rows = byBlock.get(o.block)!;
    if (rows.length > 0 && (rows[0].symbol !== o.symbol || rows[0].side !== o.side)) {
      problems.push(`${files.allocation}:${o.line}: block ${o.block} is ${rows[0].side} ${rows[0].symbol} on line ${rows[0].line}, not ${o.side} ${o.symbol}`);
    }
    if (!o.quantity.div(lot).isInteger()) problems.push(`${files.allocation}:${o.line}: Quantity ${o.quantity} is not a whole number of lots of ${lot}`);
    rows.push(o);
  }
  const out = new Map<AllocationRow, AllocatedRow>();
  for (const f of fills) {
    const where = `${files.fills}:${f.line}`;
    const rows = byBlock.get(f.block);
    if (!rows) {
      problems.push(`${where}: block ${f.block} is not in ${files.allocation}`);
      continue;
    }
    const ordered = rows.reduce((s, r) => s.plus(r.quantity), new Decimal(0));
    if (f.filled.gt(ordered)) {
      problems.push(`${where}: block ${f.block} filled ${f.filled}, more than the ${ordered} ordered`);
      continue;
    }
    if (!f.filled.div(lot).isInteger()) {
      problems.push(`${where}: Filled Quantity ${f.filled} is not a whole number of lots of ${lot}`);
      continue;
    }
    const lots = f.filled.div(lot);
    const exact = rows.map((r) => (ordered.isZero() ? new Decimal(0) : lots.times(r.quantity).div(ordered)));
    const whole = exact.map((e) => e.floor());
    let left = lots.minus(whole.reduce((s, w) => s.plus(w), new Decimal(0))).toNumber();
    const order = rows
      .map((r, i) => ({ i, remainder: exact[i].minus(whole[i]), quantity: r.quantity }))
      .sort((a, b) => b.remainder.comparedTo(a.remainder) || b.quantity.comparedTo(a.quantity) || a.i - b.i);
    for (const o of order) {
      if (left <= 0) break;
      whole[o.i] = whole[o.i].plus(1);
      left--;
    }
    rows.forEach((r, i) => {
      const allocated = whole[i].times(lot);
      out.set(r, { ...r, allocated, averagePrice: f.averagePrice, amount: allocated.times(f.averagePrice).toDecimalPlaces(2, Decimal.ROUND_HALF_UP) });
    });
  }
  const filled = new Set(fills.map((f) => f.block));
  const unfilled = [...byBlock.keys()].filter((b) => !filled.has(b));
  const zero = new Decimal(0);
  return {
    rows: orders.map((o) => out.get(o) ?? { ...o, allocated: zero, averagePrice: null, amount: zero }),
    unfilled,
  };
}

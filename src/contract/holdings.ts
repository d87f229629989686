/** The required Holdings range: one row per tax lot. */
import Decimal from "decimal.js";
import { CASH_CLASS, CASH_SYMBOL, CellRef, Holding, Policy } from "./portfolio";
import { ContractError, contractError } from "./errors";
import { MAX_AMOUNT, describe, isBlank, readDate, readNumber, readYesNo, text } from "./cells";
import { cellAddress, rowOf } from "../a1";
import { RangeSnapshot } from "./snapshot";
import { readTable, TableRow } from "./table";
import { DateSystem } from "../dates/serial";

export const DEFAULT_ACCOUNT = "IRA";

const COLUMNS = [
  { header: "Symbol", required: true },
  { header: "Asset Class", required: true },
  { header: "Quantity", required: true },
  { header: "Price", required: true },
  { header: "Account", required: false },
  { header: "Cost Basis", required: false },
  { header: "Acquired", required: false },
  { header: "Tradable", required: false },
  { header: "Lot Size", required: false },
  { header: "Valued On", required: false },
  { header: "Do Not Buy", required: false },
  { header: "Do Not Sell", required: false },
  { header: "Divisible", required: false },
  { header: "Trade Fee", required: false },
  { header: "Settle Days", required: false },
];

/** What Holdings gave: its valid rows, and what the cross-checks need to know of every row. */
export interface HoldingsRead {
  holdings: Holding[];
  /** false when the range could not be read as a table (missing columns, no header). */
  readable: boolean;
  /** The Account of every non-blank row, valid or not, in order of first appearance. */
  accountsSeen: string[];
  /** Accounts with a row that has a problem (its holdings are then incomplete). */
  failedAccounts: Set<string>;
  /** The range's first cell, for problems with the range as a whole. */
  at: CellRef | null;
}

/** classes = the names listed in Targets, or null when Targets could not be read (classes are then not checked). */
/** `system` is the workbook's date system, for serial numbers in Acquired and Valued On. */
/** `lookThrough`: the LookThrough range's symbols (lower case), whose Asset Class is a label only. */
export function readHoldings(range: RangeSnapshot, listed: string[] | null, policy: Policy, errors: ContractError[], system: DateSystem = 1900, lookThrough: Set<string> = new Set()): HoldingsRead {
  const table = readTable(range, COLUMNS, errors);
  const seen = new Set<string>();
  const failedAccounts = new Set<string>();
  const at = { sheet: range.sheet, cell: cellAddress(range.top, range.left) };
  if (!table) return { holdings: [], readable: false, accountsSeen: [], failedAccounts, at };
  const classes = new Map((listed ?? []).map((c) => [c.toLowerCase(), c]));
  const checkClasses = listed !== null;
  const holdings: Holding[] = [];
  const positions = new Map<string, Holding>();
  for (const row of table.rows) {
    const account = text(row.get("Account")) || DEFAULT_ACCOUNT;
    seen.add(account);
    const h = readRow(row, checkClasses ? classes : null, policy, errors, holdings.length, system, lookThrough);
    if (!h) {
      failedAccounts.add(account);
      continue;
    }
    const key = `${h.account}\u0000${h.symbol}`;
    const first = positions.get(key);
    if (first) {
      if (first.assetClass !== h.assetClass) {
        const r = row.ref("Asset Class");
        errors.push(contractError(r.sheet, r.cell, `Lots of ${h.symbol} in ${h.account} must share one Asset Class ("${first.assetClass}" in row ${rowOf(first.ref.cell)})`));
        failedAccounts.add(account);
        continue;
      }
      if (!first.price.eq(h.price)) {
        const r = row.ref("Price");
        errors.push(contractError(r.sheet, r.cell, `Lots of ${h.symbol} in ${h.account} must share one Price (${first.price.toString()} in row ${rowOf(first.ref.cell)})`));
        failedAccounts.add(account);
        continue;
      }
    } else {
      positions.set(key, h);
    }
    holdings.push(h);
  }
  for (const row of table.skipped) {
    const account = text(row.get("Account")) || DEFAULT_ACCOUNT;
    seen.add(account);
    failedAccounts.add(account);
  }
  if (table.rows.length === 0 && table.skipped.length === 0) {
    errors.push(contractError(range.sheet, cellAddress(range.top, range.left), "Holdings has no rows; list each position (and a CASH row per account)"));
  }
  return { holdings, readable: true, accountsSeen: [...seen], failedAccounts, at };
}

function readRow(
  row: TableRow,
  classes: Map<string, string> | null,
  policy: Policy,
  errors: ContractError[],
  index: number,
  system: DateSystem,
  lookThrough: Set<string>,
): Holding | null {
  const before = errors.length;
  const fail = (header: string, message: string) => {
    const r = row.ref(header);
    errors.push(contractError(r.sheet, r.cell, message));
  };

  const symbol = text(row.get("Symbol")).toUpperCase() === CASH_SYMBOL ? CASH_SYMBOL : text(row.get("Symbol"));
  if (symbol === "") fail("Symbol", "Symbol must not be empty");
  const isCash = symbol === CASH_SYMBOL;

  const account = text(row.get("Account")) || DEFAULT_ACCOUNT;

  let assetClass = text(row.get("Asset Class"));
  if (isCash) {
    if (assetClass === "" || assetClass.toLowerCase() === CASH_CLASS.toLowerCase()) assetClass = classes?.get("cash") ?? CASH_CLASS;
    else fail("Asset Class", `CASH rows belong to Asset Class "Cash" (found ${describe(row.get("Asset Class"))})`);
  } else if (lookThrough.has(symbol.toLowerCase())) {
    // A look-through fund counts in the classes LookThrough gives; its Asset Class is a label (a Targets class is spelled as Targets spells it).
    assetClass = classes?.get(assetClass.toLowerCase()) ?? assetClass;
  } else if (assetClass === "") {
    fail("Asset Class", "Asset Class must not be empty");
  } else if (classes) {
    const known = classes.get(assetClass.toLowerCase()) ?? (assetClass.toLowerCase() === "cash" ? CASH_CLASS : undefined);
    if (known === undefined) {
      fail("Asset Class", `Asset Class "${assetClass}" is not in Targets (known: ${[...classes.values()].join(", ") || "none"})`);
    } else assetClass = known;
  }

  const q = readNumber(row.get("Quantity"));
  if (!q.ok || q.value.isNegative()) fail("Quantity", `Quantity must be a number of 0 or more (found ${describe(row.get("Quantity"))})`);
  else if (q.value.gte(MAX_AMOUNT)) fail("Quantity", `Quantity must be below 1,000,000,000,000 (found ${describe(row.get("Quantity"))})`);

  let price = new Decimal(1);
  const priceCell = row.get("Price");
  if (isCash) {
    if (!isBlank(priceCell)) {
      const p = readNumber(priceCell);
      if (!p.ok || !p.value.eq(1)) fail("Price", `The price of CASH is 1 (found ${describe(priceCell)})`);
    }
  } else {
    const p = readNumber(priceCell);
    if (!p.ok || !p.value.gt(0)) fail("Price", `Price must be a number greater than 0 (found ${describe(priceCell)})`);
    else if (p.value.gte(MAX_AMOUNT)) fail("Price", `Price must be below $1,000,000,000,000 (found ${describe(priceCell)})`);
    else price = p.value;
  }

  let costBasis: Decimal | null = null;
  if (!isBlank(row.get("Cost Basis"))) {
    const c = readNumber(row.get("Cost Basis"));
    if (!c.ok || c.value.isNegative()) fail("Cost Basis", `Cost Basis must be a dollar amount of 0 or more (found ${describe(row.get("Cost Basis"))})`);
    else if (c.value.gte(MAX_AMOUNT)) fail("Cost Basis", `Cost Basis must be below $1,000,000,000,000 (found ${describe(row.get("Cost Basis"))})`);
    else costBasis = c.value;
  }

  const acquired = optionalDate(row, "Acquired", fail, system);
  const valuedOn = optionalDate(row, "Valued On", fail, system);
  // A lot cannot be bought, nor a property valued, after the plan's date.
  if (acquired !== null && acquired > policy.asOf) fail("Acquired", `Acquired (${acquired}) is after As Of (${policy.asOf})`);
  if (valuedOn !== null && valuedOn > policy.asOf) fail("Valued On", `Valued On (${valuedOn}) is after As Of (${policy.asOf})`);

  let tradable = true;
  if (!isBlank(row.get("Tradable"))) {
    const t = readYesNo(row.get("Tradable"));
    if (!t.ok) fail("Tradable", `Tradable must be Yes or No (found ${describe(row.get("Tradable"))})`);
    else tradable = t.value;
  }

  // Do Not Buy / Do Not Sell: the advisor's holds on a row (a restricted security, a lot kept for the client).
  const hold = (header: "Do Not Buy" | "Do Not Sell") => {
    if (isBlank(row.get(header))) return false;
    const yn = readYesNo(row.get(header));
    if (!yn.ok) fail(header, `${header} must be Yes or No (found ${describe(row.get(header))})`);
    return yn.ok && yn.value && !isCash;
  };
  const doNotBuy = hold("Do Not Buy");
  const doNotSell = hold("Do Not Sell");
  // Divisible = Yes: a fractional interest may be distributed in kind (an undivided share of a property).
  let divisible = false;
  if (!isBlank(row.get("Divisible"))) {
    const yn = readYesNo(row.get("Divisible"));
    if (!yn.ok) fail("Divisible", `Divisible must be Yes or No (found ${describe(row.get("Divisible"))})`);
    else divisible = yn.value && !isCash;
  }

  let lotSize = new Decimal(policy.fractional ? 0 : 1);
  if (!isBlank(row.get("Lot Size"))) {
    const l = readNumber(row.get("Lot Size"));
    if (!l.ok || l.value.isNegative()) fail("Lot Size", `Lot Size must be a number of 0 or more (0 = fractional; found ${describe(row.get("Lot Size"))})`);
    else lotSize = l.value;
  }
  if (isCash) lotSize = new Decimal(0);
  // Trade Fee: the custodian's charge per trade of this holding (alternative assets), overriding Fee Per Trade.
  let tradeFee: Decimal | null = null;
  if (!isBlank(row.get("Trade Fee"))) {
    const f = readNumber(row.get("Trade Fee"));
    if (!f.ok || f.value.isNegative() || f.value.gte(MAX_AMOUNT)) fail("Trade Fee", `Trade Fee must be a dollar amount of 0 or more, below $1,000,000,000,000 (found ${describe(row.get("Trade Fee"))})`);
    else tradeFee = f.value;
  }
  // Settle Days: business days from trade to settlement (listed US securities settle T+1 since 2024-05-28).
  let settleDays: number | null = null;
  if (!isBlank(row.get("Settle Days"))) {
    const d = readNumber(row.get("Settle Days"));
    if (!d.ok || d.value.isNegative() || !d.value.isInteger() || d.value.gt(365)) fail("Settle Days", `Settle Days must be a whole number of business days from 0 to 365 (found ${describe(row.get("Settle Days"))})`);
    else settleDays = d.value.toNumber();
  }
  // Orders are priced to the cent: a tradable price below a cent would give a limit price of $0.00.
  if (!isCash && tradable && price.gt(0) && price.lt("0.01")) fail("Price", `Price must be at least $0.01 for a tradable row: orders are priced to the cent (found ${describe(priceCell)})`);

  if (errors.length > before || !q.ok) return null;
  return {
    index,
    ref: row.ref("Symbol"),
    accountRef: row.has("Account") ? row.ref("Account") : row.ref("Symbol"),
    account,
    symbol,
    assetClass,
    quantity: q.value,
    price,
    costBasis,
    acquired,
    tradable,
    lotSize,
    valuedOn,
    isCash,
    doNotBuy,
    doNotSell,
    divisible,
    tradeFee,
    settleDays,
  };
}

function optionalDate(row: TableRow, header: string, fail: (h: string, m: string) => void, system: DateSystem): string | null {
  const v = row.get(header);
  if (isBlank(v)) return null;
  const d = readDate(v, system);
  if (!d.ok) {
    fail(header, `${header} must be a date (found ${describe(v)})`);
    return null;
  }
  return d.value;
}

/**
 * A generated firm: household i of a book of many, as the plain snapshot a reader produces (for the
 * batch bench and tests). Each household holds `holdings` Holdings rows over three accounts
 * (Traditional SDIRA, Roth SDIRA, a taxable account), in eight classes, from one shared universe of
 * symbols so block orders aggregate across households; about a third start inside their bands.
 * Deterministic in (index, holdings).
 */
import { CellValue, RangeSnapshot, WorkbookSnapshot } from "../contract/snapshot";
import { rng } from "./rng";

export const FIRM_ACCOUNTS: [string, string][] = [
  ["Traditional SDIRA", "Traditional IRA"],
  ["Roth SDIRA", "Roth IRA"],
  ["Brokerage", "Taxable"],
];

/** Class, target, ticker prefix of its symbols. */
const CLASSES: [string, number, string][] = [
  ["US Stocks", 0.3, "USEQ"],
  ["Intl Stocks", 0.15, "INTL"],
  ["US Bonds", 0.2, "USBD"],
  ["TIPS", 0.05, "TIPS"],
  ["Real Estate", 0.1, "REIT"],
  ["Commodities", 0.05, "CMDY"],
  ["Private Credit", 0.1, "PCRD"],
  ["Cash", 0.05, "CASH"],
];
const INVESTED = CLASSES.filter(([c]) => c !== "Cash");
/** Symbols per class in the shared universe, each with a fixed price. */
const PER_CLASS = 6;

function range(name: string, values: CellValue[][]): RangeSnapshot {
  return { name, sheet: name, top: 1, left: 1, values, numberFormats: values.map((r) => r.map(() => "General")) };
}

export function firmHouseholdSnapshot(index: number, holdings = 50): WorkbookSnapshot {
  const r = rng(20261203 + index * 7919);
  const inBand = index % 3 === 0;
  const size = 200_000 + Math.floor(r() * 1_800_000);
  // Class weights: the targets, pushed off them unless the household starts in band.
  const raw = INVESTED.map(([, t]) => Math.max(0.005, t * (1 + (inBand ? 0.1 : 0.9) * (r() * 2 - 1))));
  const rawSum = raw.reduce((s, x) => s + x, 0);
  const weights = raw.map((x) => (x / rawSum) * 0.95);
  const rows: CellValue[][] = [["Account", "Symbol", "Asset Class", "Quantity", "Price", "Cost Basis", "Acquired", "Tradable", "Lot Size"]];
  const positions = holdings - FIRM_ACCOUNTS.length;
  for (let p = 0; p < positions; p++) {
    const k = p % INVESTED.length;
    const [assetClass, , prefix] = INVESTED[k];
    const pick = Math.floor(r() * PER_CLASS);
    const symbol = `${prefix}${pick + 1}`;
    const price = 20 + ((k * PER_CLASS + pick) * 37) % 480;
    const account = FIRM_ACCOUNTS[p % FIRM_ACCOUNTS.length][0];
    const perPosition = (size * weights[k]) / Math.ceil(positions / INVESTED.length);
    const quantity = Math.max(1, Math.round(perPosition / price));
    rows.push([account, symbol, assetClass, quantity, price, Math.round(quantity * price * (0.6 + r() * 0.6) * 100) / 100, `20${10 + Math.floor(r() * 15)}-0${1 + Math.floor(r() * 9)}-15`, "Yes", 1]);
  }
  for (const [account] of FIRM_ACCOUNTS) rows.push([account, "CASH", "Cash", Math.round((size * 0.05) / FIRM_ACCOUNTS.length), 1, null, null, null, null]);
  return {
    ranges: {
      holdings: range("Holdings", rows),
      targets: range("Targets", [["Asset Class", "Target"], ...CLASSES.map(([c, t]): CellValue[] => [c, t])]),
      policy: range("Policy", [
        ["Setting", "Value"],
        ["As Of", "2026-11-20"],
        ["Trigger", "Band"],
        ["Abs Band", 0.03],
        ["Rel Band", 0.25],
        ["Rebalance To", "Target"],
        ["Fee Per Trade", 0],
        ["Fractional", "No"],
      ]),
      accounts: range("Accounts", [["Account", "Type"], ...FIRM_ACCOUNTS]),
    },
    nameProblems: [],
  };
}

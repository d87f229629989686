/**
 * Synthetic contract workbooks of any size, as the plain snapshot a reader produces: for the bench
 * and for tests that need thousands of holdings. Deterministic (no randomness between runs).
 *
 * Each account holds one position in each of four classes plus CASH (five Holdings rows), and is
 * overweight in Stocks, so a rebalance trades in every account: the write plan grows with the
 * number of holdings, as it would for a household of many accounts.
 */
import { CellValue, RangeSnapshot, WorkbookSnapshot } from "../contract/snapshot";

const CLASSES = [
  { name: "Stocks", prefix: "STK", target: 0.5 },
  { name: "Bonds", prefix: "BND", target: 0.3 },
  { name: "Real Estate", prefix: "REI", target: 0.1 },
  { name: "Alternatives", prefix: "ALT", target: 0.07 },
];

function range(name: string, sheet: string, values: CellValue[][], formats?: string[][]): RangeSnapshot {
  return {
    name,
    sheet,
    top: 1,
    left: 1,
    values,
    numberFormats: formats ?? values.map((r) => r.map(() => "General")),
  };
}

/** A workbook snapshot with `holdings` Holdings rows (CASH rows included). */
export function syntheticSnapshot(holdings: number, asOf = "2026-11-20"): WorkbookSnapshot {
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const rows: CellValue[][] = [["Account", "Symbol", "Asset Class", "Quantity", "Price", "Tradable", "Lot Size"]];
  for (let a = 0; rows.length - 1 < holdings; a++) {
    const account = `IRA ${String(a + 1).padStart(6, "0")}`;
    const size = 50_000 + Math.floor(next() * 450_000);
    const weights = [0.62 + next() * 0.1, 0.18 + next() * 0.05, 0.09, 0.05];
    CLASSES.forEach((c, k) => {
      if (rows.length - 1 >= holdings) return;
      const symbol = `${c.prefix}${(a * 7 + k) % 97}`;
      const price = 20 + ((a * 31 + k * 17) % 380) + 0.25 * (k + 1);
      rows.push([account, symbol, c.name, Math.max(1, Math.floor((size * weights[k]) / price)), price, "Yes", 1]);
    });
    if (rows.length - 1 < holdings) rows.push([account, "CASH", "Cash", Math.round(size * 0.03), 1, null, null]);
  }
  const targets: CellValue[][] = [["Asset Class", "Target"], ...CLASSES.map((c) => [c.name, c.target]), ["Cash", 0.03]];
  const policy: CellValue[][] = [
    ["Setting", "Value"],
    ["As Of", asOf],
    ["Trigger", "Band"],
    ["Abs Band", 0.05],
    ["Rel Band", 0.25],
    ["Rebalance To", "Target"],
    ["Fractional", "No"],
  ];
  return {
    ranges: {
      holdings: range("Holdings", "Holdings", rows),
      targets: range("Targets", "Targets", targets, targets.map((r, i) => r.map((_, j) => (i > 0 && j === 1 ? "0.00%" : "General")))),
      policy: range("Policy", "Policy", policy),
    },
    nameProblems: [],
  };
}

/**
 * Synthetic contract workbooks of any size, as the plain snapshot a reader produces: for the bench
 * and for tests that need thousands of holdings. Deterministic (no randomness between runs).
 *
 *  - syntheticSnapshot: many small accounts, each one position in each of four classes plus CASH
 *    (five Holdings rows), overweight in Stocks, so a rebalance trades in every account and the
 *    write plan grows with the number of holdings (the Office.js write bench and tests).
 *  - householdSnapshot: one household of five accounts and twelve classes, far from target, with
 *    lots, illiquid rows, mixed lot sizes, fees, a limit offset, a reserve and a Min Trade (the
 *    plan-time bench).
 */
import { CellValue, RangeSnapshot, WorkbookSnapshot } from "../contract/snapshot";
import { rng } from "./rng";

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
  // Its own small LCG, kept so these households stay the ones the write bench has measured from the start.
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

// ---------------------------------------------------------------------------------------------
// One large household (the plan-time bench)

/** The household's accounts. */
export const HOUSEHOLD_ACCOUNTS = ["Trad IRA", "Roth IRA", "SEP IRA", "Spouse Trad", "Spouse Roth"];
/** 12 classes: 11 invested plus Cash. Targets in percent (sum 100). */
const HOUSEHOLD_CLASSES: [string, number][] = [
  ["US Large", 20],
  ["US Small", 8],
  ["Intl Developed", 12],
  ["Emerging", 6],
  ["Core Bonds", 14],
  ["TIPS", 6],
  ["High Yield", 4],
  ["REIT", 8],
  ["Real Estate LLC", 8],
  ["Private Credit", 6],
  ["Gold", 6],
  ["Cash", 2],
];
const INVESTED = HOUSEHOLD_CLASSES.filter(([c]) => c !== "Cash").map(([c]) => c);
const HOLDINGS_HEADERS = ["Account", "Symbol", "Asset Class", "Quantity", "Price", "Cost Basis", "Acquired", "Tradable", "Lot Size", "Valued On"];

/**
 * Holdings of n rows (5 of them CASH): positions of 1–3 lots sharing a price, classes drawn with
 * weights far from the targets (the first classes heavy, the last light) so several classes are
 * out of band; ~1.5% illiquid rows (Tradable No, with a Valued On date); lot sizes 1, 10, 100 or
 * fractional.
 */
export function householdSnapshot(n: number, seed = 20261120): WorkbookSnapshot {
  const r = rng(seed + n);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
  const classWeights = INVESTED.map((_, i) => (INVESTED.length - i) ** 2);
  const weightSum = classWeights.reduce((s, w) => s + w, 0);
  const drawClass = () => {
    let x = r() * weightSum;
    for (let i = 0; i < INVESTED.length; i++) if ((x -= classWeights[i]) < 0) return INVESTED[i];
    return INVESTED[INVESTED.length - 1];
  };
  const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

  const rows: CellValue[][] = [HOLDINGS_HEADERS];
  const invested = n - HOUSEHOLD_ACCOUNTS.length;
  let position = 0;
  while (rows.length - 1 < invested) {
    const account = HOUSEHOLD_ACCOUNTS[position % HOUSEHOLD_ACCOUNTS.length];
    const symbol = `S${String(position).padStart(5, "0")}`;
    const assetClass = drawClass();
    const price = Math.round((5 + r() * 495) * 100) / 100;
    const lotSize = pick([1, 1, 1, 1, 10, 100, 0]);
    const lots = Math.min(1 + Math.floor(r() * 3), invested - (rows.length - 1));
    for (let l = 0; l < lots; l++) {
      const illiquid = r() < 0.015;
      const quantity = lotSize === 0 ? Math.round(r() * 200000) / 100 : 1 + Math.floor(r() * 2000);
      rows.push([
        account,
        symbol,
        assetClass,
        quantity,
        price,
        Math.round(quantity * price * (0.5 + r()) * 100) / 100,
        iso(2015 + Math.floor(r() * 11), 1 + Math.floor(r() * 12), 1 + Math.floor(r() * 28)),
        illiquid ? "No" : "Yes",
        lotSize === 0 ? 0 : lotSize,
        illiquid ? iso(2026, 1 + Math.floor(r() * 10), 1 + Math.floor(r() * 28)) : null,
      ]);
    }
    position++;
  }
  for (const account of HOUSEHOLD_ACCOUNTS) rows.push([account, "CASH", "Cash", Math.round(r() * 5_000_000) / 100, 1, null, null, null, null, null]);

  const targets: CellValue[][] = [["Asset Class", "Target"], ...HOUSEHOLD_CLASSES.map(([c, t]): CellValue[] => [c, t / 100])];
  const policy: CellValue[][] = [
    ["Setting", "Value"],
    ["As Of", "2026-11-20"],
    ["Trigger", "Band"],
    ["Abs Band", 0.05],
    ["Rel Band", 0.25],
    ["Rebalance To", "Target"],
    ["Min Trade", 50],
    ["Fee Per Trade", 4.95],
    ["Fee Bps", 5],
    ["Limit Offset Bps", 10],
    ["Cash Reserve", 500],
    ["Fractional", "No"],
  ];
  return {
    ranges: { holdings: range("Holdings", "Holdings", rows), targets: range("Targets", "Targets", targets), policy: range("Policy", "Policy", policy) },
    nameProblems: [],
  };
}

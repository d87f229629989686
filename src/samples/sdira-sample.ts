/**
 * Source data of the sample workbook (samples/sdira-sample.xlsx): a self-directed IRA household
 * as of 2026-11-20. Edit this file, then run `npm run sample` to regenerate the .xlsx; the
 * workbook is never edited by hand.
 *
 * The household: a Traditional SDIRA (index funds, gold, and a rental house held directly by
 * the IRA) and a Roth SDIRA (index funds, a REIT fund, a private mortgage note), both owned by
 * Pat Rivera, 74 in 2026, who must take a required minimum distribution from the Traditional
 * SDIRA this year (Policy Cash Flow = RMD: the plan raises it by selling funds, around the rental).
 * After the 2026 equity rally stocks sit well above target and bonds well below it, so the sample
 * shows trades. Prices are plausible late-2026 figures invented for the sample, not market data.
 */

import { ACCOUNT_TYPES, AccountType, LOT_ORDERS, REBALANCE_TO, SELL_ORDERS, TRIGGERS } from "../contract/vocabulary";
import { FREQUENCIES } from "../dates/calendar";
import { strategyNames } from "../engine/strategies/registry";

export const SAMPLE_AS_OF = "2026-11-20";

export const TRADITIONAL = "Traditional SDIRA";
export const ROTH = "Roth SDIRA";

export interface SampleHolding {
  account: string;
  symbol: string;
  /** Free text for the advisor; not part of the contract (the reader ignores the column). */
  description: string;
  assetClass: string;
  /** Units held; dollars for CASH. */
  quantity: number;
  /** Price per unit; 1 for CASH; appraised or outstanding value for illiquid rows. */
  price: number;
  /** Total cost of the lot, when known. */
  costBasis: number | null;
  /** ISO date the lot was acquired. */
  acquired: string | null;
  tradable: boolean;
  /** Trade multiple (1 = whole shares); null = blank (CASH is always fractional). */
  lotSize: number | null;
  /** ISO date of the last valuation, for assets without a market price. */
  valuedOn: string | null;
}

const PRICES = {
  VTI: 352.4,
  VXUS: 78.15,
  BND: 74.6,
  BNDX: 49.85,
  GLD: 398.2,
  VNQ: 93.7,
};

const fund = (
  account: string,
  symbol: keyof typeof PRICES,
  description: string,
  assetClass: string,
  quantity: number,
  costBasis: number | null,
  acquired: string | null,
): SampleHolding => ({
  account,
  symbol,
  description,
  assetClass,
  quantity,
  price: PRICES[symbol],
  costBasis,
  acquired,
  tradable: true,
  lotSize: 1,
  valuedOn: null,
});

const cash = (account: string, dollars: number): SampleHolding => ({
  account,
  symbol: "CASH",
  description: "Custodian cash sweep",
  assetClass: "Cash",
  quantity: dollars,
  price: 1,
  costBasis: null,
  acquired: null,
  tradable: true,
  lotSize: null,
  valuedOn: null,
});

const TOTAL_STOCK = "Vanguard Total Stock Market ETF";
const INTL_STOCK = "Vanguard Total International Stock ETF";
const TOTAL_BOND = "Vanguard Total Bond Market ETF";

/** One row per tax lot, in sheet order. */
export const SAMPLE_HOLDINGS: SampleHolding[] = [
  // Traditional SDIRA
  fund(TRADITIONAL, "VTI", TOTAL_STOCK, "Stocks", 700, 110_950, "2019-03-15"),
  fund(TRADITIONAL, "VTI", TOTAL_STOCK, "Stocks", 480, 89_280, "2022-10-14"),
  fund(TRADITIONAL, "VXUS", INTL_STOCK, "Stocks", 1_900, 116_850, "2021-06-10"),
  fund(TRADITIONAL, "BND", TOTAL_BOND, "Bonds", 900, 79_200, "2020-08-03"),
  fund(TRADITIONAL, "BND", TOTAL_BOND, "Bonds", 500, 35_750, "2023-10-19"),
  fund(TRADITIONAL, "BNDX", "Vanguard Total International Bond ETF", "Bonds", 780, 38_610, "2023-02-21"),
  fund(TRADITIONAL, "GLD", "SPDR Gold Shares", "Alternatives", 120, 26_760, "2024-04-12"),
  {
    account: TRADITIONAL,
    symbol: "RENTAL-123-MAIN",
    description: "Single-family rental, 123 Main St (held directly by the IRA)",
    assetClass: "Real Estate",
    quantity: 1,
    price: 285_000,
    costBasis: 198_000,
    acquired: "2018-07-20",
    tradable: false,
    lotSize: 1,
    valuedOn: "2025-12-31",
  },
  cash(TRADITIONAL, 12_640.55),
  // Roth SDIRA
  fund(ROTH, "VTI", TOTAL_STOCK, "Stocks", 320, 50_880, "2020-04-06"),
  fund(ROTH, "VXUS", INTL_STOCK, "Stocks", 660, 37_620, "2021-09-01"),
  fund(ROTH, "VNQ", "Vanguard Real Estate ETF (REITs)", "Real Estate", 480, 41_280, "2022-05-02"),
  {
    account: ROTH,
    symbol: "NOTE-MAPLE-2029",
    description: "Private note secured by 48 Maple Ave, 8% due 2029-06-30 (outstanding principal)",
    assetClass: "Alternatives",
    quantity: 1,
    price: 30_000,
    costBasis: 30_000,
    acquired: "2024-06-28",
    tradable: false,
    lotSize: 1,
    valuedOn: "2026-09-30",
  },
  // Not held yet: lets the Roth buy bonds with the proceeds of its stock sales.
  fund(ROTH, "BND", TOTAL_BOND, "Bonds", 0, null, null),
  cash(ROTH, 8_215.2),
];

export interface SampleTarget {
  assetClass: string;
  target: number;
  /** Per-class overrides of the Policy bands; null = use the Policy band. */
  absBand: number | null;
  relBand: number | null;
}

/**
 * Targets sum to exactly 1. Real Estate gets a wider band (10 points): the rental is appraised
 * once a year and cannot be sold in pieces, so its weight jumps with each appraisal.
 * The relative band is widened too, because the tighter of the two bands applies.
 */
export const SAMPLE_TARGETS: SampleTarget[] = [
  { assetClass: "Stocks", target: 0.5, absBand: null, relBand: null },
  { assetClass: "Bonds", target: 0.2, absBand: null, relBand: null },
  { assetClass: "Real Estate", target: 0.2, absBand: 0.1, relBand: 0.5 },
  { assetClass: "Alternatives", target: 0.07, absBand: null, relBand: null },
  { assetClass: "Cash", target: 0.03, absBand: null, relBand: null },
];

export type PolicyKind = "date" | "choice" | "percent" | "money" | "bps" | "yesno";

export interface SamplePolicySetting {
  setting: string;
  /** ISO text for dates, a fraction for percents, a number for money and bps, text otherwise. */
  value: string | number;
  kind: PolicyKind;
  /** Allowed values, for choice and yesno settings (used for in-cell drop-downs). */
  options?: string[];
  note: string;
}

export const SAMPLE_POLICY: SamplePolicySetting[] = [
  { setting: "As Of", value: SAMPLE_AS_OF, kind: "date", note: "Date the prices are as of; drift and calendar reviews are measured on this day." },
  { setting: "Trigger", value: "Hybrid", kind: "choice", options: [...TRIGGERS], note: "Band: rebalance when a class leaves its band. Calendar: rebalance on review dates. Hybrid: combines the review calendar with the bands." },
  { setting: "Frequency", value: "Quarterly", kind: "choice", options: [...FREQUENCIES], note: "How often the calendar review comes round." },
  { setting: "Last Rebalanced", value: "2026-06-30", kind: "date", note: "The previous rebalance; the next quarterly review was due 2026-09-30." },
  { setting: "Abs Band", value: 0.05, kind: "percent", note: "Allowed drift in percentage points (5% = a 50% target may range 45%..55%)." },
  { setting: "Rel Band", value: 0.25, kind: "percent", note: "Allowed drift as a share of the target (25% of a 20% target = 5 points). The tighter band applies." },
  { setting: "Rebalance To", value: "Target", kind: "choice", options: [...REBALANCE_TO], note: "How far trades move a class that is out of band." },
  {
    setting: "Strategy",
    value: "Full",
    kind: "choice",
    options: [...strategyNames()],
    note: "Full: rebalance the whole household. Cash Flow: only a contribution or withdrawal trades. Tax Aware: trade tax-advantaged accounts first, taxable lots in the cheapest tax order.",
  },
  {
    setting: "Cash Flow",
    value: "RMD",
    kind: "choice",
    note: "RMD: withdraw what remains of this year's required minimum distributions (Owners, and Accounts Prior Year End Value). A dollar amount instead: + contribution, − withdrawal.",
  },
  { setting: "Sell Order", value: "Most Overweight", kind: "choice", options: [...SELL_ORDERS], note: "Which classes and positions give up money first." },
  { setting: "Lot Order", value: "HIFO", kind: "choice", options: [...LOT_ORDERS], note: "Which tax lots a sale takes (matters in taxable accounts)." },
  { setting: "Min Trade", value: 100, kind: "money", note: "Trades smaller than this are skipped." },
  { setting: "Fee Per Trade", value: 0, kind: "money", note: "Commission per trade at the custodian." },
  { setting: "Fee Bps", value: 0, kind: "bps", note: "Cost per trade in basis points of the amount traded." },
  { setting: "Cash Reserve", value: 500, kind: "money", note: "Cash kept in each account for custodian fees." },
  { setting: "Limit Offset Bps", value: 10, kind: "bps", note: "Limit prices are offset this many basis points from Price (buys above, sells below)." },
  { setting: "Fractional", value: "No", kind: "yesno", options: ["Yes", "No"], note: "No: trade whole shares (or the row's Lot Size)." },
];

export interface SampleAccount {
  account: string;
  type: AccountType;
  /** Overrides the Policy's Cash Reserve; null = the Policy's. */
  cashReserve: number | null;
  owner: string;
  /** The December 31, 2025 fair market value the 2026 RMD is computed from. */
  priorYearEnd: number;
  /** Distributed so far in 2026. */
  distributed: number;
}

export const OWNER = "Pat Rivera";

/**
 * The Accounts range: each account's type (the Roth is a Roth IRA, so contribution limits and taxes
 * apply as they should), its owner, and the RMD inputs. Traditional: 1,012,350 ÷ 25.5 (the Uniform
 * Lifetime divisor at 74) = 39,700.00 for 2026, of which 11,000 was taken in monthly $1,000
 * distributions through November: 28,700.00 remains. The Roth owes none.
 */
export const SAMPLE_ACCOUNTS: SampleAccount[] = [
  { account: TRADITIONAL, type: "Traditional IRA", cashReserve: null, owner: OWNER, priorYearEnd: 1_012_350, distributed: 11_000 },
  { account: ROTH, type: "Roth IRA", cashReserve: null, owner: OWNER, priorYearEnd: 238_400, distributed: 0 },
];

export interface SampleOwner {
  owner: string;
  birthDate: string;
  spouseBirthDate: string | null;
  spouseSoleBeneficiary: boolean;
}

/** The Owners range: Pat, born 1952-06-14 (74 in 2026; RMDs began in 2025 at 73), spouse 3 years younger. */
export const SAMPLE_OWNERS: SampleOwner[] = [{ owner: OWNER, birthDate: "1952-06-14", spouseBirthDate: "1955-03-02", spouseSoleBeneficiary: true }];

/** Every account type, for the Type drop-down. */
export const SAMPLE_ACCOUNT_TYPES: readonly string[] = ACCOUNT_TYPES;

// The sample's contract tables: their sheets and header rows (the sample workbook and the starter sheets lay them out alike).

export const HOLDINGS_HEADERS = [
  "Account",
  "Symbol",
  "Description",
  "Asset Class",
  "Quantity",
  "Price",
  "Market Value",
  "Cost Basis",
  "Acquired",
  "Tradable",
  "Lot Size",
  "Valued On",
] as const;
export const TARGETS_HEADERS = ["Asset Class", "Target", "Abs Band", "Rel Band"] as const;
export const POLICY_HEADERS = ["Setting", "Value"] as const;

export const ACCOUNTS_HEADERS = ["Account", "Type", "Cash Reserve", "Owner", "Prior Year End Value", "Distributed This Year"] as const;
export const OWNERS_HEADERS = ["Owner", "Birth Date", "Spouse Birth Date", "Spouse Sole Beneficiary"] as const;

export const SHEET_NAMES = { readMe: "Read Me", holdings: "Holdings", targets: "Targets", policy: "Policy", accounts: "Accounts", owners: "Owners" } as const;

/**
 * Annual contribution limits by tax year and account type, from the IRS's cost-of-living notices:
 * Notice 2024-80 (tax year 2025) and Notice 2025-67 (tax year 2026), and IRS "Retirement topics –
 * IRA contribution limits", "SEP contribution limits", "401(k) plan … contribution limits":
 *
 *  - IRA (Traditional and Roth together, per owner; IRC § 219(b)(5)): 2025 $7,000, 2026 $7,500; the
 *    catch-up at 50 or more by the end of the year: 2025 $1,000, 2026 $1,100 (indexed from 2024 by SECURE 2.0 § 108).
 *  - SEP IRA (employer contributions): the lesser of 25% of compensation or the § 415(c) limit,
 *    2025 $70,000, 2026 $72,000; no catch-up.
 *  - Solo 401(k): elective deferrals 2025 $23,500, 2026 $24,500 (§ 402(g)); catch-up at 50: $7,500 / $8,000;
 *    at 60 to 63 instead $11,250 (SECURE 2.0 § 109); all additions (deferrals + employer) within
 *    the § 415(c) limit plus the catch-up.
 *  - SIMPLE IRA: 2025 $16,500, 2026 $17,000; catch-up at 50: $3,500 / $4,000; at 60 to 63: $5,250.
 *
 * What the add-in cannot know (compensation, the employer's part) is said, not guessed. Pure.
 */
import Decimal from "decimal.js";
import { AccountType } from "../../contract/portfolio";

interface YearLimits {
  ira: number;
  iraCatchUp: number;
  /** § 415(c): all additions to a defined contribution plan (the SEP limit; the Solo 401k's before catch-up). */
  annualAdditions: number;
  deferral: number;
  deferralCatchUp: number;
  /** Ages 60–63 (SECURE 2.0 § 109), instead of deferralCatchUp. */
  deferralCatchUp60: number;
  simple: number;
  simpleCatchUp: number;
  simpleCatchUp60: number;
}

export const CONTRIBUTION_LIMITS: Readonly<Record<number, YearLimits>> = {
  2025: { ira: 7000, iraCatchUp: 1000, annualAdditions: 70000, deferral: 23500, deferralCatchUp: 7500, deferralCatchUp60: 11250, simple: 16500, simpleCatchUp: 3500, simpleCatchUp60: 5250 },
  2026: { ira: 7500, iraCatchUp: 1100, annualAdditions: 72000, deferral: 24500, deferralCatchUp: 8000, deferralCatchUp60: 11250, simple: 17000, simpleCatchUp: 4000, simpleCatchUp60: 5250 },
};

const YEARS = Object.keys(CONTRIBUTION_LIMITS).map(Number).sort((a, b) => a - b);

/** The limits of `year`, or of the nearest year built in (and that year), when it is not. */
export function limitsFor(year: number): { limits: YearLimits; year: number } {
  const used = YEARS.includes(year) ? year : year > YEARS[YEARS.length - 1] ? YEARS[YEARS.length - 1] : YEARS[0];
  return { limits: CONTRIBUTION_LIMITS[used], year: used };
}

export interface ContributionLimit {
  /** Which pool the limit covers: the owner's IRAs together, or the one account. */
  pool: "IRAs" | "account";
  amount: Decimal;
  /** How it was made up, for the message: "$7,500.00 + $1,100.00 catch-up (2026)". */
  basis: string;
  /** What the add-in cannot check, said in the message. */
  caveat: string | null;
}

const usd = (n: number) => `$${n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/**
 * The limit on contributions this tax year to an account of `type` for an owner of `age` at the end
 * of the year (null: unknown, no catch-up); null for a taxable account (no limit).
 */
export function contributionLimit(type: AccountType, year: number, age: number | null): ContributionLimit | null {
  const { limits: l, year: used } = limitsFor(year);
  const tag = used === year ? `${year}` : `${used}, the latest year built in`;
  const fifty = age !== null && age >= 50;
  const sixty = age !== null && age >= 60 && age <= 63;
  switch (type) {
    case "Traditional IRA":
    case "Roth IRA": {
      const amount = l.ira + (fifty ? l.iraCatchUp : 0);
      return { pool: "IRAs", amount: new Decimal(amount), basis: `${usd(l.ira)}${fifty ? ` + ${usd(l.iraCatchUp)} catch-up` : ""} (${tag}), Traditional and Roth IRAs together`, caveat: null };
    }
    case "SEP IRA":
      return { pool: "account", amount: new Decimal(l.annualAdditions), basis: `${usd(l.annualAdditions)} (${tag})`, caveat: "and no more than 25% of the owner's compensation, which the add-in does not know" };
    case "Solo 401k": {
      const catchUp = sixty ? l.deferralCatchUp60 : fifty ? l.deferralCatchUp : 0;
      return {
        pool: "account",
        amount: new Decimal(l.annualAdditions + catchUp),
        basis: `${usd(l.annualAdditions)} of all additions${catchUp ? ` + ${usd(catchUp)} catch-up` : ""} (${tag})`,
        caveat: `of which the owner's own deferrals at most ${usd(l.deferral + catchUp)}; the employer's part is limited by compensation`,
      };
    }
    case "SIMPLE IRA": {
      const catchUp = sixty ? l.simpleCatchUp60 : fifty ? l.simpleCatchUp : 0;
      return { pool: "account", amount: new Decimal(l.simple + catchUp), basis: `${usd(l.simple)}${catchUp ? ` + ${usd(catchUp)} catch-up` : ""} of deferrals (${tag})`, caveat: "plus the employer's match, which is not counted here" };
    }
    case "Taxable":
      return null;
  }
}

/**
 * Required minimum distributions from an owner's own traditional IRAs (IRS Publication 590-B,
 * "Distributions from Individual Retirement Arrangements", chapter 1 and Appendix B):
 *
 *  - the RMD for a year = the account's fair market value on December 31 of the year before ÷ the
 *    distribution period for the age the owner reaches that year, from the Uniform Lifetime Table
 *    (Appendix B, Table III; the table of 26 CFR 1.401(a)(9)-9(c) as revised by T.D. 9930, for
 *    distribution years 2022 and later);
 *  - the first RMD year is the year the owner reaches the applicable age (Internal Revenue Code
 *    § 401(a)(9)(C)(v), as SECURE 2.0 § 107 set it): 70½ for owners born before July 1, 1949; 72 for
 *    those born from July 1, 1949 through 1950; 73 for 1951–1959; 75 for 1960 or later;
 *  - the first RMD may wait until April 1 of the next year (the required beginning date); every later
 *    RMD is due by December 31 of its year — so waiting means two distributions in that next year.
 *
 * Not here: the Joint Life table (a sole-beneficiary spouse more than 10 years younger: the plan says
 * it used the Uniform table instead), inherited IRAs (other rules; the contract has no such type). Pure: dates are ISO strings, money is
 * decimal.
 */
import Decimal from "decimal.js";
import { AccountType } from "../../contract/portfolio";

/** Appendix B, Table III (Uniform Lifetime), 2022 and later: age → distribution period; 120 and over: 2.0. */
export const UNIFORM_LIFETIME: Readonly<Record<number, number>> = {
  72: 27.4, 73: 26.5, 74: 25.5, 75: 24.6, 76: 23.7, 77: 22.9, 78: 22.0, 79: 21.1, 80: 20.2, 81: 19.4,
  82: 18.5, 83: 17.7, 84: 16.8, 85: 16.0, 86: 15.2, 87: 14.4, 88: 13.7, 89: 12.9, 90: 12.2, 91: 11.5,
  92: 10.8, 93: 10.1, 94: 9.5, 95: 8.9, 96: 8.4, 97: 7.8, 98: 7.3, 99: 6.8, 100: 6.4, 101: 6.0,
  102: 5.6, 103: 5.2, 104: 4.9, 105: 4.6, 106: 4.3, 107: 4.1, 108: 3.9, 109: 3.7, 110: 3.5, 111: 3.4,
  112: 3.3, 113: 3.1, 114: 3.0, 115: 2.9, 116: 2.8, 117: 2.7, 118: 2.5, 119: 2.3, 120: 2.0,
};

/** The first distribution year of the table above (T.D. 9930 applies to distribution years 2022 and later). */
export const FIRST_TABLE_YEAR = 2022;

/** The distribution period for the age reached in the distribution year; null below the table (72). */
export function uniformDivisor(age: number): number | null {
  if (!Number.isInteger(age) || age < 72) return null;
  return UNIFORM_LIFETIME[Math.min(age, 120)];
}

const parts = (iso: string) => iso.split("-").map(Number) as [number, number, number];

/** The age the owner reaches on their birthday in `year`. */
export function ageReached(birthDate: string, year: number): number {
  return year - parts(birthDate)[0];
}

/** The first year an RMD is required: the year the owner reaches the applicable age (70½, 72, 73 or 75 by birth date). */
export function firstRmdYear(birthDate: string): number {
  const [y, m] = parts(birthDate);
  if (birthDate < "1949-07-01") {
    // 70½: six months after the 70th birthday (a birthday after June 30 reaches it in the next year).
    return m > 6 ? y + 71 : y + 70;
  }
  if (y <= 1950) return y + 72;
  if (y <= 1959) return y + 73;
  return y + 75;
}

export interface Rmd {
  year: number;
  /** The age reached in the year, and its Uniform Lifetime divisor. */
  age: number;
  divisor: number;
  /** Prior year-end value ÷ divisor, to the cent. */
  amount: Decimal;
  /** ISO date it must be distributed by: April 1 of the next year for the first RMD, else December 31. */
  deadline: string;
  /** The first RMD year (the owner may wait until April 1 next year, and then takes two RMDs in that year). */
  first: boolean;
}

/** What a year's RMD is for an owner born on `birthDate`, apart from its amount; null before the first RMD year. */
export function rmdTerms(birthDate: string, year: number): Omit<Rmd, "amount"> | null {
  if (year < FIRST_TABLE_YEAR) throw new RangeError(`RMDs before ${FIRST_TABLE_YEAR} used the earlier tables; ${year} is not computed`);
  const start = firstRmdYear(birthDate);
  if (year < start) return null;
  const age = ageReached(birthDate, year);
  const first = year === start;
  // From 2022 every owner past the first RMD year is 72 or more (the table's first age).
  return { year, age, divisor: uniformDivisor(age)!, deadline: first ? `${year + 1}-04-01` : `${year}-12-31`, first };
}

/**
 * The year's RMD of an account owned by someone born on `birthDate`, from its value on December 31 of
 * the year before; null when no RMD is required yet for that year.
 */
export function requiredMinimumDistribution(priorYearEndValue: Decimal, birthDate: string, year: number): Rmd | null {
  const terms = rmdTerms(birthDate, year);
  return terms && { ...terms, amount: rmdAmount(priorYearEndValue, terms.divisor) };
}

/** Prior year-end value ÷ divisor, to the cent. */
function rmdAmount(priorYearEndValue: Decimal, divisor: number): Decimal {
  return priorYearEndValue.div(divisor).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** An account as the RMD rules see it. */
export interface RmdAccount {
  account: string;
  type: AccountType;
  /** Fair market value on December 31 of the year before. */
  priorYearEnd: Decimal;
  /** Already distributed this year. */
  distributedThisYear: Decimal;
  /** The first-year RMD put off to April 1 of this year and still owed (0 when none). */
  deferred?: Decimal;
}

/** What an owner must still distribute this year, and from where. */
export interface RmdGroup {
  /** "IRAs" (Traditional, SEP and SIMPLE together: any of them may pay) or one Solo 401k account's name (it pays its own). */
  from: "IRAs" | string;
  accounts: string[];
  /** This year's RMD. */
  required: Decimal;
  /** Last year's first RMD, put off to April 1 of this year (0 when none): distributions this year count toward it first. */
  deferred: Decimal;
  distributed: Decimal;
  /** What is still due (deferred + required − distributed), never below 0. */
  remaining: Decimal;
  rmd: Omit<Rmd, "amount">;
}

/** Account types whose RMDs add up and may be taken from any of them (Pub. 590-B: "you can total the RMDs … and take the total from any one or more of the IRAs"). */
const AGGREGATED: readonly AccountType[] = ["Traditional IRA", "SEP IRA", "SIMPLE IRA"];

/**
 * One owner's RMDs for `year`: the Traditional, SEP and SIMPLE IRAs' RMDs added up (any of them may pay the
 * total), each Solo 401k on its own (a 401(k)'s RMD must come from that plan); Roth IRAs have none for the
 * owner, taxable accounts none. Empty when no RMD is required yet.
 */
export function ownerRmds(accounts: RmdAccount[], birthDate: string, year: number): RmdGroup[] {
  const groups: RmdGroup[] = [];
  const terms = rmdTerms(birthDate, year);
  if (!terms) return groups;
  const add = (from: string, members: RmdAccount[]) => {
    if (members.length === 0) return;
    // Each account's RMD is computed from its own value and the totals added (to the cent, as custodians report them).
    const required = members.reduce((s, a) => s.plus(rmdAmount(a.priorYearEnd, terms.divisor)), new Decimal(0));
    const distributed = members.reduce((s, a) => s.plus(a.distributedThisYear), new Decimal(0));
    const deferred = members.reduce((s, a) => s.plus(a.deferred ?? 0), new Decimal(0));
    groups.push({ from, accounts: members.map((a) => a.account), required, deferred, distributed, remaining: Decimal.max(0, required.plus(deferred).minus(distributed)), rmd: terms });
  };
  add("IRAs", accounts.filter((a) => AGGREGATED.includes(a.type)));
  for (const a of accounts.filter((x) => x.type === "Solo 401k")) add(a.account, [a]);
  return groups;
}

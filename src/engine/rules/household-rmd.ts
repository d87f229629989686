/**
 * The household's required minimum distributions for the As Of year (IRS Publication 590-B): per
 * owner, what each RMD group (the owner's Traditional, SEP and SIMPLE IRAs together; each Solo 401k on
 * its own) must distribute, what was distributed already, what remains and by when; the warnings an
 * advisor needs (fewer than 60 days left, the 25% excise tax, the Joint Life table not used, a first
 * RMD that may wait until April 1); and, for Policy `Cash Flow = RMD`, how the remainder is split
 * over the group's accounts (greedy: the accounts holding the most overweight dollars first; the
 * optimizer may re-split it across the group).
 */
import Decimal from "decimal.js";
import { CASH_CLASS, OwnerRow, Portfolio } from "../../contract/portfolio";
import { DEFAULT_ACCOUNT_TYPE } from "../../contract/vocabulary";
import { ownerOf, soleOwnerName } from "../../contract/owner-checks";
import { daysBetween } from "../../dates/calendar";
import { money } from "../../display";
import { Account } from "../positions";
import { ClassRow } from "../types";
import { FIRST_TABLE_YEAR, RmdGroup, firstRmdYear, ownerRmds } from "./rmd";

const ZERO = new Decimal(0);

/** One RMD group of an owner, with what the plan distributes from each of its accounts now. */
export interface RmdGroupPlan extends RmdGroup {
  /** Planned now, per account (empty when the plan distributes nothing). */
  planned: { account: string; amount: Decimal }[];
}

export interface OwnerRmd {
  owner: string;
  birthDate: string;
  /** The As Of year, the age reached in it, its Uniform Lifetime divisor. */
  year: number;
  age: number;
  /** The first year an RMD is required (73 or 75 by birth year; earlier cohorts 70½ or 72). */
  firstYear: number;
  /** The table the divisor came from. */
  table: "Uniform Lifetime";
  groups: RmdGroupPlan[];
}

export interface HouseholdRmd {
  owners: OwnerRmd[];
  warnings: string[];
}

/** Each owner with a birth date: the Owners rows, or the one owner of Policy Owner Birth Date. */
function ownersOf(portfolio: Portfolio): OwnerRow[] {
  if (portfolio.owners.length > 0) return portfolio.owners;
  const born = portfolio.policy.ownerBirthDate;
  if (born === null) return [];
  const ref = portfolio.policy.refs["Owner Birth Date"] ?? { sheet: "Policy", cell: "" };
  return [{ owner: soleOwnerName(portfolio.accounts), birthDate: born, spouseBirthDate: null, spouseSoleBeneficiary: false, ref, birthRef: ref }];
}

const endOfYear = (year: number) => `${year}-12-31`;

/** The household's RMDs for the As Of year, before any plan (planned is empty). */
export function householdRmds(portfolio: Portfolio): HouseholdRmd {
  const { policy } = portfolio;
  const year = Number(policy.asOf.slice(0, 4));
  const warnings: string[] = [];
  const owners: OwnerRmd[] = [];
  if (year < FIRST_TABLE_YEAR) {
    if (policy.rmdFlow) warnings.push(`RMDs before ${FIRST_TABLE_YEAR} used the earlier IRS tables; the plan does not compute them for ${year}`);
    return { owners, warnings };
  }
  const typeOf = (name: string) => portfolio.accounts.find((a) => a.account === name)?.type ?? DEFAULT_ACCOUNT_TYPE;
  const accountNames = [...new Set(portfolio.holdings.map((h) => h.account))];
  for (const o of ownersOf(portfolio)) {
    const first = firstRmdYear(o.birthDate);
    if (year < first) continue;
    const mine = accountNames.filter((name) => {
      const row = portfolio.accounts.find((a) => a.account === name);
      const owner = ownerOf(row, portfolio);
      return owner !== null && owner.toLowerCase() === o.owner.toLowerCase();
    });
    const rmdAccounts = [];
    for (const name of mine) {
      const row = portfolio.accounts.find((a) => a.account === name);
      const type = typeOf(name);
      if (type === "Roth IRA" || type === "Taxable") continue;
      if (!row || row.priorYearEnd === null) {
        warnings.push(`${name}: no Prior Year End Value, so its ${year} RMD is not computed (add it to Accounts: the December 31, ${year - 1} value)`);
        continue;
      }
      let deferred = row.deferredRmd;
      if (deferred.gt(0) && year !== first + 1) {
        const r = row.refs["Deferred RMD"] ?? row.ref;
        warnings.push(`${r.sheet}!${r.cell}: Deferred RMD is only for the year after the first RMD year (${first}), when the first RMD may be taken by April 1; it is ignored for ${year}`);
        deferred = ZERO;
      }
      rmdAccounts.push({ account: name, type, priorYearEnd: row.priorYearEnd, distributedThisYear: row.distributedThisYear, deferred });
    }
    const groups = ownerRmds(rmdAccounts, o.birthDate, year).map((g) => ({ ...g, planned: [] }));
    if (groups.length === 0) continue;
    const terms = groups[0].rmd;
    owners.push({ owner: o.owner, birthDate: o.birthDate, year, age: terms.age, firstYear: first, table: "Uniform Lifetime", groups });
    warnings.push(...ownerWarnings(o, groups, terms, policy.asOf, policy.rmdFlow));
  }
  return { owners, warnings };
}

function ownerWarnings(o: OwnerRow, groups: RmdGroup[], terms: RmdGroup["rmd"], asOf: string, planned: boolean): string[] {
  const out: string[] = [];
  const year = terms.year;
  const remaining = groups.reduce((s, g) => s.plus(g.remaining), ZERO);
  if (o.spouseSoleBeneficiary && o.spouseBirthDate && Number(o.spouseBirthDate.slice(0, 4)) > Number(o.birthDate.slice(0, 4)) + 10) {
    out.push(
      `${o.owner}: the spouse is the sole beneficiary and more than 10 years younger, so the Joint Life and Last Survivor Table (Pub. 590-B, Table II) applies and gives a smaller RMD; this plan used the Uniform Lifetime Table (divisor ${terms.divisor}), which overstates it — check the custodian's figure`,
    );
  }
  if (terms.first) {
    out.push(
      `${o.owner}: ${year} is the first RMD year (age ${terms.age}); it may be taken as late as April 1, ${year + 1}, but then ${year + 1} needs two distributions (the ${year} RMD by April 1 and the ${year + 1} RMD by December 31)${planned ? "; this plan takes it now" : ""}`,
    );
  }
  const deferred = groups.reduce((s, g) => s.plus(g.deferred), ZERO);
  if (deferred.gt(0)) {
    const april = `${year}-04-01`;
    const late = asOf > april;
    out.push(
      `${o.owner}: ${money(deferred)} of the ${year - 1} first RMD was put off to April 1, ${year}${late ? ` and is past due since then: a missed RMD owes the 25% excise tax (IRC § 4974; 10% if corrected in time) — take it now and ask about Form 5329` : "; distributions this year count toward it first"}`,
    );
  }
  if (remaining.gt(0)) {
    const left = daysBetween(asOf, endOfYear(year));
    if (left < 60) {
      const days = `only ${left} day${left === 1 ? "" : "s"} ${left === 1 ? "is" : "are"} left before December 31 (an alternative-asset sale can take weeks); a missed RMD owes the 25% excise tax on the shortfall (IRC § 4974; 10% if corrected in time)`;
      out.push(
        planned
          ? `${o.owner}: the ${money(remaining)} left of the ${year} RMD is planned now, and ${days}: send the distributions promptly`
          : `${o.owner}: ${money(remaining)} of the ${year} RMD is still due and ${days} — set Policy Cash Flow to RMD to plan it`,
      );
    } else if (!planned) {
      out.push(`${o.owner}: ${money(remaining)} of the ${year} RMD is still due by December 31 (set Policy Cash Flow to RMD to plan it)`);
    }
  }
  return out;
}

/** What an account can raise now: its cash and its tradable lots in whole lots, less its reserve unless `intoReserve`. */
function raisable(a: Account, intoReserve = false): Decimal {
  let total = a.cash;
  for (const p of a.positions) {
    if (p.sellable.lte(0)) continue;
    const q = p.lotSize.isZero() ? p.sellable : p.sellable.div(p.lotSize).floor().times(p.lotSize);
    total = total.plus(q.times(p.price));
  }
  return Decimal.max(ZERO, intoReserve ? total : total.minus(a.reserve));
}

/** Dollars the account holds, sellable, in classes above their target: where a withdrawal helps the household most. */
function overweightDollars(a: Account, classes: ClassRow[], total: Decimal): Decimal {
  let sum = ZERO;
  for (const c of classes) {
    const excess = c.value.minus(total.times(c.target));
    if (excess.lte(0)) continue;
    const here = c.assetClass.toLowerCase() === CASH_CLASS.toLowerCase() ? Decimal.max(ZERO, a.cash.minus(a.reserve)) : a.positions.filter((p) => p.assetClass === c.assetClass).reduce((s, p) => s.plus(p.sellableValue), ZERO);
    sum = sum.plus(Decimal.min(excess, here));
  }
  return sum;
}

/** A withdrawal the plan makes for an RMD group: its accounts and how much, split per account. */
export interface RmdWithdrawal {
  owner: string;
  from: string;
  accounts: string[];
  amount: Decimal;
  split: Map<string, Decimal>;
}

/** An illiquid holding (or a fractional interest in one) distributed in kind, at its fair market value, toward an RMD. */
export interface InKindDistribution {
  owner: string;
  account: string;
  symbol: string;
  assetClass: string;
  /** Units distributed: whole units, or (Divisible = Yes) a fraction, to 6 decimals. */
  quantity: Decimal;
  /** The fair market value per unit (Holdings Price), and the amount: quantity × price to the cent. */
  price: Decimal;
  amount: Decimal;
  valuedOn: string | null;
}

/**
 * In kind, for what cash and sales cannot raise (Policy RMD In Kind = Allowed): whole units of the
 * group's illiquid holdings worth no more than what is left (dearest first), then a fractional
 * interest of a Divisible one (the largest) for the rest — rounded up to 6 decimals of a unit, so the
 * RMD is met, never short by a rounding.
 */
function inKindFor(owner: string, members: Account[], left: Decimal): InKindDistribution[] {
  const out: InKindDistribution[] = [];
  const illiquid = members.flatMap((a) => a.positions.filter((p) => !p.tradable && p.value.gt(0)).map((p) => ({ a, p, left: p.quantity })));
  illiquid.sort((x, y) => y.p.price.comparedTo(x.p.price));
  for (const x of illiquid) {
    if (left.lte(0)) break;
    const units = Decimal.min(x.left, left.div(x.p.price).floor());
    if (units.lte(0)) continue;
    const amount = units.times(x.p.price).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    out.push({ owner, account: x.a.name, symbol: x.p.symbol, assetClass: x.p.assetClass, quantity: units, price: x.p.price, amount, valuedOn: x.p.lots[0].valuedOn });
    x.left = x.left.minus(units);
    left = left.minus(amount);
  }
  const divisible = illiquid.filter((x) => x.p.lots.some((l) => l.divisible) && x.left.gt(0)).sort((x, y) => y.left.times(y.p.price).comparedTo(x.left.times(x.p.price)));
  for (const x of divisible) {
    if (left.lte(0)) break;
    const units = Decimal.min(x.left, left.div(x.p.price).toDecimalPlaces(6, Decimal.ROUND_UP));
    const amount = units.times(x.p.price).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    const same = out.find((o) => o.account === x.a.name && o.symbol === x.p.symbol);
    if (same) {
      same.quantity = same.quantity.plus(units);
      same.amount = same.amount.plus(amount);
    } else out.push({ owner, account: x.a.name, symbol: x.p.symbol, assetClass: x.p.assetClass, quantity: units, price: x.p.price, amount, valuedOn: x.p.lots[0].valuedOn });
    x.left = x.left.minus(units);
    left = left.minus(amount);
  }
  return out;
}

/**
 * Splits each group's remaining RMD over its accounts, most overweight dollars first, each up to what
 * it can raise without selling illiquid assets; with `inKind`, distributes illiquid holdings for the
 * rest; says what could not be met and what would have to happen.
 */
export function splitRmds(rmd: HouseholdRmd, accounts: Account[], classes: ClassRow[], total: Decimal, inKind = false): { withdrawals: RmdWithdrawal[]; inKind: InKindDistribution[]; warnings: string[] } {
  const withdrawals: RmdWithdrawal[] = [];
  const distributions: InKindDistribution[] = [];
  const warnings: string[] = [];
  for (const o of rmd.owners) {
    for (const g of o.groups) {
      if (g.remaining.lte(0)) continue;
      const members = g.accounts.map((n) => accounts.find((a) => a.name === n)).filter((a): a is Account => a !== undefined);
      const ranked = [...members].sort((x, y) => overweightDollars(y, classes, total).comparedTo(overweightDollars(x, classes, total)) || members.indexOf(x) - members.indexOf(y));
      const split = new Map<string, Decimal>();
      let left = g.remaining;
      for (const a of ranked) {
        if (left.lte(0)) break;
        const take = Decimal.min(left, raisable(a));
        if (take.gt(0)) split.set(a.name, take);
        left = left.minus(take);
      }
      // The RMD comes before the cash reserves: what the accounts cannot raise above them is taken from them, and said.
      for (const a of ranked) {
        if (left.lte(0)) break;
        const more = Decimal.min(left, raisable(a, true).minus(split.get(a.name) ?? ZERO));
        if (more.lte(0)) continue;
        split.set(a.name, (split.get(a.name) ?? ZERO).plus(more));
        left = left.minus(more);
        warnings.push(`${a.name}: the RMD takes ${money(more)} of its ${money(a.reserve)} cash reserve (a required distribution comes first; a missed one owes the 25% excise tax)`);
      }
      const amount = g.remaining.minus(left);
      if (left.gt(0) && inKind) {
        const given = inKindFor(o.owner, members, left);
        distributions.push(...given);
        for (const d of given) {
          left = left.minus(d.amount);
          warnings.push(
            `${o.owner}: ${d.quantity.toString()} of ${d.symbol} in ${d.account} is distributed in kind, ${money(d.amount)} at its fair market value of ${money(d.price)} a unit${d.valuedOn ? ` (valued ${d.valuedOn})` : ""}${d.quantity.isInteger() ? "" : ": a fractional interest, retitled to the owner by the custodian (deed or assignment), the income and costs then shared"}; it is reported on Form 1099-R at that value`,
          );
        }
      }
      if (left.gt(0)) {
        const illiquid = members.flatMap((a) => a.positions.filter((p) => !p.tradable && p.value.gt(0)).map((p) => `${p.symbol} in ${a.name}`));
        const how = inKind
          ? "mark an illiquid holding Divisible = Yes to distribute a fractional interest of it, distribute a whole one (more than the RMD), or start selling one now (weeks)"
          : "distribute an asset in kind at its fair market value (Policy RMD In Kind = Allowed), or start selling it now (weeks)";
        const short = `${o.owner}: ${money(Decimal.max(left, 0))} of the ${o.year} RMD cannot be raised from ${g.accounts.join(", ")}`;
        // With nothing illiquid, what stops it is what the accounts hold (or may sell: Do Not Sell).
        warnings.push(
          illiquid.length
            ? `${short} without selling illiquid assets (${illiquid.join(", ")}): ${how} — until then the shortfall owes the 25% excise tax (IRC § 4974)`
            : `${short}: ${g.accounts.length > 1 ? "they hold too little they" : "it holds too little it"} may sell (Do Not Sell holdings stay) — the shortfall owes the 25% excise tax (IRC § 4974)`,
        );
      }
      if (amount.gt(0)) withdrawals.push({ owner: o.owner, from: g.from, accounts: members.map((a) => a.name), amount, split });
    }
  }
  return { withdrawals, inKind: distributions, warnings };
}

/** The accounts with the in-kind distributions taken out of their positions (the lots' quantities reduced, first lot first). */
export function withoutInKind(accounts: Account[], inKind: InKindDistribution[]): Account[] {
  if (inKind.length === 0) return accounts;
  return accounts.map((a) => {
    const mine = inKind.filter((d) => d.account === a.name);
    if (mine.length === 0) return a;
    return {
      ...a,
      positions: a.positions.map((p) => {
        const out = mine.filter((d) => d.symbol === p.symbol).reduce((s, d) => s.plus(d.quantity), ZERO);
        if (out.isZero()) return p;
        let left = out;
        const lots = p.lots.map((l) => {
          const take = Decimal.min(left, l.quantity);
          left = left.minus(take);
          return take.isZero() ? l : { ...l, quantity: l.quantity.minus(take) };
        });
        const quantity = p.quantity.minus(out);
        return { ...p, lots, quantity, value: quantity.times(p.price) };
      }),
    };
  });
}

/**
 * A contribution checked against the year's limit for its account type (./contribution-limits.ts):
 * an IRA's together with what the owner put into all their Traditional and Roth IRAs this year
 * (Accounts `Contributed This Year`), the other types per account. Above it the contribution is still
 * planned, with a warning: the add-in does not know compensation or the employer's part.
 */
import Decimal from "decimal.js";
import { AccountType, Portfolio } from "../../contract/portfolio";
import { ownerOf } from "../../contract/owner-checks";
import { money } from "../../display";
import { Account } from "../positions";
import { contributionLimit, limitsFor } from "./contribution-limits";

const LABEL: Record<AccountType, string> = {
  "Traditional IRA": "IRA",
  "Roth IRA": "IRA",
  "SEP IRA": "SEP IRA",
  "SIMPLE IRA": "SIMPLE IRA",
  "Solo 401k": "Solo 401(k)",
  Taxable: "taxable",
};

/** The owner's age at the end of `year` (what catch-ups go by): from a birth date when one is given, else Policy Owner Age. */
function ageAtYearEnd(portfolio: Portfolio, owner: string | null, year: number): number | null {
  const row = owner === null ? undefined : portfolio.owners.find((o) => o.owner.toLowerCase() === owner.toLowerCase());
  const born = row?.birthDate ?? (portfolio.owners.length === 0 ? portfolio.policy.ownerBirthDate : null);
  return born ? year - Number(born.slice(0, 4)) : portfolio.policy.ownerAge;
}

export function contributionWarnings(portfolio: Portfolio, account: Account | undefined, flow: Decimal): string[] {
  if (!account || !flow.gt(0)) return [];
  const { policy } = portfolio;
  const year = Number(policy.asOf.slice(0, 4));
  const row = portfolio.accounts.find((a) => a.account === account.name);
  const owner = ownerOf(row, portfolio);
  const age = ageAtYearEnd(portfolio, owner, year);
  const found = contributionLimit(account.type, year, age);
  if (!found) return [];
  let { amount, basis } = found;
  if (found.pool === "IRAs" && policy.refs["Contribution Limit"]) {
    // The Policy's Contribution Limit overrides the table's IRA limit; the catch-up still applies at 50.
    const catchUp = age !== null && age >= 50 ? limitsFor(year).limits.iraCatchUp : 0;
    amount = policy.contributionLimit.plus(catchUp);
    basis = `Policy Contribution Limit ${money(policy.contributionLimit)}${catchUp ? ` + ${money(new Decimal(catchUp))} catch-up` : ""}`;
  }
  const sameOwner = (name: string) => {
    const o = ownerOf(portfolio.accounts.find((a) => a.account === name), portfolio);
    return o === owner || (o !== null && owner !== null && o.toLowerCase() === owner.toLowerCase());
  };
  const pool = found.pool === "IRAs" ? portfolio.accounts.filter((a) => (a.type === "Traditional IRA" || a.type === "Roth IRA") && sameOwner(a.account)) : row ? [row] : [];
  const already = pool.reduce((s, a) => s.plus(a.contributedThisYear), new Decimal(0));
  if (already.plus(flow).lte(amount)) return [];
  const before = already.gt(0) ? ` (with ${money(already)} already contributed this year${found.pool === "IRAs" && pool.length > 1 ? ` to ${pool.map((a) => a.account).join(", ")}` : ""})` : "";
  const caveat = found.caveat ? `, ${found.caveat}` : "";
  return [`${account.name}: the ${money(flow)} contribution${before} is above the ${money(amount)} annual ${LABEL[account.type]} limit (${basis}${caveat}); it is planned, but check it before sending`];
}

/**
 * Checks between Accounts, Owners and Policy that the required-minimum-distribution rules need: every
 * account's owner is known, and a `Cash Flow = RMD` has an account that bears an RMD, a birth date for
 * its owner and the prior year-end value it is computed from. Each problem names its cell.
 */
import { AccountRow, CellRef, OwnerRow, Policy } from "./portfolio";
import { AccountType, DEFAULT_ACCOUNT_TYPE } from "./vocabulary";
import { ContractError, contractError } from "./errors";

/** Account types whose owner must take required minimum distributions (Pub. 590-B; a Roth IRA has none for its owner). */
export const RMD_ACCOUNT_TYPES: readonly AccountType[] = ["Traditional IRA", "SEP IRA", "SIMPLE IRA", "Solo 401k"];

export interface OwnerCheckInput {
  accounts: AccountRow[];
  /** Rows of Owners; `ownersRange` says whether the range exists at all. */
  owners: OwnerRow[];
  ownersRange: boolean;
  policy: Policy;
  /** The accounts Holdings names, in order. */
  accountsSeen: string[];
  /** The cell a problem with no cell of its own is put on (the Holdings range's first cell). */
  fallback: CellRef;
}

const at = (r: CellRef, message: string) => contractError(r.sheet, r.cell, message);

/** The name the household's one owner goes by (Policy Owner Birth Date, no Owners range): the Owner Accounts names, else "Owner". */
export function soleOwnerName(accounts: AccountRow[]): string {
  return accounts.find((a) => a.owner)?.owner ?? "Owner";
}

/** The owner an account belongs to: its Owner cell, else the household's only owner; null when that is ambiguous. */
export function ownerOf(account: AccountRow | undefined, household: { owners: OwnerRow[]; accounts: AccountRow[]; policy: Policy }): string | null {
  const { owners, accounts, policy } = household;
  if (account?.owner) return owners.find((o) => o.owner.toLowerCase() === account.owner!.toLowerCase())?.owner ?? account.owner;
  if (owners.length === 1) return owners[0].owner;
  if (owners.length === 0 && policy.ownerBirthDate !== null) return soleOwnerName(accounts);
  return null;
}

export function checkOwners(input: OwnerCheckInput, errors: ContractError[]): void {
  const { accounts, owners, ownersRange, policy, accountsSeen, fallback } = input;
  const names = owners.map((o) => o.owner.toLowerCase());
  const flowRef = policy.refs["Cash Flow"] ?? fallback;
  if (ownersRange && policy.ownerBirthDate !== null) {
    const r = policy.refs["Owner Birth Date"] ?? fallback;
    errors.push(at(r, "Owner Birth Date is for a household without an Owners range; the Owners range gives each owner's Birth Date, so leave this setting blank"));
  }
  const named = [...new Set(accounts.filter((a) => a.owner).map((a) => a.owner!.toLowerCase()))];
  for (const a of accounts) {
    const r = a.refs.Owner ?? a.ref;
    if (a.owner && ownersRange && owners.length > 0 && !names.includes(a.owner.toLowerCase())) {
      errors.push(at(r, `Owner "${a.owner}" is not in Owners (Owners lists ${owners.map((o) => o.owner).join(", ")})`));
    } else if (!a.owner && owners.length > 1) {
      errors.push(at(r, `Owner must name one of the Owners (Owners lists ${owners.map((o) => o.owner).join(", ")}); with more than one owner each account says whose it is`));
    }
  }
  if (!ownersRange && named.length > 1) {
    const r = accounts.find((a) => a.owner)!.refs.Owner!;
    errors.push(at(r, `Accounts names several owners (${[...new Set(accounts.filter((a) => a.owner).map((a) => a.owner))].join(", ")}); add an Owners range (Owner, Birth Date) with each one's Birth Date`));
  }
  if (!policy.rmdFlow) return;
  if (policy.cashFlowAccount !== null) {
    errors.push(at(policy.refs["Cash Flow Account"] ?? flowRef, "Cash Flow Account must be blank when Cash Flow is RMD: the plan chooses which of the owner's IRAs distribute"));
  }
  const typeOf = (name: string) => accounts.find((a) => a.account === name)?.type ?? DEFAULT_ACCOUNT_TYPE;
  const bearing = accountsSeen.filter((name) => RMD_ACCOUNT_TYPES.includes(typeOf(name)));
  if (bearing.length === 0) {
    errors.push(at(flowRef, `Cash Flow is RMD, but no account bears a required minimum distribution (${RMD_ACCOUNT_TYPES.join(", ")}); the accounts are ${accountsSeen.map((n) => `${n} (${typeOf(n)})`).join(", ")}`));
    return;
  }
  if (owners.length === 0 && policy.ownerBirthDate === null) {
    errors.push(at(flowRef, "Cash Flow is RMD, but no owner's birth date is given: add Policy Owner Birth Date (one owner) or an Owners range (Owner, Birth Date)"));
    return;
  }
  for (const name of bearing) {
    const row = accounts.find((a) => a.account === name);
    if (!row) {
      errors.push(at(flowRef, `Cash Flow is RMD, but ${name} is not in an Accounts range: list it with its Type and Prior Year End Value (the December 31 value its RMD is computed from)`));
    } else if (row.priorYearEnd === null) {
      errors.push(at(row.refs["Prior Year End Value"] ?? row.ref, `Prior Year End Value of ${name} is needed for its RMD (Cash Flow = RMD): the account's fair market value on December 31 of last year`));
    }
  }
}

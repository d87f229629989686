/** The optional Accounts range: Account, Type, optional Cash Reserve. */
import { AccountRow } from "./portfolio";
import { ACCOUNT_TYPES } from "./vocabulary";
import { ContractError, contractError } from "./errors";
import { MAX_AMOUNT, describe, findChoice, isBlank, readNumber, text } from "./cells";
import { RangeSnapshot } from "./snapshot";
import { readTable } from "./table";

/** The valid Accounts rows, and every account the range lists (also rows with a problem); listed is null without a readable range. */
export interface AccountsRead {
  rows: AccountRow[];
  listed: string[] | null;
}

export function readAccounts(range: RangeSnapshot | undefined, errors: ContractError[]): AccountsRead {
  if (!range) return { rows: [], listed: null };
  const table = readTable(
    range,
    [
      { header: "Account", required: true },
      { header: "Type", required: true },
      { header: "Cash Reserve", required: false },
    ],
    errors,
  );
  if (!table) return { rows: [], listed: null };
  const rows: AccountRow[] = [];
  const seen = new Map<string, string>();
  for (const row of table.rows) {
    const ref = row.ref("Account");
    const account = text(row.get("Account"));
    if (account === "") {
      errors.push(contractError(ref.sheet, ref.cell, "Account must not be empty"));
      continue;
    }
    if (seen.has(account)) {
      errors.push(contractError(ref.sheet, ref.cell, `Account "${account}" is listed twice in Accounts (also in ${seen.get(account)})`));
      continue;
    }
    seen.set(account, ref.cell);
    const typeRef = row.ref("Type");
    const type = findChoice(ACCOUNT_TYPES, row.get("Type"));
    if (!type) {
      errors.push(contractError(typeRef.sheet, typeRef.cell, `Type must be one of ${ACCOUNT_TYPES.join(", ")} (found ${describe(row.get("Type"))})`));
      continue;
    }
    let cashReserve = null;
    const reserveCell = row.get("Cash Reserve");
    if (!isBlank(reserveCell)) {
      const n = readNumber(reserveCell);
      const r = row.ref("Cash Reserve");
      if (!n.ok || n.value.isNegative() || n.value.gte(MAX_AMOUNT)) {
        errors.push(contractError(r.sheet, r.cell, `Cash Reserve must be a dollar amount of 0 or more, below $1,000,000,000,000 (found ${describe(reserveCell)})`));
        continue;
      }
      cashReserve = n.value;
    }
    rows.push({ account, type, cashReserve, ref });
  }
  const listed = [...seen.keys()];
  for (const row of table.skipped) {
    const account = text(row.get("Account"));
    if (account !== "" && !listed.includes(account)) listed.push(account);
  }
  return { rows, listed };
}

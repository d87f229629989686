/**
 * The optional Accounts range: Account, Type, optional Cash Reserve, and for the SDIRA rules Owner,
 * Prior Year End Value, Distributed This Year, Contributed This Year and Deferred RMD.
 */
import Decimal from "decimal.js";
import { AccountRow } from "./portfolio";
import { ACCOUNT_TYPES } from "./vocabulary";
import { ContractError, contractError } from "./errors";
import { MAX_AMOUNT, describe, findChoice, isBlank, readNumber, text } from "./cells";
import { RangeSnapshot } from "./snapshot";
import { readTable } from "./table";

const ZERO = new Decimal(0);

/** The optional dollar columns, each 0 or more. */
const DOLLAR_COLUMNS = ["Prior Year End Value", "Distributed This Year", "Contributed This Year", "Deferred RMD"] as const;

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
      ...DOLLAR_COLUMNS.map((header) => ({ header, required: false })),
      { header: "Owner", required: false },
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
    const refs: AccountRow["refs"] = {};
    const dollars: Partial<Record<(typeof DOLLAR_COLUMNS)[number], Decimal>> = {};
    let ok = true;
    for (const header of DOLLAR_COLUMNS) {
      const cell = row.get(header);
      if (!row.has(header)) continue;
      refs[header] = row.ref(header);
      if (isBlank(cell)) continue;
      const n = readNumber(cell);
      if (!n.ok || n.value.isNegative() || n.value.gte(MAX_AMOUNT)) {
        errors.push(contractError(refs[header]!.sheet, refs[header]!.cell, `${header} must be a dollar amount of 0 or more, below $1,000,000,000,000 (found ${describe(cell)})`));
        ok = false;
        continue;
      }
      dollars[header] = n.value;
    }
    if (!ok) continue;
    if (row.has("Owner")) refs.Owner = row.ref("Owner");
    const owner = text(row.get("Owner")) || null;
    rows.push({
      account,
      type,
      cashReserve,
      owner,
      priorYearEnd: dollars["Prior Year End Value"] ?? null,
      distributedThisYear: dollars["Distributed This Year"] ?? ZERO,
      contributedThisYear: dollars["Contributed This Year"] ?? ZERO,
      deferredRmd: dollars["Deferred RMD"] ?? ZERO,
      ref,
      refs,
    });
  }
  const listed = [...seen.keys()];
  for (const row of table.skipped) {
    const account = text(row.get("Account"));
    if (account !== "" && !listed.includes(account)) listed.push(account);
  }
  return { rows, listed };
}

/**
 * The optional Owners range: Owner | Birth Date | Spouse Birth Date | Spouse Sole Beneficiary — whose
 * accounts they are, and the dates the required-minimum-distribution rules need (IRS Publication
 * 590-B). Accounts name their owner in the Accounts `Owner` column; a household of one owner may
 * leave that column out, or use Policy `Owner Birth Date` instead of this range.
 */
import { OwnerRow } from "./portfolio";
import { ContractError, contractError } from "./errors";
import { describe, isBlank, readDate, readYesNo, text } from "./cells";
import { RangeSnapshot } from "./snapshot";
import { readTable } from "./table";
import { DateSystem } from "../dates/serial";

/** The valid rows; each date is checked against As Of (a birth date after it is a typo, not a plan). */
export function readOwners(range: RangeSnapshot | undefined, asOf: string, errors: ContractError[], system: DateSystem = 1900): OwnerRow[] {
  if (!range) return [];
  const table = readTable(
    range,
    [
      { header: "Owner", required: true },
      { header: "Birth Date", required: true },
      { header: "Spouse Birth Date", required: false },
      { header: "Spouse Sole Beneficiary", required: false },
    ],
    errors,
  );
  if (!table) return [];
  const rows: OwnerRow[] = [];
  const seen = new Map<string, string>();
  for (const row of table.rows) {
    const ref = row.ref("Owner");
    const owner = text(row.get("Owner"));
    let ok = true;
    const fail = (header: string, message: string) => {
      const r = row.ref(header);
      errors.push(contractError(r.sheet, r.cell, message));
      ok = false;
    };
    if (owner === "") fail("Owner", "Owner must not be empty");
    else if (seen.has(owner.toLowerCase())) fail("Owner", `Owner "${owner}" is listed twice in Owners (also in ${seen.get(owner.toLowerCase())})`);
    else seen.set(owner.toLowerCase(), ref.cell);
    const dateOf = (header: string, required: boolean): string | null => {
      const cell = row.get(header);
      if (isBlank(cell)) {
        if (required) fail(header, `${header} must be a date (found blank)`);
        return null;
      }
      const d = readDate(cell, system);
      if (!d.ok) {
        fail(header, `${header} must be a date (found ${describe(cell)})`);
        return null;
      }
      if (d.value > asOf) {
        fail(header, `${header} ${d.value} is after As Of (${asOf}): a birth date cannot be in the future`);
        return null;
      }
      return d.value;
    };
    const birthDate = dateOf("Birth Date", true);
    const spouseBirthDate = dateOf("Spouse Birth Date", false);
    let spouseSoleBeneficiary = false;
    const sole = row.get("Spouse Sole Beneficiary");
    if (!isBlank(sole)) {
      const yn = readYesNo(sole);
      if (!yn.ok) fail("Spouse Sole Beneficiary", `Spouse Sole Beneficiary must be Yes or No (found ${describe(sole)})`);
      else spouseSoleBeneficiary = yn.value;
    }
    if (spouseSoleBeneficiary && spouseBirthDate === null && ok) {
      fail("Spouse Birth Date", "Spouse Birth Date is needed when Spouse Sole Beneficiary is Yes (it decides which RMD table applies)");
    }
    if (ok && birthDate) rows.push({ owner, birthDate, spouseBirthDate, spouseSoleBeneficiary, ref, birthRef: row.ref("Birth Date") });
  }
  return rows;
}

/**
 * The optional Location range: Asset Class | Preferred Account Type — asset location, e.g. bonds in
 * the Traditional SDIRA, growth in the Roth. A class may be listed once per preferred type. The
 * optimizer counts a small cost on buying a class in an account of a type not preferred for it.
 */
import { AccountType, LocationRow } from "./portfolio";
import { ACCOUNT_TYPES } from "./vocabulary";
import { ContractError, contractError } from "./errors";
import { describe, findChoice, text } from "./cells";
import { RangeSnapshot } from "./snapshot";
import { readTable } from "./table";

/** The valid rows; `classes` are the classes Targets lists (null when Targets could not be read: no class is checked). */
export function readLocation(range: RangeSnapshot | undefined, classes: string[] | null, errors: ContractError[]): LocationRow[] {
  if (!range) return [];
  const table = readTable(
    range,
    [
      { header: "Asset Class", required: true },
      { header: "Preferred Account Type", required: true },
    ],
    errors,
  );
  if (!table) return [];
  const rows: LocationRow[] = [];
  for (const row of table.rows) {
    const classRef = row.ref("Asset Class");
    const typeRef = row.ref("Preferred Account Type");
    const name = text(row.get("Asset Class"));
    const assetClass = classes === null ? name : findChoice(classes, name);
    let ok = true;
    if (name === "") {
      errors.push(contractError(classRef.sheet, classRef.cell, "Asset Class must not be empty"));
      ok = false;
    } else if (assetClass === undefined) {
      errors.push(contractError(classRef.sheet, classRef.cell, `Asset Class "${name}" is not in Targets (Targets lists ${classes!.join(", ")})`));
      ok = false;
    }
    const typeCell = row.get("Preferred Account Type");
    const type = findChoice(ACCOUNT_TYPES, typeCell);
    if (!type) {
      errors.push(contractError(typeRef.sheet, typeRef.cell, `Preferred Account Type must be one of ${ACCOUNT_TYPES.join(", ")} (found ${describe(typeCell)})`));
      ok = false;
    }
    if (ok) rows.push({ assetClass: assetClass!, preferred: type!, ref: classRef });
  }
  return rows;
}

/** Asset class → the account types preferred for it. */
export function locationMap(rows: LocationRow[]): Map<string, AccountType[]> {
  const map = new Map<string, AccountType[]>();
  for (const r of rows) {
    const list = map.get(r.assetClass) ?? [];
    if (!list.includes(r.preferred)) list.push(r.preferred);
    map.set(r.assetClass, list);
  }
  return map;
}

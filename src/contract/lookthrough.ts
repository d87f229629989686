/**
 * The optional LookThrough range: Symbol | Asset Class | Share — a fund that spans several classes (a
 * 60/40 balanced fund) counts in each class by its share, and a trade in it moves each of them. A
 * fund's shares add up to 100%. Its Holdings rows' Asset Class is then a label only (it may be blank).
 */
import { LookThroughRow, CASH_SYMBOL } from "./portfolio";
import { ContractError, contractError } from "./errors";
import { findChoice, text } from "./cells";
import { RangeSnapshot } from "./snapshot";
import { readTable } from "./table";
import { ShareSums, readShare } from "./shares";

/** The valid rows, and every symbol listed (also those whose rows have problems: Holdings then does not ask for their class). */
export function readLookThrough(range: RangeSnapshot | undefined, classes: string[] | null, errors: ContractError[]): { rows: LookThroughRow[]; symbols: Set<string> } {
  const symbols = new Set<string>();
  if (!range) return { rows: [], symbols };
  const table = readTable(
    range,
    [
      { header: "Symbol", required: true },
      { header: "Asset Class", required: true },
      { header: "Share", required: true },
    ],
    errors,
  );
  if (!table) return { rows: [], symbols };
  const rows: LookThroughRow[] = [];
  const sums = new ShareSums();
  const seen = new Map<string, string>();
  for (const row of table.rows) {
    let ok = true;
    const fail = (header: string, message: string) => {
      const r = row.ref(header);
      errors.push(contractError(r.sheet, r.cell, message));
      ok = false;
    };
    const symbol = text(row.get("Symbol"));
    const ref = row.ref("Symbol");
    if (symbol === "") fail("Symbol", "Symbol must not be empty");
    else if (symbol.toUpperCase() === CASH_SYMBOL) fail("Symbol", "CASH cannot be looked through: it is the Cash class");
    else symbols.add(symbol.toLowerCase());
    const name = text(row.get("Asset Class"));
    const assetClass = classes === null || name.toLowerCase() === "cash" ? name : findChoice(classes, name);
    if (name === "") fail("Asset Class", "Asset Class must not be empty");
    else if (assetClass === undefined) fail("Asset Class", `Asset Class "${name}" is not in Targets (Targets lists ${classes!.join(", ")})`);
    else if (assetClass.toLowerCase() === "cash") fail("Asset Class", `A fund's cash sleeve is counted in the class it is managed with (Bonds, say): Cash is what the accounts hold as CASH`);
    else if (symbol !== "") {
      const key = `${symbol.toLowerCase()}\u0000${assetClass.toLowerCase()}`;
      if (seen.has(key)) fail("Asset Class", `${symbol}'s ${assetClass} share is already given in ${seen.get(key)}`);
      else seen.set(key, row.ref("Share").cell);
    }
    const share = readShare(row, errors);
    if (share === null) ok = false;
    if (symbol !== "") sums.add(symbol.toLowerCase(), `${symbol}'s look-through shares`, share, row.ref("Share"));
    if (ok) rows.push({ symbol, assetClass: assetClass!, share: share!, ref });
  }
  sums.check(errors);
  return { rows, symbols };
}

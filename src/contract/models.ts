/**
 * The optional Models range: Asset Class | Symbol | Share — within a class, buys go to the listed
 * securities in these proportions instead of the account's largest holding of the class. A class's
 * shares add up to 100%; a symbol belongs to one class's model.
 */
import { ModelRow } from "./portfolio";
import { ContractError, contractError } from "./errors";
import { findChoice, text } from "./cells";
import { CASH_SYMBOL } from "./portfolio";
import { RangeSnapshot } from "./snapshot";
import { readTable } from "./table";
import { ShareSums, readShare } from "./shares";

/** The valid rows; `classes` are the classes Targets lists (null when Targets could not be read: no class is checked). */
export function readModels(range: RangeSnapshot | undefined, classes: string[] | null, errors: ContractError[]): ModelRow[] {
  if (!range) return [];
  const table = readTable(
    range,
    [
      { header: "Asset Class", required: true },
      { header: "Symbol", required: true },
      { header: "Share", required: true },
    ],
    errors,
  );
  if (!table) return [];
  const rows: ModelRow[] = [];
  const sums = new ShareSums();
  const seen = new Map<string, { assetClass: string; cell: string }>();
  for (const row of table.rows) {
    let ok = true;
    const fail = (header: string, message: string) => {
      const r = row.ref(header);
      errors.push(contractError(r.sheet, r.cell, message));
      ok = false;
    };
    const name = text(row.get("Asset Class"));
    const assetClass = classes === null ? name : findChoice(classes, name);
    if (name === "") fail("Asset Class", "Asset Class must not be empty");
    else if (assetClass === undefined) fail("Asset Class", `Asset Class "${name}" is not in Targets (Targets lists ${classes!.join(", ")})`);
    const symbol = text(row.get("Symbol"));
    const ref = row.ref("Symbol");
    if (symbol === "") fail("Symbol", "Symbol must not be empty");
    else if (symbol.toUpperCase() === CASH_SYMBOL) fail("Symbol", "CASH is not a security a model can buy: list the class's securities");
    else {
      const earlier = seen.get(symbol.toLowerCase());
      if (earlier) fail("Symbol", `${symbol} is already in the ${earlier.assetClass} model (${earlier.cell}); a symbol is listed once`);
      else seen.set(symbol.toLowerCase(), { assetClass: assetClass ?? name, cell: ref.cell });
    }
    const share = readShare(row, errors);
    if (share === null) ok = false;
    if (assetClass) sums.add(assetClass.toLowerCase(), `The ${assetClass} model's shares`, share, row.ref("Share"));
    if (ok) rows.push({ assetClass: assetClass!, symbol, share: share!, ref });
  }
  sums.check(errors);
  return rows;
}

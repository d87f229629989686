/**
 * The optional Equivalents range: Symbol | Substitute — the substitute is bought instead of the symbol
 * when the symbol cannot be bought: the wash-sale guard bars it (sold at a loss in a taxable account in
 * this plan) or its Holdings row says Do Not Buy. Several rows for one symbol are tried in order.
 */
import { EquivalentRow, CASH_SYMBOL } from "./portfolio";
import { ContractError, contractError } from "./errors";
import { text } from "./cells";
import { RangeSnapshot } from "./snapshot";
import { readTable } from "./table";

export function readEquivalents(range: RangeSnapshot | undefined, errors: ContractError[]): EquivalentRow[] {
  if (!range) return [];
  const table = readTable(
    range,
    [
      { header: "Symbol", required: true },
      { header: "Substitute", required: true },
    ],
    errors,
  );
  if (!table) return [];
  const rows: EquivalentRow[] = [];
  const seen = new Set<string>();
  for (const row of table.rows) {
    let ok = true;
    const fail = (header: string, message: string) => {
      const r = row.ref(header);
      errors.push(contractError(r.sheet, r.cell, message));
      ok = false;
    };
    const symbol = text(row.get("Symbol"));
    const substitute = text(row.get("Substitute"));
    for (const [header, value] of [["Symbol", symbol], ["Substitute", substitute]] as const) {
      if (value === "") fail(header, `${header} must not be empty`);
      else if (value.toUpperCase() === CASH_SYMBOL) fail(header, `${header} must be a security, not CASH`);
    }
    if (ok && symbol.toLowerCase() === substitute.toLowerCase()) fail("Substitute", `${symbol} cannot be its own substitute`);
    const pair = `${symbol.toLowerCase()}\u0000${substitute.toLowerCase()}`;
    if (ok && seen.has(pair)) fail("Substitute", `${substitute} is already listed as a substitute for ${symbol}`);
    if (ok) {
      seen.add(pair);
      rows.push({ symbol, substitute, ref: row.ref("Substitute"), symbolRef: row.ref("Symbol") });
    }
  }
  return rows;
}

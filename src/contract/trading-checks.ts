/**
 * Models, Equivalents and LookThrough against Holdings: a model's security must be listed in Holdings
 * (that is where its price comes from) and of the model's class; a held symbol's substitute must be
 * listed too and of its symbol's class; a look-through fund is in no single class's model.
 */
import { EquivalentRow, Holding, LookThroughRow, ModelRow } from "./portfolio";
import { ContractError, contractError } from "./errors";

export function checkTradingLists(input: { holdings: Holding[]; models: ModelRow[]; equivalents: EquivalentRow[]; lookThrough: LookThroughRow[] }, errors: ContractError[]): void {
  const classOf = new Map<string, string>();
  for (const h of input.holdings) if (!h.isCash && !classOf.has(h.symbol.toLowerCase())) classOf.set(h.symbol.toLowerCase(), h.assetClass);
  const funds = new Set(input.lookThrough.map((r) => r.symbol.toLowerCase()));
  for (const m of input.models) {
    const key = m.symbol.toLowerCase();
    if (funds.has(key)) errors.push(contractError(m.ref.sheet, m.ref.cell, `${m.symbol} is a look-through fund (LookThrough spreads it over several classes), so it cannot be in the ${m.assetClass} model`));
    else if (!classOf.has(key)) errors.push(contractError(m.ref.sheet, m.ref.cell, `${m.symbol} is in the ${m.assetClass} model but Holdings does not list it, so its price is not known: add a Holdings row for it (Quantity 0 and its Price)`));
    else if (classOf.get(key) !== m.assetClass) errors.push(contractError(m.ref.sheet, m.ref.cell, `${m.symbol} is in the ${m.assetClass} model but Holdings lists it as ${classOf.get(key)}`));
  }
  for (const e of input.equivalents) {
    const [a, b] = [e.symbol.toLowerCase(), e.substitute.toLowerCase()];
    if (funds.has(a) !== funds.has(b)) {
      errors.push(contractError(e.ref.sheet, e.ref.cell, `${funds.has(a) ? e.symbol : e.substitute} is a look-through fund and ${funds.has(a) ? e.substitute : e.symbol} is not: a substitute must hold what its symbol holds`));
    } else if (classOf.has(a) && !classOf.has(b)) {
      errors.push(contractError(e.ref.sheet, e.ref.cell, `${e.substitute}, the substitute for ${e.symbol}, is not in Holdings, so its price is not known: add a Holdings row for it (Quantity 0 and its Price)`));
    } else if (!funds.has(a) && classOf.has(a) && classOf.get(a) !== classOf.get(b)) {
      errors.push(contractError(e.ref.sheet, e.ref.cell, `${e.substitute} (${classOf.get(b)}) cannot substitute for ${e.symbol} (${classOf.get(a)}): a substitute must be of the same Asset Class`));
    }
  }
}

/**
 * What a class's buy in an account goes to. With a Models row for the class: its securities, in its
 * proportions (a security this account cannot buy gives its share to the others). Otherwise: the
 * account's largest holding of the class (first listed on ties). Either way, a security the wash-sale
 * guard bars or Do Not Buy blocks is replaced by its Equivalents substitute when the account can buy
 * that (src/engine/positions.ts adds model securities and substitutes the account does not hold yet).
 */
import { Portfolio } from "../contract/portfolio";
import { percent } from "../display";
import { Account, Position } from "./positions";

export interface BuyRules {
  /** Asset class → its model: symbol and share. */
  models: Map<string, { symbol: string; share: number }[]>;
  /** Symbol (lower case) → its substitutes, in the order Equivalents lists them. */
  equivalents: Map<string, string[]>;
  /** Every symbol Holdings lists (lower case): a model security outside it has no price. */
  listed: Set<string>;
}

export const NO_RULES: BuyRules = { models: new Map(), equivalents: new Map(), listed: new Set() };

export function buyRules(portfolio: Portfolio): BuyRules {
  const models = new Map<string, { symbol: string; share: number }[]>();
  for (const m of portfolio.models) models.set(m.assetClass, [...(models.get(m.assetClass) ?? []), { symbol: m.symbol, share: m.share }]);
  const equivalents = new Map<string, string[]>();
  for (const e of portfolio.equivalents) equivalents.set(e.symbol.toLowerCase(), [...(equivalents.get(e.symbol.toLowerCase()) ?? []), e.substitute]);
  return { models, equivalents, listed: new Set(portfolio.holdings.map((h) => h.symbol.toLowerCase())) };
}

export interface Vehicle {
  position: Position;
  /** Its share of the class's buy (the shares add up to 1). */
  share: number;
}

/** Why a position cannot be bought, or null when it can. */
function blockedBy(p: Position, barred: Set<string>): string | null {
  if (!p.tradable) return "it is not tradable";
  if (barred.has(p.symbol)) return "it was sold at a loss in a taxable account in this plan (wash sale)";
  if (!p.buyable) return "it is Do Not Buy";
  return null;
}

/** The securities a buy of `assetClass` in `account` goes to, with notes saying where a model or a substitute changed that. */
export function buyVehicles(account: Account, assetClass: string, barred: Set<string>, rules: BuyRules): { vehicles: Vehicle[]; notes: string[] } {
  const notes: string[] = [];
  const find = (symbol: string) => account.positions.find((p) => p.symbol.toLowerCase() === symbol.toLowerCase() && p.assetClass === assetClass);
  /** The position itself if it can be bought, else its first substitute that can (with a note). */
  const orSubstitute = (p: Position): Position | null => {
    const why = blockedBy(p, barred);
    if (why === null) return p;
    for (const s of rules.equivalents.get(p.symbol.toLowerCase()) ?? []) {
      const q = find(s);
      if (q && blockedBy(q, barred) === null) {
        notes.push(`${account.name}: ${q.symbol} is bought instead of ${p.symbol} (its Equivalents substitute): ${p.symbol} cannot be bought here, ${why}`);
        return q;
      }
    }
    return null;
  };

  const model = rules.models.get(assetClass);
  if (model) {
    const chosen: Vehicle[] = [];
    const missed: string[] = [];
    for (const m of model) {
      const p = find(m.symbol);
      const q = p ? orSubstitute(p) : null;
      if (q) {
        const same = chosen.find((v) => v.position === q);
        if (same) same.share += m.share;
        else chosen.push({ position: q, share: m.share });
      } else {
        const why = !rules.listed.has(m.symbol.toLowerCase()) ? "Holdings does not list it, so its price is not known (add a row for it with Quantity 0 and its Price)" : p ? blockedBy(p, barred) : "it is not listed in this class here";
        missed.push(`${m.symbol} (${percent(m.share)}): ${why}`);
      }
    }
    const total = chosen.reduce((s, v) => s + v.share, 0);
    if (chosen.length > 0) {
      if (missed.length) notes.push(`${account.name}: the ${assetClass} model cannot buy ${missed.join("; ")}; the model's other securities take its share`);
      return { vehicles: chosen.map((v) => ({ ...v, share: v.share / total })), notes };
    }
    notes.push(`${account.name}: the ${assetClass} model cannot buy any of its securities here (${missed.join("; ")}), so the class is bought through the account's largest holding of it`);
  }

  // The largest holding of the class (held ones before added ones), or its substitute, or the next that can be bought.
  const held = account.positions.filter((p) => p.assetClass === assetClass && p.tradable).sort((a, b) => b.value.comparedTo(a.value) || Number(a.added) - Number(b.added) || a.order - b.order);
  const first = held.find((p) => !p.added) ?? held[0];
  if (!first) return { vehicles: [], notes };
  const chosen = orSubstitute(first) ?? held.find((p) => blockedBy(p, barred) === null);
  return { vehicles: chosen ? [{ position: chosen, share: 1 }] : [], notes };
}

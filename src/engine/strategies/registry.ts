/**
 * Every strategy, in one list. The Policy parser accepts exactly these names (and lists them in its
 * message, in this order; the first is the default), --compare plans each one's variants, and README's
 * strategy table shows each one's summary (a test checks it).
 *
 * Adding a strategy: one file in this folder that exports a defineStrategy({...}) object, and one line
 * in BUILT_IN below.
 */
import { StrategyChoices } from "../../contract/vocabulary";
import { cashFlow } from "./cash-flow";
import { full } from "./full";
import { taxAware } from "./tax-aware";
import { Strategy } from "./types";

const BUILT_IN = [full, cashFlow, taxAware] as const;

export type StrategyName = (typeof BUILT_IN)[number]["name"];

const registered: Strategy[] = [...BUILT_IN];

/** The registered strategies, in order. */
export function strategies(): readonly Strategy[] {
  return registered;
}

/** Their names, for the Policy parser (the first is the default). */
export function strategyNames(): StrategyChoices {
  return registered.map((s) => s.name) as unknown as StrategyChoices;
}

/** The strategy a Policy names (the parser lets only registered names through). */
export function strategyNamed(name: string): Strategy {
  const found = registered.find((s) => s.name === name);
  if (!found) throw new Error(`No strategy is registered as "${name}" (registered: ${registered.map((s) => s.name).join(", ")})`);
  return found;
}

/**
 * Adds a strategy after the built-in ones (a plug-in, or a test's throwaway); returns the function
 * that takes it out again. A name already registered is refused.
 */
export function registerStrategy(strategy: Strategy): () => void {
  if (registered.some((s) => s.name.toLowerCase() === strategy.name.toLowerCase())) {
    throw new Error(`A strategy named "${strategy.name}" is already registered`);
  }
  registered.push(strategy);
  return () => {
    const i = registered.indexOf(strategy);
    if (i >= 0) registered.splice(i, 1);
  };
}

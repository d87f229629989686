/**
 * Hands the last rebalance outcome from the ribbon command to the pane. Both run in the add-in's
 * shared runtime (one page), but webpack builds them as separate bundles, each with its own copy of
 * this module; the state therefore lives on the page's global object, where both bundles meet.
 */
import type { ExcelRebalanceOutcome } from "./rebalance";

/** What the last click produced: an outcome, or a failure message when Excel rejected the work. */
export type LastRebalance = { at: Date; source: "ribbon" | "pane"; outcome: ExcelRebalanceOutcome } | { at: Date; source: "ribbon" | "pane"; failure: string };

interface Store {
  last: LastRebalance | null;
  listeners: Set<(r: LastRebalance) => void>;
}

const KEY = "__sdiraRebalancer.lastRebalance";

function store(): Store {
  const g = globalThis as unknown as Record<string, Store | undefined>;
  return (g[KEY] ??= { last: null, listeners: new Set() });
}

export function publishRebalance(r: LastRebalance): void {
  const s = store();
  s.last = r;
  for (const l of [...s.listeners]) l(r);
}

export function latestRebalance(): LastRebalance | null {
  return store().last;
}

/** Calls `listener` on every later publish; returns the unsubscribe function. */
export function subscribeRebalance(listener: (r: LastRebalance) => void): () => void {
  const s = store();
  s.listeners.add(listener);
  return () => {
    s.listeners.delete(listener);
  };
}

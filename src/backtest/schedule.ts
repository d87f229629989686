/** When a backtest policy looks at the weights, in periods of the data. */
import { CHECKS_PER_YEAR, Check } from "../contract/backtest";

/**
 * Periods between checks: 1 for Every Period, 0 for Never (no check), otherwise the data's periods
 * per year over the checks per year, rounded, and at least 1 (a Monthly check on annual data looks
 * every period). Quarterly on monthly data: 3 — the ends of periods 3, 6, 9, …
 */
export function checkInterval(check: Check, periodsPerYear: number): number {
  if (check === "Never") return 0;
  if (check === "Every Period") return 1;
  return Math.max(1, Math.round(periodsPerYear / CHECKS_PER_YEAR[check]!));
}

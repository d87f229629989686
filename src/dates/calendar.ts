/** Calendar arithmetic on ISO dates (YYYY-MM-DD), all in UTC so results never depend on the machine's zone. */

/** Review frequencies and the months each adds: the Policy's `Frequency` choices, in the order messages list them. */
export const FREQUENCY_MONTHS = {
  Monthly: 1,
  Quarterly: 3,
  Semiannual: 6,
  Annual: 12,
} as const;

export type Frequency = keyof typeof FREQUENCY_MONTHS;
export const FREQUENCIES = Object.keys(FREQUENCY_MONTHS) as Frequency[];

/** The dates the product reads and writes: Excel's own range (its serials run from 1900 to 9999). */
export const FIRST_DATE = "1900-01-01";
export const LAST_DATE = "9999-12-31";

/**
 * Adds months; a day past the new month's end moves to that month's last day (Jan 31 + 1 month =
 * Feb 28/29). A result past 9999-12-31 is 9999-12-31, so every date stays ISO (YYYY-MM-DD).
 */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  const firstOfTarget = new Date(Date.UTC(y, m - 1 + months, 1));
  const ty = firstOfTarget.getUTCFullYear();
  const tm = firstOfTarget.getUTCMonth();
  if (ty > 9999) return LAST_DATE;
  const lastDay = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return new Date(Date.UTC(ty, tm, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

/** The next review date after the last rebalance. */
export function nextReviewDate(lastRebalanced: string, frequency: Frequency): string {
  return addMonths(lastRebalanced, FREQUENCY_MONTHS[frequency]);
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86400000);
}

/** Today's date in UTC as ISO. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The ISO date of a Date (its UTC day). */
export function isoOf(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** True when an ISO text names a real calendar date. */
export function isValidIso(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const t = Date.parse(`${iso}T00:00:00Z`);
  return !isNaN(t) && new Date(t).toISOString().slice(0, 10) === iso;
}

/** The date `days` business days after `iso` (Saturdays and Sundays skipped; market holidays are not known here). */
export function addBusinessDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6) left--;
  }
  return isoOf(d);
}

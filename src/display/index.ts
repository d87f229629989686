/**
 * How numbers are shown to a person, everywhere: in messages and warnings, the runner's summary, the
 * Rebalance sheet's text and the pane. Money with separators and the sign before the dollar
 * ("-$3,116.00"), prices with the cents they trade at ("$352.40"), quantities with their decimals,
 * percents and percentage points. Inputs are decimal strings, Decimals or numbers, and fractions.
 * Pure; imports nothing of the project.
 */
import Decimal from "decimal.js";

function group(intDigits: string): string {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** "1234567.891" → "1,234,567.891" (digits kept as given). */
export function grouped(decimal: Decimal.Value): string {
  const d = new Decimal(decimal);
  const s = d.abs().toFixed();
  const [int, frac] = s.split(".");
  return `${d.isNegative() && !d.isZero() ? "-" : ""}${group(int)}${frac ? `.${frac}` : ""}`;
}

/** Dollars to the cent: "1234.5" → "$1,234.50", "-3" → "-$3.00". */
export function money(decimal: Decimal.Value): string {
  const d = new Decimal(decimal).toDecimalPlaces(2);
  const [int, frac] = d.abs().toFixed(2).split(".");
  return `${d.isNegative() && !d.isZero() ? "-" : ""}$${group(int)}.${frac}`;
}

/** A price: at least two decimals, more when the price has them ("12.3456" stays). */
export function price(decimal: Decimal.Value): string {
  const d = new Decimal(decimal);
  const dp = Math.max(2, d.decimalPlaces());
  const [int, frac] = d.abs().toFixed(dp).split(".");
  return `${d.isNegative() ? "-" : ""}$${group(int)}.${frac}`;
}

/** A quantity with its decimals as given: "1200" → "1,200", "3.5" → "3.5". */
export function quantity(decimal: Decimal.Value): string {
  return grouped(decimal);
}

/** A fraction as a percent: 0.6 → "60.00%". */
export function percent(fraction: number, digits = 2): string {
  return `${(fraction * 100).toFixed(digits)}%`;
}

function signed(text: string, value: number): string {
  return value > 0 && Number(text) !== 0 ? `+${text}` : text.replace(/^-(0(\.0+)?)$/, "$1");
}

/** Percentage points without the unit, signed: 0.0123 → "+1.23", -0.004 → "-0.40", 0 → "0.00". */
export function points(fraction: number): string {
  return signed((fraction * 100).toFixed(2), fraction);
}

/** A drift in percentage points: 0.0123 → "+1.23 pp". */
export function pp(fraction: number): string {
  return `${points(fraction)} pp`;
}

/** A relative drift (fraction of the target): 0.125 → "+12.5%"; null (no target) → "—". */
export function relative(fraction: number | null): string {
  if (fraction === null || !Number.isFinite(fraction)) return "—";
  const t = (fraction * 100).toFixed(1);
  return `${signed(t, fraction)}%`;
}

/** A list in words: "a", "a and b", "a, b and c". */
export function inWords(items: readonly string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

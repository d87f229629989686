/**
 * Weights: a value's share of a total. `share` is the engine's rule (Decimal division, then the
 * nearest double); `exactWeights` gives the same bits for plain numbers, in floating point whenever
 * that is provably exact, so the REBAL.* formulas stay fast over thousands of cells.
 */
import Decimal from "decimal.js";

/** Share of a total as a float fraction (0 when the total is 0). */
export function share(value: Decimal, total: Decimal): number {
  return total.isZero() ? 0 : value.div(total).toNumber();
}

/** Scales tried for the fast path: whole dollars... hundredths of a cent. */
const SCALES = [1, 100, 10000, 1000000];
/** Below this, a whole number of units has at most 15 significant digits, so the float is that exact decimal. */
const EXACT_DIGITS_LIMIT = 1e15;

const SPLITTER = 134217729; // 2^27 + 1, Dekker's split
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0; // the word holding the exponent
/** 2^(e − 1075) for every biased exponent e: the ulp of a normal double with that exponent. */
const ULP = Float64Array.from({ length: 2048 }, (_, e) => Math.pow(2, Math.max(e, 1) - 1075));

/**
 * c / total, as the engine's share() gives it (Decimal division to 20 digits, then the nearest double),
 * or null when the exact quotient is too close to halfway between two doubles to be sure in floating point.
 * c and total are whole numbers, 0 < c ≤ total < 2^53.
 */
function fastShare(c: number, total: number): number | null {
  const q = c / total;
  // p + err = q × total exactly (Dekker's two-product), without allocating.
  const p = q * total;
  let t = SPLITTER * q;
  const qh = t - (t - q);
  const ql = q - qh;
  t = SPLITTER * total;
  const th = t - (t - total);
  const tl = total - th;
  const err = qh * th - p + qh * tl + ql * th + ql * tl;
  // The residual c − q·total, exactly: c − p is exact (p is within a factor 2 of c), and the residual is a
  // multiple of q's ulp no larger than total ulps, so it is representable.
  const r = c - p - err;
  F64[0] = q;
  const half = ULP[(U32[HIGH] >>> 20) & 0x7ff] / 2;
  // The exact quotient is q + r/total; the 20-digit rounding moves it by at most 5e-20 relative.
  return Math.abs(Math.abs(r / total) - half) > q * 1e-19 ? q : null;
}

/**
 * Each value's share of the total, identical to the engine's share() over Decimals (so a cell shows the
 * pane's weight to the last bit), but in floating point whenever the values are exact decimals with
 * a few places: the share of whole units is then a correctly rounded division. Values are ≥ 0.
 */
export function exactWeights(values: number[]): number[] {
  const n = values.length;
  const units = new Array<number>(n);
  for (const scale of SCALES) {
    let total = 0;
    let whole = true;
    for (let i = 0; i < n; i++) {
      const u = Math.round(values[i] * scale);
      if (!(Math.abs(u) < EXACT_DIGITS_LIMIT) || u / scale !== values[i]) {
        whole = false;
        break;
      }
      units[i] = u;
      total += u;
    }
    if (!whole) continue;
    if (!Number.isSafeInteger(total)) break;
    const out = new Array<number>(n);
    let sure = true;
    for (let i = 0; i < n && sure; i++) {
      const w = units[i] === 0 ? 0 : fastShare(units[i], total);
      if (w === null) sure = false;
      else out[i] = w;
    }
    if (sure) return out;
    break;
  }
  const dec = values.map((v) => new Decimal(v));
  const total = dec.reduce((s, d) => s.plus(d), new Decimal(0));
  return dec.map((d) => share(d, total));
}

/**
 * Pooled sales: the positions of a class in an account that the program could tell apart only by their size
 * and their place in Sell Order — each a continuous sale (fractional, or in lots too small to be whole), the
 * same per-trade fee, no tax lots of their own as variables — sold as one pool instead of one 0/1 indicator
 * per position. With sizes w₁ ≥ w₂ ≥ … ≥ wₙ (what each could sell) and K orders, the sales K orders can make
 * are exactly the interval [K × Min Trade, w₁ + … + w_K] (each order anywhere between Min Trade and its
 * position, the largest K positions chosen): the pool is a sale S and an integer count K ∈ [0, n] with
 *
 *   S ≤ F(k) + w_{k+1} (K − k)  for k = 0 … n − 1   (F(k) = w₁ + … + w_k; concave in K, so these rows are F itself at every whole K)
 *   S ≥ Min Trade × K,
 *
 * and the fee, the trade count and the budget see K once. Exact, and no symmetry for branch and bound to
 * wade through: 200 interchangeable positions are one integer, not 200 binaries (bench/optimizer.js).
 * Which positions make the sale is then chosen after the solve, in Sell Order (allocatePool).
 */
import Decimal from "decimal.js";
import { Row } from "./program";

export interface PoolMember {
  key: string;
  price: Decimal;
  /** The most it can sell, in the program's units (whole lots for a lot position). */
  most: number;
}

export interface Pool {
  /** The pool's sale variable (units) and its order count (an integer). */
  sale: string;
  count: string;
  /** Its positions in Sell Order. */
  members: PoolMember[];
  /** Positions in lots too small to be whole in the program (the execution makes their sales); false: fractional. */
  inLots: boolean;
  minimum: number;
}

/** The rows that tie the pool's sale to its order count: the concave bound F(K) and Min Trade per order. */
export function poolRows(pool: Pool): Row[] {
  const sizes = pool.members.map((m) => m.most).sort((a, b) => b - a);
  const rows: Row[] = [];
  let prefix = 0;
  sizes.forEach((w, k) => {
    // S − w·K ≤ F(k) − w·k
    rows.push({ name: `pool${pool.sale}_${k}`, terms: [{ variable: pool.sale, coefficient: 1 }, { variable: pool.count, coefficient: -w }], lower: -Infinity, upper: prefix - w * k });
    prefix += w;
  });
  if (pool.minimum > 0) rows.push({ name: `poolmin${pool.sale}`, terms: [{ variable: pool.sale, coefficient: 1 }, { variable: pool.count, coefficient: -pool.minimum }], lower: 0, upper: Infinity });
  return rows;
}

/**
 * The pool's sale `sale` (units) as sales per member, in as few orders as cover it, the members taken in
 * Sell Order as far as that count allows: a member is chosen when, with it, the largest of the members after
 * it can still cover the rest in the orders left. Each chosen member sells as much as it can while leaving
 * Min Trade to each order after it; the last takes what is left. Returns units per member (0: not sold).
 */
export function allocatePool(pool: Pool, sale: number, tolerance = 1e-6): number[] {
  const n = pool.members.length;
  const out = new Array<number>(n).fill(0);
  if (sale <= tolerance) return out;
  const sorted = pool.members.map((m) => m.most).sort((a, b) => b - a);
  let orders = 0;
  for (let covered = 0; orders < n && covered < sale - tolerance; orders++) covered += sorted[orders];
  const chosen: number[] = [];
  let sizes = 0;
  // Sizes of the members not yet considered, largest first.
  const rest = pool.members.map((m, i) => ({ i, w: m.most })).sort((a, b) => b.w - a.w);
  for (let i = 0; i < n && chosen.length < orders; i++) {
    rest.splice(rest.findIndex((r) => r.i === i), 1);
    const left = orders - chosen.length - 1;
    const reach = sizes + pool.members[i].most + rest.slice(0, left).reduce((s, r) => s + r.w, 0);
    if (reach >= sale - tolerance) {
      chosen.push(i);
      sizes += pool.members[i].most;
    }
  }
  let left = sale;
  chosen.forEach((i, k) => {
    const after = chosen.length - k - 1;
    const take = k === chosen.length - 1 ? Math.min(left, pool.members[i].most) : Math.max(0, Math.min(pool.members[i].most, left - pool.minimum * after));
    out[i] = take;
    left -= take;
  });
  return out;
}

/**
 * The Cash Flow strategy: a contribution only buys, a withdrawal only sells. The flow is spread by
 * Mao's optimal lazy rebalancing over the classes the flow's account can trade, with the household's
 * class values: a contribution tops up the classes furthest below target, a withdrawal draws down
 * the classes furthest above it.
 */
import Decimal from "decimal.js";
import { Account } from "./positions";
import { ClassMove } from "./allocate";
import { lazyAllocation } from "./lazy-allocation";
import { ClassRow } from "./types";

const ZERO = new Decimal(0);

/** Lazy allocation where no class may give up more than its cap (a withdrawal from one account). */
function cappedWithdrawal(values: Decimal[], targets: number[], amount: Decimal, caps: Decimal[]): Decimal[] {
  const parts = values.map(() => ZERO);
  const fixed = new Set<number>();
  let left = amount;
  for (let round = 0; round <= values.length && left.gt(0); round++) {
    const free = values.map((_, i) => i).filter((i) => !fixed.has(i) && caps[i].gt(0));
    if (free.length === 0) break;
    const freeValues = free.map((i) => values[i]);
    const valueSum = freeValues.reduce((s, v) => s.plus(v), ZERO);
    const take = Decimal.min(left, valueSum);
    if (take.lte(0)) break;
    const t = free.map((i) => targets[i]);
    const weights = t.some((x) => x > 0) ? t : freeValues.map((v) => v.toNumber());
    const trial = lazyAllocation(freeValues, weights, take.neg());
    const over = free.filter((i, j) => trial[j].abs().gt(caps[i]));
    if (over.length === 0) {
      free.forEach((i, j) => (parts[i] = trial[j]));
      left = left.minus(take);
      break;
    }
    for (const i of over) {
      parts[i] = caps[i].neg();
      fixed.add(i);
      left = left.minus(caps[i]);
    }
  }
  return parts;
}

/**
 * Moves for a cash flow into (flow > 0) or out of (flow < 0) `account` (as it is before the flow). `classes` are the class rows
 * before the flow; `cashClass` names the Cash class (it keeps money only when it has a target).
 */
export function cashFlowMoves(account: Account, classes: ClassRow[], cashClass: string, flow: Decimal): { moves: ClassMove[]; warnings: string[] } {
  const tradable = new Set(account.positions.filter((p) => p.buyable).map((p) => p.assetClass));
  const warnings: string[] = [];
  const moves: ClassMove[] = [];
  if (flow.gt(0)) {
    const eligible = classes.filter((c) => (c.assetClass === cashClass ? c.hasTarget : tradable.has(c.assetClass)));
    if (!eligible.some((c) => c.target > 0)) {
      warnings.push(`${account.name}: the contribution stays in cash: the account lists no security of a class with a target`);
      return { moves, warnings };
    }
    const parts = lazyAllocation(eligible.map((c) => c.value), eligible.map((c) => c.target), flow);
    eligible.forEach((c, i) => {
      if (c.assetClass !== cashClass && parts[i].gt(0)) moves.push({ account: account.name, assetClass: c.assetClass, amount: parts[i] });
    });
    return { moves, warnings };
  }
  // Withdrawal: what must be raised beyond the account's own cash above its reserve comes from sales.
  const sellable = new Map<string, Decimal>();
  for (const p of account.positions) {
    if (p.sellable.gt(0)) sellable.set(p.assetClass, (sellable.get(p.assetClass) ?? ZERO).plus(p.sellable.times(p.price)));
  }
  const eligible = classes.filter((c) => c.assetClass === cashClass || sellable.has(c.assetClass));
  const caps = eligible.map((c) => (c.assetClass === cashClass ? Decimal.max(ZERO, account.cash.minus(account.reserve)) : sellable.get(c.assetClass)!));
  const parts = cappedWithdrawal(eligible.map((c) => c.value), eligible.map((c) => (c.hasTarget ? c.target : 0)), flow.neg(), caps);
  eligible.forEach((c, i) => {
    if (c.assetClass !== cashClass && parts[i].lt(0)) moves.push({ account: account.name, assetClass: c.assetClass, amount: parts[i] });
  });
  return { moves, warnings };
}

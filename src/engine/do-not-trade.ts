/**
 * Do Not Trade for one plan: positions the advisor excluded (a trade or a holding unticked in the
 * pane, or `--exclude` on the runner) are held still — neither bought nor sold — and the plan is made
 * around them. The workbook is not changed; the plan says what it held still and why.
 */
import { Portfolio } from "../contract/portfolio";

/** A position (an account's holding of a symbol) held still for this plan. */
export interface DoNotTrade {
  account: string;
  symbol: string;
}

const key = (account: string, symbol: string) => `${account.toLowerCase()}\u0000${symbol.toLowerCase()}`;

export interface HeldStill {
  /** The portfolio with every lot of the excluded positions marked Do Not Buy and Do Not Sell. */
  portfolio: Portfolio;
  /** The exclusions that name a position the plan could trade, spelled as Holdings spells them. */
  applied: DoNotTrade[];
  warnings: string[];
}

/**
 * Marks the excluded positions' lots Do Not Buy and Do Not Sell, and lists them on the portfolio so a
 * security the account does not hold (a model's or a substitute) is not added to it either. An
 * exclusion naming an account or a symbol Holdings does not have is reported and ignored.
 */
export function holdStill(portfolio: Portfolio, exclusions: readonly DoNotTrade[]): HeldStill {
  if (exclusions.length === 0) return { portfolio, applied: [], warnings: [] };
  const accounts = new Map(portfolio.holdings.map((h) => [h.account.toLowerCase(), h.account]));
  const symbols = new Map(portfolio.holdings.filter((h) => !h.isCash).map((h) => [h.symbol.toLowerCase(), h.symbol]));
  const applied: DoNotTrade[] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  for (const e of exclusions) {
    const account = accounts.get(e.account.toLowerCase());
    const symbol = symbols.get(e.symbol.toLowerCase());
    if (!account || !symbol) {
      warnings.push(`Do Not Trade for this plan: ${e.account} · ${e.symbol} is not in Holdings (${!account ? "no such account" : "no such symbol"}); ignored`);
      continue;
    }
    if (seen.has(key(account, symbol))) continue;
    seen.add(key(account, symbol));
    applied.push({ account, symbol });
  }
  if (applied.length === 0) return { portfolio, applied, warnings };
  const holdings = portfolio.holdings.map((h) => (seen.has(key(h.account, h.symbol)) && !h.isCash ? { ...h, doNotBuy: true, doNotSell: true } : h));
  const list = applied.map((a) => `${a.account} · ${a.symbol}`).join(", ");
  warnings.push(`Do Not Trade for this plan: ${list} ${applied.length === 1 ? "is" : "are"} neither bought nor sold (excluded for this plan only; the workbook is unchanged)`);
  return { portfolio: { ...portfolio, holdings, doNotTrade: applied }, applied, warnings };
}

/** Whether the portfolio holds this account's position in the symbol still for this plan. */
export function heldStill(portfolio: Portfolio, account: string, symbol: string): boolean {
  return portfolio.doNotTrade?.some((d) => key(d.account, d.symbol) === key(account, symbol)) ?? false;
}

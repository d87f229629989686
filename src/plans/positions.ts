/** The positions a plan could trade (account and symbol, tradable, not cash), for the pane's "hold a holding still" picker. */
import { Portfolio } from "../contract/portfolio";

export interface PositionJson {
  account: string;
  symbol: string;
  assetClass: string;
}

/** Each tradable position once (its lots together), in the order of Holdings. */
export function positionsOf(portfolio: Portfolio): PositionJson[] {
  const seen = new Set<string>();
  const out: PositionJson[] = [];
  for (const h of portfolio.holdings) {
    if (h.isCash || !h.tradable) continue;
    const key = `${h.account}\u0000${h.symbol}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ account: h.account, symbol: h.symbol, assetClass: h.assetClass });
  }
  return out;
}

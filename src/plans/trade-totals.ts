/** Totals of a plan's trades, from its JSON form (what the pane and the summary hold): decimal strings, to the cent. */
import Decimal from "decimal.js";
import type { PlanJson } from "./json";

export interface TradeTotals {
  buys: string;
  sells: string;
  fees: string;
  /** Gains realised by the sales whose gain is known (taxable accounts, lots with a Cost Basis); null when there are none. */
  realized: { shortTerm: string; longTerm: string } | null;
}

export function tradeTotals(plan: Pick<PlanJson, "trades">): TradeTotals {
  const sum = (pick: (t: PlanJson["trades"][number]) => string | null, trades = plan.trades) =>
    trades.reduce((s, t) => s.plus(pick(t) ?? 0), new Decimal(0)).toFixed(2);
  const known = plan.trades.filter((t) => t.realizedShortTerm !== null && t.realizedLongTerm !== null);
  return {
    buys: sum((t) => (t.side === "buy" ? t.amount : null)),
    sells: sum((t) => (t.side === "sell" ? t.amount : null)),
    fees: sum((t) => t.fee),
    realized: known.length === 0 ? null : { shortTerm: sum((t) => t.realizedShortTerm, known), longTerm: sum((t) => t.realizedLongTerm, known) },
  };
}

/** One account's share of a plan: its trades, what they sell, buy and cost, and the cash it holds after them. */
export interface AccountTotals {
  account: string;
  trades: number;
  sells: string;
  buys: string;
  fees: string;
  /** Null for an account the plan reports no cash for. */
  cashAfter: string | null;
}

/** The plan's trades totalled per account, every account with cash or a trade, in the plan's order (cash first, then any trading account it lacks). */
export function accountTotals(plan: Pick<PlanJson, "trades" | "after">): AccountTotals[] {
  const accounts = [...new Set([...plan.after.cash.map((c) => c.account), ...plan.trades.map((t) => t.account)])];
  return accounts.map((account) => {
    const trades = plan.trades.filter((t) => t.account === account);
    const totals = tradeTotals({ trades });
    return { account, trades: trades.length, sells: totals.sells, buys: totals.buys, fees: totals.fees, cashAfter: plan.after.cash.find((c) => c.account === account)?.value ?? null };
  });
}

/** Totals of a plan's trades, from its JSON form (what the pane and the summary hold): decimal strings, to the cent. */
import Decimal from "decimal.js";
import { PlanJson } from "./json";

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

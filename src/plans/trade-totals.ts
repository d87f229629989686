/** Totals of a plan's trades, from its JSON form (what the pane and the summary hold): decimal strings, to the cent. */
import Decimal from "decimal.js";
import { PlanJson } from "./json";

export interface TradeTotals {
  buys: string;
  sells: string;
  fees: string;
}

export function tradeTotals(plan: Pick<PlanJson, "trades">): TradeTotals {
  const sum = (pick: (t: PlanJson["trades"][number]) => string | null) =>
    plan.trades.reduce((s, t) => s.plus(pick(t) ?? 0), new Decimal(0)).toFixed(2);
  return {
    buys: sum((t) => (t.side === "buy" ? t.amount : null)),
    sells: sum((t) => (t.side === "sell" ? t.amount : null)),
    fees: sum((t) => t.fee),
  };
}

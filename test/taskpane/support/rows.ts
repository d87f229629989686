/** What the pane's plan tables should read, row by row, for a plan (its JSON from the runner or planBook): computed here from the JSON, apart from the pane's own code. */
import type { PlanJson } from "../../../src/plans/json";
import { money, price, quantity } from "../../../src/display";

/**
 * The Trades table: one row per trade, as displayed (the Keep box, when shown, sits in the Account cell and adds no text).
 * A column no trade fills is not shown: Realised gain without a trade in a taxable account, Settles without a settle date.
 */
export const tradeRows = (plan: PlanJson): string[][] => {
  const gains = plan.trades.some((t) => t.realizedShortTerm !== null && t.realizedLongTerm !== null);
  const settles = plan.trades.some((t) => !!t.settlesOn);
  return plan.trades.map((t) => [
    t.account,
    t.symbol,
    t.assetClass,
    t.side === "buy" ? "Buy" : "Sell",
    quantity(t.quantity),
    price(t.price),
    price(t.limitPrice),
    money(t.amount),
    money(t.fee),
    ...(gains ? [t.realizedShortTerm === null || t.realizedLongTerm === null ? "" : money(Number(t.realizedShortTerm) + Number(t.realizedLongTerm))] : []),
    ...(settles ? [t.settlesOn ?? ""] : []),
  ]);
};

/** The Trades by account table: each account with cash after or a trade, its trade count, sells, buys, fees (summed in whole cents) and cash after. */
export function accountRows(plan: PlanJson): string[][] {
  const cents = (s: string) => Math.round(Number(s) * 100);
  const dollars = (c: number) => money((c / 100).toFixed(2));
  const accounts = [...new Set([...plan.after.cash.map((c) => c.account), ...plan.trades.map((t) => t.account)])];
  return accounts.map((account) => {
    const mine = plan.trades.filter((t) => t.account === account);
    const sum = (side: string | null, pick: (t: PlanJson["trades"][number]) => string) => mine.filter((t) => side === null || t.side === side).reduce((s, t) => s + cents(pick(t)), 0);
    const cash = plan.after.cash.find((c) => c.account === account);
    return [account, String(mine.length), dollars(sum("sell", (t) => t.amount)), dollars(sum("buy", (t) => t.amount)), dollars(sum(null, (t) => t.fee)), cash ? money(cash.value) : ""];
  });
}

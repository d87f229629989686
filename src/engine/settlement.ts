/**
 * Settlement: each trade settles As Of + its Settle Days business days (Holdings; default T+1). An
 * account whose buys cost more than the cash it has now pays for them with its sales' proceeds; when a
 * sale it needs settles after a buy would, the buys must wait — the plan says so and gives the order:
 * sell first, buy once the sales settle (an IRA is a cash account: buying on proceeds that have not
 * settled risks a good-faith violation at the custodian).
 */
import Decimal from "decimal.js";
import { money } from "../display";
import { Account } from "./positions";
import { Trade } from "./types";

export function settlementWarnings(trades: Trade[], accounts: Account[]): string[] {
  const out: string[] = [];
  for (const a of accounts) {
    const buys = trades.filter((t) => t.account === a.name && t.side === "buy");
    const sells = trades.filter((t) => t.account === a.name && t.side === "sell");
    if (buys.length === 0 || sells.length === 0) continue;
    const cost = buys.reduce((s, t) => s.plus(t.amount).plus(t.fee), new Decimal(0));
    const available = Decimal.max(0, a.cash.minus(a.reserve));
    if (cost.lte(available)) continue;
    const firstBuy = buys.map((t) => t.settlesOn).sort()[0];
    const late = sells.filter((t) => t.settlesOn > firstBuy);
    if (late.length === 0) continue;
    const last = late.map((t) => t.settlesOn).sort().reverse()[0];
    out.push(
      `${a.name}: its buys (${money(cost)} with fees) need the proceeds of sales that settle later than they would — ${late.map((t) => `${t.symbol} on ${t.settlesOn}`).join(", ")}; sell first and place the buys so they settle on ${last} or after (sell first, buy after)`,
    );
  }
  return out;
}

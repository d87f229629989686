/** Trade totals from the plan's JSON (src/plans/trade-totals.ts): exact decimal sums, to the cent. */
import { tradeTotals } from "../../src/plans/trade-totals";
import { TradeJson } from "../../src/plans/json";

const trade = (side: "buy" | "sell", amount: string, fee: string): TradeJson => ({
  account: "IRA",
  symbol: "X",
  assetClass: "Stocks",
  side,
  quantity: "1",
  price: amount,
  limitPrice: amount,
  amount,
  fee,
  realizedShortTerm: null,
  realizedLongTerm: null,
  settlesOn: "2026-11-23",
});

test("buys, sells and fees add up exactly (0.1 + 0.2 is 0.30)", () => {
  const totals = tradeTotals({ trades: [trade("buy", "0.10", "0.01"), trade("buy", "0.20", "0.02"), trade("sell", "93738.40", "4.95")] });
  expect(totals).toEqual({ buys: "0.30", sells: "93738.40", fees: "4.98", realized: null });
});

test("no trades: zeros", () => {
  expect(tradeTotals({ trades: [] })).toEqual({ buys: "0.00", sells: "0.00", fees: "0.00", realized: null });
});

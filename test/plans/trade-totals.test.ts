/** Trade totals from the plan's JSON (src/plans/trade-totals.ts): exact decimal sums, to the cent. */
import { accountTotals, tradeTotals } from "../../src/plans/trade-totals";
import { TradeJson } from "../../src/plans/json";

const trade = (side: "buy" | "sell", amount: string, fee: string, account = "IRA"): TradeJson => ({
  account,
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

test("per account: each account's trades, sells, buys and fees, and its cash after; an account with cash and no trade shows zeros, a trading account without reported cash shows none", () => {
  const trades = [trade("sell", "1000.10", "4.95", "Roth"), trade("buy", "0.10", "0.01"), trade("buy", "0.20", "0.02"), trade("sell", "50.00", "1.00", "Solo")];
  const after = { classes: [], cash: [{ account: "IRA", value: "12.34" }, { account: "Roth", value: "995.15" }, { account: "HSA", value: "5.00" }] };
  expect(accountTotals({ trades, after })).toEqual([
    { account: "IRA", trades: 2, sells: "0.00", buys: "0.30", fees: "0.03", cashAfter: "12.34" },
    { account: "Roth", trades: 1, sells: "1000.10", buys: "0.00", fees: "4.95", cashAfter: "995.15" },
    { account: "HSA", trades: 0, sells: "0.00", buys: "0.00", fees: "0.00", cashAfter: "5.00" },
    { account: "Solo", trades: 1, sells: "50.00", buys: "0.00", fees: "1.00", cashAfter: null },
  ]);
  // The accounts' totals add up to the plan's.
  const all = tradeTotals({ trades });
  const sum = (k: "sells" | "buys" | "fees") => accountTotals({ trades, after }).reduce((s, a) => s + Math.round(Number(a[k]) * 100), 0) / 100;
  expect([sum("sells"), sum("buys"), sum("fees")]).toEqual([Number(all.sells), Number(all.buys), Number(all.fees)]);
});

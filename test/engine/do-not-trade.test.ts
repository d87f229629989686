/**
 * Do Not Trade for one plan (src/engine/do-not-trade.ts): an excluded position is neither bought nor
 * sold, nor added from a model, and the plan is made around it — on hand-computed households, on the
 * optimizer's path and the greedy one alike.
 */
import { planRebalance } from "../../src/engine/plan";
import { planJson } from "../../src/plans/json";
import { Portfolio } from "../../src/contract/portfolio";
import { LotSpec, models, policy, portfolio, targets } from "../support/portfolio";

const line = (t: { account: string; side: string; quantity: string; symbol: string }) => `${t.account} ${t.side} ${t.quantity} ${t.symbol}`;
const both = ["Optimal", "Greedy"] as const;

// Total 50,000: Stocks 10,000 (20%), Bonds 40,000 (80%); targets 50/50, so 15,000 of Bonds must become Stocks.
const lots: LotSpec[] = [
  { account: "IRA", symbol: "VTI", assetClass: "Stocks", quantity: 100, price: 100 },
  { account: "IRA", symbol: "BND", assetClass: "Bonds", quantity: 300, price: 100 },
  { account: "Roth", symbol: "VTI", assetClass: "Stocks", quantity: 0, price: 100 },
  { account: "Roth", symbol: "BND", assetClass: "Bonds", quantity: 100, price: 100 },
];
const t = targets({ Stocks: 0.5, Bonds: 0.5 });
const trades = (p: Portfolio, doNotTrade: { account: string; symbol: string }[]) => planJson(planRebalance(p, { doNotTrade })).trades.map(line).sort();

describe("an excluded position is held still and the plan is made around it", () => {
  test.each(both)("IRA's BND held still: only the Roth can swap, all of its 10,000 (%s)", (optimizer) => {
    const p = portfolio(lots, t, policy({ optimizer }));
    expect(trades(p, [{ account: "IRA", symbol: "BND" }])).toEqual(["Roth buy 100 VTI", "Roth sell 100 BND"]);
  });

  test.each(both)("free, the IRA swaps the whole 15,000; IRA's VTI held still (the buy excluded), the Roth swaps what it can (%s)", (optimizer) => {
    const p = portfolio(lots, t, policy({ optimizer }));
    expect(trades(p, [])).toEqual(["IRA buy 150 VTI", "IRA sell 150 BND"]);
    // After the Roth's swap Bonds is 60%, outside its 45–55% band: the optimizer (band violations first) also sells 2,500 of the
    // IRA's BND into cash, Bonds 55% and Cash 5% (target 0, band 0–5%) both on their edges; the greedy pass stops at the swap.
    const roth = ["Roth buy 100 VTI", "Roth sell 100 BND"];
    expect(trades(p, [{ account: "IRA", symbol: "VTI" }])).toEqual(optimizer === "Optimal" ? ["IRA sell 25 BND", ...roth] : roth);
  });

  test.each(both)("both accounts' BND held still: no trade at all, and Bonds reads as locked (%s)", (optimizer) => {
    const plan = planRebalance(portfolio(lots, t, policy({ optimizer })), { doNotTrade: [{ account: "IRA", symbol: "BND" }, { account: "Roth", symbol: "BND" }] });
    expect(plan.trades).toEqual([]);
    expect(plan.warnings).toContainEqual(expect.stringContaining("Bonds is out of band but nothing in it can be sold (Tradable = No, or Do Not Sell, or Do Not Trade for this plan)"));
  });

  test("the plan names what it held still, spelled as Holdings spells it, and says the workbook is unchanged", () => {
    const plan = planRebalance(portfolio(lots, t), { doNotTrade: [{ account: "ira", symbol: "bnd" }, { account: "IRA", symbol: "BND" }] });
    expect(plan.doNotTrade).toEqual([{ account: "IRA", symbol: "BND" }]);
    expect(planJson(plan).doNotTrade).toEqual([{ account: "IRA", symbol: "BND" }]);
    expect(plan.warnings).toContain("Do Not Trade for this plan: IRA · BND is neither bought nor sold (excluded for this plan only; the workbook is unchanged)");
  });

  test("an exclusion naming an account or symbol Holdings lacks is reported and ignored: the plan is the one without it", () => {
    const p = portfolio(lots, t);
    const plan = planRebalance(p, { doNotTrade: [{ account: "Taxable", symbol: "BND" }, { account: "IRA", symbol: "GLD" }] });
    expect(plan.doNotTrade).toEqual([]);
    expect(plan.warnings.slice(0, 2)).toEqual([
      "Do Not Trade for this plan: Taxable · BND is not in Holdings (no such account); ignored",
      "Do Not Trade for this plan: IRA · GLD is not in Holdings (no such symbol); ignored",
    ]);
    expect(planJson(plan).trades).toEqual(planJson(planRebalance(p)).trades);
  });

  test("an empty list plans exactly as no list", () => {
    const p = portfolio(lots, t);
    expect(planJson(planRebalance(p, { doNotTrade: [] }))).toEqual(planJson(planRebalance(p)));
  });
});

describe("a model's security the account does not hold is not added to it when held still", () => {
  // Total 40,500: IRA Stocks 10,000 + Roth VXUS 500; Bonds 30,000. Without the exclusion the IRA buys 58 VTI and 78 VXUS
  // (test/engine/vehicles.test.ts); with IRA · VXUS held still, the whole 9,750 of Stocks the IRA buys is VTI (97.5 → 97 whole shares).
  const split: LotSpec[] = [
    { account: "IRA", symbol: "VTI", assetClass: "Stocks", quantity: 100, price: 100 },
    { account: "IRA", symbol: "BND", assetClass: "Bonds", quantity: 300, price: 100 },
    { account: "Roth", symbol: "VXUS", assetClass: "Stocks", quantity: 10, price: 50 },
  ];
  test.each(both)("IRA · VXUS held still (%s)", (optimizer) => {
    const p = { ...portfolio(split, targets({ Stocks: 0.5, Bonds: 0.5 }), policy({ optimizer })), models: models({ Stocks: [["VTI", 0.6], ["VXUS", 0.4]] }) };
    const free = planJson(planRebalance(p)).trades.map(line);
    expect(free).toContain("IRA buy 78 VXUS");
    const held = planJson(planRebalance(p, { doNotTrade: [{ account: "IRA", symbol: "VXUS" }] })).trades;
    expect(held.filter((x) => x.symbol === "VXUS")).toEqual([]);
    expect(held.filter((x) => x.side === "buy").map(line)).toEqual(["IRA buy 97 VTI"]);
  });
});

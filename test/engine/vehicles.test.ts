/**
 * Models and Equivalents (src/engine/vehicles.ts): what a class's buy goes to — the model's securities
 * in its proportions, a substitute when the wash-sale guard or Do Not Buy blocks a security — on
 * hand-computed households, on the optimizer's path and the greedy one alike.
 */
import { planRebalance } from "../../src/engine/plan";
import { planJson } from "../../src/plans/json";
import { Portfolio } from "../../src/contract/portfolio";
import { LotSpec, accounts, equivalents, models, policy, portfolio, targets } from "../support/portfolio";

const line = (t: { account: string; side: string; quantity: string; symbol: string }) => `${t.account} ${t.side} ${t.quantity} ${t.symbol}`;
const trades = (p: Portfolio) => planJson(planRebalance(p)).trades.map(line).sort();
const both = ["Optimal", "Greedy"] as const;

describe("Models: a class's buy split over the model's securities", () => {
  // Total 40,000: Stocks 10,000 (25%), Bonds 30,000 (75%); targets 50/50, so 10,000 of Bonds become Stocks.
  const lots: LotSpec[] = [
    { symbol: "VTI", assetClass: "Stocks", quantity: 100, price: 100 },
    { symbol: "VXUS", assetClass: "Stocks", quantity: 0, price: 50 },
    { symbol: "BND", assetClass: "Bonds", quantity: 300, price: 100 },
  ];
  const t = targets({ Stocks: 0.5, Bonds: 0.5 });

  test.each(both)("without a model the largest holding takes the buy (%s)", (optimizer) => {
    expect(trades(portfolio(lots, t, policy({ optimizer })))).toEqual(["IRA buy 100 VTI", "IRA sell 100 BND"]);
  });

  test.each(both)("VTI 60% / VXUS 40%: 6,000 of VTI and 4,000 of VXUS (%s)", (optimizer) => {
    const p = { ...portfolio(lots, t, policy({ optimizer })), models: models({ Stocks: [["VTI", 0.6], ["VXUS", 0.4]] }) };
    expect(trades(p)).toEqual(["IRA buy 60 VTI", "IRA buy 80 VXUS", "IRA sell 100 BND"]);
  });

  test("a model security held only in another account is bought here too, at its Holdings price", () => {
    const split: LotSpec[] = [...lots.filter((l) => l.symbol !== "VXUS"), { account: "Roth", symbol: "VXUS", assetClass: "Stocks", quantity: 10, price: 50 }];
    // Total 40,500: Stocks 10,500; the IRA swaps 9,750 of Bonds: 5,850 of VTI (58.5 → 58 whole shares) and 3,900 of VXUS (78).
    const p = { ...portfolio(split, t), models: models({ Stocks: [["VTI", 0.6], ["VXUS", 0.4]] }) };
    const plan = planJson(planRebalance(p));
    expect(plan.trades.filter((x) => x.side === "buy").map(line).sort()).toEqual(["IRA buy 58 VTI", "IRA buy 78 VXUS"]);
    expect(plan.trades.find((x) => x.symbol === "VXUS")).toMatchObject({ price: "50", amount: "3900.00" });
  });

  test("a model security Holdings does not list gives its share to the others, and the plan says why", () => {
    const p = { ...portfolio(lots, t), models: models({ Stocks: [["VTI", 0.5], ["VEA", 0.5]] }) };
    const plan = planRebalance(p);
    expect(planJson(plan).trades.map(line).sort()).toEqual(["IRA buy 100 VTI", "IRA sell 100 BND"]);
    expect(plan.warnings).toContainEqual(expect.stringContaining("the Stocks model cannot buy VEA (50.00%): Holdings does not list it"));
  });
});

describe("Equivalents: the substitute is bought when the symbol is blocked", () => {
  // IRA: VTI (Do Not Buy) 10,000 and BND 30,000; Roth: VOO 4,000. Total 44,000, Stocks 14,000 → 22,000 wanted:
  // only the IRA has anything to sell, and VTI may not be bought there.
  const lots: LotSpec[] = [
    { symbol: "VTI", assetClass: "Stocks", quantity: 100, price: 100, doNotBuy: true },
    { symbol: "BND", assetClass: "Bonds", quantity: 300, price: 100 },
    { account: "Roth", symbol: "VOO", assetClass: "Stocks", quantity: 10, price: 400 },
  ];
  const t = targets({ Stocks: 0.5, Bonds: 0.5 });
  const acc = accounts({ IRA: "Traditional IRA", Roth: "Roth IRA" });

  test.each(both)("Do Not Buy VTI, substitute VOO: the IRA buys 20 VOO with 8,000 of bonds (%s)", (optimizer) => {
    const p = { ...portfolio(lots, t, policy({ optimizer }), acc), equivalents: equivalents([["VTI", "VOO"]]) };
    const plan = planRebalance(p);
    expect(planJson(plan).trades.map(line).sort()).toEqual(["IRA buy 20 VOO", "IRA sell 80 BND"]);
    expect(plan.warnings).toContainEqual("IRA: VOO is bought instead of VTI (its Equivalents substitute): VTI cannot be bought here, it is Do Not Buy");
  });

  test("without the substitute the IRA cannot buy stocks at all", () => {
    const plan = planRebalance(portfolio(lots, t, policy(), acc));
    expect(plan.trades.filter((x) => x.side === "buy")).toEqual([]);
  });

  test("the wash-sale guard: a taxable account sells VTI at a loss, so the IRA buys its substitute", () => {
    // Taxable: VTI 10,000 bought for 15,000 and no cash, paying out a 2,000 withdrawal: it must sell 20 VTI at a loss.
    // IRA: 5,000 of cash to invest in Stocks (target 90%), VTI listed with no shares; VOO is listed in Taxable.
    const wash: LotSpec[] = [
      { account: "Taxable", symbol: "VTI", assetClass: "Stocks", quantity: 100, price: 100, costBasis: 15000, acquired: "2025-01-02" },
      { account: "IRA", symbol: "CASH", quantity: 5000 },
      { account: "IRA", symbol: "VTI", assetClass: "Stocks", quantity: 0, price: 100 },
    ];
    const acc2 = accounts({ Taxable: "Taxable", IRA: "Traditional IRA" });
    const base = portfolio([...wash, { account: "Taxable", symbol: "VOO", assetClass: "Stocks", quantity: 0, price: 400 }], targets({ Stocks: 0.9, Cash: 0.1 }), policy({ optimizer: "Greedy", cashFlow: -2000, cashFlowAccount: "Taxable" }), acc2);
    const without = planRebalance(base);
    expect(without.trades.map((x) => `${x.account} ${x.side} ${x.symbol}`)).toEqual(["Taxable sell VTI"]);
    expect(without.warnings).toContainEqual(expect.stringContaining("IRA: no Stocks buy: VTI was sold at a loss"));
    const plan = planRebalance({ ...base, equivalents: equivalents([["VTI", "VOO"]]) });
    expect(plan.trades.map((x) => `${x.account} ${x.side} ${x.symbol}`)).toEqual(["Taxable sell VTI", "IRA buy VOO"]);
    expect(plan.warnings).toContainEqual(expect.stringContaining("IRA: VOO is bought instead of VTI (its Equivalents substitute): VTI cannot be bought here, it was sold at a loss"));
  });
});

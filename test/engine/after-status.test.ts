/** After the trades, every class has its band and a status, and a class the trades push out of its band is named. */
import { planRebalance } from "../../src/engine/plan";
import { planJson } from "../../src/plans/json";
import { policy, portfolio, targets } from "../support/portfolio";

// Two IRAs, each holding one class; both classes on target (50% ± 5 points).
const lots = [
  { account: "IRA 1", symbol: "VTI", assetClass: "Stocks", quantity: 500, price: 100 },
  { account: "IRA 2", symbol: "BND", assetClass: "Bonds", quantity: 1000, price: 50 },
];
const t = targets({ Stocks: 0.5, Bonds: 0.5 });

test("a withdrawal that only IRA 1 can pay pushes Stocks under its band: status Under and a warning", () => {
  // $20,000 out of IRA 1, which holds only Stocks: 30,000 of 80,000 = 37.50%, under 45%–55%.
  const plan = planJson(planRebalance(portfolio(lots, t, policy({ strategy: "Cash Flow", cashFlow: -20000, cashFlowAccount: "IRA 1" }))));
  expect(plan.classes.find((c) => c.assetClass === "Stocks")!.status).toBe("In band");
  const stocks = plan.after.classes.find((c) => c.assetClass === "Stocks")!;
  expect(stocks).toMatchObject({ value: "30000.00", weight: 0.375, bandLow: 0.45, bandHigh: 0.55, status: "Under" });
  expect(plan.after.classes.find((c) => c.assetClass === "Bonds")!.status).toBe("Over");
  expect(plan.warnings).toContain("Stocks was in band before the trades and is under its band after them: 37.50% vs 45.00%–55.00%");
  expect(plan.warnings).toContain("Bonds was in band before the trades and is over its band after them: 62.50% vs 45.00%–55.00%");
});

test("a rebalance that ends in band: every after status In band, no warning", () => {
  const skewed = [
    { account: "IRA", symbol: "VTI", assetClass: "Stocks", quantity: 700, price: 100 },
    { account: "IRA", symbol: "BND", assetClass: "Bonds", quantity: 600, price: 50 },
  ];
  const plan = planJson(planRebalance(portfolio(skewed, t)));
  expect(plan.classes.find((c) => c.assetClass === "Stocks")!.status).toBe("Over");
  expect(plan.after.classes.map((c) => c.status)).toEqual(["In band", "In band", "In band"]);
  expect(plan.warnings.filter((w) => w.includes("after them"))).toEqual([]);
});

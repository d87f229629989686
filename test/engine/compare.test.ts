import { compareStrategies, compareVariants } from "../../src/engine/compare";
import { comparisonJson, formatComparison } from "../../src/cli/compare-format";
import { accounts, policy, portfolio, targets } from "../support/portfolio";

// The taxable account comes first in the sheet, so Full (accounts in sheet order) sells there first,
// while Tax Aware trades in the Roth first.
const lots = [
  { account: "Brokerage", symbol: "VTI", assetClass: "Stocks", quantity: 200, price: 100, costBasis: 10000, acquired: "2020-01-02" },
  { account: "Brokerage", symbol: "BND", assetClass: "Bonds", quantity: 100, price: 50 },
  { account: "Brokerage", symbol: "CASH", quantity: 1000 },
  { account: "Roth", symbol: "VTI", assetClass: "Stocks", quantity: 100, price: 100 },
  { account: "Roth", symbol: "BND", assetClass: "Bonds", quantity: 0, price: 50 },
  { account: "Roth", symbol: "CASH", quantity: 0 },
];
const p = portfolio(lots, targets({ Stocks: 0.5, Bonds: 0.5 }), policy({ cashFlow: 2000, cashFlowAccount: "Roth" }), accounts({ Roth: "Roth IRA", Brokerage: "Taxable" }));

describe("compare strategies", () => {
  const all = compareStrategies(p);
  test("one plan per strategy and Rebalance To", () => {
    expect(all.map((c) => `${c.strategy}/${c.rebalanceTo}`)).toEqual(compareVariants().map((v) => `${v.strategy}/${v.rebalanceTo}`));
    // The strategies Rebalance To shapes come first, each once per choice; Cash Flow once, labelled as flow only.
    expect(all.map((c) => `${c.strategy}/${c.label}`)).toEqual([
      "Full/Target",
      "Full/Band Edge",
      "Full/Halfway",
      "Tax Aware/Target",
      "Tax Aware/Band Edge",
      "Tax Aware/Halfway",
      "Cash Flow/(flow only)",
    ]);
  });
  test("Tax Aware realises less gain than Full; Cash Flow only buys with the contribution", () => {
    const full = all.find((c) => c.strategy === "Full" && c.rebalanceTo === "Target")!;
    const tax = all.find((c) => c.strategy === "Tax Aware" && c.rebalanceTo === "Target")!;
    const flow = all.find((c) => c.strategy === "Cash Flow")!;
    expect(full.metrics.realizedLongTerm.gt(tax.metrics.realizedLongTerm)).toBe(true);
    expect(flow.plan.trades.every((t) => t.side === "buy" && t.account === "Roth")).toBe(true);
    expect(flow.metrics.turnover.toFixed(2)).toBe("2000.00");
  });
  test("band edge trades less than target", () => {
    const target = all.find((c) => c.strategy === "Full" && c.rebalanceTo === "Target")!;
    const edge = all.find((c) => c.strategy === "Full" && c.rebalanceTo === "Band Edge")!;
    expect(edge.metrics.turnover.lt(target.metrics.turnover)).toBe(true);
    expect(edge.metrics.maxDriftAfter).toBeGreaterThan(target.metrics.maxDriftAfter);
  });
  test("text table and JSON array", () => {
    const text = formatComparison(all, "book.xlsx");
    expect(text).toMatch(/Strategy\s+Rebalance To\s+Trades\s+Turnover/);
    expect(text).toMatch(/Tax Aware\s+Halfway/);
    const json = comparisonJson(all);
    expect(json).toHaveLength(compareVariants().length);
    expect(Object.keys(json[0])).toEqual(["strategy", "rebalanceTo", "plan"]);
    expect(json[0].plan.trades.length).toBe(all[0].plan.trades.length);
  });
});

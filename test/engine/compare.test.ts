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
  // Planned once the test setup has loaded the solver (test/support/solver.ts), not while the file is collected.
  let all: ReturnType<typeof compareStrategies>;
  beforeAll(() => {
    all = compareStrategies(p);
  });
  test("one plan per strategy, Rebalance To and optimizer", () => {
    expect(all.map((c) => `${c.strategy}/${c.rebalanceTo}/${c.optimizer}`)).toEqual(compareVariants().map((v) => `${v.strategy}/${v.rebalanceTo}/${v.optimizer}`));
    // The strategies Rebalance To shapes come first, each once per choice and per optimizer (Optimal, then
    // Greedy, side by side); Cash Flow once per optimizer, labelled as flow only.
    expect(all.map((c) => `${c.strategy}/${c.label}/${c.optimizer ?? "—"}`)).toEqual([
      "Full/Target/Optimal",
      "Full/Target/Greedy",
      "Full/Band Edge/Optimal",
      "Full/Band Edge/Greedy",
      "Full/Halfway/Optimal",
      "Full/Halfway/Greedy",
      "Tax Aware/Target/Optimal",
      "Tax Aware/Target/Greedy",
      "Tax Aware/Band Edge/Optimal",
      "Tax Aware/Band Edge/Greedy",
      "Tax Aware/Halfway/Optimal",
      "Tax Aware/Halfway/Greedy",
      "Cash Flow/(flow only)/Optimal",
      "Cash Flow/(flow only)/Greedy",
    ]);
    expect(all.map((c) => c.plan.optimizer.method)).toEqual([...Array(7)].flatMap(() => ["optimal", "greedy"]));
  });
  test("Tax Aware realises less gain than Full; Cash Flow only buys with the contribution", () => {
    const find = (strategy: string, optimizer: string) => all.find((c) => c.strategy === strategy && c.rebalanceTo === "Target" && c.optimizer === optimizer)!;
    const flow = all.find((c) => c.strategy === "Cash Flow")!;
    // Greedy: Full takes the accounts in sheet order and sells in the taxable one first; Tax Aware in the Roth first.
    expect(find("Full", "Greedy").metrics.realizedLongTerm.gt(find("Tax Aware", "Greedy").metrics.realizedLongTerm)).toBe(true);
    // Optimal: between equally good plans every strategy trades in the tax-advantaged account first, so Full
    // realises no more than the greedy Tax Aware plan, and Tax Aware no more than Full.
    expect(find("Full", "Optimal").metrics.realizedLongTerm.lte(find("Tax Aware", "Greedy").metrics.realizedLongTerm)).toBe(true);
    expect(find("Tax Aware", "Optimal").metrics.realizedLongTerm.lte(find("Full", "Optimal").metrics.realizedLongTerm)).toBe(true);
    expect(flow.plan.trades.every((t) => t.side === "buy" && t.account === "Roth")).toBe(true);
    expect(flow.metrics.turnover.toFixed(2)).toBe("2000.00");
  });
  test("band edge trades less than target", () => {
    const target = all.find((c) => c.strategy === "Full" && c.rebalanceTo === "Target" && c.optimizer === "Optimal")!;
    const edge = all.find((c) => c.strategy === "Full" && c.rebalanceTo === "Band Edge" && c.optimizer === "Optimal")!;
    expect(edge.metrics.turnover.lt(target.metrics.turnover)).toBe(true);
    expect(edge.metrics.maxDriftAfter).toBeGreaterThan(target.metrics.maxDriftAfter);
  });
  test("text table and JSON array", () => {
    const text = formatComparison(all, "book.xlsx");
    expect(text).toMatch(/Strategy\s+Rebalance To\s+Optimizer\s+Trades\s+Turnover.*Misplacement/);
    expect(text).toMatch(/Tax Aware\s+Halfway/);
    const json = comparisonJson(all);
    expect(json).toHaveLength(compareVariants().length);
    expect(Object.keys(json[0])).toEqual(["strategy", "rebalanceTo", "optimizer", "plan"]);
    expect(json.map((j) => j.optimizer).slice(0, 2)).toEqual(["Optimal", "Greedy"]);
    expect(json[0].plan.trades.length).toBe(all[0].plan.trades.length);
  });
});

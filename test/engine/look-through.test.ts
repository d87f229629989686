/**
 * Look-through funds (src/engine/look-through.ts): a fund counts in each class by its LookThrough share,
 * and a trade in it moves each of them — hand-computed on a household where only the fund can fix it.
 */
import { planRebalance } from "../../src/engine/plan";
import { planJson } from "../../src/plans/json";
import { LotSpec, accounts, lookThrough, policy, portfolio, targets } from "../support/portfolio";

const line = (t: { account: string; side: string; quantity: string; symbol: string }) => `${t.account} ${t.side} ${t.quantity} ${t.symbol}`;
const values = (plan: ReturnType<typeof planJson>, which: "before" | "after") =>
  Object.fromEntries((which === "before" ? plan.classes : plan.after.classes).map((c) => [c.assetClass, [c.value, c.status]]));
const funds = lookThrough({ BAL: { Stocks: 0.6, Bonds: 0.4 } });

test("the class table counts a 60/40 fund as 60% Stocks and 40% Bonds", () => {
  // VTI 20,000, BND 10,000, BAL 10,000: Stocks 20,000 + 6,000, Bonds 10,000 + 4,000.
  const lots: LotSpec[] = [
    { symbol: "VTI", assetClass: "Stocks", quantity: 200, price: 100 },
    { symbol: "BND", assetClass: "Bonds", quantity: 100, price: 100 },
    { symbol: "BAL", assetClass: "", quantity: 100, price: 100 },
  ];
  const plan = planJson(planRebalance({ ...portfolio(lots, targets({ Stocks: 0.65, Bonds: 0.35 })), lookThrough: funds }));
  expect(values(plan, "before")).toEqual({ Stocks: ["26000.00", "In band"], Bonds: ["14000.00", "In band"], Cash: ["0.00", "In band"] });
  expect(plan.total).toBe("40000.00");
});

describe("a trade in the fund moves both classes", () => {
  // Roth: VTI 20,000 and BAL listed with no shares; IRA: BND 20,000. Targets Stocks 40% / Bonds 60% (±5):
  // Stocks at 50% are over. The IRA holds bonds only, so the Roth must act: selling X of VTI for X of BAL moves
  // Stocks by −0.4·X and Bonds by +0.4·X, and X = 10,000 puts both on target (16,000 and 24,000).
  const lots: LotSpec[] = [
    { account: "Roth", symbol: "VTI", assetClass: "Stocks", quantity: 200, price: 100 },
    { account: "Roth", symbol: "BAL", assetClass: "Balanced", quantity: 0, price: 100 },
    { account: "IRA", symbol: "BND", assetClass: "Bonds", quantity: 200, price: 100 },
  ];
  const t = targets({ Stocks: 0.4, Bonds: 0.6 });
  const acc = accounts({ Roth: "Roth IRA", IRA: "Traditional IRA" });

  test("optimal: sell 100 VTI, buy 100 BAL, both classes on target", () => {
    const plan = planJson(planRebalance({ ...portfolio(lots, t, policy(), acc), lookThrough: funds }));
    expect(plan.trades.map(line).sort()).toEqual(["Roth buy 100 BAL", "Roth sell 100 VTI"]);
    expect(plan.trades.find((x) => x.symbol === "BAL")!.assetClass).toBe("Stocks 60% + Bonds 40%");
    expect(values(plan, "after")).toEqual({ Stocks: ["16000.00", "In band"], Bonds: ["24000.00", "In band"], Cash: ["0.00", "In band"] });
  });

  test("greedy: the fund is held, and the plan says so", () => {
    const plan = planRebalance({ ...portfolio(lots, t, policy({ optimizer: "Greedy" }), acc), lookThrough: funds });
    expect(plan.trades.filter((x) => x.symbol === "BAL")).toEqual([]);
    expect(plan.warnings).toContainEqual(expect.stringContaining("The greedy plan does not trade look-through funds (BAL)"));
  });

  test("without LookThrough the fund counts wholly in its Holdings Asset Class", () => {
    const plain = lots.map((l) => (l.symbol === "BAL" ? { ...l, assetClass: "Stocks" } : l));
    const plan = planJson(planRebalance(portfolio(plain, t, policy(), acc)));
    expect(values(plan, "before").Stocks).toEqual(["20000.00", "Over"]);
  });
});

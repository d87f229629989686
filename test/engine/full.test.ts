import { planRebalance } from "../../src/engine/plan";
import { planJson } from "../../src/plans/json";
import { policy, portfolio, targets } from "../support/portfolio";

// One IRA, $100,000: Stocks $70,000 (700 × $100), Bonds $25,000 (1,250 × $20), cash $5,000.
// Targets 60/40, no Cash row (so cash above the reserve is invested). Bands: 5 pp absolute, 25% relative.
// Stocks band = min(5%, 25% × 60%) = 5%, drift +10 → Over; Bonds band = min(5%, 10%) = 5%, drift −15 → Under.
const lots = [
  { symbol: "VTI", assetClass: "Stocks", quantity: 700, price: 100 },
  { symbol: "BND", assetClass: "Bonds", quantity: 1250, price: 20 },
  { symbol: "CASH", quantity: 5000 },
];
const t = targets({ Stocks: 0.6, Bonds: 0.4 });

const trades = (p: ReturnType<typeof planJson>) => p.trades.map((x) => `${x.side} ${x.quantity} ${x.symbol} ${x.amount} fee ${x.fee} limit ${x.limitPrice}`);

describe("Full strategy, hand-computed", () => {
  test("class table", () => {
    const plan = planJson(planRebalance(portfolio(lots, t)));
    expect(plan.total).toBe("100000.00");
    expect(plan.classes.map((c) => [c.assetClass, c.value, c.weight, c.target, c.drift, c.status])).toEqual([
      ["Stocks", "70000.00", 0.7, 0.6, 0.1, "Over"],
      ["Bonds", "25000.00", 0.25, 0.4, -0.15, "Under"],
      // No target row: target 0, allowed up to reserve (0) + 5 pp; 5% is not strictly above → in band.
      ["Cash", "5000.00", 0.05, 0, 0.05, "In band"],
    ]);
    expect(plan.classes[0].relativeDrift).toBeCloseTo(0.1 / 0.6, 9);
    expect(plan.classes[1].bandLow).toBeCloseTo(0.35, 12);
    expect(plan.classes[1].bandHigh).toBeCloseTo(0.45, 12);
  });

  test("to target: sell $10,000 of stocks, buy $15,000 of bonds with the sale and the idle cash", () => {
    const plan = planJson(planRebalance(portfolio(lots, t)));
    expect(plan.trigger.rebalance).toBe(true);
    expect(trades(plan)).toEqual(["sell 100 VTI 10000.00 fee 0.00 limit 100.00", "buy 750 BND 15000.00 fee 0.00 limit 20.00"]);
    expect(plan.after.classes.map((c) => [c.assetClass, c.value, c.weight])).toEqual([
      ["Stocks", "60000.00", 0.6],
      ["Bonds", "40000.00", 0.4],
      ["Cash", "0.00", 0],
    ]);
    expect(plan.after.cash).toEqual([{ account: "IRA", value: "0.00" }]);
  });

  test("halfway: stocks to 62.5%, bonds to 37.5%", () => {
    const plan = planJson(planRebalance(portfolio(lots, t, policy({ rebalanceTo: "Halfway" }))));
    expect(trades(plan)).toEqual(["sell 75 VTI 7500.00 fee 0.00 limit 100.00", "buy 625 BND 12500.00 fee 0.00 limit 20.00"]);
  });

  test("band edge: stocks to 65%, bonds to 35%", () => {
    const plan = planJson(planRebalance(portfolio(lots, t, policy({ rebalanceTo: "Band Edge" }))));
    expect(trades(plan)).toEqual(["sell 50 VTI 5000.00 fee 0.00 limit 100.00", "buy 500 BND 10000.00 fee 0.00 limit 20.00"]);
  });

  test("limit offset 10 bps: buys are budgeted at the limit price 20.02, so 749 bonds, $20 stays", () => {
    const plan = planJson(planRebalance(portfolio(lots, t, policy({ limitOffsetBps: 10 }))));
    // floor(15,000 / 20.02) = 749; 749 × 20.02 = 14,994.98 ≤ 15,000. Sell limit 100 × 0.999 = 99.90.
    expect(trades(plan)).toEqual(["sell 100 VTI 10000.00 fee 0.00 limit 99.90", "buy 749 BND 14980.00 fee 0.00 limit 20.02"]);
    expect(plan.after.cash).toEqual([{ account: "IRA", value: "20.00" }]);
  });

  test("fees: $5 a trade comes out of the account's cash", () => {
    const plan = planJson(planRebalance(portfolio(lots, t, policy({ feePerTrade: 5 }))));
    // Cash 5,000 + 10,000 − 5 = 14,995; buy budget 14,995 − 5 fee → 749 × 20 = 14,980; cash left 10.
    expect(trades(plan)).toEqual(["sell 100 VTI 10000.00 fee 5.00 limit 100.00", "buy 749 BND 14980.00 fee 5.00 limit 20.00"]);
    expect(plan.after.cash).toEqual([{ account: "IRA", value: "10.00" }]);
  });

  test("fee in basis points is rounded to the cent", () => {
    const plan = planJson(planRebalance(portfolio(lots, t, policy({ feeBps: 3 }))));
    expect(plan.trades[0].fee).toBe("3.00"); // 10,000 × 0.0003
  });

  test("cash reserve stays in the account", () => {
    const plan = planJson(planRebalance(portfolio(lots, t, policy({ cashReserve: 1000 }))));
    // Investable 99,000 → Stocks 59,400, Bonds 39,600 (60/40 of what is left after the reserve).
    expect(trades(plan)).toEqual(["sell 106 VTI 10600.00 fee 0.00 limit 100.00", "buy 730 BND 14600.00 fee 0.00 limit 20.00"]);
    expect(plan.after.cash).toEqual([{ account: "IRA", value: "1000.00" }]);
  });

  test("min trade drops small trades", () => {
    const near = [
      { symbol: "VTI", assetClass: "Stocks", quantity: 660, price: 100 },
      { symbol: "BND", assetClass: "Bonds", quantity: 1700, price: 20 },
    ];
    // Stocks 66% of 100,000: over by 6 > 5 → rebalance; the $6,000 swap clears a $5,000 minimum, a $7,000 minimum drops it.
    expect(planJson(planRebalance(portfolio(near, t, policy({ minTrade: 5000 })))).trades).toHaveLength(2);
    const none = planJson(planRebalance(portfolio(near, t, policy({ minTrade: 7000 }))));
    expect(none.trades).toHaveLength(0);
    expect(none.warnings.join(" ")).toMatch(/no trade clears/);
  });

  test("lot size: round lots of 100", () => {
    const lotted = lots.map((l) => (l.symbol === "BND" ? { ...l, lotSize: 100 } : l));
    const plan = planJson(planRebalance(portfolio(lotted, t)));
    expect(plan.trades.find((x) => x.symbol === "BND")!.quantity).toBe("700");
  });

  test("fractional lot size 0 buys to the millionth", () => {
    const frac = [
      { symbol: "VTI", assetClass: "Stocks", quantity: 700, price: 100 },
      { symbol: "BND", assetClass: "Bonds", quantity: 500, price: 30, lotSize: 0 },
      { symbol: "CASH", quantity: 15000 },
    ];
    const plan = planJson(planRebalance(portfolio(frac, t)));
    const buy = plan.trades.find((x) => x.side === "buy")!;
    expect(buy.symbol).toBe("BND");
    // Bonds $15,000 → $40,000: buy $25,000 / $30 = 833.333333 (floored to 6 places).
    expect(buy.quantity).toBe("833.333333");
    expect(buy.amount).toBe("25000.00");
  });

  test("a row with Tradable = No is never traded; its class is Locked when out of band", () => {
    const withProperty = [
      { symbol: "VTI", assetClass: "Stocks", quantity: 400, price: 100 },
      { symbol: "HOUSE", assetClass: "Real Estate", quantity: 1, price: 50000, tradable: false, valuedOn: "2025-12-31" },
      { symbol: "CASH", quantity: 10000 },
    ];
    const plan = planJson(planRebalance(portfolio(withProperty, targets({ Stocks: 0.7, "Real Estate": 0.3 }))));
    const re = plan.classes.find((c) => c.assetClass === "Real Estate")!;
    expect(re.weight).toBeCloseTo(0.5, 12);
    expect(re.status).toBe("Locked");
    expect(plan.trades.every((x) => x.symbol !== "HOUSE")).toBe(true);
    expect(plan.warnings.join(" ")).toMatch(/Real Estate is out of band but nothing in it can be sold/);
  });

  test("an account funds first what no account after it can buy", () => {
    // Household $40,000, all stocks; targets Stocks 50, Bonds 25, Gold 25 → sell 20,000, buy 10,000 of each.
    // Only A lists a bond fund, and A can sell just 10,000; B can sell 30,000 but buy only gold.
    // A must spend all it raises on bonds, leaving gold to B (splitting A's 10,000 between bonds and
    // gold would leave 5,000 of bonds unbought).
    const two = [
      { account: "A", symbol: "VTI", assetClass: "Stocks", quantity: 100, price: 100 },
      { account: "A", symbol: "BND", assetClass: "Bonds", quantity: 0, price: 50 },
      { account: "A", symbol: "GLD", assetClass: "Gold", quantity: 0, price: 100 },
      { account: "A", symbol: "CASH", quantity: 0 },
      { account: "B", symbol: "VTI", assetClass: "Stocks", quantity: 300, price: 100 },
      { account: "B", symbol: "GLD", assetClass: "Gold", quantity: 0, price: 100 },
      { account: "B", symbol: "CASH", quantity: 0 },
    ];
    const plan = planJson(planRebalance(portfolio(two, targets({ Stocks: 0.5, Bonds: 0.25, Gold: 0.25 }))));
    expect(plan.trades.map((x) => `${x.account} ${x.side} ${x.quantity} ${x.symbol}`)).toEqual([
      "A sell 100 VTI",
      "A buy 200 BND",
      "B sell 100 VTI",
      "B buy 100 GLD",
    ]);
  });

  test("money never moves between accounts", () => {
    const two = [
      { account: "Roth", symbol: "VTI", assetClass: "Stocks", quantity: 1000, price: 100 },
      { account: "Trad", symbol: "BND", assetClass: "Bonds", quantity: 1000, price: 20 },
      { account: "Trad", symbol: "CASH", quantity: 0 },
      { account: "Roth", symbol: "CASH", quantity: 0 },
    ];
    // The Roth holds only stocks and lists no bond fund, so it cannot swap into bonds; Trad has no stocks to sell.
    // No money crosses: nothing is bought anywhere. The optimizer still sells 6,000 of stocks into the Roth's cash
    // (Cash has no target, so its band is 0%–5% of 120,000): Stocks end 6,000 closer to their band, Cash inside its
    // own. (The greedy pass, which moves money only into classes under target, made no trade at all.)
    const plan = planJson(planRebalance(portfolio(two, t)));
    expect(plan.trigger.rebalance).toBe(true);
    expect(plan.trades.map((x) => `${x.account} ${x.side} ${x.quantity} ${x.symbol}`)).toEqual(["Roth sell 60 VTI"]);
    expect(plan.after.cash).toEqual([{ account: "Roth", value: "6000.00" }, { account: "Trad", value: "0.00" }]);
    expect(plan.optimizer.objective).toMatchObject({ bandViolation: "38000.00" }); // 16,000 over + 22,000 under
    const greedy = planJson(planRebalance(portfolio(two, t, policy({ optimizer: "Greedy" }))));
    expect(greedy.trades).toEqual([]);
  });
});

describe("trigger", () => {
  const inBand = [
    { symbol: "VTI", assetClass: "Stocks", quantity: 620, price: 100 },
    { symbol: "BND", assetClass: "Bonds", quantity: 1900, price: 20 },
  ];
  test("band: nothing out of band, no trades", () => {
    const plan = planJson(planRebalance(portfolio(inBand, t)));
    expect(plan.trigger).toEqual({ rebalance: false, reasons: ["Every class is within its band"], nextReview: "2026-11-20", kind: "Band" });
    expect(plan.trades).toEqual([]);
  });
  test("calendar: due on or after Last Rebalanced + frequency", () => {
    const due = planJson(planRebalance(portfolio(inBand, t, policy({ trigger: "Calendar", frequency: "Quarterly", lastRebalanced: "2026-08-20" }))));
    expect(due.trigger.rebalance).toBe(true);
    expect(due.trigger.nextReview).toBe("2026-11-20");
    const notYet = planJson(planRebalance(portfolio(inBand, t, policy({ trigger: "Calendar", frequency: "Quarterly", lastRebalanced: "2026-08-21" }))));
    expect(notYet.trigger.rebalance).toBe(false);
    expect(notYet.trigger.reasons[0]).toMatch(/not due until 2026-11-21/);
  });
  test("hybrid needs both the calendar and a class out of band", () => {
    const p = policy({ trigger: "Hybrid", frequency: "Monthly", lastRebalanced: "2026-01-31" });
    expect(planJson(planRebalance(portfolio(inBand, t, p))).trigger.rebalance).toBe(false);
    const plan = planJson(planRebalance(portfolio(lots, t, p)));
    expect(plan.trigger.rebalance).toBe(true);
    expect(plan.trigger.nextReview).toBe("2026-02-28");
  });
});

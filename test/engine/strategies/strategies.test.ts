import { planRebalance } from "../../../src/engine/plan";
import { planJson } from "../../../src/plans/json";
import { accounts, policy, portfolio, targets } from "../../support/portfolio";

const line = (t: ReturnType<typeof planJson>["trades"][number]) =>
  `${t.account} ${t.side} ${t.quantity} ${t.symbol} ${t.amount}${t.realizedShortTerm !== null ? ` st ${t.realizedShortTerm} lt ${t.realizedLongTerm}` : ""}`;

// Four funds, $100,000, targets 40/30/20/10: A $50,000, B $20,000, C $20,000, D $10,000. Price $10, fractional.
const fourFunds = [
  { symbol: "A", assetClass: "A", quantity: 5000, price: 10, lotSize: 0 },
  { symbol: "B", assetClass: "B", quantity: 2000, price: 10, lotSize: 0 },
  { symbol: "C", assetClass: "C", quantity: 2000, price: 10, lotSize: 0 },
  { symbol: "D", assetClass: "D", quantity: 1000, price: 10, lotSize: 0 },
  { symbol: "CASH", quantity: 0 },
];
const fourTargets = targets({ A: 0.4, B: 0.3, C: 0.2, D: 0.1 });

describe("Cash Flow: Mao's optimal lazy rebalancing, cent-exact", () => {
  test("a $12,000 contribution tops up the furthest-below classes to one common level", () => {
    // T' = 112,000. Target dollars: A 44,800, B 33,600, C 22,400, D 11,200.
    // Ratios value ÷ target dollars: A 1.116, B 0.595, C 0.893, D 0.893 → B is lifted first.
    // Lifting B to 0.892857 costs 0.892857 × 33,600 − 20,000 = 10,000; the last 2,000 lifts B, C and D together:
    // level = (20,000 + 20,000 + 10,000 + 12,000) ÷ 67,200 = 0.922619 → B 31,000, C 20,666.67, D 10,333.33.
    const plan = planJson(planRebalance(portfolio(fourFunds, fourTargets, policy({ strategy: "Cash Flow", cashFlow: 12000 }))));
    expect(plan.trades.map(line)).toEqual(["IRA buy 1100 B 11000.00", "IRA buy 66.667 C 666.67", "IRA buy 33.333 D 333.33"]);
    expect(plan.cashFlow).toEqual({ account: "IRA", amount: "12000.00" });
    expect(plan.trades.every((t) => t.side === "buy")).toBe(true);
    // Each class's dollars are rounded to the cent first (666.67 → 66.667 shares), so the cash is spent exactly.
    expect(plan.after.cash[0].value).toBe("0.00");
  });

  test("a $5,000 withdrawal only sells, from the class furthest above target", () => {
    // T' = 95,000: A's target dollars 38,000 → ratio 1.316, next highest C and D at 1.053 (20,000 ÷ 19,000).
    // Bringing A down to 1.053 would free 10,000 ≥ 5,000, so all 5,000 comes from A.
    const plan = planJson(planRebalance(portfolio(fourFunds, fourTargets, policy({ strategy: "Cash Flow", cashFlow: -5000 }))));
    expect(plan.trades.map(line)).toEqual(["IRA sell 500 A 5000.00"]);
    expect(plan.after.cash[0].value).toBe("0.00");
  });

  test("on the optimizer, Min Trade: the placement comes as close as trades of $1,000 or more allow", () => {
    // Mao places the $12,000 as B 11,000, C 666.67, D 333.33 (the first case). With Min Trade $1,000 each trade is 0 or
    // ≥ 1,000, and the program minimises Σ |trade − placement|: B 11,000 + C 1,000 is 0 + 333.33 + 333.33 = 666.66 away;
    // B 11,000 + D 1,000 1,333.33; B 12,000 2,000; B 10,000 + C 1,000 + D 1,000 2,000. The greedy pass drops C and D
    // (below the minimum) and leaves $1,000 in cash.
    const plan = (optimizer: "Optimal" | "Greedy") => planJson(planRebalance(portfolio(fourFunds, fourTargets, policy({ strategy: "Cash Flow", cashFlow: 12000, minTrade: 1000, optimizer }))));
    const optimal = plan("Optimal");
    expect(optimal.trades.map(line)).toEqual(["IRA buy 1100 B 11000.00", "IRA buy 100 C 1000.00"]);
    expect(optimal.after.cash[0].value).toBe("0.00");
    expect(optimal.optimizer).toMatchObject({ method: "optimal", status: "Optimal", objective: { goalDistance: "666.66" } });
    const greedy = plan("Greedy");
    expect(greedy.trades.map(line)).toEqual(["IRA buy 1100 B 11000.00"]);
    expect(greedy.after.cash[0].value).toBe("1000.00");
  });

  test("on the optimizer, a taxable withdrawal sells the lots that cost the least tax", () => {
    // Brokerage: A 600 shares at $10 in two lots — 300 long-term at a $4 basis (gain $6 a share, 15%: $0.90 of tax) and
    // 300 short-term at $7 (gain $3, 35%: $1.05) — and B $2,000. Targets 50/50; the $2,000 withdrawal leaves $8,000, A at
    // 1.5 × its target and B at 0.5, so all of it comes from A: 200 shares. HIFO (the greedy pass's Lot Order) sells the
    // $7 lot: $600 short-term, $210 of tax; the program sells the $4 lot: $1,200 long-term, $180 of tax.
    const lots = [
      { account: "Brokerage", symbol: "A", assetClass: "A", quantity: 300, price: 10, costBasis: 1200, acquired: "2015-01-02" },
      { account: "Brokerage", symbol: "A", assetClass: "A", quantity: 300, price: 10, costBasis: 2100, acquired: "2026-03-02" },
      { account: "Brokerage", symbol: "B", assetClass: "B", quantity: 200, price: 10 },
      { account: "Brokerage", symbol: "CASH", quantity: 0 },
    ];
    const plan = (optimizer: "Optimal" | "Greedy") =>
      planJson(planRebalance(portfolio(lots, targets({ A: 0.5, B: 0.5 }), policy({ strategy: "Cash Flow", cashFlow: -2000, cashFlowAccount: "Brokerage", shortTermTaxRate: 0.35, longTermTaxRate: 0.15, optimizer }), accounts({ Brokerage: "Taxable" }))));
    expect(plan("Optimal").trades.map(line)).toEqual(["Brokerage sell 200 A 2000.00 st 0.00 lt 1200.00"]);
    expect(plan("Greedy").trades.map(line)).toEqual(["Brokerage sell 200 A 2000.00 st 600.00 lt 0.00"]);
    expect(plan("Optimal").after.cash[0].value).toBe("0.00");
  });

  test("Cash Flow with no flow makes no trade even when out of band", () => {
    const plan = planJson(planRebalance(portfolio(fourFunds, fourTargets, policy({ strategy: "Cash Flow", absBand: 0.01 }))));
    expect(plan.trigger.rebalance).toBe(true);
    expect(plan.trades).toEqual([]);
  });

  test("Full with a contribution includes the flow, then rebalances the whole household", () => {
    const plan = planJson(planRebalance(portfolio(fourFunds, fourTargets, policy({ strategy: "Full", cashFlow: 10000, absBand: 0.01 }))));
    // T' = 110,000 → A 44,000 (sell 6,000), B 33,000 (buy 13,000), C 22,000 (buy 2,000), D 11,000 (buy 1,000).
    expect(plan.trades.map(line)).toEqual(["IRA sell 600 A 6000.00", "IRA buy 1300 B 13000.00", "IRA buy 200 C 2000.00", "IRA buy 100 D 1000.00"]);
  });

  test("a contribution above the IRA limit is planned with a warning; 50+ adds the catch-up", () => {
    const p = (age: number | null) =>
      planJson(planRebalance(portfolio(fourFunds, fourTargets, policy({ strategy: "Cash Flow", cashFlow: 8000, ownerAge: age }))));
    expect(p(45).warnings.join(" ")).toMatch(/above the \$7,500\.00 annual IRA limit/);
    expect(p(45).trades.length).toBeGreaterThan(0);
    expect(p(50).warnings.join(" ")).not.toMatch(/annual IRA limit/);
  });
});

describe("Tax Aware", () => {
  // Roth: VTI 100 × $100 and a BND row with quantity 0 (so it may buy bonds).
  // Brokerage (taxable): two VTI lots — 100 bought 2020 at $150 (a $50/share long-term loss) and
  // 100 bought 2026-06-01 at $50 (a $50/share short-term gain) — and BND 100 × $50.
  // Household: Stocks 30,000, Bonds 5,000, total 35,000; targets 50/50 → sell 12,500 of stocks, buy 12,500 of bonds.
  const lots = [
    { account: "Roth", symbol: "VTI", assetClass: "Stocks", quantity: 100, price: 100, costBasis: 8000, acquired: "2019-01-02" },
    { account: "Roth", symbol: "BND", assetClass: "Bonds", quantity: 0, price: 50 },
    { account: "Roth", symbol: "CASH", quantity: 0 },
    { account: "Brokerage", symbol: "VTI", assetClass: "Stocks", quantity: 100, price: 100, costBasis: 15000, acquired: "2020-03-02" },
    { account: "Brokerage", symbol: "VTI", assetClass: "Stocks", quantity: 100, price: 100, costBasis: 5000, acquired: "2026-06-01" },
    { account: "Brokerage", symbol: "BND", assetClass: "Bonds", quantity: 100, price: 50 },
    { account: "Brokerage", symbol: "CASH", quantity: 0 },
  ];
  const t = targets({ Stocks: 0.5, Bonds: 0.5 });
  const acc = accounts({ Roth: "Roth IRA", Brokerage: "Taxable" });

  test("trades first where they cost no tax, then sells the taxable loss lot first and reports the gain split", () => {
    const plan = planJson(planRebalance(portfolio(lots, t, policy({ strategy: "Tax Aware" }), acc)));
    // Roth sells all its 10,000 of VTI and buys 200 BND; the Brokerage sells the remaining 2,500 = 25 shares
    // from the loss lot (25 × (100 − 150) = −1,250 long-term) and buys 50 BND.
    expect(plan.trades.map(line)).toEqual([
      "Roth sell 100 VTI 10000.00",
      "Roth buy 200 BND 10000.00",
      "Brokerage sell 25 VTI 2500.00 st 0.00 lt -1250.00",
      "Brokerage buy 50 BND 2500.00",
    ]);
  });

  test("Full spreads the sale over both accounts; HIFO in the taxable account still takes the $150 lot", () => {
    const plan = planJson(planRebalance(portfolio(lots, t, policy({ strategy: "Full" }), acc)));
    const taxable = plan.trades.filter((x) => x.account === "Brokerage" && x.side === "sell");
    expect(taxable.length).toBe(1);
    expect(taxable[0].realizedShortTerm).toBe("0.00");
    expect(Number(taxable[0].realizedLongTerm)).toBeLessThan(0);
  });

  test("Lot Order picks the lots: FIFO the oldest, HIFO the costliest, Min Tax the loss; Tax Aware puts losses first", () => {
    // One taxable account. VTI at $100 in three lots of 100: 2018 at $40 (long-term gain $60/share),
    // 2023 at $90 (long-term gain $10), 2026-06-01 at $120 (short-term loss $20). BND 200 × $50.
    // Total 40,000; targets Stocks 68.75% (27,500), Bonds 31.25% → sell 25 VTI (2,500), buy 50 BND.
    const taxable = [
      { account: "Brokerage", symbol: "VTI", assetClass: "Stocks", quantity: 100, price: 100, costBasis: 4000, acquired: "2018-05-01" },
      { account: "Brokerage", symbol: "VTI", assetClass: "Stocks", quantity: 100, price: 100, costBasis: 9000, acquired: "2023-05-01" },
      { account: "Brokerage", symbol: "VTI", assetClass: "Stocks", quantity: 100, price: 100, costBasis: 12000, acquired: "2026-06-01" },
      { account: "Brokerage", symbol: "BND", assetClass: "Bonds", quantity: 200, price: 50 },
      { account: "Brokerage", symbol: "CASH", quantity: 0 },
    ];
    const tt = targets({ Stocks: 0.6875, Bonds: 0.3125 });
    const acct = accounts({ Brokerage: "Taxable" });
    const sale = (overrides: Parameters<typeof policy>[0]) => {
      const plan = planJson(planRebalance(portfolio(taxable, tt, policy(overrides), acct)));
      return plan.trades.filter((x) => x.side === "sell").map(line);
    };
    expect(sale({ lotOrder: "FIFO" })).toEqual(["Brokerage sell 25 VTI 2500.00 st 0.00 lt 1500.00"]); // 25 × 60
    expect(sale({ lotOrder: "HIFO" })).toEqual(["Brokerage sell 25 VTI 2500.00 st -500.00 lt 0.00"]); // 25 × −20
    expect(sale({ lotOrder: "Min Tax" })).toEqual(["Brokerage sell 25 VTI 2500.00 st -500.00 lt 0.00"]);
    expect(sale({ lotOrder: "FIFO", strategy: "Tax Aware" })).toEqual(["Brokerage sell 25 VTI 2500.00 st -500.00 lt 0.00"]);
    // Selling 150 (more than the loss lot): Stocks 30,000 → 15,000. The greedy pass's Tax Aware order takes the loss
    // lot, then long-term gains in FIFO order: 100 of the 2026 lot (−2,000 ST), 50 of the 2018 lot (+3,000 LT).
    const big = (optimizer: "Optimal" | "Greedy") =>
      planJson(planRebalance(portfolio(taxable, targets({ Stocks: 0.375, Bonds: 0.625 }), policy({ strategy: "Tax Aware", lotOrder: "FIFO", optimizer }), acct))).trades.filter((x) => x.side === "sell").map(line);
    expect(big("Greedy")).toEqual(["Brokerage sell 150 VTI 15000.00 st -2000.00 lt 3000.00"]);
    // The optimizer has the lots as variables and takes the 2023 lot's smaller gain instead (50 × $10: $75 of tax at
    // 15%, against $450 for the 2018 lot's): the optimum, where the old expectation followed FIFO.
    expect(big("Optimal")).toEqual(["Brokerage sell 150 VTI 15000.00 st -2000.00 lt 500.00"]);
  });

  test("wash-sale guard: a symbol sold at a loss in a taxable account is not bought anywhere; another listed symbol of the class is", () => {
    // The Roth files VTI under "Total Market" while the Brokerage files it under "US Stocks": the Roth needs
    // Total Market while the Brokerage sells US Stocks at a loss.
    const wash = [
      { account: "Brokerage", symbol: "VTI", assetClass: "US Stocks", quantity: 200, price: 100, costBasis: 30000, acquired: "2021-01-04" },
      { account: "Brokerage", symbol: "BND", assetClass: "Bonds", quantity: 0, price: 50 },
      { account: "Brokerage", symbol: "CASH", quantity: 0 },
      { account: "Roth", symbol: "VTI", assetClass: "Total Market", quantity: 0, price: 100 },
      { account: "Roth", symbol: "CASH", quantity: 10000 },
    ];
    const tt = targets({ "US Stocks": 0.34, Bonds: 0.33, "Total Market": 0.33 });
    const plan = planJson(planRebalance(portfolio(wash, tt, policy({ strategy: "Tax Aware" }), acc)));
    expect(plan.trades.some((x) => x.side === "sell" && x.symbol === "VTI" && Number(x.realizedLongTerm) < 0)).toBe(true);
    expect(plan.trades.some((x) => x.side === "buy" && x.symbol === "VTI")).toBe(false);
    expect(plan.warnings.join(" ")).toMatch(/wash sale/);

    const withAlternative = [...wash, { account: "Roth", symbol: "ITOT", assetClass: "Total Market", quantity: 0, price: 50 }];
    const plan2 = planJson(planRebalance(portfolio(withAlternative, tt, policy({ strategy: "Tax Aware" }), acc)));
    expect(plan2.trades.some((x) => x.side === "buy" && x.symbol === "ITOT" && x.account === "Roth")).toBe(true);
    expect(plan2.trades.some((x) => x.side === "buy" && x.symbol === "VTI")).toBe(false);
  });
});

describe("Sell Order", () => {
  // Stocks over target, held as two funds: OLD (big gain) and NEW (a loss).
  const lots = [
    { symbol: "OLD", assetClass: "Stocks", quantity: 100, price: 100, costBasis: 2000, acquired: "2015-01-02" },
    { symbol: "NEW", assetClass: "Stocks", quantity: 100, price: 100, costBasis: 12000, acquired: "2025-01-02" },
    { symbol: "BND", assetClass: "Bonds", quantity: 100, price: 50 },
    { symbol: "CASH", quantity: 0 },
  ];
  const t = targets({ Stocks: 0.5, Bonds: 0.5 });
  test("Highest Gain First sells OLD, Lowest Gain First sells NEW", () => {
    const high = planJson(planRebalance(portfolio(lots, t, policy({ sellOrder: "Highest Gain First" }))));
    expect(high.trades.filter((x) => x.side === "sell").map((x) => x.symbol)).toEqual(["OLD"]);
    const low = planJson(planRebalance(portfolio(lots, t, policy({ sellOrder: "Lowest Gain First" }))));
    expect(low.trades.filter((x) => x.side === "sell").map((x) => x.symbol)).toEqual(["NEW"]);
  });
  test("Most Overweight takes from the most overweight class first", () => {
    const three = [
      { symbol: "VTI", assetClass: "Stocks", quantity: 500, price: 100 },
      { symbol: "GLD", assetClass: "Gold", quantity: 300, price: 100 },
      { symbol: "BND", assetClass: "Bonds", quantity: 200, price: 100 },
      { symbol: "CASH", quantity: 0 },
    ];
    // Total 100,000; targets Stocks 40, Gold 20, Bonds 40 → Stocks over by 10,000, Gold by 10,000... make Stocks the worst:
    const plan = planJson(planRebalance(portfolio(three, targets({ Stocks: 0.35, Gold: 0.25, Bonds: 0.4 }))));
    // Stocks excess 15,000, Gold 5,000, Bonds need 20,000: both are sold in full.
    expect(plan.trades.map(line)).toEqual(["IRA sell 150 VTI 15000.00", "IRA sell 50 GLD 5000.00", "IRA buy 200 BND 20000.00"]);
  });
});

describe("households and illiquid assets", () => {
  test("a Locked class: liquid classes move toward targets rescaled over the liquid value", () => {
    // House 60,000 locked (target 30%), Stocks 20,000 (50%), Bonds 20,000 (20%), total 100,000.
    // Liquid value 40,000 shared 50:20 → Stocks 28,571.43, Bonds 11,428.57. In whole shares, selling 172 BND (8,600)
    // for 86 VTI ends 28.57 from each goal (57.14 in all); 171 BND for 85 VTI, the dollars rounded one at a time,
    // ended 71.43 + 21.43 from them and 50 in cash (142.86): the program's orders are whole shares, so it finds the first.
    const lots = [
      { symbol: "HOUSE", assetClass: "Real Estate", quantity: 1, price: 60000, tradable: false, valuedOn: "2025-12-31" },
      { symbol: "VTI", assetClass: "Stocks", quantity: 200, price: 100 },
      { symbol: "BND", assetClass: "Bonds", quantity: 400, price: 50 },
      { symbol: "CASH", quantity: 0 },
    ];
    const plan = planJson(planRebalance(portfolio(lots, targets({ "Real Estate": 0.3, Stocks: 0.5, Bonds: 0.2 }))));
    expect(plan.classes.find((c) => c.assetClass === "Real Estate")!.status).toBe("Locked");
    expect(plan.trades.map(line)).toEqual(["IRA sell 172 BND 8600.00", "IRA buy 86 VTI 8600.00"]);
  });

  test("stale valuations are named with their cell (Max Valuation Age)", () => {
    const lots = [
      { symbol: "NOTE", assetClass: "Notes", quantity: 1, price: 25000, tradable: false, valuedOn: "2026-01-31" },
      { symbol: "VTI", assetClass: "Stocks", quantity: 200, price: 100 },
    ];
    const t = targets({ Notes: 0.5, Stocks: 0.5 });
    expect(planJson(planRebalance(portfolio(lots, t))).warnings.join(" ")).not.toMatch(/last valued/);
    const stale = planJson(planRebalance(portfolio(lots, t, policy({ maxValuationAge: 180 })))).warnings.join(" ");
    expect(stale).toMatch(/Holdings!B2: NOTE was last valued on 2026-01-31, more than 180 days before 2026-11-20/);
  });

  test("a withdrawal is raised inside its account and leaves the reserve", () => {
    const lots = [
      { account: "Trad", symbol: "VTI", assetClass: "Stocks", quantity: 100, price: 100 },
      { account: "Trad", symbol: "CASH", quantity: 600 },
      { account: "Roth", symbol: "BND", assetClass: "Bonds", quantity: 200, price: 50 },
      { account: "Roth", symbol: "CASH", quantity: 5000 },
    ];
    const plan = planJson(
      planRebalance(portfolio(lots, targets({ Stocks: 0.5, Bonds: 0.5 }), policy({ strategy: "Cash Flow", cashFlow: -3000, cashFlowAccount: "Trad", cashReserve: 500 }))),
    );
    // Trad has 100 above its reserve; the other 2,900 comes from selling 29 VTI.
    expect(plan.trades.map(line)).toEqual(["Trad sell 29 VTI 2900.00"]);
    expect(plan.after.cash).toEqual([
      { account: "Trad", value: "500.00" },
      { account: "Roth", value: "5000.00" },
    ]);
  });
});

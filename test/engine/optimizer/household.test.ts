/**
 * The household optimizer (src/engine/optimizer/household.ts) on hand-computed cases where the greedy
 * pass falls short, and how the plan says which method decided it.
 */
import { planRebalance } from "../../../src/engine/plan";
import { activeSolver, useSolver } from "../../../src/engine/optimizer/solver";
import { planJson } from "../../../src/plans/json";
import { LotSpec, accounts, policy, portfolio, targets } from "../../support/portfolio";

const line = (t: { account: string; side: string; quantity: string; symbol: string }) => `${t.account} ${t.side} ${t.quantity} ${t.symbol}`;
const after = (plan: ReturnType<typeof planJson>) => Object.fromEntries(plan.after.classes.map((c) => [c.assetClass, [c.value, c.status]]));

describe("a three-account chain: the optimum swaps through the middle class", () => {
  // Total 100,000. Stocks 50% (target 40%, band 35–45%: over), Gold 20% (target 20%, in band), Bonds 30% (target 40%: under).
  // Account A holds the stocks and lists a gold fund it does not hold yet; account B holds the gold and the bonds.
  // Money never crosses accounts, so the only way from stocks to bonds is through gold: A sells 10,000 of stocks
  // and buys 10,000 of gold, B sells 10,000 of gold and buys 10,000 of bonds — every class on target.
  const lots: LotSpec[] = [
    { account: "A", symbol: "VTI", assetClass: "Stocks", quantity: 500, price: 100 },
    { account: "A", symbol: "GLD", assetClass: "Gold", quantity: 0, price: 50 },
    { account: "B", symbol: "GLD", assetClass: "Gold", quantity: 400, price: 50 },
    { account: "B", symbol: "BND", assetClass: "Bonds", quantity: 300, price: 100 },
  ];
  const t = targets({ Stocks: 0.4, Gold: 0.2, Bonds: 0.4 });

  test("optimal: four trades, every class on target", () => {
    const plan = planJson(planRebalance(portfolio(lots, t)));
    expect(plan.trades.map(line).sort()).toEqual(["A buy 200 GLD", "A sell 100 VTI", "B buy 100 BND", "B sell 200 GLD"]);
    expect(after(plan)).toEqual({ Stocks: ["40000.00", "In band"], Gold: ["20000.00", "In band"], Bonds: ["40000.00", "In band"], Cash: ["0.00", "In band"] });
    expect(plan.optimizer).toMatchObject({ method: "optimal", status: "Optimal", gap: 0, objective: { bandViolation: "0.00", goalDistance: "0.00", turnover: "40000.00" } });
  });

  test("greedy: gold is on target, so neither account trades it, and Stocks and Bonds stay out of band", () => {
    const plan = planJson(planRebalance(portfolio(lots, t, policy({ optimizer: "Greedy" }))));
    expect(plan.optimizer).toMatchObject({ method: "greedy", status: "Greedy", gap: null });
    // Scored as the program scores plans: 10,000 dollars outside the bands (5,000 each), against the optimum's 0.
    expect(plan.optimizer.objective).toMatchObject({ bandViolation: "10000.00", goalDistance: "20000.00" });
    const statuses = plan.after.classes.map((c) => `${c.assetClass} ${c.status}`);
    expect(statuses).toEqual(expect.arrayContaining(["Stocks Over", "Bonds Under"]));
  });
});

describe("a pinned overweight property: the other classes are kept inside their bands", () => {
  // Total 100,000: the rental (Tradable = No) 33,000 = 33% (target 20%, band 15–25%: locked over), Stocks 40,000
  // = 40% (target 40%, band 35–45%), Bonds 20,000 = 20% (target 30%, band 25–35%: under), Cash 7,000 = 7%
  // (target 10%, band 5–15%). Bands are 5 points (Rel Band None).
  // Target rescaled over the 67,000 that can move would put Stocks at 40/80 × 67,000 = 33,500 — below its band
  // (the greedy pass goes there). Keeping every liquid class in band is possible: Stocks 35,000, Bonds 25,000,
  // Cash 7,000 = 67,000. So the optimizer sells VTI down to Stocks' band edge — one share inside it (35,100: the
  // margin it keeps for a class in band, so rounding to whole shares cannot push it out) — and buys 50 BND
  // (Bonds to 25,000), paying 100 of it from cash (6,900, inside Cash's band).
  const lots: LotSpec[] = [
    { symbol: "RENTAL-12-OAK", assetClass: "Real Estate", quantity: 1, price: 33000, tradable: false, valuedOn: "2026-06-30" },
    { symbol: "VTI", assetClass: "Stocks", quantity: 400, price: 100 },
    { symbol: "BND", assetClass: "Bonds", quantity: 200, price: 100 },
    { symbol: "CASH", quantity: 7000 },
  ];
  const t = targets({ "Real Estate": 0.2, Stocks: 0.4, Bonds: 0.3, Cash: 0.1 });

  test("optimal: Stocks one share inside its band edge, Bonds into its band", () => {
    const plan = planJson(planRebalance(portfolio(lots, t, policy({ relBand: null }))));
    expect(plan.trades.map(line)).toEqual(["IRA sell 49 VTI", "IRA buy 50 BND"]);
    expect(after(plan)).toEqual({
      "Real Estate": ["33000.00", "Locked"],
      Stocks: ["35100.00", "In band"],
      Bonds: ["25000.00", "In band"],
      Cash: ["6900.00", "In band"],
    });
    expect(plan.warnings.filter((w) => w.includes("was in band before"))).toEqual([]);
  });

  test("greedy: Stocks is pushed out of its band to make room for the property", () => {
    const plan = planJson(planRebalance(portfolio(lots, t, policy({ relBand: null, optimizer: "Greedy" }))));
    expect(after(plan).Stocks[1]).toBe("Under");
    expect(plan.warnings.some((w) => w.startsWith("Stocks was in band before the trades"))).toBe(true);
  });
});

describe("Band Edge: every tradable out-of-band class ends on its band edge", () => {
  // Total 100,000 over two accounts. Stocks 62,000 (target 50%, band 45–55%: over), Bonds 28,000 (target 40%,
  // band 35–45%: under), Cash 10,000 (target 10%, band 5–15%). A holds the stocks and lists the bond fund;
  // B holds the bonds and all the cash. Band Edge: Stocks down to 55,000, Bonds up to 35,000 — A sells 7,000 of
  // stocks and buys 7,000 of bonds; B's cash stays (it is in band).
  const lots: LotSpec[] = [
    { account: "A", symbol: "VTI", assetClass: "Stocks", quantity: 620, price: 100 },
    { account: "A", symbol: "BND", assetClass: "Bonds", quantity: 0, price: 100 },
    { account: "B", symbol: "BND", assetClass: "Bonds", quantity: 280, price: 100 },
    { account: "B", symbol: "CASH", quantity: 10000 },
  ];
  const t = targets({ Stocks: 0.5, Bonds: 0.4, Cash: 0.1 });

  test("Stocks at 55.00%, Bonds at 35.00%, with the fewest dollars traded", () => {
    const plan = planJson(planRebalance(portfolio(lots, t, policy({ rebalanceTo: "Band Edge", relBand: null }))));
    expect(plan.trades.map(line)).toEqual(["A sell 70 VTI", "A buy 70 BND"]);
    expect(after(plan)).toEqual({ Stocks: ["55000.00", "In band"], Bonds: ["35000.00", "In band"], Cash: ["10000.00", "In band"] });
    expect(plan.optimizer.objective).toEqual({ reserveShortfall: "0.00", bandViolation: "0.00", goalDistance: "0.00", turnover: "14000.00" });
  });

  test("Halfway: halfway between the edge and the target (Stocks 52.5%, Bonds 37.5%)", () => {
    const plan = planJson(planRebalance(portfolio(lots, t, policy({ rebalanceTo: "Halfway", relBand: null }))));
    expect(plan.trades.map(line)).toEqual(["A sell 95 VTI", "A buy 95 BND"]);
    expect(after(plan)).toMatchObject({ Stocks: ["52500.00", "In band"], Bonds: ["37500.00", "In band"] });
  });
});

describe("the plan says how the household was decided, and never falls back silently", () => {
  const lots: LotSpec[] = [
    { symbol: "VTI", assetClass: "Stocks", quantity: 600, price: 100 },
    { symbol: "BND", assetClass: "Bonds", quantity: 400, price: 100 },
  ];
  const t = targets({ Stocks: 0.5, Bonds: 0.5 });

  test("without a solver: the greedy plan, and a warning that says why", () => {
    const solver = activeSolver();
    useSolver(null);
    try {
      const plan = planJson(planRebalance(portfolio(lots, t)));
      expect(plan.optimizer).toMatchObject({ method: "greedy", status: "Greedy" });
      expect(plan.warnings).toContain("The optimizer is not loaded here, so the greedy plan is used (Optimizer = Optimal needs HiGHS)");
      expect(plan.trades.map(line)).toEqual(["IRA sell 100 VTI", "IRA buy 100 BND"]);
    } finally {
      useSolver(solver);
    }
  });

  test("a solver that finds no optimum: the greedy plan, and a warning naming the solver's status", () => {
    const solver = activeSolver();
    useSolver({ name: "stub", solve: () => ({ status: "Time limit reached", values: new Map(), objective: NaN }) });
    try {
      const plan = planJson(planRebalance(portfolio(lots, t)));
      expect(plan.optimizer.method).toBe("greedy");
      expect(plan.warnings).toContain('The optimizer found no plan (the solver ended with "Time limit reached"), so the greedy plan is used');
    } finally {
      useSolver(solver);
    }
  });

  test("no rebalance due: the optimizer is not run", () => {
    const plan = planJson(planRebalance(portfolio(lots, t, policy({ absBand: 0.2 }))));
    expect(plan.trigger.rebalance).toBe(false);
    expect(plan.optimizer).toEqual({ method: "optimal", status: "Not run", gap: null, seconds: 0, objective: null });
  });
});

describe("Do Not Buy and Do Not Sell", () => {
  // Stocks 70,000 of 100,000 (target 50%, over), Bonds 30,000 (target 50%, under). The big VTI lot is kept for the
  // client (Do Not Sell), so stocks come from the other lot; BND may not be bought (Do Not Buy), so bonds are bought
  // through AGG, the other bond fund the account lists.
  const lots: LotSpec[] = [
    { symbol: "VTI", assetClass: "Stocks", quantity: 500, price: 100, doNotSell: true },
    { symbol: "VTI", assetClass: "Stocks", quantity: 200, price: 100 },
    { symbol: "BND", assetClass: "Bonds", quantity: 300, price: 100, doNotBuy: true },
    { symbol: "AGG", assetClass: "Bonds", quantity: 0, price: 50 },
  ];
  const t = targets({ Stocks: 0.5, Bonds: 0.5 });

  test.each(["Optimal", "Greedy"] as const)("%s: the kept lot is not sold, the restricted fund not bought", (optimizer) => {
    const plan = planJson(planRebalance(portfolio(lots, t, policy({ optimizer }))));
    expect(plan.trades.map(line)).toEqual(["IRA sell 200 VTI", "IRA buy 400 AGG"]);
    expect(after(plan)).toMatchObject({ Stocks: ["50000.00", "In band"], Bonds: ["50000.00", "In band"] });
  });

  test("a class whose every lot is Do Not Sell is locked: the others are rebalanced around it", () => {
    const kept = lots.map((l) => (l.symbol === "VTI" ? { ...l, doNotSell: true } : l));
    const plan = planJson(planRebalance(portfolio(kept, t)));
    expect(plan.classes.find((c) => c.assetClass === "Stocks")!.status).toBe("Locked");
    expect(plan.trades.filter((x) => x.symbol === "VTI")).toEqual([]);
    expect(plan.warnings).toContain("Stocks is out of band but nothing in it can be sold (Tradable = No, or Do Not Sell); the other classes are rebalanced around it");
  });
});

describe("Max Turnover", () => {
  // Stocks 60,000 and Bonds 40,000 (targets 50/50): to target is 10,000 each way; Max Turnover 5% allows 5,000.
  const lots: LotSpec[] = [
    { symbol: "VTI", assetClass: "Stocks", quantity: 600, price: 100 },
    { symbol: "BND", assetClass: "Bonds", quantity: 400, price: 100 },
  ];
  const t = targets({ Stocks: 0.5, Bonds: 0.5 });

  test.each(["Optimal", "Greedy"] as const)("%s: at most 5,000 bought and 5,000 sold, and a note says the limit held the plan back", (optimizer) => {
    const plan = planJson(planRebalance(portfolio(lots, t, policy({ optimizer, maxTurnover: 0.05 }))));
    expect(plan.trades.map(line)).toEqual(["IRA sell 50 VTI", "IRA buy 50 BND"]);
    expect(plan.warnings).toContain("Max Turnover (5.00% of the household, $5,000.00 one way) limits the trades");
  });

  test("a limit that does not bind changes nothing and says nothing", () => {
    const plan = planJson(planRebalance(portfolio(lots, t, policy({ maxTurnover: 0.5 }))));
    expect(plan.trades.map(line)).toEqual(["IRA sell 100 VTI", "IRA buy 100 BND"]);
    expect(plan.warnings.filter((w) => w.startsWith("Max Turnover"))).toEqual([]);
  });
});

describe("what cannot be done is reported", () => {
  test("a class no account lists a security of: its shortfall as `unresolved`, and a warning", () => {
    const lots: LotSpec[] = [
      { symbol: "VTI", assetClass: "Stocks", quantity: 600, price: 100 },
      { symbol: "BND", assetClass: "Bonds", quantity: 400, price: 100 },
    ];
    // Gold's 10% target is 10,000 of 100,000; nothing can buy gold, so Stocks and Bonds share the rest, 45,000 each.
    const plan = planJson(planRebalance(portfolio(lots, targets({ Stocks: 0.45, Bonds: 0.45, Gold: 0.1 }))));
    expect(plan.unresolved).toEqual([{ assetClass: "Gold", amount: "10000.00" }]);
    expect(plan.warnings).toContain("Gold is $10,000.00 below its target and no account lists a security of it to buy (add one, with Quantity 0, to the account that should hold it)");
    expect(after(plan)).toMatchObject({ Stocks: ["50000.00", "In band"], Bonds: ["50000.00", "In band"] });
  });
});

describe("tax on realised gains as a cost (taxable accounts)", () => {
  // Two taxable accounts can each sell 10,000 of stocks and buy 10,000 of bonds. T1's stocks cost 2,000 (a big
  // long-term gain), T2's cost what they are worth (no gain): with tax counted, T2 sells.
  const lots: LotSpec[] = [
    { account: "T1", symbol: "VTI", assetClass: "Stocks", quantity: 300, price: 100, costBasis: 2000, acquired: "2015-01-02" },
    { account: "T1", symbol: "BND", assetClass: "Bonds", quantity: 100, price: 100 },
    { account: "T2", symbol: "VTI", assetClass: "Stocks", quantity: 300, price: 100, costBasis: 30000, acquired: "2015-01-02" },
    { account: "T2", symbol: "BND", assetClass: "Bonds", quantity: 300, price: 100 },
  ];
  const t = targets({ Stocks: 0.5, Bonds: 0.5 });
  const acc = accounts({ T1: "Taxable", T2: "Taxable" });

  test.each([
    ["Full with both rates set", policy({ shortTermTaxRate: 0.37, longTermTaxRate: 0.2 })],
    ["Full with only the long-term rate set (used for both terms)", policy({ longTermTaxRate: 0.2 })],
    ["Tax Aware with its default rates (35% / 15%)", policy({ strategy: "Tax Aware" })],
  ])("%s: the account with no gain sells", (_name, p) => {
    const plan = planJson(planRebalance(portfolio(lots, t, p, acc)));
    expect(plan.trades.map(line)).toEqual(["T2 sell 100 VTI", "T2 buy 100 BND"]);
    expect(plan.trades[0].realizedLongTerm).toBe("0.00");
  });

  test("Full without rates counts no tax: both accounts are equally good to it (here T1 sells, realising the gain)", () => {
    const plan = planJson(planRebalance(portfolio(lots, t, policy(), acc)));
    expect(plan.trades.map(line)).toEqual(["T1 sell 100 VTI", "T1 buy 100 BND"]);
    expect(Number(plan.trades[0].realizedLongTerm)).toBeGreaterThan(0);
  });
});

describe("asset location: the Location range decides where a class is bought, between otherwise equal plans", () => {
  // Total 100,000 over a Traditional and a Roth IRA, each with 10,000 of cash and listing BND. Stocks 60,000 (target
  // 50%: over) sit in the Traditional IRA; Bonds 20,000 (target 40%: under) in the Roth; Cash 20,000 (target 10%).
  // Target: Stocks −10,000, Bonds +20,000, Cash −10,000. The Traditional IRA sells 100 VTI either way; who buys
  // the 200 BND is otherwise a tie broken by sheet order — Location makes it the preferred account (a buy elsewhere
  // costs 0.2 cents a dollar at the dollars-traded level, which no band or goal dollar is worth).
  const lots: LotSpec[] = [
    { account: "Trad", symbol: "VTI", assetClass: "Stocks", quantity: 600, price: 100 },
    { account: "Trad", symbol: "BND", assetClass: "Bonds", quantity: 0, price: 100 },
    { account: "Trad", symbol: "CASH", quantity: 10000 },
    { account: "Roth", symbol: "BND", assetClass: "Bonds", quantity: 200, price: 100 },
    { account: "Roth", symbol: "CASH", quantity: 10000 },
  ];
  const t = targets({ Stocks: 0.5, Bonds: 0.4, Cash: 0.1 });
  const acc = accounts({ Trad: "Traditional IRA", Roth: "Roth IRA" });
  const prefer = (type: "Traditional IRA" | "Roth IRA") => [{ assetClass: "Bonds", preferred: type, ref: { sheet: "Location", cell: "A2" } }];
  const buys = (plan: ReturnType<typeof planJson>) => plan.trades.filter((x) => x.side === "buy").map(line).sort();

  test("Bonds preferred in the Traditional IRA: it buys all 200 BND with its cash and its sale", () => {
    const plan = planJson(planRebalance(portfolio(lots, t, policy(), acc, prefer("Traditional IRA"))));
    expect(buys(plan)).toEqual(["Trad buy 200 BND"]);
    expect(after(plan)).toMatchObject({ Stocks: ["50000.00", "In band"], Bonds: ["40000.00", "In band"], Cash: ["10000.00", "In band"] });
  });

  test("Bonds preferred in the Roth IRA: the Roth spends its cash on BND first, the Traditional IRA the rest", () => {
    const plan = planJson(planRebalance(portfolio(lots, t, policy(), acc, prefer("Roth IRA"))));
    expect(buys(plan)).toEqual(["Roth buy 100 BND", "Trad buy 100 BND"]);
    expect(after(plan)).toMatchObject({ Bonds: ["40000.00", "In band"] });
  });

  test("the greedy pass ignores Location (README says so)", () => {
    const with_ = planJson(planRebalance(portfolio(lots, t, policy({ optimizer: "Greedy" }), acc, prefer("Roth IRA"))));
    const without = planJson(planRebalance(portfolio(lots, t, policy({ optimizer: "Greedy" }), acc)));
    expect(with_.trades).toEqual(without.trades);
  });
});

/**
 * Required minimum distributions in the plan (src/engine/rules/household-rmd.ts): hand-computed from
 * the Uniform Lifetime divisors of IRS Pub. 590-B, the aggregation of IRAs, a Solo 401k kept apart,
 * a Roth with none, and Cash Flow = RMD split across an owner's IRAs by the greedy pass and by the optimizer.
 */
import { planRebalance } from "../../../src/engine/plan";
import { planJson } from "../../../src/plans/json";
import { LotSpec, accounts, owners, policy, portfolio, targets } from "../../support/portfolio";

const after = (plan: ReturnType<typeof planJson>) => Object.fromEntries(plan.after.classes.map((c) => [c.assetClass, c.value]));

describe("an owner of 74 with two IRAs, a Solo 401k and a Roth", () => {
  // Born 1952-05-10: reaches 74 in 2026, Uniform Lifetime divisor 25.5.
  // Trad 255,000 / 25.5 = 10,000.00; SEP 51,000 / 25.5 = 2,000.00 → the IRAs owe 12,000.00, 500.00 taken → 11,500.00 left.
  // Solo 401k 25,500 / 25.5 = 1,000.00, from the 401(k) itself. The Roth IRA owes none.
  const lots: LotSpec[] = [
    { account: "Trad", symbol: "VTI", assetClass: "Stocks", quantity: 2000, price: 100 },
    { account: "Trad", symbol: "RENTAL", assetClass: "Real Estate", quantity: 1, price: 60000, tradable: false, valuedOn: "2025-12-31" },
    { account: "SEP", symbol: "BND", assetClass: "Bonds", quantity: 500, price: 100 },
    { account: "SEP", symbol: "CASH", quantity: 2000 },
    { account: "Solo", symbol: "VTI", assetClass: "Stocks", quantity: 200, price: 100 },
    { account: "Solo", symbol: "CASH", quantity: 500 },
    { account: "Roth", symbol: "BND", assetClass: "Bonds", quantity: 300, price: 100 },
  ];
  const t = targets({ Stocks: 0.55, Bonds: 0.25, "Real Estate": 0.15, Cash: 0.05 });
  const acc = accounts({
    Trad: { type: "Traditional IRA", priorYearEnd: 255000 },
    SEP: { type: "SEP IRA", priorYearEnd: 51000, distributed: 500 },
    Solo: { type: "Solo 401k", priorYearEnd: 25500 },
    Roth: { type: "Roth IRA", priorYearEnd: 30000 },
  });
  const own = owners({ Pat: "1952-05-10" });

  test("reported without being planned: the figures, and a nudge to plan them", () => {
    const plan = planJson(planRebalance(portfolio(lots, t, policy({ strategy: "Cash Flow" }), acc, [], own)));
    expect(plan.rmd).toEqual([
      {
        owner: "Pat",
        birthDate: "1952-05-10",
        year: 2026,
        age: 74,
        divisor: 25.5,
        table: "Uniform Lifetime",
        first: false,
        groups: [
          { from: "IRAs", accounts: ["Trad", "SEP"], required: "12000.00", deferred: "0.00", distributed: "500.00", remaining: "11500.00", planned: [], deadline: "2026-12-31" },
          { from: "Solo", accounts: ["Solo"], required: "1000.00", deferred: "0.00", distributed: "0.00", remaining: "1000.00", planned: [], deadline: "2026-12-31" },
        ],
      },
    ]);
    expect(plan.trades).toEqual([]);
    // 2026-11-20 to 2026-12-31: 41 days.
    expect(plan.warnings).toContain(
      "Pat: $12,500.00 of the 2026 RMD is still due and only 41 days are left before December 31 (an alternative-asset sale can take weeks); a missed RMD owes the 25% excise tax on the shortfall (IRC § 4974; 10% if corrected in time) — set Policy Cash Flow to RMD to plan it",
    );
    expect(plan.warnings).not.toContain(expect.stringContaining("Joint Life"));
    expect(plan.warnings).not.toContain(expect.stringContaining("first RMD year"));
  });

  test("Cash Flow = RMD, flow only: the IRAs' 11,500 from Trad (it holds the overweight stocks), the 401(k)'s 1,000 from itself", () => {
    const plan = planJson(planRebalance(portfolio(lots, t, policy({ strategy: "Cash Flow", rmdFlow: true }), acc, [], own)));
    expect(plan.rmd[0].groups.map((g) => g.planned)).toEqual([[{ account: "Trad", amount: "11500.00" }], [{ account: "Solo", amount: "1000.00" }]]);
    // Trad has no cash: it sells 115 VTI. Solo keeps its 500 of cash (Cash is below target, Stocks above) and sells 10 VTI.
    expect(plan.trades.map((x) => `${x.account} ${x.side} ${x.quantity} ${x.symbol}`)).toEqual(["Trad sell 115 VTI", "Solo sell 10 VTI"]);
    expect(plan.after.cash).toEqual([
      { account: "Trad", value: "0.00" },
      { account: "SEP", value: "2000.00" },
      { account: "Solo", value: "500.00" },
      { account: "Roth", value: "0.00" },
    ]);
    expect(plan.cashFlow).toBeNull();
    expect(plan.warnings.some((w) => w.includes("still due"))).toBe(false);
    expect(plan.warnings).toContain(
      "Pat: the $12,500.00 left of the 2026 RMD is planned now, and only 41 days are left before December 31 (an alternative-asset sale can take weeks); a missed RMD owes the 25% excise tax on the shortfall (IRC § 4974; 10% if corrected in time): send the distributions promptly",
    );
  });
});

describe("the optimizer takes the RMD from the IRA whose money is idle", () => {
  // Born 1952-03-01 (74 in 2026, divisor 25.5): Trad 306,000 / 25.5 = 12,000.00, SEP 76,500 / 25.5 = 3,000.00 → 15,000.00.
  // Trad holds 100,000 of stocks and lists a bond fund; SEP holds 20,000 of cash and nothing it could buy.
  // After 15,000 leaves, the household is 105,000: Stocks 52,500, Bonds 47,250, Cash 5,250 on target.
  // Taken from SEP's idle cash, Trad can swap 47,500 of stocks into 475 bonds (whole shares) and every class ends in band.
  // The greedy split takes it from Trad, which holds the most overweight dollars (40,000 of stocks against SEP's 14,000 of
  // cash): SEP's 20,000 of cash then stays idle and Bonds and Cash stay out of band.
  const lots: LotSpec[] = [
    { account: "Trad", symbol: "VTI", assetClass: "Stocks", quantity: 1000, price: 100 },
    { account: "Trad", symbol: "BND", assetClass: "Bonds", quantity: 0, price: 100 },
    { account: "SEP", symbol: "CASH", quantity: 20000 },
  ];
  const t = targets({ Stocks: 0.5, Bonds: 0.45, Cash: 0.05 });
  const acc = accounts({ Trad: { type: "Traditional IRA", priorYearEnd: 306000 }, SEP: { type: "SEP IRA", priorYearEnd: 76500 } });
  const own = owners({ Pat: "1952-03-01" });

  test("optimal: 15,000 from SEP, and the household on target", () => {
    const plan = planJson(planRebalance(portfolio(lots, t, policy({ rmdFlow: true }), acc, [], own)));
    expect(plan.rmd[0].groups[0].planned).toEqual([{ account: "SEP", amount: "15000.00" }]);
    expect(plan.trades.map((x) => `${x.account} ${x.side} ${x.quantity} ${x.symbol}`)).toEqual(["Trad sell 475 VTI", "Trad buy 472 BND"]);
    expect(after(plan)).toEqual({ Stocks: "52500.00", Bonds: "47200.00", Cash: "5300.00" });
    expect(plan.after.classes.every((c) => c.status === "In band")).toBe(true);
  });

  test("greedy: 15,000 from Trad, and SEP's cash left idle", () => {
    const plan = planJson(planRebalance(portfolio(lots, t, policy({ rmdFlow: true, optimizer: "Greedy" }), acc, [], own)));
    expect(plan.rmd[0].groups[0].planned).toEqual([{ account: "Trad", amount: "15000.00" }]);
    expect(plan.after.classes.find((c) => c.assetClass === "Cash")!.value).toBe("20000.00");
    expect(plan.after.classes.filter((c) => c.status !== "In band").map((c) => c.assetClass)).toEqual(["Bonds", "Cash"]);
  });
});

describe("what the plan says about RMDs", () => {
  const t = targets({ Stocks: 0.6, "Real Estate": 0.35, Cash: 0.05 });
  const plan = (lots: LotSpec[], acc: ReturnType<typeof accounts>, own: ReturnType<typeof owners>, asOf = "2026-11-20") =>
    planJson(planRebalance(portfolio(lots, t, policy({ strategy: "Cash Flow", rmdFlow: true, asOf }), acc, [], own)));

  test("an IRA whose money is in a rental: what cash there is is planned, and what would have to happen is said", () => {
    const lots: LotSpec[] = [
      { account: "Trad", symbol: "RENTAL", assetClass: "Real Estate", quantity: 1, price: 300000, tradable: false, valuedOn: "2025-12-31" },
      { account: "Trad", symbol: "CASH", quantity: 1000 },
      { account: "Roth", symbol: "VTI", assetClass: "Stocks", quantity: 100, price: 100 },
    ];
    // 306,000 ÷ 25.5 = 12,000.00 due; the account can raise only its 1,000 of cash.
    const p = plan(lots, accounts({ Trad: { type: "Traditional IRA", priorYearEnd: 306000 }, Roth: "Roth IRA" }), owners({ Pat: "1952-01-15" }));
    expect(p.rmd[0].groups[0]).toMatchObject({ required: "12000.00", remaining: "12000.00", planned: [{ account: "Trad", amount: "1000.00" }] });
    expect(p.trades).toEqual([]);
    expect(p.warnings).toContain(
      "Pat: $11,000.00 of the 2026 RMD cannot be raised from Trad without selling illiquid assets (RENTAL in Trad): distribute an asset in kind at its fair market value (Policy RMD In Kind = Allowed), or start selling it now (weeks) — until then the shortfall owes the 25% excise tax (IRC § 4974)",
    );
  });

  test("RMD In Kind = Allowed: a whole private note, then a fractional interest of the Divisible rental, at fair market value", () => {
    const lots: LotSpec[] = [
      { account: "Trad", symbol: "RENTAL", assetClass: "Real Estate", quantity: 1, price: 300000, tradable: false, valuedOn: "2025-12-31", divisible: true },
      { account: "Trad", symbol: "NOTE", assetClass: "Real Estate", quantity: 1, price: 10000, tradable: false, valuedOn: "2025-12-31" },
      { account: "Trad", symbol: "CASH", quantity: 1000 },
      { account: "Roth", symbol: "VTI", assetClass: "Stocks", quantity: 100, price: 100 },
    ];
    // 316,200 ÷ 25.5 = 12,400.00 due. Cash 1,000; the note whole, 10,000; the rest, 1,400, as 1,400 ÷ 300,000 = 0.004666… of the
    // rental, rounded up to 0.004667 (never short): 1,400.10. In all 12,400.10 leaves Trad.
    const acc = accounts({ Trad: { type: "Traditional IRA", priorYearEnd: 316200 }, Roth: "Roth IRA" });
    const p = planJson(planRebalance(portfolio(lots, t, policy({ strategy: "Cash Flow", rmdFlow: true, rmdInKind: true }), acc, [], owners({ Pat: "1952-01-15" }))));
    expect(p.distributions).toEqual([
      { owner: "Pat", account: "Trad", symbol: "NOTE", assetClass: "Real Estate", side: "distribute", quantity: "1", price: "10000.00", amount: "10000.00" },
      { owner: "Pat", account: "Trad", symbol: "RENTAL", assetClass: "Real Estate", side: "distribute", quantity: "0.004667", price: "300000.00", amount: "1400.10" },
    ]);
    expect(p.rmd[0].groups[0].planned).toEqual([{ account: "Trad", amount: "12400.10" }]);
    expect(p.trades).toEqual([]);
    // Real Estate: 310,000 − 11,400.10; Trad's cash paid out.
    expect(after(p)["Real Estate"]).toBe("298599.90");
    expect(p.after.cash).toEqual([{ account: "Trad", value: "0.00" }, { account: "Roth", value: "0.00" }]);
    expect(p.warnings).toContain(
      "Pat: 0.004667 of RENTAL in Trad is distributed in kind, $1,400.10 at its fair market value of $300,000.00 a unit (valued 2025-12-31): a fractional interest, retitled to the owner by the custodian (deed or assignment), the income and costs then shared; it is reported on Form 1099-R at that value",
    );
    expect(p.warnings.some((w) => w.includes("cannot be raised"))).toBe(false);
    // Without Divisible the rental cannot be split: what is left after the note is said, with what would have to happen.
    const whole = planJson(planRebalance(portfolio(lots.map((l) => ({ ...l, divisible: false })), t, policy({ strategy: "Cash Flow", rmdFlow: true, rmdInKind: true }), acc, [], owners({ Pat: "1952-01-15" }))));
    expect(whole.distributions.map((d) => d.symbol)).toEqual(["NOTE"]);
    expect(whole.warnings).toContain(
      "Pat: $1,400.00 of the 2026 RMD cannot be raised from Trad without selling illiquid assets (RENTAL in Trad, NOTE in Trad): mark an illiquid holding Divisible = Yes to distribute a fractional interest of it, distribute a whole one (more than the RMD), or start selling one now (weeks) — until then the shortfall owes the 25% excise tax (IRC § 4974)",
    );
  });

  const simple: LotSpec[] = [
    { account: "Trad", symbol: "VTI", assetClass: "Stocks", quantity: 1000, price: 100 },
    { account: "Trad", symbol: "RENTAL", assetClass: "Real Estate", quantity: 1, price: 70000, tradable: false, valuedOn: "2025-12-31" },
  ];

  test("the first RMD year (born 1953: 73 in 2026, divisor 26.5): it may wait until April 1, 2027, and the plan says it takes it now", () => {
    // 265,000 ÷ 26.5 = 10,000.00, due by April 1, 2027.
    const p = plan(simple, accounts({ Trad: { type: "Traditional IRA", priorYearEnd: 265000 } }), owners({ Lee: "1953-08-30" }));
    expect(p.rmd[0]).toMatchObject({ age: 73, divisor: 26.5, first: true, groups: [{ required: "10000.00", deadline: "2027-04-01", planned: [{ account: "Trad", amount: "10000.00" }] }] });
    expect(p.warnings).toContain(
      "Lee: 2026 is the first RMD year (age 73); it may be taken as late as April 1, 2027, but then 2027 needs two distributions (the 2026 RMD by April 1 and the 2027 RMD by December 31); this plan takes it now",
    );
  });

  test("the year after a first RMD put off: both are due, the deferred one by April 1", () => {
    // Born 1953: first year 2026, deferred 10,000.00; 2027 (age 74): 255,000 ÷ 25.5 = 10,000.00 more → 20,000.00.
    const p = plan(simple, accounts({ Trad: { type: "Traditional IRA", priorYearEnd: 255000, deferredRmd: 10000 } }), owners({ Lee: "1953-08-30" }), "2027-02-15");
    expect(p.rmd[0].groups[0]).toMatchObject({ required: "10000.00", deferred: "10000.00", remaining: "20000.00", planned: [{ account: "Trad", amount: "20000.00" }] });
    expect(p.warnings).toContain("Lee: $10,000.00 of the 2026 first RMD was put off to April 1, 2027; distributions this year count toward it first");
  });

  test("a spouse more than 10 years younger as sole beneficiary: the Uniform table is used, and the plan says the Joint Life table would give less", () => {
    const p = plan(simple, accounts({ Trad: { type: "Traditional IRA", priorYearEnd: 255000 } }), owners({ Pat: { birth: "1952-05-10", spouse: "1965-02-01", sole: true } }));
    expect(p.warnings).toContain(
      "Pat: the spouse is the sole beneficiary and more than 10 years younger, so the Joint Life and Last Survivor Table (Pub. 590-B, Table II) applies and gives a smaller RMD; this plan used the Uniform Lifetime Table (divisor 25.5), which overstates it — check the custodian's figure",
    );
  });

  test("an owner below the RMD age: nothing is distributed, and the plan says why", () => {
    const p = plan(simple, accounts({ Trad: { type: "Traditional IRA", priorYearEnd: 255000 } }), owners({ Kim: "1960-01-01" }));
    expect(p.rmd).toEqual([]);
    expect(p.trades).toEqual([]);
    expect(p.warnings).toContain("Cash Flow is RMD, but no owner reaches the RMD age in 2026: nothing is distributed");
  });
});

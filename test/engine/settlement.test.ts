/**
 * Custodian fees and lead times (Holdings Trade Fee, Settle Days): a private fund's sale pays its own
 * $150 fee and settles in 20 business days, so the bonds bought with its proceeds must wait — the plan
 * shows each trade's settlement date and flags the order (sell first, buy after).
 */
import { planRebalance } from "../../src/engine/plan";
import { addBusinessDays } from "../../src/dates/calendar";
import { planJson } from "../../src/plans/json";
import { LotSpec, policy, portfolio, targets } from "../support/portfolio";

test("business days skip weekends: 2026-11-20 is a Friday", () => {
  expect([addBusinessDays("2026-11-20", 0), addBusinessDays("2026-11-20", 1), addBusinessDays("2026-11-20", 5), addBusinessDays("2026-11-20", 20)]).toEqual(["2026-11-20", "2026-11-23", "2026-11-27", "2026-12-18"]);
});

describe("a private fund sold to buy bonds", () => {
  const lots: LotSpec[] = [
    { account: "Trad", symbol: "PRIVFUND", assetClass: "Alternatives", quantity: 50, price: 1000, tradeFee: 150, settleDays: 20 },
    { account: "Trad", symbol: "BND", assetClass: "Bonds", quantity: 0, price: 100 },
    { account: "Roth", symbol: "VTI", assetClass: "Stocks", quantity: 500, price: 100 },
  ];
  const t = targets({ Stocks: 0.5, Alternatives: 0.2, Bonds: 0.3 });

  test("the fund's sale pays its own fee, not the Policy's; each trade settles on its date; the buys are flagged to wait", () => {
    const plan = planJson(planRebalance(portfolio(lots, t, policy({ feePerTrade: 5 }))));
    const sale = plan.trades.find((x) => x.symbol === "PRIVFUND")!;
    const buy = plan.trades.find((x) => x.symbol === "BND")!;
    expect([sale.side, sale.quantity, sale.fee, sale.settlesOn]).toEqual(["sell", "30", "150.00", "2026-12-18"]);
    // The bond fund takes the Policy's $5 and settles T+1 (listed securities since 2024-05-28).
    expect([buy.side, buy.fee, buy.settlesOn]).toEqual(["buy", "5.00", "2026-11-23"]);
    expect(plan.warnings).toContain(
      `Trad: its buys ($${(Number(buy.amount) + 5).toLocaleString("en-US", { minimumFractionDigits: 2 })} with fees) need the proceeds of sales that settle later than they would — PRIVFUND on 2026-12-18; sell first and place the buys so they settle on 2026-12-18 or after (sell first, buy after)`,
    );
  });

  test("with the Policy's settlement for both, nothing waits", () => {
    const plan = planJson(planRebalance(portfolio(lots.map((l) => ({ ...l, settleDays: undefined })), t)));
    expect(plan.trades.every((x) => x.settlesOn === "2026-11-23")).toBe(true);
    expect(plan.warnings.some((w) => w.includes("sell first, buy after"))).toBe(false);
  });
});

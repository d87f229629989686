/**
 * Contribution limits by tax year and account type (src/engine/rules/contribution-limits.ts and
 * contributions.ts), from IRS Notice 2024-80 (2025) and Notice 2025-67 (2026).
 */
import { planRebalance } from "../../../src/engine/plan";
import { contributionLimit } from "../../../src/engine/rules/contribution-limits";
import { LotSpec, accounts, owners, policy, portfolio, targets } from "../../support/portfolio";

const lots: LotSpec[] = [
  { account: "Roth", symbol: "VTI", assetClass: "Stocks", quantity: 100, price: 100 },
  { account: "Trad", symbol: "VTI", assetClass: "Stocks", quantity: 100, price: 100 },
  { account: "SEP", symbol: "VTI", assetClass: "Stocks", quantity: 100, price: 100 },
  { account: "Solo", symbol: "VTI", assetClass: "Stocks", quantity: 100, price: 100 },
];
const t = targets({ Stocks: 1 });
const acc = (contributed: Record<string, number> = {}) =>
  accounts({
    Roth: { type: "Roth IRA", contributed: contributed.Roth ?? 0 },
    Trad: { type: "Traditional IRA", contributed: contributed.Trad ?? 0 },
    SEP: { type: "SEP IRA" },
    Solo: { type: "Solo 401k", contributed: contributed.Solo ?? 0 },
  });
const warnings = (flow: number, to: string, born: string, asOf = "2026-11-20", contributed: Record<string, number> = {}, extra = {}) =>
  planRebalance(portfolio(lots, t, policy({ strategy: "Cash Flow", cashFlow: flow, cashFlowAccount: to, asOf, ...extra }), acc(contributed), [], owners({ Pat: born }))).warnings.filter((w) => w.includes("limit"));

test("the table: 2025 and 2026 by type and age", () => {
  const n = (type: Parameters<typeof contributionLimit>[0], year: number, age: number | null) => contributionLimit(type, year, age)?.amount.toNumber();
  expect([n("Roth IRA", 2025, 45), n("Roth IRA", 2025, 50), n("Traditional IRA", 2026, 49), n("Traditional IRA", 2026, 50)]).toEqual([7000, 8000, 7500, 8600]);
  expect([n("SEP IRA", 2025, 70), n("SEP IRA", 2026, 70)]).toEqual([70000, 72000]);
  // Solo 401(k): § 415(c) + catch-up: 50 → $8,000 (2026), 60–63 → $11,250, 64 → back to $8,000.
  expect([n("Solo 401k", 2026, 45), n("Solo 401k", 2026, 55), n("Solo 401k", 2026, 61), n("Solo 401k", 2026, 64), n("Solo 401k", 2025, 55)]).toEqual([72000, 80000, 83250, 80000, 77500]);
  expect([n("SIMPLE IRA", 2025, 40), n("SIMPLE IRA", 2026, 52), n("SIMPLE IRA", 2026, 62)]).toEqual([16500, 21000, 22250]);
  expect(contributionLimit("Taxable", 2026, 40)).toBeNull();
  // A year not built in uses the nearest one, and says so.
  expect(contributionLimit("Roth IRA", 2027, 40)!.basis).toBe("$7,500.00 (2026, the latest year built in), Traditional and Roth IRAs together");
});

test("IRAs together: $7,000 to the Roth after $1,000 to the Traditional IRA is above 2026's $7,500 at 45", () => {
  expect(warnings(7000, "Roth", "1981-04-01", "2026-11-20", { Trad: 1000 })).toEqual([
    "Roth: the $7,000.00 contribution (with $1,000.00 already contributed this year to Roth, Trad) is above the $7,500.00 annual IRA limit ($7,500.00 (2026), Traditional and Roth IRAs together); it is planned, but check it before sending",
  ]);
  // 50 by December 31, 2026 (born 1976-12-30): $8,600 — no warning.
  expect(warnings(7000, "Roth", "1976-12-30", "2026-11-20", { Trad: 1000 })).toEqual([]);
  // 2025: $7,000 + $1,000 at 50.
  expect(warnings(7200, "Trad", "1981-04-01", "2025-06-30")).toEqual([
    "Trad: the $7,200.00 contribution is above the $7,000.00 annual IRA limit ($7,000.00 (2025), Traditional and Roth IRAs together); it is planned, but check it before sending",
  ]);
});

test("SEP and Solo 401(k): the § 415(c) limit, with what the add-in cannot know said", () => {
  expect(warnings(73000, "SEP", "1970-01-01")).toEqual([
    "SEP: the $73,000.00 contribution is above the $72,000.00 annual SEP IRA limit ($72,000.00 (2026), and no more than 25% of the owner's compensation, which the add-in does not know); it is planned, but check it before sending",
  ]);
  expect(warnings(5000, "Solo", "1964-06-01", "2026-11-20", { Solo: 80000 })).toEqual([
    "Solo: the $5,000.00 contribution (with $80,000.00 already contributed this year) is above the $83,250.00 annual Solo 401(k) limit ($72,000.00 of all additions + $11,250.00 catch-up (2026), of which the owner's own deferrals at most $35,750.00; the employer's part is limited by compensation); it is planned, but check it before sending",
  ]);
});

test("Policy Contribution Limit overrides the IRA table; the catch-up still applies", () => {
  const policyRef = { refs: { "Contribution Limit": { sheet: "Policy", cell: "B9" } }, contributionLimit: 6000 };
  expect(warnings(6500, "Roth", "1981-04-01", "2026-11-20", {}, policyRef)).toEqual([
    "Roth: the $6,500.00 contribution is above the $6,000.00 annual IRA limit (Policy Contribution Limit $6,000.00); it is planned, but check it before sending",
  ]);
  expect(warnings(6500, "Roth", "1970-04-01", "2026-11-20", {}, policyRef)).toEqual([]);
});

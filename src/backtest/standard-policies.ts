/**
 * The policies a backtest compares when the workbook has no BacktestPolicies range: buy and hold;
 * calendar checks (monthly, quarterly, annual) with 0%, 1%, 5% and 10% absolute bands; Swedroe's
 * 5/25 rule checked quarterly; a 20% relative band checked every period; and Daryanani's
 * opportunistic rebalancing (look every period, 20% relative band, move only the classes outside it,
 * halfway back). Tax-free and without costs, as in an SDIRA at a no-commission custodian.
 */
import { BacktestPolicy, Check } from "../contract/backtest";
import { RebalanceTo } from "../contract/portfolio";

const policy = (name: string, check: Check, absBand: number | null, relBand: number | null, rebalanceTo: RebalanceTo = "Target"): BacktestPolicy => ({
  name,
  check,
  absBand,
  relBand,
  rebalanceTo,
  costBps: 0,
  taxRate: null,
  ref: null,
});

const calendar: BacktestPolicy[] = (["Monthly", "Quarterly", "Annual"] as const).flatMap((check) =>
  [0, 0.01, 0.05, 0.1].map((band) => policy(`${check}, ${band * 100}% band`, check, band, null)),
);

export const STANDARD_POLICIES: readonly BacktestPolicy[] = [
  policy("Never (buy and hold)", "Never", null, null),
  ...calendar,
  policy("5/25, quarterly", "Quarterly", 0.05, 0.25),
  policy("20% relative, every period", "Every Period", null, 0.2),
  policy("Opportunistic (Daryanani)", "Every Period", null, 0.2, "Halfway"),
];

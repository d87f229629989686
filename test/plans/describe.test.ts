/** The plan's settings and decision in words (src/plans/describe.ts), as the summary, the sheet and the pane show them. */
import { cashFlowText, reviewLine, reviewText, strategyLine, strategyText } from "../../src/plans/describe";

test("strategy and cash flow in one line", () => {
  expect(strategyLine({ strategy: "Cash Flow", rebalanceTo: null, cashFlow: { account: "Roth SDIRA", amount: "7000" } })).toBe(
    "Cash Flow · contribution $7,000.00 to Roth SDIRA",
  );
  expect(strategyLine({ strategy: "Full", rebalanceTo: "Target", cashFlow: null })).toBe("Full, to Target");
  expect(strategyLine({ strategy: "Tax Aware", rebalanceTo: "Band Edge", cashFlow: { account: "Traditional SDIRA", amount: "-3116" } })).toBe(
    "Tax Aware, to Band Edge · withdrawal $3,116.00 from Traditional SDIRA",
  );
  expect(strategyText("Cash Flow", null)).toBe("Cash Flow");
  expect(cashFlowText(null)).toBe("no cash flow");
});

test("a review date in the past reads overdue, never as a bare date", () => {
  expect(reviewText("2026-11-20", "2026-09-30")).toBe("overdue since 2026-09-30");
  expect(reviewText("2026-11-20", "2026-11-20")).toBe("due today (2026-11-20)");
  expect(reviewText("2026-11-20", "2027-03-31")).toBe("next on 2027-03-31");
  expect(reviewText("2026-11-20", null)).toBe("none scheduled");
});

test("under the Band trigger the review says the calendar is not used, so it cannot contradict the decision", () => {
  expect(reviewLine({ asOf: "2026-11-20", trigger: { nextReview: "2026-09-30", kind: "Band" } })).toBe(
    "overdue since 2026-09-30 (the Band trigger does not use the calendar)",
  );
  expect(reviewLine({ asOf: "2026-11-20", trigger: { nextReview: "2026-09-30", kind: "Calendar" } })).toBe("overdue since 2026-09-30");
});

/**
 * axe-core (`@axe-core/playwright`) on the pane as it is, for the browser tests: the serious and critical
 * violations of the WCAG 2.0–2.2 A and AA rules, as "rule: target (why)".
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";

/**
 * Waits for the page's finite CSS transitions and animations to end: a button caught mid-transition (its
 * background between two of Fluent's colours after a click) reads as a contrast failure that no one sees.
 * Infinite ones (a spinner) are left running.
 */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}

export async function axeProblems(page: Page): Promise<string[]> {
  await settled(page);
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  // Fluent's focus manager (tabster) puts <i data-tabster-dummy aria-hidden tabindex=0> around focus groups on
  // purpose: they only pass focus on and must stay hidden from screen readers (microsoft/tabster#288, a false
  // positive of aria-hidden-focus that Accessibility Insights also leaves out). Only those nodes are left out.
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.filter((n) => !(v.id === "aria-hidden-focus" && n.html.includes("data-tabster-dummy"))).map((n) => `${v.id}: ${n.target.join(" ")} (${n.failureSummary?.split("\n")[1]?.trim() ?? ""})`));
}

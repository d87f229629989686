/**
 * @jest-environment jsdom
 *
 * The Compare view with Testing Library, on the engine's comparison of the sample household: one row per variant
 * the runner's --compare plans, in its order, with the runner's figures; "Use this" only when onUse is
 * given, and it hands over the row's strategy and Rebalance To; a workbook's problems are listed.
 */
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { ComparePanel } from "../../src/taskpane/components/compare/ComparePanel";
import { compareSnapshot } from "../../src/taskpane/compare";
import type { CompareOutcome } from "../../src/plans/compare-json";
import { readContractSnapshot } from "../../src/excel/read";
import { createStarterInExcel } from "../../src/excel/starter";
import { Workbook, install } from "../excel/support/fake-excel";
import { parseWorkbook } from "../../src/plans/plan-workbook";
import { compareStrategies } from "../../src/engine/compare";
import { WorkbookSnapshot } from "../../src/contract/snapshot";
import { money } from "../../src/display";

// The chart library is ESM that jest's CommonJS cannot load: its drawing is left to the e2e (pane.e2e.test.ts), the figure stays.
jest.mock("../../src/taskpane/components/charts/BarChartView", () => ({ __esModule: true, default: () => null }));

const wrap = (node: React.ReactNode) => render(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);

// The sample household, as the starter sheets write it into the stand-in Excel (exceljs does not load in jsdom;
// test/excel/starter.test.ts shows this book plans exactly as samples/sdira-sample.xlsx).
let snapshot: WorkbookSnapshot;
let compared: CompareOutcome;
beforeAll(async () => {
  const wb = new Workbook();
  const installed = install(wb);
  try {
    await createStarterInExcel();
  } finally {
    installed.restore();
  }
  snapshot = (await readContractSnapshot(wb.context() as unknown as Excel.RequestContext)).snapshot;
  compared = await compareSnapshot(snapshot);
}, 60_000);

function rows(): string[][] {
  const table = screen.getByRole("table", { name: "Strategies compared" });
  return within(table)
    .getAllByRole("row")
    .slice(1)
    .map((tr) => within(tr).getAllByRole("cell").map((td) => (td.textContent ?? "").replace(/\s+/g, " ").trim()));
}

test("every variant the runner compares, with its figures; no Use this without onUse", async () => {
  wrap(<ComparePanel load={async () => compared} version={0} />);
  await waitFor(() => expect(screen.getByTestId("compare").dataset.state).toBe("done"));
  const parsed = parseWorkbook(snapshot);
  if (!parsed.ok) throw new Error("the sample should parse");
  const expected = compareStrategies(parsed.portfolio);
  const shown = rows();
  expect(shown).toHaveLength(expected.length);
  expect(shown.map((r) => r.slice(1))).toEqual(
    expected.map((c) => [
      String(c.plan.trades.length),
      money(c.metrics.turnover),
      money(c.metrics.fees),
      money(c.metrics.realizedShortTerm),
      money(c.metrics.realizedLongTerm),
      `${(c.metrics.misplacementAfter * 100).toFixed(2)}%`,
      `${(c.metrics.maxDriftAfter * 100).toFixed(2)} pp`,
      c.metrics.outOfBandAfter.join(", ") || "none",
    ]),
  );
  expect(shown.map((r) => r[0].replace(/ Policy$/, ""))).toEqual(expected.map((c) => [c.strategy, c.label, c.optimizer].filter(Boolean).join(" · ")));
  // The sample's Policy (Full, to Target, Optimizer left at its default Optimal) is marked on its one row, not on the Greedy twin.
  expect(shown.filter((r) => r[0].endsWith(" Policy")).map((r) => r[0])).toEqual(["Full · Target · Optimal Policy"]);
  expect(screen.queryByRole("button", { name: /^Use this/ })).toBeNull();
  expect(screen.getByRole("figure", { name: "Turnover by variant" }).dataset.bars).toBe(String(expected.length));
});

test("Use this, when onUse is given: one named button per row, handing over the row's strategy and Rebalance To", async () => {
  const used: [string, string | null, string | null][] = [];
  wrap(<ComparePanel load={async () => compared} version={0} onUse={(s, r, o) => used.push([s, r, o])} />);
  await waitFor(() => expect(screen.getByTestId("compare").dataset.state).toBe("done"));
  const buttons = screen.getAllByRole("button", { name: /^Use this: / });
  expect(buttons).toHaveLength(rows().length);
  const edge = screen.getByRole("button", { name: "Use this: Full · Band Edge · Greedy" });
  await act(async () => {
    fireEvent.click(edge);
  });
  expect(used).toEqual([["Full", "Band Edge", "Greedy"]]);
  // A flow-only strategy hands over no Rebalance To (it does not shape it: the Policy's stays as it is).
  await act(async () => {
    fireEvent.click(screen.getAllByRole("button", { name: /^Use this: Cash Flow/ })[0]);
  });
  expect(used[1][0]).toBe("Cash Flow");
  expect(used[1][1]).toBeNull();
});

test("a workbook that breaks the contract: its problems, no table", async () => {
  wrap(<ComparePanel load={() => compareSnapshot({ ranges: {}, nameProblems: [] })} version={0} />);
  await waitFor(() => expect(screen.getByTestId("compare").dataset.state).toBe("problems"));
  expect(within(screen.getByRole("list", { name: "Workbook problems" })).getAllByRole("listitem")[0].textContent).toMatch(/no named range "Holdings"/);
  expect(screen.queryByRole("table")).toBeNull();
});

test("a Policy with Optimizer = Greedy has its Greedy row marked, not the Optimal one", async () => {
  const policy = snapshot.ranges.policy;
  const greedy: WorkbookSnapshot = { ...snapshot, ranges: { ...snapshot.ranges, policy: { ...policy, values: [...policy.values, ["Optimizer", "Greedy"]], numberFormats: policy.numberFormats.length ? [...policy.numberFormats, ["General", "General"]] : [] } } };
  wrap(<ComparePanel load={async () => compareSnapshot(greedy)} version={0} />);
  await screen.findByRole("table", { name: "Strategies compared" });
  expect(rows().filter((r) => r[0].endsWith(" Policy")).map((r) => r[0])).toEqual(["Full · Target · Greedy Policy"]);
});

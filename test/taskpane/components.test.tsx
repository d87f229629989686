/**
 * @jest-environment jsdom
 *
 * The pane's parts with Testing Library: loading while a file is planned, every problem of a broken
 * workbook, an empty workbook (no named ranges), and a locked class (an illiquid property that cannot
 * be traded back into its band). The plans are the engine's, made from plain snapshots.
 */
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { WorkbookPlanner } from "../../src/taskpane/components/WorkbookPlanner";
import { PlanView } from "../../src/taskpane/components/plan/PlanView";
import type { PlanOutcome } from "../../src/taskpane/planFile";
import { planBook } from "../../src/plans/plan-workbook";
import { CellValue, RangeSnapshot, WorkbookSnapshot } from "../../src/contract/snapshot";

const range = (name: string, values: CellValue[][]): RangeSnapshot => ({ name, sheet: name, top: 1, left: 1, values, numberFormats: [] });
const wrap = (node: React.ReactNode) => render(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);

function outcomeOf(snapshot: WorkbookSnapshot): PlanOutcome {
  const book = planBook(snapshot);
  return book.ok ? { ok: true, master: book.master, households: book.households.map((h) => ({ household: h.household, plan: h.plan })) } : book;
}

/** Opens a file in the planner through its picker. */
async function pick(name: string) {
  const input = screen.getByLabelText("Workbook file") as HTMLInputElement;
  const file = new File([new Uint8Array([80, 75])], name);
  Object.defineProperty(file, "arrayBuffer", { value: async () => new ArrayBuffer(2) });
  await act(async () => {
    fireEvent.change(input, { target: { files: [file] } });
  });
}

test("loading: the file's name and a spinner while it is planned, then the plan", async () => {
  let finish: (o: PlanOutcome) => void = () => undefined;
  const planned = new Promise<PlanOutcome>((resolve) => (finish = resolve));
  wrap(<WorkbookPlanner plan={() => planned} />);
  await pick("smith.xlsx");
  expect(screen.getByTestId("result").dataset.state).toBe("reading");
  expect(screen.getByTestId("file-name").textContent).toBe("smith.xlsx");
  expect(screen.getByText("Reading and planning…")).toBeTruthy();
  await act(async () =>
    finish(
      outcomeOf({
        ranges: {
          holdings: range("Holdings", [["Symbol", "Asset Class", "Quantity", "Price"], ["VTI", "Stocks", 100, 100], ["CASH", "Cash", 1000, 1]]),
          targets: range("Targets", [["Asset Class", "Target"], ["Stocks", 0.9], ["Cash", 0.1]]),
        },
        nameProblems: [],
      }),
    ),
  );
  await waitFor(() => expect(screen.getByTestId("result").dataset.state).toBe("done"));
  expect(screen.queryByText("Reading and planning…")).toBeNull();
  expect(screen.getByTestId("plan")).toBeTruthy();
});

test("errors: every problem of a broken workbook, each with its sheet and cell; an empty workbook says which names are missing", async () => {
  const broken = outcomeOf({
    ranges: {
      holdings: range("Holdings", [["Symbol", "Asset Class", "Quantity", "Price"], ["VTI", "Stocks", "lots", 100], ["BND", "Gold", 1, 0]]),
      targets: range("Targets", [["Asset Class", "Target"], ["Stocks", 0.7]]),
    },
    nameProblems: [],
  });
  let next = broken;
  wrap(<WorkbookPlanner plan={async () => next} />);
  await pick("broken.xlsx");
  const items = within(screen.getByRole("list", { name: "Workbook problems" })).getAllByRole("listitem").map((li) => li.textContent);
  if (broken.ok) throw new Error("the broken book should not plan");
  expect(items).toEqual(broken.errors.map((e) => e.text));
  expect(items).toEqual(expect.arrayContaining([expect.stringMatching(/^Holdings!C2: /), expect.stringMatching(/^Holdings!D3: /), expect.stringMatching(/^Targets!B1: Targets sum to 70\.00%/)]));
  expect(screen.getByText(/problems in this workbook/).textContent).toBe(`${items.length} problems in this workbook`);

  next = outcomeOf({ ranges: {}, nameProblems: [] });
  await pick("empty.xlsx");
  await waitFor(() => expect(screen.getByTestId("file-name").textContent).toBe("empty.xlsx"));
  const empty = within(screen.getByRole("list", { name: "Workbook problems" })).getAllByRole("listitem").map((li) => li.textContent);
  expect(empty).toEqual([
    'The workbook has no named range "Holdings" (Formulas > Name Manager: define Holdings over the holdings table, header row included)',
    'The workbook has no named range "Targets" (Formulas > Name Manager: define Targets over the targets table, header row included)',
  ]);
});

test("a locked class: an illiquid property over its band reads Locked, in the table and on its bar", () => {
  // The rental is worth $600,000 of $1,000,000 (60%) against 40% ± 5 pp, and cannot be sold.
  const outcome = outcomeOf({
    ranges: {
      holdings: range("Holdings", [
        ["Symbol", "Asset Class", "Quantity", "Price", "Tradable"],
        ["RENTAL-1", "Real Estate", 1, 600000, "No"],
        ["VTI", "Stocks", 1000, 300, "Yes"],
        ["CASH", "Cash", 100000, 1, null],
      ]),
      targets: range("Targets", [["Asset Class", "Target"], ["Real Estate", 0.4], ["Stocks", 0.5], ["Cash", 0.1]]),
    },
    nameProblems: [],
  });
  if (!outcome.ok) throw new Error(outcome.errors.map((e) => e.text).join("\n"));
  const plan = outcome.households[0].plan;
  expect(plan.classes.find((c) => c.assetClass === "Real Estate")?.status).toBe("Locked");
  wrap(<PlanView plan={plan} />);
  const bar = within(screen.getByRole("list", { name: "Weights against targets" })).getByRole("listitem", { name: /^Real Estate 60\.00%/ });
  expect(bar.getAttribute("data-status")).toBe("Locked");
  expect(bar.getAttribute("aria-label")).toBe("Real Estate 60.00%, target 40.00%, band 35.00%–45.00%, Locked (cannot be traded back)");
  const row = within(screen.getByRole("table", { name: "Asset classes" })).getByText("Real Estate").closest("tr")!;
  expect(row.textContent).toContain("Locked");
  // No trade sells the property.
  expect(plan.trades.some((t) => t.symbol === "RENTAL-1")).toBe(false);
});

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
import { ExcelRebalance } from "../../src/taskpane/components/ExcelRebalance";
import type { ExcelActions } from "../../src/taskpane/office";
import { PlanView } from "../../src/taskpane/components/plan/PlanView";
import type { PlanOutcome } from "../../src/taskpane/planFile";
import { BookDoNotTrade, planBook } from "../../src/plans/plan-workbook";
import { planOutcome } from "../../src/plans/plan-outcome";
import { CellValue, RangeSnapshot, WorkbookSnapshot } from "../../src/contract/snapshot";

const range = (name: string, values: CellValue[][]): RangeSnapshot => ({ name, sheet: name, top: 1, left: 1, values, numberFormats: [] });
const wrap = (node: React.ReactNode) => render(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);

function outcomeOf(snapshot: WorkbookSnapshot, doNotTrade: readonly BookDoNotTrade[] = []): PlanOutcome {
  const book = planBook(snapshot, { doNotTrade });
  return book.ok ? { ok: true, master: book.master, households: book.households.map((h) => ({ household: h.household, plan: h.plan })) } : book;
}

/** IRA: Stocks 10,000, Bonds 30,000; Roth: Bonds 10,000 (and a VTI line of 0); 50/50 targets; the greedy pass. */
function twoAccounts(): WorkbookSnapshot {
  return {
    ranges: {
      holdings: range("Holdings", [
        ["Account", "Symbol", "Asset Class", "Quantity", "Price"],
        ["IRA", "VTI", "Stocks", 100, 100],
        ["IRA", "BND", "Bonds", 300, 100],
        ["Roth", "VTI", "Stocks", 0, 100],
        ["Roth", "BND", "Bonds", 100, 100],
      ]),
      targets: range("Targets", [["Asset Class", "Target"], ["Stocks", 0.5], ["Bonds", 0.5]]),
      policy: range("Policy", [["Setting", "Value"], ["Optimizer", "Greedy"]]),
    },
    nameProblems: [],
  };
}

/** Fluent's MessageBar and Combobox measure themselves with ResizeObserver, which jsdom lacks: one that never reports. */
function resizeObserver(): void {
  const w = window as unknown as { ResizeObserver?: unknown };
  w.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
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

test("loading: the file's name and a progress bar while it is planned, then the plan", async () => {
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

test("excluded trades: unticking a trade holds its position still and the plan is made again around it; ticking it back trades it again", async () => {
  // Total 50,000: Stocks 10,000, Bonds 40,000 against 50/50. Free, the IRA swaps 15,000 of BND for VTI; with the IRA's VTI held
  // still only the Roth can swap (its 10,000 of BND), as test/engine/do-not-trade.test.ts works out.
  const snapshot = twoAccounts();
  const asked: (readonly BookDoNotTrade[] | undefined)[] = [];
  wrap(<WorkbookPlanner plan={async (_name, _data, doNotTrade) => (asked.push(doNotTrade), outcomeOf(snapshot, doNotTrade ?? []))} />);
  await pick("two.xlsx");
  await waitFor(() => expect(screen.getByTestId("result").dataset.state).toBe("done"));
  const shown = () => within(screen.getByRole("table", { name: "Trades" })).getAllByRole("row").slice(1).map((r) => `${r.children[0].textContent} ${r.children[3].textContent} ${r.children[1].textContent}`);
  expect(shown()).toEqual(["IRA Sell BND", "IRA Buy VTI"]);
  expect(screen.queryByTestId("held-still")).toBeNull();

  await act(async () => {
    fireEvent.click(screen.getByRole("checkbox", { name: /^Keep buy VTI in IRA/ }));
  });
  await waitFor(() => expect(shown()).toEqual(["Roth Sell BND", "Roth Buy VTI"]));
  expect(asked.at(-1)).toEqual([{ account: "IRA", symbol: "VTI" }]);
  const held = screen.getByRole("checkbox", { name: "IRA · VTI: held still" }) as HTMLInputElement;
  expect(held.checked).toBe(true);
  expect(screen.getByText(/^Do Not Trade for this plan: IRA · VTI is neither bought nor sold/)).toBeTruthy();

  await act(async () => {
    fireEvent.click(held);
  });
  await waitFor(() => expect(shown()).toEqual(["IRA Sell BND", "IRA Buy VTI"]));
  expect(asked.at(-1)).toEqual([]);
  expect(screen.queryByTestId("held-still")).toBeNull();
});

test("holding a holding still that the plan does not trade: found by typing, chosen, and the plan is made again with it held; a trade's box then holds a second", async () => {
  // The IRA swaps BND for VTI; the Roth's BND is not traded. Held still, it is listed as such and the trades stay; with the
  // IRA's VTI held too, neither account can swap (the Roth's BND would pay for its VTI), so nothing can be proposed.
  const snapshot = twoAccounts();
  resizeObserver();
  const asked: (readonly BookDoNotTrade[] | undefined)[] = [];
  wrap(<WorkbookPlanner plan={async (_name, _data, doNotTrade) => (asked.push(doNotTrade), planOutcome(snapshot, { doNotTrade: doNotTrade ?? [] }))} />);
  await pick("two.xlsx");
  await waitFor(() => expect(screen.getByTestId("result").dataset.state).toBe("done"));
  const shown = () => within(screen.getByRole("table", { name: "Trades" })).getAllByRole("row").slice(1).map((r) => `${r.children[0].textContent} ${r.children[3].textContent} ${r.children[1].textContent}`);
  expect(shown()).toEqual(["IRA Sell BND", "IRA Buy VTI"]);

  // The picker is a chunk of its own (React.lazy): compiled ahead, then waited for.
  await import("../../src/taskpane/components/plan/HoldPicker");
  const search = await screen.findByRole("combobox", { name: /^Hold a holding still/ }, { timeout: 20_000 });
  expect((screen.getByTestId("hold-button") as HTMLButtonElement).disabled).toBe(true);
  await act(async () => {
    fireEvent.click(search);
    fireEvent.change(search, { target: { value: "roth" } });
  });
  // Only what the plan does not trade: the Roth's two positions, not the IRA's.
  expect(screen.getAllByRole("option").map((o) => o.textContent)).toEqual(["Roth · VTI (Stocks)", "Roth · BND (Bonds)"]);
  await act(async () => {
    fireEvent.click(screen.getByRole("option", { name: "Roth · BND (Bonds)" }));
  });
  await act(async () => {
    fireEvent.click(screen.getByTestId("hold-button"));
  });
  await waitFor(() => expect(screen.queryByRole("checkbox", { name: "Roth · BND: held still" })).not.toBeNull());
  expect(asked.at(-1)).toEqual([{ account: "Roth", symbol: "BND" }]);
  expect(shown()).toEqual(["IRA Sell BND", "IRA Buy VTI"]);

  await act(async () => {
    fireEvent.click(screen.getByRole("checkbox", { name: /^Keep buy VTI in IRA/ }));
  });
  await waitFor(() => expect(screen.queryByTestId("no-trades")).not.toBeNull());
  expect(asked.at(-1)).toEqual([{ account: "Roth", symbol: "BND" }, { account: "IRA", symbol: "VTI" }]);
  expect(screen.getByRole("checkbox", { name: "IRA · VTI: held still" })).toBeTruthy();
});

test("cancel: the progress bar and Cancel while a file is planned; Cancel stops the work and says the file was not planned", async () => {
  let stop: (e: Error) => void = () => undefined;
  const planned = new Promise<PlanOutcome>((_, reject) => (stop = reject));
  const cancelled = Object.assign(new Error("Cancelled"), { name: "CancelledError" });
  const cancel = jest.fn(() => stop(cancelled));
  const files = { sample: async () => ({ name: "s.xlsx", data: new ArrayBuffer(2) }), update: async () => ({ ok: false as const, errors: [] }), save: () => true, cancel };
  wrap(<WorkbookPlanner plan={() => planned} files={files} />);
  await pick("big.xlsx");
  expect(screen.getByRole("progressbar", { name: "Reading and planning big.xlsx" })).toBeTruthy();
  await act(async () => fireEvent.click(screen.getByTestId("cancel-plan")));
  expect(cancel).toHaveBeenCalledTimes(1);
  await waitFor(() => expect(screen.getByTestId("result").dataset.state).toBe("cancelled"));
  expect(screen.getByTestId("cancelled").textContent).toBe("Cancelled: big.xlsx was not planned.");
  expect(screen.queryByRole("progressbar")).toBeNull();
  expect(screen.queryByTestId("failure")).toBeNull();
});

test("inside Excel, Cancel stops a plan under way in the worker: nothing written, Rebalance offered again", async () => {
  let stop: (e: Error) => void = () => undefined;
  const cancelled = Object.assign(new Error("Cancelled"), { name: "CancelledError" });
  const rebalance = jest.fn(() => new Promise<never>((_, reject) => (stop = reject)));
  const cancel = jest.fn(() => stop(cancelled));
  const never = async (): Promise<never> => {
    throw new Error("not called");
  };
  const actions: ExcelActions = { rebalance, cancel, select: async () => true, latest: () => null, subscribe: () => () => undefined, readWorkbook: never, writeBacktest: never, createStarter: never };
  resizeObserver();
  wrap(<ExcelRebalance actions={actions} download={() => true} />);
  expect(screen.queryByTestId("cancel-rebalance")).toBeNull();
  await act(async () => fireEvent.click(screen.getByTestId("rebalance-button")));
  expect(screen.getByTestId("rebalance-result").dataset.state).toBe("running");
  await act(async () => fireEvent.click(screen.getByTestId("cancel-rebalance")));
  expect(cancel).toHaveBeenCalledTimes(1);
  await waitFor(() => expect(screen.getByTestId("rebalance-result").dataset.state).toBe("cancelled"));
  expect(screen.getByTestId("rebalance-cancelled").textContent).toBe("Cancelled: nothing was written.");
  expect(screen.queryByTestId("cancel-rebalance")).toBeNull();
  expect((screen.getByTestId("rebalance-button") as HTMLButtonElement).disabled).toBe(false);
});

test("inside Excel, once the write to Excel begins Cancel is no longer offered (the write is finished once begun); the step is named", async () => {
  let phase: (p: "reading" | "planning" | "writing") => void = () => undefined;
  let finish: () => void = () => undefined;
  const rebalance = jest.fn((_: unknown, onPhase?: typeof phase) => {
    phase = onPhase!;
    return new Promise<never>((_, reject) => (finish = () => reject(new Error("Excel went away"))));
  });
  const never = async (): Promise<never> => {
    throw new Error("not called");
  };
  const actions: ExcelActions = { rebalance, cancel: jest.fn(), select: async () => true, latest: () => null, subscribe: () => () => undefined, readWorkbook: never, writeBacktest: never, createStarter: never };
  resizeObserver();
  wrap(<ExcelRebalance actions={actions} download={() => true} />);
  await act(async () => fireEvent.click(screen.getByTestId("rebalance-button")));
  await act(async () => phase("planning"));
  expect(screen.getByTestId("rebalance-phase").dataset.phase).toBe("planning");
  expect(screen.getByTestId("cancel-rebalance")).toBeTruthy();
  await act(async () => phase("writing"));
  expect(screen.getByTestId("rebalance-phase").textContent).toContain("Writing to Excel");
  expect(screen.queryByTestId("cancel-rebalance")).toBeNull();
  expect(screen.getByTestId("excel-rebalance").textContent).toContain("a half-written sheet would be worse than none");
  await act(async () => finish());
  expect(screen.queryByTestId("rebalance-phase")).toBeNull();
});

test("a table longer than a page shows 100 rows at a time, with Previous and Next, mounted 20 a frame; new rows start at the first page", async () => {
  const { DataTable, ROW_CHUNK } = await import("../../src/taskpane/components/plan/parts");
  const rows = (n: number, tag: string) => Array.from({ length: n }, (_, i) => ({ id: `${tag}${i + 1}` }));
  const columns = [{ header: "Row", cell: (r: { id: string }) => r.id }];
  const table = (r: { id: string }[]) => <DataTable label="Trades" columns={columns} rows={r} rowKey={(x) => x.id} />;
  const first = rows(250, "a");
  const view = wrap(table(first));
  // Rows read with a selector: a role query over a hundred rows takes a second in jsdom, and waitFor asks again and again.
  const shown = () => Array.from(screen.getByRole("table", { name: "Trades" }).querySelectorAll("tbody tr"), (r) => r.textContent);
  // The first chunk at once, the rest of the page a chunk a frame.
  expect(ROW_CHUNK).toBe(20);
  expect(shown()).toEqual(first.slice(0, 20).map((r) => r.id));
  expect(screen.getByRole("table", { name: "Trades" }).dataset).toMatchObject({ rows: "250", pageRows: "100", shown: "20" });
  await waitFor(() => expect(shown()).toEqual(first.slice(0, 100).map((r) => r.id)));
  expect(screen.getByRole("table", { name: "Trades" }).dataset).toMatchObject({ rows: "250", pageRows: "100", shown: "100" });
  expect(screen.getByTestId("pager").textContent).toContain("Trades: rows 1–100 of 250");
  expect((screen.getByRole("button", { name: "Trades: previous 100 rows" }) as HTMLButtonElement).disabled).toBe(true);
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "Trades: next 100 rows" })));
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "Trades: next 100 rows" })));
  expect(shown()).toEqual(first.slice(200, 220).map((r) => r.id));
  await waitFor(() => expect(shown()).toEqual(first.slice(200).map((r) => r.id)));
  expect(screen.getByTestId("pager").textContent).toContain("rows 201–250 of 250");
  expect((screen.getByRole("button", { name: "Trades: next 100 rows" }) as HTMLButtonElement).disabled).toBe(true);
  const next = rows(120, "b");
  view.rerender(<FluentProvider theme={webLightTheme}>{table(next)}</FluentProvider>);
  expect(shown()).toEqual(next.slice(0, 20).map((r) => r.id));
  await waitFor(() => expect(shown()).toEqual(next.slice(0, 100).map((r) => r.id)));
  expect(screen.getByTestId("pager").textContent).toContain("rows 1–100 of 120");
  // A table of a page or less has no pager.
  view.rerender(<FluentProvider theme={webLightTheme}>{table(rows(100, "c"))}</FluentProvider>);
  await waitFor(() => expect(shown()).toHaveLength(100));
  expect(screen.queryByTestId("pager")).toBeNull();
});

test("the trades table leaves out a column no trade fills: Realised gain in an IRA household (said below it; Settles stays, its trades have dates); a taxable account's trade brings it back", async () => {
  const headers = () => within(screen.getByRole("table", { name: "Trades" })).getAllByRole("columnheader").map((h) => h.textContent);
  const ira = outcomeOf(twoAccounts());
  if (!ira.ok) throw new Error("the two-account book should plan");
  const view = wrap(<PlanView plan={ira.households[0].plan} />);
  expect(headers()).not.toContain("Realised gain");
  expect(screen.getByTestId("no-realized").textContent).toBe("No realised gains to show: only a taxable account's sale with a cost basis realises one.");
  expect(headers()).toContain("Settles");
  view.unmount();
  // The same book with the IRA a taxable account, its VTI bought for 8,000: the sale realises a gain.
  const book = twoAccounts();
  book.ranges.holdings.values = [["Account", "Symbol", "Asset Class", "Quantity", "Price", "Cost Basis", "Acquired"], ["IRA", "VTI", "Stocks", 100, 100, 8000, "2020-01-02"], ["IRA", "BND", "Bonds", 300, 100, 30000, "2020-01-02"], ["Roth", "VTI", "Stocks", 0, 100, null, null], ["Roth", "BND", "Bonds", 100, 100, null, null]];
  book.ranges.accounts = range("Accounts", [["Account", "Type"], ["IRA", "Taxable"], ["Roth", "Roth IRA"]]);
  book.ranges.targets = range("Targets", [["Asset Class", "Target"], ["Stocks", 0.1], ["Bonds", 0.9]]);
  const taxable = outcomeOf(book);
  if (!taxable.ok) throw new Error(taxable.errors.map((e) => e.text).join("\n"));
  expect(taxable.households[0].plan.trades.some((t) => t.realizedLongTerm !== null)).toBe(true);
  wrap(<PlanView plan={taxable.households[0].plan} />);
  expect(headers()).toContain("Realised gain");
  expect(screen.queryByTestId("no-realized")).toBeNull();
});

/**
 * @jest-environment jsdom
 *
 * Component tests with Testing Library (jsdom): a master workbook in the pane's Excel panel (counted
 * households, block orders and their allocation, the household picker fetched when first needed and
 * choosing a household), and standalone mode's "Try the sample" and "Download updated workbook".
 */
import * as React from "react";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { ExcelRebalance } from "../../src/taskpane/components/ExcelRebalance";
import { WorkbookPlanner } from "../../src/taskpane/components/WorkbookPlanner";
import type { ExcelActions, LastRebalance } from "../../src/taskpane/office";
import type { PlanOutcome } from "../../src/taskpane/planFile";
import { planBook } from "../../src/plans/plan-workbook";
import { CellValue, RangeSnapshot, WorkbookSnapshot } from "../../src/contract/snapshot";

// The households view is a chunk of its own (React.lazy): compiled here first, so its arrival is not timed by ts-jest
// compiling it on a loaded machine (CI once took over findBy's second); and waited for as long as a test may take.
beforeAll(() => import("../../src/taskpane/components/plan/HouseholdsView"));
const arrived = () => screen.findByTestId("household-select", {}, { timeout: 20_000 });

const range = (name: string, values: CellValue[][]): RangeSnapshot => ({ name, sheet: name, top: 1, left: 1, values, numberFormats: [] });

/** Smith 60/30/10 and Jones 80/10/10 against 50/40/10 on $50,000 each. */
function master(): WorkbookSnapshot {
  return {
    ranges: {
      holdings: range("Holdings", [
        ["Household", "Account", "Symbol", "Asset Class", "Quantity", "Price"],
        ["Smith", "IRA", "VTI", "Stocks", 120, 250],
        ["Smith", "IRA", "BND", "Bonds", 300, 50],
        ["Smith", "IRA", "CASH", "Cash", 5000, 1],
        ["Jones", "IRA", "VTI", "Stocks", 160, 250],
        ["Jones", "IRA", "BND", "Bonds", 100, 50],
        ["Jones", "IRA", "CASH", "Cash", 5000, 1],
      ]),
      targets: range("Targets", [["Asset Class", "Target"], ["Stocks", 0.5], ["Bonds", 0.4], ["Cash", 0.1]]),
      policy: range("Policy", [["Setting", "Value"], ["As Of", "2026-11-20"]]),
    },
    nameProblems: [],
  };
}

function households() {
  const book = planBook(master());
  if (!book.ok) throw new Error(book.errors.map((e) => e.text).join("\n"));
  return book.households.map((h) => ({ household: h.household, plan: h.plan }));
}

const wrap = (node: React.ReactNode) => render(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);

test("a master workbook written from Excel: households counted, block orders and allocation offered, a household chosen", async () => {
  const hs = households();
  const last: LastRebalance = {
    at: new Date(),
    source: "ribbon",
    outcome: {
      ok: true,
      plan: hs[0].plan,
      households: hs,
      sheet: "Rebalance 2026-11-20",
      orders: { fileName: "blocks-2026-11-20.csv", csv: "Block\r\n" },
      allocation: { fileName: "blocks-2026-11-20.allocation.csv", csv: "Block\r\n" },
      syncs: { read: 2, write: 2 },
    },
  };
  const never = async () => {
    throw new Error("not called");
  };
  const actions: ExcelActions = { rebalance: never, select: async () => true, latest: () => last, subscribe: () => () => undefined, readWorkbook: never, writeBacktest: never, createStarter: never };
  const saved: string[] = [];
  wrap(<ExcelRebalance actions={actions} download={(name) => (saved.push(name), true)} />);
  // Smith sells 20 VTI and buys 100 BND; Jones sells 60 and buys 300.
  expect(screen.getByTestId("rebalance-result").textContent).toMatch(/2 households, 4 trades, and a row per household in the Rebalance Log \(from the ribbon\)/);
  fireEvent.click(screen.getByTestId("export-orders"));
  fireEvent.click(screen.getByTestId("export-allocation"));
  expect(saved).toEqual(["blocks-2026-11-20.csv", "blocks-2026-11-20.allocation.csv"]);
  // The households view arrives (a chunk of its own), Smith first; choosing Jones shows Jones's plan.
  const select = (await arrived()) as HTMLSelectElement;
  expect(screen.getByTestId("household-plan").dataset.household).toBe("Smith");
  fireEvent.change(select, { target: { value: "1" } });
  await waitFor(() => expect(screen.getByTestId("household-plan").dataset.household).toBe("Jones"));
  const trades = Array.from(screen.getByRole("table", { name: "Trades" }).querySelectorAll("tbody tr")).map((r) => r.querySelectorAll("td")[1].textContent);
  expect(trades).toEqual(["VTI", "BND"]);
  expect(hs[1].plan.trades.map((t) => `${t.side} ${t.quantity}`)).toEqual(["sell 60", "buy 300"]);
});

test("standalone: Try the sample plans the sample; Download updated workbook saves what the update made, or lists its problems", async () => {
  const opened: string[] = [];
  const plan = async (name: string): Promise<PlanOutcome> => {
    opened.push(name);
    return { ok: true, master: true, households: households() };
  };
  const saved: { name: string; size: number }[] = [];
  let updateOk = true;
  const files = {
    sample: async () => ({ name: "sdira-sample.xlsx", data: new ArrayBuffer(8) }),
    update: async (name: string) =>
      updateOk
        ? { ok: true as const, fileName: name.replace(/\.xlsx$/, "-rebalanced.xlsx"), bytes: new Uint8Array([1, 2, 3]) }
        : { ok: false as const, errors: [{ sheet: "Rebalance 2026-11-20", cell: "A1", message: "is yours", text: "'Rebalance 2026-11-20'!A1: is yours" }] },
    save: (name: string, bytes: Uint8Array) => (saved.push({ name, size: bytes.length }), true),
  };
  wrap(<WorkbookPlanner plan={plan} files={files} />);
  await act(async () => {
    fireEvent.click(screen.getByTestId("try-sample"));
  });
  await waitFor(() => expect(screen.getByTestId("result").dataset.state).toBe("done"));
  expect(opened).toEqual(["sdira-sample.xlsx"]);
  expect(await arrived()).toBeTruthy();

  await act(async () => {
    fireEvent.click(screen.getByTestId("download-updated"));
  });
  await waitFor(() => expect(screen.getByTestId("download-updated-done").textContent).toMatch(/^Saved sdira-sample-rebalanced\.xlsx/));
  expect(saved).toEqual([{ name: "sdira-sample-rebalanced.xlsx", size: 3 }]);

  updateOk = false;
  await act(async () => {
    fireEvent.click(screen.getByTestId("download-updated"));
  });
  await waitFor(() => expect(screen.getByRole("list", { name: "Workbook problems" }).textContent).toBe("'Rebalance 2026-11-20'!A1: is yours"));
  expect(saved).toHaveLength(1);
});

test("a master workbook's chosen household is steered as a single household is: unticking its trade holds that position still in that household only, and the re-plan keeps the household on view", async () => {
  const calls: unknown[] = [];
  const plan = async (_name: string, _data: ArrayBuffer, doNotTrade: readonly { household?: string | null; account: string; symbol: string }[] = []): Promise<PlanOutcome> => {
    calls.push(doNotTrade);
    const book = planBook(master(), { doNotTrade });
    if (!book.ok) throw new Error(book.errors.map((e) => e.text).join("\n"));
    return { ok: true, master: true, households: book.households.map((h) => ({ household: h.household, plan: h.plan })) };
  };
  const files = { sample: async () => ({ name: "firm.xlsx", data: new ArrayBuffer(8) }), update: async () => ({ ok: false as const, errors: [] }), save: () => true };
  wrap(<WorkbookPlanner plan={plan} files={files} />);
  await act(async () => {
    fireEvent.click(screen.getByTestId("try-sample"));
  });
  const select = (await arrived()) as HTMLSelectElement;
  fireEvent.change(select, { target: { value: "1" } });
  await waitFor(() => expect(screen.getByTestId("household-plan").dataset.household).toBe("Jones"));
  const symbols = () => Array.from(screen.getByRole("table", { name: "Trades" }).querySelectorAll("tbody tr")).map((r) => r.querySelectorAll("td")[1].textContent);
  expect(symbols()).toEqual(["VTI", "BND"]);
  await act(async () => {
    fireEvent.click(screen.getByRole("checkbox", { name: /^Keep sell VTI in IRA/ }));
  });
  await waitFor(() => expect(calls).toHaveLength(2));
  expect(calls[1]).toEqual([{ household: "Jones", account: "IRA", symbol: "VTI" }]);
  // Jones: VTI held still (shown as such); Smith still sells its VTI.
  await waitFor(() => expect(screen.getByTestId("held-still").textContent).toContain("IRA · VTI: held still"));
  expect(screen.getByTestId("household-plan").dataset.household).toBe("Jones");
  expect(symbols()).not.toContain("VTI");
  fireEvent.change(select, { target: { value: "0" } });
  await waitFor(() => expect(screen.getByTestId("household-plan").dataset.household).toBe("Smith"));
  expect(symbols()).toContain("VTI");
  // Holding Smith's BND too keeps Jones's VTI held.
  await act(async () => {
    fireEvent.click(screen.getByRole("checkbox", { name: /^Keep buy BND in IRA/ }));
  });
  await waitFor(() => expect(calls).toHaveLength(3));
  expect(calls[2]).toEqual([{ household: "Jones", account: "IRA", symbol: "VTI" }, { household: "Smith", account: "IRA", symbol: "BND" }]);
});

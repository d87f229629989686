/**
 * @jest-environment jsdom
 *
 * The Policy view with Testing Library (jsdom): a named control for every setting, the contract's own
 * message on a field as it is typed (Save held back), blank shown as the default, the changes listed,
 * Discard, Save handing the edits over and showing the edited workbook's plan, the Targets' sum live;
 * and standalone mode's Policy tab, whose Save replaces the opened file's bytes, re-plans them and
 * makes "Download updated workbook" start from them; and inside Excel, the Policy tab on the fake Excel.
 */
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { PolicyView, SaveOutcome } from "../../src/taskpane/components/policy/PolicyView";
import { WorkbookPlanner } from "../../src/taskpane/components/WorkbookPlanner";
import { KNOWN_SETTINGS } from "../../src/contract/policy";
import { CellValue, RangeSnapshot, WorkbookSnapshot } from "../../src/contract/snapshot";
import { WorkbookEdits, workbookEdit } from "../../src/plans/workbook-edit";
import { planOutcome } from "../../src/plans/plan-outcome";
import type { PlanOutcome } from "../../src/plans/plan-outcome";

const range = (name: string, values: CellValue[][]): RangeSnapshot => ({ name, sheet: name, top: 1, left: 1, values, numberFormats: [] });

/** Stocks 60 / Bonds 30 / Cash 10 against 50/40/10 on $50,000. */
function book(): WorkbookSnapshot {
  return {
    ranges: {
      holdings: range("Holdings", [
        ["Account", "Symbol", "Asset Class", "Quantity", "Price"],
        ["IRA", "VTI", "Stocks", 120, 250],
        ["IRA", "BND", "Bonds", 300, 50],
        ["IRA", "CASH", "Cash", 5000, 1],
      ]),
      targets: range("Targets", [["Asset Class", "Target", "Abs Band"], ["Stocks", 0.5, null], ["Bonds", 0.4, null], ["Cash", 0.1, null]]),
      policy: range("Policy", [["Setting", "Value"], ["As Of", "2026-11-20"], ["Trigger", "Band"], ["Abs Band", 0.05]]),
    },
    nameProblems: [],
  };
}

const wrap = (node: React.ReactNode) => render(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);
const field = (setting: string) => screen.getByTestId(`policy-field-${setting}`);
const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

/** A save that does what the adapters do to the snapshot, independently of the view: the edit plan, then the plan of the edited workbook. */
function saver(calls: WorkbookEdits[]) {
  let current = book();
  return {
    load: async () => ({ ok: true as const, snapshot: current }),
    save: async (edits: WorkbookEdits): Promise<SaveOutcome> => {
      calls.push(edits);
      const r = workbookEdit(current, edits);
      if (!r.ok) return r;
      current = r.snapshot;
      return { ok: true, written: r.written, book: planOutcome(current) };
    },
  };
}

test("every setting has a control named by its label; choices are dropdowns whose blank is the default", async () => {
  const s = saver([]);
  wrap(<PolicyView load={s.load} save={s.save} />);
  await screen.findByTestId("policy-view");
  for (const setting of KNOWN_SETTINGS) expect(screen.getByLabelText(setting)).toBeTruthy();
  const trigger = screen.getByLabelText("Trigger") as HTMLSelectElement;
  expect(trigger.tagName).toBe("SELECT");
  expect(trigger.value).toBe("Band");
  const strategy = screen.getByLabelText("Strategy") as HTMLSelectElement;
  expect([strategy.value, strategy.options[0].textContent]).toEqual(["", "Default (Full)"]);
  expect(within(field("Strategy")).getByText("Blank: Full (not in the range yet)")).toBeTruthy();
  expect((screen.getByLabelText("Abs Band") as HTMLInputElement).value).toBe("5");
  expect((screen.getByLabelText("As Of") as HTMLInputElement).type).toBe("date");
  expect((screen.getByLabelText("Rel Band") as HTMLInputElement).placeholder).toBe("Default: 25%");
  expect(screen.getByTestId("policy-changes").textContent).toBe("No changes.");
  expect((screen.getByTestId("policy-save") as HTMLButtonElement).disabled).toBe(true);
});

test("a bad value shows the contract's message on its field and holds Save back; Discard puts every control back", async () => {
  const s = saver([]);
  wrap(<PolicyView load={s.load} save={s.save} />);
  await screen.findByTestId("policy-view");
  type("Abs Band", "lots");
  type("Min Trade", "-5");
  await waitFor(() => expect(within(field("Abs Band")).getByText('Abs Band must be a percent from 0% to 100%, like 5% or 0.05, or None (found "lots")')).toBeTruthy());
  expect(within(field("Min Trade")).getByText("Min Trade must be a dollar amount of 0 or more (found -5)")).toBeTruthy();
  expect((screen.getByLabelText("Abs Band") as HTMLInputElement).getAttribute("aria-invalid")).toBe("true");
  expect(screen.getByTestId("policy-changes").textContent).toMatch(/^2 changes, 2 problems to fix first:/);
  expect((screen.getByTestId("policy-save") as HTMLButtonElement).disabled).toBe(true);
  type("Abs Band", "4");
  type("Min Trade", "");
  await waitFor(() => expect((screen.getByTestId("policy-save") as HTMLButtonElement).disabled).toBe(false));
  expect(screen.getByTestId("policy-changes").textContent).toBe("1 change:Abs Band: 5% → 4%");
  expect(within(field("Abs Band")).getByText("Changed, was 5%")).toBeTruthy();
  fireEvent.click(screen.getByTestId("policy-discard"));
  expect((screen.getByLabelText("Abs Band") as HTMLInputElement).value).toBe("5");
  expect(screen.getByTestId("policy-changes").textContent).toBe("No changes.");
});

test("Save hands the edits over as cell values and shows the plan the edited workbook makes", async () => {
  const calls: WorkbookEdits[] = [];
  const s = saver(calls);
  wrap(<PolicyView load={s.load} save={s.save} />);
  await screen.findByTestId("policy-view");
  fireEvent.change(screen.getByLabelText("Rebalance To"), { target: { value: "Band Edge" } });
  type("Abs Band", "4");
  expect(screen.getByTestId("policy-changes").textContent).toBe("2 changes:Abs Band: 5% → 4%Rebalance To: default (Target) → Band Edge");
  await act(async () => {
    fireEvent.click(screen.getByTestId("policy-save"));
  });
  await waitFor(() => expect(screen.getByTestId("policy-result").dataset.state).toBe("saved"));
  expect(calls).toEqual([{ policy: { "Rebalance To": "Band Edge", "Abs Band": "4%" } }]);
  expect(screen.getByTestId("policy-result").textContent).toMatch(/Wrote Abs Band \(Policy!B4\), Rebalance To \(Policy!B5\)\./);
  // The plan shown is the edited workbook's: to the band edge (Stocks 54%, Bonds 36%), not to target.
  const expected = workbookEdit(book(), calls[0]);
  if (!expected.ok) throw new Error("edit failed");
  const plan = planOutcome(expected.snapshot) as Extract<PlanOutcome, { ok: true }>;
  const toTarget = planOutcome(book()) as Extract<PlanOutcome, { ok: true }>;
  expect(plan.households[0].plan.trades.map((t) => `${t.side} ${t.quantity} ${t.symbol}`)).not.toEqual(toTarget.households[0].plan.trades.map((t) => `${t.side} ${t.quantity} ${t.symbol}`));
  const rows = Array.from(within(screen.getByTestId("policy-result")).getByRole("table", { name: "Trades" }).querySelectorAll("tbody tr")).map((r) => Array.from(r.querySelectorAll("td")).slice(1, 4).map((c) => c.textContent).join(" "));
  expect(rows).toHaveLength(plan.households[0].plan.trades.length);
  // The form is read again: the saved values are the new originals.
  await waitFor(() => expect(screen.getByTestId("policy-changes").textContent).toBe("No changes."));
  expect((screen.getByLabelText("Rebalance To") as HTMLSelectElement).value).toBe("Band Edge");
});

test("Targets: the sum is shown live, and a sum off 100% holds Save back with the contract's message", async () => {
  const calls: WorkbookEdits[] = [];
  const s = saver(calls);
  wrap(<PolicyView load={s.load} save={s.save} />);
  await screen.findByTestId("policy-view");
  expect(screen.getByTestId("targets-sum").textContent).toBe("Sum 100.00% ✓");
  type("Stocks target", "55");
  expect(screen.getByTestId("targets-sum").textContent).toBe("Sum 105.00%: Targets sum to 105.00%, expected 100%");
  await waitFor(() => expect((screen.getByTestId("policy-save") as HTMLButtonElement).disabled).toBe(true));
  expect(screen.getByRole("list", { name: "Workbook problems" }).textContent).toBe("Targets!B1: Targets sum to 105.00%, expected 100%");
  type("Bonds target", "35");
  type("Bonds abs band", "3");
  expect(screen.getByTestId("targets-sum").textContent).toBe("Sum 100.00% ✓");
  await act(async () => {
    fireEvent.click(screen.getByTestId("policy-save"));
  });
  expect(calls).toEqual([{ targets: { Stocks: { Target: "55%" }, Bonds: { Target: "35%", "Abs Band": "3%" } } }]);
});

test("Targets: a class added and one removed — the sum follows, a removal Holdings still needs is held back at its Holdings cell, Save hands both over", async () => {
  const calls: WorkbookEdits[] = [];
  const s = saver(calls);
  wrap(<PolicyView load={s.load} save={s.save} />);
  await screen.findByTestId("policy-view");
  const save = () => screen.getByTestId("policy-save") as HTMLButtonElement;
  // Remove Bonds: the sum drops to 60%, and Holdings' BND row (Holdings!C3) names a class Targets no longer lists.
  fireEvent.click(screen.getByRole("button", { name: "Remove Bonds" }));
  expect(screen.getByTestId("targets-sum").textContent).toBe("Sum 60.00%: Targets sum to 60.00%, expected 100%");
  expect((screen.getByLabelText("Bonds target") as HTMLInputElement).disabled).toBe(true);
  await waitFor(() => expect(screen.getByRole("list", { name: "Workbook problems" }).textContent).toContain("Holdings!C3"));
  expect(save().disabled).toBe(true);
  // Keep it after all; add Gold at 10% with Stocks at 40%.
  fireEvent.click(screen.getByRole("button", { name: "Keep Bonds" }));
  type("New class", "Gold");
  fireEvent.click(screen.getByRole("button", { name: "Add class" }));
  expect(screen.getByTestId("target-row-Gold").dataset.added).toBeDefined();
  type("Gold target", "10");
  type("Stocks target", "40");
  expect(screen.getByTestId("targets-sum").textContent).toBe("Sum 100.00% ✓");
  // A name Targets lists already cannot be added twice.
  type("New class", " stocks");
  expect((screen.getByRole("button", { name: "Add class" }) as HTMLButtonElement).disabled).toBe(true);
  expect(screen.getByTestId("policy-changes").textContent).toContain("Add class Gold: target 10%");
  await waitFor(() => expect(save().disabled).toBe(false));
  fireEvent.click(save());
  await waitFor(() => expect(screen.getByTestId("policy-result").dataset.state).toBe("saved"));
  expect(calls).toEqual([{ targets: { Stocks: { Target: "40%" } }, targetRows: { add: { Gold: { Target: "10%" } } } }]);
  expect(screen.getByTestId("policy-result").textContent).toContain("new class Gold (Targets!A5:C5)");
  // Read again: Gold is a row like the others now, and it can be removed (it holds nothing).
  await waitFor(() => expect(screen.getByTestId("target-row-Gold").dataset.added).toBeUndefined());
  fireEvent.click(screen.getByRole("button", { name: "Remove Gold" }));
  type("Stocks target", "50");
  await waitFor(() => expect(save().disabled).toBe(false));
  fireEvent.click(save());
  await waitFor(() => expect(screen.getByTestId("policy-result").textContent).toContain("class removed: Gold (Targets!A5:C5)"));
  expect(calls[1]).toEqual({ targets: { Stocks: { Target: "50%" } }, targetRows: { remove: ["Gold"] } });
});

test("standalone: the Policy tab's Save replaces the file's bytes, re-plans them, and the download starts from them", async () => {
  const planned: number[] = [];
  const updated: number[] = [];
  const edited: WorkbookEdits[] = [];
  const plan = async (_name: string, data: ArrayBuffer): Promise<PlanOutcome> => {
    planned.push(data.byteLength);
    return planOutcome(book());
  };
  const files = {
    sample: async () => ({ name: "sdira-sample.xlsx", data: new ArrayBuffer(8) }),
    update: async (_name: string, data: ArrayBuffer) => (updated.push(data.byteLength), { ok: true as const, fileName: "x-rebalanced.xlsx", bytes: new Uint8Array([1]) }),
    save: () => true,
    read: async () => ({ ok: true as const, snapshot: book() }),
    edit: async (_name: string, _data: ArrayBuffer, edits: WorkbookEdits) => (edited.push(edits), { ok: true as const, data: new ArrayBuffer(16), written: ["Strategy (Policy!B5)"] }),
  };
  wrap(<WorkbookPlanner plan={plan} files={files} />);
  await act(async () => {
    fireEvent.click(screen.getByTestId("try-sample"));
  });
  await waitFor(() => expect(screen.getByTestId("result").dataset.state).toBe("done"));
  fireEvent.click(screen.getByTestId("tab-policy"));
  await waitFor(() => expect(document.getElementById("panel-policy")!.textContent).toMatch(/Policy and Targets/), { timeout: 10000 });
  fireEvent.change(screen.getByLabelText("Strategy"), { target: { value: "Tax Aware" } });
  await act(async () => {
    fireEvent.click(screen.getByTestId("policy-save"));
  });
  await waitFor(() => expect(screen.getByTestId("policy-result").dataset.state).toBe("saved"));
  expect(edited).toEqual([{ policy: { Strategy: "Tax Aware" } }]);
  // Planned first from the sample's 8 bytes, then from the edited file's 16.
  expect(planned).toEqual([8, 16]);
  fireEvent.click(screen.getByTestId("tab-rebalance"));
  await act(async () => {
    fireEvent.click(screen.getByTestId("download-updated"));
  });
  expect(updated).toEqual([16]);
});

test("inside Excel: the Policy tab reads and writes through the Excel actions (the fake Excel here): a check across ranges shows on its field, the saved cells are the Policy range's only", async () => {
  const { App } = await import("../../src/taskpane/components/App");
  const { install, Workbook } = await import("../excel/support/fake-excel");
  /** Every sheet's cells as "r:c" → value and format. */
  const dump = () => Object.fromEntries(wb.sheets.map((sh) => [sh.name, Object.fromEntries([...sh.cells].map(([k, c]) => [k, `${JSON.stringify(c.value)} ${c.format}`]))]));
  const { readWorkbookInExcel } = await import("../../src/excel/backtest");
  const { editWorkbookInExcel } = await import("../../src/excel/range-edit");
  // The book() workbook in the fake Excel (exceljs does not load under jsdom), As Of a real date.
  const wb = new Workbook();
  for (const r of Object.values(book().ranges)) {
    const sheet = wb.addSheet(r.sheet);
    r.values.forEach((row, i) => row.forEach((v, j) => {
      if (v === null) return;
      const cell = sheet.cell(i + 1, j + 1);
      cell.value = v === "2026-11-20" ? 46346 : (v as string | number);
      if (v === "2026-11-20") cell.format = "yyyy-mm-dd";
    }));
    wb.names.push({ name: r.name, ref: `${r.sheet}!$A$1:$${String.fromCharCode(64 + r.values[0].length)}$${r.values.length}` });
  }
  const installed = install(wb);
  try {
    const never = async () => {
      throw new Error("not called");
    };
    const excel = { rebalance: never, select: async () => true, latest: () => null, subscribe: () => () => undefined, readWorkbook: readWorkbookInExcel, writeBacktest: never, editWorkbook: editWorkbookInExcel, createStarter: never };
    const start = () => ({ result: never(), cancel: () => undefined });
    wrap(<App host={{ kind: "excel", host: "Excel", platform: "PC", officeLoaded: true }} plan={never} excel={excel} start={start} />);
    fireEvent.click(screen.getByTestId("tab-policy"));
    await waitFor(() => expect(document.getElementById("panel-policy")!.textContent).toMatch(/Policy and Targets/), { timeout: 10000 });
    await waitFor(() => expect((screen.getByLabelText("Trigger") as HTMLSelectElement).value).toBe("Band"));
    const before = dump();
    type("Cash Flow", "1000");
    type("Cash Flow Account", "Roth");
    // The cross-range check lands on the account's cell (a row the range will grow): its message, and nothing written.
    await waitFor(() => expect(within(field("Cash Flow Account")).getByText(/Cash Flow Account "Roth"/)).toBeTruthy());
    expect((screen.getByTestId("policy-save") as HTMLButtonElement).disabled).toBe(true);
    type("Cash Flow Account", "IRA");
    fireEvent.change(screen.getByLabelText("Strategy"), { target: { value: "Cash Flow" } });
    await act(async () => {
      fireEvent.click(screen.getByTestId("policy-save"));
    });
    await waitFor(() => expect(screen.getByTestId("policy-result").dataset.state).toBe("saved"), { timeout: 20000 });
    expect(screen.getByTestId("policy-result").textContent).toContain("Wrote Strategy (Policy!B5), Cash Flow (Policy!B6), Cash Flow Account (Policy!B7).");
    const after = dump();
    // Only Policy's cells changed: the rows it grew by (5 to 7, columns A and B).
    const changed = Object.keys(after).flatMap((sh) => [...new Set([...Object.keys(after[sh]), ...Object.keys(before[sh] ?? {})])].filter((k) => after[sh][k] !== before[sh]?.[k]).map((k) => `${sh} ${k}`));
    expect(changed.sort()).toEqual(["Policy 5:1", "Policy 5:2", "Policy 6:1", "Policy 6:2", "Policy 7:1", "Policy 7:2"]);
    expect([after.Policy["5:1"], after.Policy["5:2"], after.Policy["6:2"], after.Policy["7:2"]]).toEqual(['"Strategy" @', '"Cash Flow" @', "1000 $#,##0.00", '"IRA" @']);
    expect(wb.names.find((n) => n.name === "Policy")!.ref).toBe("Policy!$A$1:$B$7");
    // The plan shown is a cash-flow plan: the contribution is bought, nothing sold.
    const sides = Array.from(within(screen.getByTestId("policy-result")).getByRole("table", { name: "Trades" }).querySelectorAll("tbody tr")).map((r) => r.querySelectorAll("td")[3].textContent);
    expect(sides.length).toBeGreaterThan(0);
    expect(sides.every((s) => s === "Buy")).toBe(true);
  } finally {
    installed.restore();
  }
});

/**
 * @jest-environment jsdom
 *
 * The empty-workbook state with Testing Library: inside Excel the pane offers "Create starter sheets"
 * only when the workbook has none of the contract's names, and the click writes them through the
 * Office.js adapter into the stand-in Excel (then the card says what it wrote); a sheet in the way is
 * listed and nothing is written. In standalone mode the starter is offered before a file is opened and
 * for an opened workbook without the contract's names, and comes as a download.
 */
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/components/App";
import { WorkbookPlanner, StandaloneFiles } from "../../src/taskpane/components/WorkbookPlanner";
import type { ExcelActions } from "../../src/taskpane/office";
import type { PlanOutcome } from "../../src/taskpane/planFile";
import { readWorkbookInExcel } from "../../src/excel/backtest";
import { createStarterInExcel } from "../../src/excel/starter";
import { Workbook, install } from "../excel/support/fake-excel";

const wrap = (node: React.ReactNode) => render(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);
const never = async (): Promise<never> => {
  throw new Error("not called");
};

/** The pane inside Excel, its Excel actions reaching the stand-in workbook through the real adapters. */
const reads: unknown[] = [];

function inExcel(wb: Workbook) {
  const installed = install(wb);
  reads.length = 0;
  const actions: ExcelActions = {
    rebalance: never,
    select: async () => true,
    latest: () => null,
    subscribe: () => () => undefined,
    readWorkbook: async () => {
      const snapshot = await readWorkbookInExcel();
      reads.push(snapshot);
      return snapshot;
    },
    writeBacktest: never,
    createStarter: createStarterInExcel,
  };
  const start = () => ({ result: never(), cancel: () => undefined });
  wrap(<App host={{ kind: "excel", host: "Excel", platform: "OfficeOnline", officeLoaded: true }} plan={never} excel={actions} start={start} />);
  return installed;
}

function emptyBook(): Workbook {
  const wb = new Workbook();
  wb.addSheet("Sheet1");
  return wb;
}

let installed: { restore: () => void } | null = null;
afterEach(() => {
  installed?.restore();
  installed = null;
});

test("inside Excel, an empty workbook: the starter is offered, and the click writes the five sheets and names", async () => {
  const wb = emptyBook();
  installed = inExcel(wb);
  const card = await screen.findByTestId("starter");
  expect(within(card).getByRole("heading", { name: "This workbook has none of the add-in's named ranges" })).toBeTruthy();
  const button = within(card).getByRole("button", { name: "Create starter sheets" });
  await act(async () => {
    fireEvent.click(button);
  });
  await waitFor(() => expect(card.dataset.state).toBe("written"));
  expect(within(card).getByTestId("starter-done").textContent).toBe(
    "Wrote the sheets Holdings, Targets, Policy, Accounts, Owners with the sample household, and the names Holdings, Targets, Policy, Accounts, Owners over their tables. Click Rebalance to plan it, then type your own figures over the sample's.",
  );
  expect(wb.names.map((n) => n.name)).toEqual(["Holdings", "Targets", "Policy", "Accounts", "Owners"]);
  expect((button as HTMLButtonElement).disabled).toBe(true);
});

test("inside Excel, a workbook with the contract's names: no starter offered", async () => {
  const wb = emptyBook();
  wb.set("Sheet1", "A1", "Asset Class");
  wb.names.push({ name: "Targets", ref: "Sheet1!$A$1:$B$2" });
  installed = inExcel(wb);
  // The pane has read the workbook (and found Targets) and offers nothing.
  await waitFor(() => expect(reads).toHaveLength(1));
  await act(async () => undefined);
  expect(Object.keys((reads[0] as { ranges: object }).ranges)).toEqual(["targets"]);
  expect(screen.getByTestId("rebalance-button")).toBeTruthy();
  expect(screen.queryByTestId("starter")).toBeNull();
});

test("inside Excel, a sheet of the same name in the way: it is listed and nothing is written", async () => {
  const wb = emptyBook();
  wb.addSheet("Holdings");
  installed = inExcel(wb);
  const card = await screen.findByTestId("starter");
  await act(async () => {
    fireEvent.click(within(card).getByRole("button", { name: "Create starter sheets" }));
  });
  await waitFor(() => expect(card.dataset.state).toBe("blocked"));
  const items = within(card).getAllByRole("listitem").map((li) => li.textContent);
  expect(items).toEqual(['The workbook already has a sheet "Holdings"; the add-in never replaces a sheet of yours: rename or delete it, or start from an empty workbook (nothing was written)']);
  expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1", "Holdings"]);
  expect(wb.names).toEqual([]);
});

test("standalone: offered before a file is opened and for a workbook without the contract's names, saved as a download", async () => {
  const saved: { fileName: string; bytes: Uint8Array }[] = [];
  const files: StandaloneFiles = {
    sample: never,
    update: never,
    save: (fileName, bytes) => (saved.push({ fileName, bytes }), true),
    starter: async () => ({ fileName: "sdira-starter.xlsx", bytes: new Uint8Array([80, 75, 3, 4]) }),
  };
  let next: PlanOutcome = { ok: false, errors: [], empty: true };
  wrap(<WorkbookPlanner plan={async () => next} files={files} />);
  const card = screen.getByTestId("starter");
  expect(within(card).getByRole("heading", { name: "New here? Start from the sample" })).toBeTruthy();
  await act(async () => {
    fireEvent.click(within(card).getByRole("button", { name: "Create starter sheets" }));
  });
  await waitFor(() => expect(screen.getByTestId("starter-done").textContent).toMatch(/^Saved sdira-starter\.xlsx: open it in Excel/));
  expect(saved.map((s) => [s.fileName, [...s.bytes]])).toEqual([["sdira-starter.xlsx", [80, 75, 3, 4]]]);

  const pick = async (name: string) => {
    const file = new File([new Uint8Array([80, 75])], name);
    Object.defineProperty(file, "arrayBuffer", { value: async () => new ArrayBuffer(2) });
    await act(async () => {
      fireEvent.change(screen.getByLabelText("Workbook file"), { target: { files: [file] } });
    });
  };
  const message = 'The workbook has no named range "Holdings"';
  next = { ok: false, errors: [{ sheet: "", cell: "", message, text: message }], empty: true };
  await pick("empty.xlsx");
  await waitFor(() => expect(screen.getByTestId("result").dataset.state).toBe("done"));
  expect(screen.getByTestId("starter").dataset.state).toBe("idle");
  // A workbook that has the names but breaks the contract is fixed in place, not replaced by a starter.
  next = { ok: false, errors: [{ sheet: "Holdings", cell: "C2", message: "Quantity must be a number", text: "Holdings!C2: Quantity must be a number" }], empty: false };
  await pick("broken.xlsx");
  await waitFor(() => expect(screen.getByTestId("file-name").textContent).toBe("broken.xlsx"));
  await waitFor(() => expect(screen.getByTestId("result").dataset.state).toBe("done"));
  expect(screen.queryByTestId("starter")).toBeNull();
});

/**
 * The pane's Excel panel (src/taskpane/components/ExcelRebalance.tsx), rendered to static HTML with
 * injected actions: problems list their addresses as buttons that select the cell, a written plan
 * offers the order export, a failure is shown as such. (Clicks are exercised through the actions
 * themselves in test/commands/ribbon.test.ts; the pane's components never call Office.js.)
 */
import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { ExcelRebalance } from "../../src/taskpane/components/ExcelRebalance";
import type { ExcelActions, LastRebalance } from "../../src/taskpane/office";
import { sampleBook, workbookBuffer } from "../support/workbook";
import { fakeFromXlsx } from "../excel/support/books";
import { writeWithOffice } from "../excel/support/pipeline";

function render(last: LastRebalance | null): string {
  const actions: ExcelActions = {
    rebalance: async () => {
      throw new Error("not called");
    },
    select: async () => true,
    latest: () => last,
    subscribe: () => () => undefined,
    readWorkbook: async () => {
      throw new Error("not called");
    },
    writeBacktest: async () => {
      throw new Error("not called");
    },
    createStarter: async () => {
      throw new Error("not called");
    },
  };
  return renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <ExcelRebalance actions={actions} download={() => true} />
    </FluentProvider>,
  );
}

const text = (html: string) => html.replace(/<style[\s\S]*?<\/style>/g, "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

test("before any click: the Rebalance button and what it will write", () => {
  const html = render(null);
  expect(html).toMatch(/data-testid="rebalance-button"/);
  expect(html).toMatch(/data-state="idle"/);
  expect(text(html)).toMatch(/writes a Rebalance sheet, drift columns beside Targets and a row in the Rebalance Log/);
});

test("problems: each address is a button (to select the cell), with the message", () => {
  const html = render({
    at: new Date(),
    source: "ribbon",
    outcome: {
      ok: false,
      errors: [
        { sheet: "Holdings", cell: "D3", message: "Quantity must be a number", text: "Holdings!D3: Quantity must be a number" },
        { sheet: "", cell: "", message: 'The workbook has no named range "Targets"', text: 'The workbook has no named range "Targets"' },
      ],
    },
  });
  expect(html).toMatch(/data-state="problems"/);
  expect(html).toMatch(/<button[^>]*title="Select Holdings!D3 in the workbook"[^>]*>Holdings!D3<\/button>/);
  expect(text(html)).toMatch(/2 problems in this workbook/);
  expect(text(html)).toMatch(/Click an address to go to its cell/);
  expect((html.match(/<button/g) ?? []).length).toBe(2); // Rebalance + the one address
});

test("a written plan: the sheet named, the order export offered, the plan shown", async () => {
  const wb = await fakeFromXlsx(await workbookBuffer(sampleBook()));
  const outcome = await writeWithOffice(wb);
  const html = render({ at: new Date(), source: "pane", outcome });
  expect(html).toMatch(/data-state="written"/);
  expect(text(html)).toMatch(/Wrote “Rebalance 2026-11-20” 2 trades, drift columns beside Targets, and a row in the Rebalance Log/);
  expect(html).toMatch(/<button[^>]*data-testid="export-orders"[^>]*>Export orders \(CSV\)<\/button>/);
  expect(html).not.toMatch(/data-testid="export-orders"[^>]*disabled/);
  expect(html).toMatch(/data-testid="plan"/);
});

test("a failure inside Excel is shown as such", () => {
  const html = render({ at: new Date(), source: "ribbon", failure: "Excel stopped the write at batch 1 of 1 (boom)." });
  expect(html).toMatch(/data-state="failed"/);
  expect(text(html)).toMatch(/Excel did not finish the rebalance Excel stopped the write/);
});

// That pane components never touch the Office.js globals is checked for all of src/ by test/architecture.test.ts.

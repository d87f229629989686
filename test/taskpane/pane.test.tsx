/**
 * The pane without a browser: what each host sees (rendered to HTML with react-dom/server). Number
 * formatting is test/plans/format.test.ts; the pane in a real browser is test/taskpane/pane.e2e.test.ts.
 */
import * as React from "react";
import { renderToString } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/components/App";
import type { ExcelActions, HostInfo } from "../../src/taskpane/office";

describe("what each host sees", () => {
  const noPlanner = async () => {
    throw new Error("not called while rendering");
  };
  const excel: ExcelActions = {
    rebalance: noPlanner,
    select: async () => true,
    latest: () => null,
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
  const render = (host: HostInfo, actions?: ExcelActions) =>
    renderToString(
      <FluentProvider theme={webLightTheme}>
        <App host={host} plan={noPlanner} excel={actions} />
      </FluentProvider>
    ).replace(/<!-- -->/g, "");

  test("inside Excel: the header, the Rebalance button for the open workbook, and the file planner", () => {
    const html = render({ kind: "excel", host: "Excel", platform: "OfficeOnline", officeLoaded: true }, excel);
    expect(html).toContain("SDIRA Rebalancer");
    expect(html).toContain('data-testid="rebalance-button"');
    expect(html).not.toContain('data-testid="excel-note"');
    expect(html).toContain('aria-label="Workbook file"');
    expect(html).not.toContain("Standalone mode");
  });

  test("inside Excel without access to the workbook: a note, and the file planner", () => {
    const html = render({ kind: "excel", host: "Excel", platform: "OfficeOnline", officeLoaded: true });
    expect(html).toContain('data-testid="excel-note"');
    expect(html).not.toContain('data-testid="rebalance-button"');
    expect(html).toContain('aria-label="Workbook file"');
  });

  test("in a browser: standalone mode with the file picker and drop zone", () => {
    const html = render({ kind: "standalone", host: null, platform: null, officeLoaded: true });
    expect(html).toContain("Standalone mode");
    expect(html).toContain('data-testid="drop-zone"');
    expect(html).toContain('aria-label="Workbook file"');
    expect(html).not.toContain("excel-note");
    expect(html).not.toContain("Office.js did not load");
  });

  test("in a browser without Office.js: still standalone, and says so", () => {
    const html = render({ kind: "standalone", host: null, platform: null, officeLoaded: false });
    expect(html).toContain("Standalone mode");
    expect(html).toContain("Office.js did not load");
  });

  test("in another Office application: not supported, no planner", () => {
    const html = render({ kind: "other", host: "Word", platform: "PC", officeLoaded: true });
    expect(html).toContain("Word is not supported");
    expect(html).not.toContain('aria-label="Workbook file"');
  });
});

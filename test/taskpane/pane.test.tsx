/**
 * The pane without a browser: number formatting, and what each host sees (rendered to HTML with
 * react-dom/server). The pane in a real browser is test/pane.e2e.test.ts.
 */
import * as React from "react";
import { renderToString } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/components/App";
import type { ExcelActions, HostInfo } from "../../src/taskpane/office";
import { grouped, money, percent, pp, price, quantity, relative } from "../../src/plans/format";

describe("format", () => {
  test("money: cents, thousands, sign, half-up on the decimal string (no float rounding)", () => {
    expect(money("1234567.891")).toBe("$1,234,567.89");
    expect(money("0.005")).toBe("$0.01");
    expect(money("1.005")).toBe("$1.01"); // 1.005 as a float rounds down
    expect(money("-3")).toBe("-$3.00");
    expect(money("-0.001")).toBe("$0.00");
    expect(money("999.995")).toBe("$1,000.00");
  });
  test("prices keep their decimals, at least two", () => {
    expect(price("12.3456")).toBe("$12.3456");
    expect(price("250")).toBe("$250.00");
    expect(price("1234.5")).toBe("$1,234.50");
  });
  test("quantities are grouped with their decimals as given", () => {
    expect(quantity("1200")).toBe("1,200");
    expect(quantity("3.5")).toBe("3.5");
    expect(grouped("-1234.25")).toBe("-1,234.25");
  });
  test("percent, pp and relative drift", () => {
    expect(percent(0.6)).toBe("60.00%");
    expect(percent(0.56818181)).toBe("56.82%");
    expect(pp(0.0682)).toBe("+6.82 pp");
    expect(pp(-0.118)).toBe("-11.80 pp");
    expect(pp(-0.00001)).toBe("0.00 pp");
    expect(pp(0)).toBe("0.00 pp");
    expect(relative(0.125)).toBe("+12.5%");
    expect(relative(-0.59)).toBe("-59.0%");
    expect(relative(null)).toBe("—");
  });
});

describe("what each host sees", () => {
  const noPlanner = async () => {
    throw new Error("not called while rendering");
  };
  const excel: ExcelActions = {
    rebalance: noPlanner,
    select: async () => true,
    latest: () => null,
    subscribe: () => () => undefined,
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

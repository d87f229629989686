/**
 * The pane's Backtest and History views without a browser: the metrics table rendered from a real
 * backtest of the sample, the chart data (thinned, one series per policy / class), and the tabs each
 * host shows. Running in the worker, progress and Cancel are exercised in the browser (pane.e2e.test.ts).
 */
import fs from "fs";
import path from "path";
import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { BacktestResults, growthSeries } from "../../src/taskpane/components/backtest/BacktestResults";
import { driftSeries, latestRows } from "../../src/taskpane/components/history/HistoryPanel";
import { isRoundOnLog, thin } from "../../src/taskpane/components/charts/series";
import { backtestWorkbook } from "../../src/backtest/run";
import { readWorkbookSnapshot } from "../../src/xlsx/read";
import { posted } from "./support/posted";
import { DriftHistoryRow } from "../../src/contract/drift-history";

const text = (html: string) => html.replace(/<style[\s\S]*?<\/style>/g, "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

test("the metrics table shows each policy's figures as the runner computes them", async () => {
  const snapshot = await readWorkbookSnapshot(fs.readFileSync(path.join(__dirname, "..", "..", "samples", "backtest-sdira-annual.xlsx")));
  const outcome = backtestWorkbook(snapshot);
  if (!outcome.ok) throw new Error("sample should run");
  const html = renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <BacktestResults input={outcome.input} results={outcome.results} />
    </FluentProvider>,
  );
  const t = text(html);
  expect(t).toContain("16 standard policies over 96 periods (1928-12-31 to 2023-12-31, 1 a year)");
  // Hand-checked against `npx rebalance backtest samples/backtest-sdira-annual.xlsx`: buy and hold ends at 3968.0758.
  expect(t).toMatch(/Never \(buy and hold\) — 9\.01% 15\.26% 0\.44 39\.0% 0 0\.0% 0\.0000 3968\.0758/);
  expect(html).toContain('data-series="16"');
  const series = growthSeries(outcome.input, outcome.results);
  expect(series).toHaveLength(16);
  expect(series[0].points).toHaveLength(96);
  expect(series[0].points[95]).toEqual({ x: "2023-12-31", y: outcome.results[0].metrics.finalValue });
});

test("thin keeps the first and last point and spaces the rest evenly", () => {
  const xs = Array.from({ length: 25_000 }, (_, i) => i);
  const t = thin(xs, 400);
  expect(t).toHaveLength(400);
  expect(t[0]).toBe(0);
  expect(t[399]).toBe(24_999);
  expect(t.every((x, i) => i === 0 || x > t[i - 1])).toBe(true);
  expect(thin([1, 2, 3], 400)).toEqual([1, 2, 3]);
});

test("a log axis labels 1, 2 and 5 × 10^k only", () => {
  expect([0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 1000, 2000].every(isRoundOnLog)).toBe(true);
  expect([0.3, 3, 4, 7, 30, 900, 0, -1].some(isRoundOnLog)).toBe(false);
});

test("drift history: one line per class by date (a date logged twice keeps its last row); the latest rows", () => {
  const row = (asOf: string, assetClass: string, drift: number): DriftHistoryRow => ({ asOf, assetClass, drift, value: 1, weight: 0.5 + drift, target: 0.5, status: "In band" });
  const rows = [row("2026-03-31", "Stocks", 0.02), row("2026-03-31", "Bonds", -0.02), row("2025-12-31", "Stocks", 0.01), row("2026-03-31", "Stocks", 0.03), row("2025-12-31", "Bonds", -0.01)];
  expect(driftSeries(rows)).toEqual([
    { name: "Stocks", points: [{ x: "2025-12-31", y: 0.01 }, { x: "2026-03-31", y: 0.03 }] },
    { name: "Bonds", points: [{ x: "2025-12-31", y: -0.01 }, { x: "2026-03-31", y: -0.02 }] },
  ]);
  expect(latestRows(rows).map((r) => [r.assetClass, r.drift])).toEqual([["Stocks", 0.03], ["Bonds", -0.02]]);
  expect(latestRows([])).toEqual([]);
});

test("inside Excel the pane has Rebalance, Backtest, History and Compare tabs; standalone shows them once a file is open", async () => {
  const { App } = await import("../../src/taskpane/components/App");
  const never = async (): Promise<never> => {
    throw new Error("not called while rendering");
  };
  const excel = { rebalance: never, select: async () => true, latest: () => null, subscribe: () => () => undefined, readWorkbook: never, writeBacktest: never, createStarter: never };
  const start = () => ({ result: never(), cancel: () => undefined });
  const html = renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <App host={{ kind: "excel", host: "Excel", platform: "PC", officeLoaded: true }} plan={never} excel={excel} start={start} read={never} />
    </FluentProvider>,
  );
  expect(html.match(/data-testid="tab-(\w+)"/g)).toEqual(['data-testid="tab-rebalance"', 'data-testid="tab-backtest"', 'data-testid="tab-history"', 'data-testid="tab-compare"']);
  // The first view is drawn; the others only when their tab is chosen (History reads the workbook then).
  expect(html).toContain('data-testid="rebalance-button"');
  expect(html).not.toContain('data-testid="history"');
  const standalone = renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <App host={{ kind: "standalone", host: null, platform: null, officeLoaded: true }} plan={never} start={start} read={never} />
    </FluentProvider>,
  );
  expect(standalone).not.toContain('data-testid="tab-backtest"');
});


test("the worker's backtest job: Excel's snapshot (copied as postMessage copies it) and a file's bytes give the runner's results, with progress per policy", async () => {
  const { paneWorkerApi } = await import("../../src/taskpane/worker/jobs");
  const data = fs.readFileSync(path.join(__dirname, "..", "..", "samples", "backtest-sdira-annual.xlsx"));
  const snapshot = await readWorkbookSnapshot(data);
  const expected = backtestWorkbook(snapshot);
  if (!expected.ok) throw new Error("sample should run");
  const progress: [number, number][] = [];
  const fromExcel = await paneWorkerApi.backtest({ kind: "snapshot", snapshot: posted(snapshot) }, (d, t) => progress.push([d, t]));
  expect(progress).toEqual(Array.from({ length: 16 }, (_, i) => [i + 1, 16]));
  // What comes back crosses postMessage too: the typed arrays survive the copy.
  const back = posted(fromExcel);
  if (!back.ok) throw new Error("should run");
  expect(back.results.map((r) => r.metrics)).toEqual(expected.results.map((r) => r.metrics));
  expect(back.results[0].simulation.values).toBeInstanceOf(Float64Array);
  const ab = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
  const fromFile = await paneWorkerApi.backtest({ kind: "file", name: "bt.xlsx", data: ab }, () => undefined);
  expect(fromFile.ok && fromFile.results.map((r) => r.metrics.finalValue)).toEqual(expected.results.map((r) => r.metrics.finalValue));
  const notAWorkbook = await paneWorkerApi.backtest({ kind: "file", name: "x.xlsx", data: new TextEncoder().encode("plain text").buffer as ArrayBuffer }, () => undefined);
  expect(!notAWorkbook.ok && notAWorkbook.errors[0].text).toMatch(/^"x\.xlsx" could not be read as an Excel workbook/);
});

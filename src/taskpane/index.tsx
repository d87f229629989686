/** Entry of the pane (taskpane.html, the add-in's shared runtime page). */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, Spinner } from "@fluentui/react-components";
import { App } from "./components/App";
import { detectHost, excelActions, officeBackground } from "./office";
import { fluentTheme, themeName } from "./theme";
import { downloadBytes, downloadText } from "./download";
import { cancelFileWork, fileWork, startBacktest } from "./workers";
import type { StandaloneFiles } from "./components/WorkbookPlanner";

// Reading and writing .xlsx files (exceljs) and the optimizer run in the pane's worker (./workers.ts), not
// on the page: the page never loads exceljs or the solver, and its main thread stays free to render. Inside
// Excel the pane reads and writes the workbook through Office.js on the page, and the worker makes the plans
// (Rebalance, a Policy edit's re-plan, Compare, a saved copy's plan) and runs backtests.

/** The sample is served beside the page (copied into dist/assets by webpack). */
const SAMPLE_URL = "assets/sdira-sample.xlsx";

const files: StandaloneFiles = {
  sample: async () => {
    const response = await fetch(SAMPLE_URL);
    if (!response.ok) throw new Error(`the sample could not be fetched (${response.status} ${response.statusText})`);
    return { name: "sdira-sample.xlsx", data: await response.arrayBuffer() };
  },
  update: fileWork.update,
  save: (fileName, bytes) => downloadBytes(fileName, bytes),
  edit: fileWork.edit,
  read: fileWork.read,
  starter: fileWork.starter,
  cancel: cancelFileWork,
};

// The file worker starts now and loads the solver while Office.js starts and the page draws: standalone mode
// plans files in it, and inside Excel Rebalance, Compare and a saved copy's plan use it. Then it reads and plans
// the sample once, so the first real plan (the sample's or the advisor's) runs on warm code.
void fileWork.warm();
void files.sample().then((sample) => fileWork.warm(sample), () => undefined);

const container = document.getElementById("container");
if (!container) throw new Error("taskpane.html has no #container element");
const root = createRoot(container);

const dark = typeof window.matchMedia === "function" ? window.matchMedia("(prefers-color-scheme: dark)") : null;

/**
 * The pane in the theme of the moment: Office's inside Office (read when the pane starts: Excel has no
 * theme-changed event for add-ins; a reopened pane takes the new theme), the browser's preference outside.
 */
let content: React.ReactNode = <Spinner style={{ marginTop: "48px" }} label="Starting…" />;
function draw(): void {
  const name = themeName(officeBackground(), dark?.matches ?? false);
  document.body.dataset.theme = name;
  root.render(
    <FluentProvider theme={fluentTheme(name)} style={{ minHeight: "100vh" }} data-testid="theme">
      {content}
    </FluentProvider>,
  );
}

draw();
dark?.addEventListener("change", draw);
void detectHost().then((host) => {
  document.body.dataset.mode = host.kind;
  content = <App host={host} plan={fileWork.plan} excel={host.kind === "excel" ? excelActions({ rebalance: fileWork.rebalance, plan: fileWork.planSnapshot, cancel: cancelFileWork }) : undefined} download={downloadText} start={startBacktest} read={fileWork.read} files={files} compare={fileWork.compare} />;
  draw();
});

/** Entry of the pane (taskpane.html, the add-in's shared runtime page). */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, Spinner } from "@fluentui/react-components";
import { App } from "./components/App";
import { detectHost, excelActions, officeBackground } from "./office";
import { fluentTheme, themeName } from "./theme";
import { downloadBytes, downloadText } from "./download";
import { startBacktest } from "./workers";
import type { Planner, StandaloneFiles } from "./components/WorkbookPlanner";
import type { SnapshotReader } from "./components/App";

// Reading and writing .xlsx files (exceljs) is loaded on first use, not with the pane: inside Excel the
// pane reads the workbook through Office.js and never needs it.
const planFile: Planner = async (name, data, doNotTrade) => (await import(/* webpackChunkName: "xlsx-plan" */ "./planFile")).planFile(name, data, doNotTrade);
const readFileSnapshot: SnapshotReader = async (name, data) => (await import(/* webpackChunkName: "xlsx-plan" */ "./readFile")).readFileSnapshot(name, data);

/** The sample is served beside the page (copied into dist/assets by webpack). */
const SAMPLE_URL = "assets/sdira-sample.xlsx";

const files: StandaloneFiles = {
  sample: async () => {
    const response = await fetch(SAMPLE_URL);
    if (!response.ok) throw new Error(`the sample could not be fetched (${response.status} ${response.statusText})`);
    return { name: "sdira-sample.xlsx", data: await response.arrayBuffer() };
  },
  update: async (name, data, doNotTrade) => (await import(/* webpackChunkName: "xlsx-update" */ "./updateFile")).updatedWorkbook(name, data, doNotTrade),
  save: (fileName, bytes) => downloadBytes(fileName, bytes),
  edit: async (name, data, edits) => (await import(/* webpackChunkName: "xlsx-edit" */ "./editFile")).editedWorkbook(name, data, edits),
  read: readFileSnapshot,
  starter: async () => (await import(/* webpackChunkName: "xlsx-starter" */ "./starterFile")).starterFile(),
};

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
  content = <App host={host} plan={planFile} excel={host.kind === "excel" ? excelActions : undefined} download={downloadText} start={startBacktest} read={readFileSnapshot} files={files} />;
  draw();
});

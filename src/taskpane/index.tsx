/** Entry of the pane (taskpane.html, the add-in's shared runtime page). */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, Spinner, webLightTheme } from "@fluentui/react-components";
import { App } from "./components/App";
import { detectHost, excelActions } from "./office";
import { downloadBytes, downloadText } from "./download";
import { startBacktest } from "./workers";
import type { Planner, StandaloneFiles } from "./components/WorkbookPlanner";
import type { SnapshotReader } from "./components/App";

// Reading and writing .xlsx files (exceljs) is loaded on first use, not with the pane: inside Excel the
// pane reads the workbook through Office.js and never needs it.
const planFile: Planner = async (name, data) => (await import(/* webpackChunkName: "xlsx-plan" */ "./planFile")).planFile(name, data);
const readFileSnapshot: SnapshotReader = async (name, data) => (await import(/* webpackChunkName: "xlsx-plan" */ "./readFile")).readFileSnapshot(name, data);

/** The sample is served beside the page (copied into dist/assets by webpack). */
const SAMPLE_URL = "assets/sdira-sample.xlsx";

const files: StandaloneFiles = {
  sample: async () => {
    const response = await fetch(SAMPLE_URL);
    if (!response.ok) throw new Error(`the sample could not be fetched (${response.status} ${response.statusText})`);
    return { name: "sdira-sample.xlsx", data: await response.arrayBuffer() };
  },
  update: async (name, data) => (await import(/* webpackChunkName: "xlsx-update" */ "./updateFile")).updatedWorkbook(name, data),
  save: (fileName, bytes) => downloadBytes(fileName, bytes),
};

const container = document.getElementById("container");
if (!container) throw new Error("taskpane.html has no #container element");
const root = createRoot(container);

const shell = (child: React.ReactNode) => (
  <FluentProvider theme={webLightTheme} style={{ minHeight: "100vh" }}>
    {child}
  </FluentProvider>
);

root.render(shell(<Spinner style={{ marginTop: "48px" }} label="Starting…" />));
void detectHost().then((host) => {
  document.body.dataset.mode = host.kind;
  root.render(shell(<App host={host} plan={planFile} excel={host.kind === "excel" ? excelActions : undefined} download={downloadText} start={startBacktest} read={readFileSnapshot} files={files} />));
});

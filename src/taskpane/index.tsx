/** Entry of the pane (taskpane.html, the add-in's shared runtime page). */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, Spinner, webLightTheme } from "@fluentui/react-components";
import { App } from "./components/App";
import { detectHost, excelActions } from "./office";
import { downloadText } from "./download";
import { planFile } from "./planFile";
import { readFileSnapshot } from "./readFile";
import { startBacktest } from "./workers";

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
  root.render(shell(<App host={host} plan={planFile} excel={host.kind === "excel" ? excelActions : undefined} download={downloadText} start={startBacktest} read={readFileSnapshot} />));
});

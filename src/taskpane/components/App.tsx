/** The pane: a header, what this host can do, and the workbook planner. */
import * as React from "react";
import { Body1, Caption1, MessageBar, MessageBarBody, MessageBarTitle, Title3, makeStyles, tokens } from "@fluentui/react-components";
import type { ExcelActions, HostInfo } from "../office";
import { Planner, WorkbookPlanner } from "./WorkbookPlanner";
import { ExcelRebalance } from "./ExcelRebalance";

const useStyles = makeStyles({
  root: {
    boxSizing: "border-box",
    maxWidth: "1120px",
    margin: "0 auto",
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM },
  logo: { width: "32px", height: "32px" },
  titles: { display: "flex", flexDirection: "column" },
  sub: { color: tokens.colorNeutralForeground2 },
});

function Header({ subtitle }: { subtitle: string }) {
  const s = useStyles();
  return (
    <header className={s.header}>
      <img className={s.logo} src="assets/icon-32.png" alt="" />
      <div className={s.titles}>
        <Title3 as="h1">SDIRA Rebalancer</Title3>
        <Caption1 className={s.sub} data-testid="mode">
          {subtitle}
        </Caption1>
      </div>
    </header>
  );
}

/** excel and download: what the pane may ask of Excel and of the browser (injected by index.tsx). */
export function App({ host, plan, excel, download }: { host: HostInfo; plan: Planner; excel?: ExcelActions; download?: (fileName: string, text: string) => boolean }) {
  const s = useStyles();
  if (host.kind === "excel") {
    return (
      <main className={s.root}>
        <Header subtitle="In Excel" />
        {excel ? (
          <ExcelRebalance actions={excel} download={download ?? (() => false)} />
        ) : (
          <MessageBar intent="info" layout="multiline" data-testid="excel-note">
            <MessageBarBody>
              <MessageBarTitle>This pane cannot reach the workbook</MessageBarTitle>
              You can plan a saved copy of it: open the .xlsx file below.
            </MessageBarBody>
          </MessageBar>
        )}
        <Caption1 className={s.sub}>Or plan a saved copy of a workbook without writing to it:</Caption1>
        <WorkbookPlanner plan={plan} download={download} />
      </main>
    );
  }
  if (host.kind === "other") {
    return (
      <main className={s.root}>
        <Header subtitle={`In ${host.host ?? "Office"}`} />
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>SDIRA Rebalancer is an Excel add-in; {host.host ?? "this application"} is not supported.</MessageBarBody>
        </MessageBar>
      </main>
    );
  }
  return (
    <main className={s.root}>
      <Header subtitle="Standalone mode: plan an .xlsx workbook in this browser" />
      <Body1>
        Open a workbook with the named ranges <b>Holdings</b>, <b>Targets</b> and (optionally) <b>Policy</b> to see its drift, the rebalance
        decision and the proposed trades.
      </Body1>
      {!host.officeLoaded && (
        <Caption1 className={s.sub}>Office.js did not load; that is fine here, standalone mode does not need it.</Caption1>
      )}
      <WorkbookPlanner plan={plan} download={download} />
    </main>
  );
}

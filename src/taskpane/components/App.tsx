/** The pane: a header, what this host can do, and the workbook planner. */
import * as React from "react";
import { Body1, Caption1, MessageBar, MessageBarBody, MessageBarTitle, Title3, makeStyles, tokens } from "@fluentui/react-components";
import type { ExcelActions, HostInfo } from "../office";
import { OpenedFile, Planner, StandaloneFiles, WorkbookPlanner } from "./WorkbookPlanner";
import { ExcelRebalance } from "./ExcelRebalance";
import { heldStillIn } from "./plan/BookView";
import type { BookDoNotTrade } from "../../plans/plan-workbook";
import { PaneTab, PaneTabs } from "./Tabs";
import { LazyBacktestPanel as BacktestPanel, LazyComparePanel as ComparePanel, LazyHistoryPanel as HistoryPanel, LazyPolicyView as PolicyView } from "./LazyViews";
import type { UseVariant } from "./compare/CompareTable";
import type { SaveEdits } from "./WorkbookPlanner";
import type { WorkbookEdits } from "../../plans/workbook-edit";
import type { CompareOutcome } from "../../plans/compare-json";
import { ExcelStarter } from "./starter/ExcelStarter";
import type { HistoryOutcome } from "./history/HistoryPanel";
import type { StartBacktest, WorkbookSource } from "../workers";
import type { WorkbookSnapshot } from "../../contract/snapshot";
import type { FileSnapshot } from "../readFile";
import { readDriftHistory, DRIFT_HISTORY_KEY } from "../../contract/drift-history";

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

/** The Drift History of a snapshot, as the History view shows it. */
export function historyOf(snapshot: WorkbookSnapshot): HistoryOutcome {
  return { ok: true, history: readDriftHistory(snapshot.ranges[DRIFT_HISTORY_KEY], snapshot.dateSystem) };
}

/** What the pane reads a saved workbook with (injected: the page reads it with exceljs, tests with a stand-in). */
export type SnapshotReader = (name: string, data: ArrayBuffer) => Promise<FileSnapshot>;

/** Compares a workbook under every strategy, holding still what the plan shown holds still (the page gives the worker's; tests may give their own). */
export type Comparer = (source: WorkbookSource, doNotTrade: readonly BookDoNotTrade[]) => Promise<CompareOutcome>;

/** The engine's comparison on this thread (loaded on first use, with the solver): for tests and pages without the worker. */
const compareHere: Comparer = async (source, doNotTrade) => {
  const { compareSnapshot } = await import(/* webpackChunkName: "compare" */ "../compare");
  if (source.kind === "snapshot") return compareSnapshot(source.snapshot, doNotTrade);
  const { readFileSnapshot } = await import(/* webpackChunkName: "compare" */ "../readFile");
  const r = await readFileSnapshot(source.name, source.data);
  return r.ok ? compareSnapshot(r.snapshot, doNotTrade) : r;
};

/** The exclusions' part of a view's version: the view reads again when a trade is excluded or let trade again. */
const heldKey = (held: readonly BookDoNotTrade[]) => JSON.stringify(held.map((d) => [d.household ?? null, d.account, d.symbol]));

/** The Policy edit "Use this" makes: the compared variant's Strategy, Rebalance To (a flow-only strategy leaves it as it is) and Optimizer. */
export function useEdits(strategy: string, rebalanceTo: string | null, optimizer: string | null): WorkbookEdits {
  return { policy: { Strategy: strategy, ...(rebalanceTo === null ? {} : { "Rebalance To": rebalanceTo }), ...(optimizer ? { Optimizer: optimizer } : {}) } };
}

/** Changes with each file opened and each edit saved into it: the views of the file read it again. */
const fileVersion = (file: OpenedFile) => file.run * 100000 + (file.edits ?? 0);

/** Backtest, History and Compare of a file opened in the pane (Compare holds still what the plan shown holds still); Compare's "Use this" saves the variant into the file's Policy (as the Policy view's Save does). */
function fileTabs(file: OpenedFile, start: StartBacktest, read: SnapshotReader, compareWith: Comparer, save?: SaveEdits, held: readonly BookDoNotTrade[] = []): PaneTab[] {
  const onUse: UseVariant | undefined = save ? (strategy, rebalanceTo, optimizer) => void save(useEdits(strategy, rebalanceTo, optimizer)) : undefined;
  const load = async (): Promise<HistoryOutcome> => {
    const r = await read(file.name, file.data.slice(0));
    return r.ok ? historyOf(r.snapshot) : { ok: false, message: r.errors.map((e) => e.text).join("; ") };
  };
  const compare = (): Promise<CompareOutcome> => compareWith({ kind: "file", name: file.name, data: file.data.slice(0) }, held);
  return [
    { value: "backtest", label: "Backtest", content: <BacktestPanel start={start} source={async () => ({ kind: "file", name: file.name, data: file.data.slice(0) })} /> },
    { value: "history", label: "History", content: <HistoryPanel load={load} version={fileVersion(file)} /> },
    { value: "compare", label: "Compare", content: <ComparePanel load={compare} version={`${fileVersion(file)}|${heldKey(held)}`} onUse={onUse} /> },
  ];
}

/** The views inside Excel: Rebalance, Policy (written into the Policy and Targets ranges), Backtest (run in the worker, written as the Backtest sheet), History and Compare ("Use this" writes the Policy); the starter sheets above them for a workbook without the contract's names. */
function ExcelViews({ excel, download, start, compare }: { excel: ExcelActions; download: (fileName: string, text: string) => boolean; start: StartBacktest; compare: Comparer }) {
  const [version, setVersion] = React.useState(0);
  React.useEffect(() => excel.subscribe(() => setVersion((v) => v + 1)), [excel]);
  const loadHistory = async (): Promise<HistoryOutcome> => historyOf(await excel.readWorkbook());
  const select = (e: { sheet: string; cell: string }) => void excel.select(e.sheet, e.cell);
  const edit = excel.editWorkbook;
  // What the plan shown holds still (Do Not Trade for this plan): Compare holds it still too.
  const last = excel.latest();
  const held = last && "outcome" in last && last.outcome.ok ? heldStillIn(last.outcome.households) : [];
  // "Use this" writes the variant into the Policy range, then every view reads the workbook again.
  const onUse: UseVariant | undefined = edit ? (strategy, rebalanceTo, optimizer) => void edit(useEdits(strategy, rebalanceTo, optimizer)).then(() => setVersion((v) => v + 1)) : undefined;
  const policy = edit
    ? [{ value: "policy", label: "Policy", content: <PolicyView load={async () => ({ ok: true as const, snapshot: await excel.readWorkbook() })} save={(edits) => edit(edits)} onSelect={select} /> }]
    : [];
  return (
    <>
    <ExcelStarter actions={excel} version={version} onCreated={() => setVersion((v) => v + 1)} />
    <PaneTabs
      label="Views"
      tabs={[
        { value: "rebalance", label: "Rebalance", content: <ExcelRebalance actions={excel} download={download} /> },
        ...policy,
        {
          value: "backtest",
          label: "Backtest",
          content: (
            <BacktestPanel
              start={start}
              onSelect={select}
              source={async () => ({ kind: "snapshot", snapshot: await excel.readWorkbook() })}
              write={async (input, results, source) => {
                if (source.kind !== "snapshot") throw new Error("a backtest of a file cannot be written into this workbook");
                return excel.writeBacktest(input, results, source.snapshot);
              }}
            />
          ),
        },
        { value: "history", label: "History", content: <HistoryPanel load={loadHistory} version={version} /> },
        { value: "compare", label: "Compare", content: <ComparePanel load={async () => compare({ kind: "snapshot", snapshot: await excel.readWorkbook() }, held)} version={`${version}|${heldKey(held)}`} onUse={onUse} onSelect={select} /> },
      ]}
    />
    </>
  );
}

/**
 * excel and download: what the pane may ask of Excel and of the browser; start: long work in the
 * pane's worker; read: a saved workbook's snapshot; files: standalone mode's sample and updated
 * workbook; compare: the Compare view's work (all injected by index.tsx: the file work and Compare run
 * in the pane's worker; without `compare`, Compare runs on this thread).
 */
export function App({
  host,
  plan,
  excel,
  download,
  start,
  read,
  files,
  compare = compareHere,
}: {
  host: HostInfo;
  plan: Planner;
  excel?: ExcelActions;
  download?: (fileName: string, text: string) => boolean;
  start?: StartBacktest;
  read?: SnapshotReader;
  files?: StandaloneFiles;
  compare?: Comparer;
}) {
  const s = useStyles();
  const tabs = start && read ? (file: OpenedFile, save: SaveEdits, held: readonly BookDoNotTrade[]) => fileTabs(file, start, read, compare, save, held) : undefined;
  if (host.kind === "excel") {
    return (
      <main className={s.root}>
        <Header subtitle="In Excel" />
        {excel && start ? (
          <ExcelViews excel={excel} download={download ?? (() => false)} start={start} compare={compare} />
        ) : excel ? (
          <>
            <ExcelStarter actions={excel} version={0} />
            <ExcelRebalance actions={excel} download={download ?? (() => false)} />
          </>
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
      <WorkbookPlanner plan={plan} download={download} tabs={tabs} files={files} />
    </main>
  );
}

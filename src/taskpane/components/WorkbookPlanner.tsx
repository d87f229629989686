/** Open an .xlsx file (picker or drag and drop) and show its plan or its problems. */
import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { PlanOutcome } from "../planFile";
import type { UpdateOutcome } from "../updateFile";
import type { EditOutcome } from "../editFile";
import type { FileSnapshot } from "../readFile";
import type { WorkbookEdits } from "../../plans/workbook-edit";
import type { BookDoNotTrade } from "../../plans/plan-workbook";
import type { SaveOutcome } from "./policy/PolicyView";
import { LazyPolicyView } from "./LazyViews";
import { ordersCsvFromJson, ordersFileName } from "../../plans/orders-csv";
import { ErrorList } from "./ErrorList";
import { BookView, heldStillIn } from "./plan/BookView";
import { preloadHoldPicker } from "./plan/holdPickerChunk";
import { PaneTab, PaneTabs } from "./Tabs";
import { StarterCard, StarterResult } from "./starter/StarterCard";

/** Plans a file's bytes (`doNotTrade`: positions held still for this plan); injected so the component stays free of I/O and Office. */
export type Planner = (name: string, data: ArrayBuffer, doNotTrade?: readonly BookDoNotTrade[]) => Promise<PlanOutcome>;

/** A workbook file opened in the pane; run counts the files opened so far, edits the edits saved into it since. */
export interface OpenedFile {
  name: string;
  data: ArrayBuffer;
  run: number;
  edits?: number;
}

/** Writes Policy settings and Targets into the opened file and plans it again: the Policy view's Save, for any view to use. */
export type SaveEdits = (edits: WorkbookEdits) => Promise<SaveOutcome>;

/** run: how many files have been opened so far (the newest wins when they overlap). */
type State =
  | { kind: "idle"; run: 0 }
  | { kind: "reading"; run: number; name: string; file: OpenedFile }
  | { kind: "done"; run: number; name: string; outcome: PlanOutcome; file: OpenedFile }
  | { kind: "failed"; run: number; name: string; message: string }
  | { kind: "cancelled"; run: number; name: string };

const useStyles = makeStyles({
  drop: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
    textAlign: "center",
  },
  dragging: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  file: { marginTop: tokens.spacingVerticalM, display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  progress: { flexGrow: 1, minWidth: "120px", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  result: { marginTop: tokens.spacingVerticalM },
});

function isXlsx(name: string): boolean {
  return /\.xlsx$/i.test(name);
}

/** Standalone mode's files: the sample to try, and the opened workbook updated with its rebalance. */
export interface StandaloneFiles {
  /** The sample workbook's bytes (fetched from the add-in's own origin). */
  sample: () => Promise<{ name: string; data: ArrayBuffer }>;
  /** The workbook with the rebalance written into it (the exceljs adapter, loaded when asked for). */
  update: (name: string, data: ArrayBuffer, doNotTrade?: readonly BookDoNotTrade[]) => Promise<UpdateOutcome>;
  /** Saves bytes as a download; false when the browser cannot. */
  save: (fileName: string, bytes: Uint8Array) => boolean;
  /** The file with Policy and Targets edits written into their ranges (the exceljs adapter, loaded when asked for); with `read`, the file gets a Policy tab. */
  edit?: (name: string, data: ArrayBuffer, edits: WorkbookEdits) => Promise<EditOutcome>;
  /** Reads the file's contract ranges (for the Policy view). */
  read?: (name: string, data: ArrayBuffer) => Promise<FileSnapshot>;
  /** The starter workbook (the sample household under the contract's names), made in the browser when asked for. */
  starter?: () => Promise<{ fileName: string; bytes: Uint8Array }>;
  /** Stops the file work under way (it runs in the pane's worker); the calls waiting on it reject with a CancelledError. */
  cancel?: () => void;
}

/** What a cancelled call rejects with (../workers.ts's CancelledError, told by name so this file stays free of the worker). */
const isCancelled = (err: unknown) => err instanceof Error && err.name === "CancelledError";

/** What "Download updated workbook" has done for the file shown. */
type Update = { kind: "none" } | { kind: "working" } | { kind: "saved"; fileName: string } | { kind: "failed"; outcome: Extract<UpdateOutcome, { ok: false }> } | { kind: "error"; message: string };

/**
 * download (optional): saves the plan's order CSV; when given, a planned file offers "Export orders (CSV)".
 * tabs (optional): more views of the opened file, shown as tabs after "Rebalance" (and "Policy"); `save` writes
 *   Policy settings into the file and plans it again, as the Policy view's Save does.
 * files (optional): "Try the sample" and "Download updated workbook".
 */
export function WorkbookPlanner({
  plan,
  download,
  tabs,
  files,
}: {
  plan: Planner;
  download?: (fileName: string, text: string) => boolean;
  /** The file's further views; `held`: what the plan shown holds still (Do Not Trade for this plan). */
  tabs?: (file: OpenedFile, save: SaveEdits, held: readonly BookDoNotTrade[]) => PaneTab[];
  files?: StandaloneFiles;
}) {
  const s = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const [state, setState] = React.useState<State>({ kind: "idle", run: 0 });
  const [update, setUpdate] = React.useState<Update>({ kind: "none" });
  const [dragging, setDragging] = React.useState(false);
  const run = React.useRef(0);
  // A plan is drawn as a transition: React renders it in slices between which the page stays responsive.
  const show = (next: State) => React.startTransition(() => setState(next));

  const open = React.useCallback(
    async (file: { name: string; arrayBuffer: () => Promise<ArrayBuffer> }) => {
      const id = ++run.current;
      setUpdate({ kind: "none" });
      preloadHoldPicker();
      if (!isXlsx(file.name)) {
        setState({ kind: "failed", run: id, name: file.name, message: `"${file.name}" is not an .xlsx workbook. Save it from Excel as an Excel Workbook (.xlsx) and open that file.` });
        return;
      }
      try {
        const opened: OpenedFile = { name: file.name, data: await file.arrayBuffer(), run: id };
        if (id === run.current) setState({ kind: "reading", run: id, name: file.name, file: opened });
        const outcome = await plan(file.name, opened.data.slice(0));
        if (id === run.current) show({ kind: "done", run: id, name: file.name, outcome, file: opened });
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        if (id !== run.current) return;
        setState(isCancelled(err) ? { kind: "cancelled", run: id, name: file.name } : { kind: "failed", run: id, name: file.name, message: `Planning failed unexpectedly: ${message}` });
      }
    },
    [plan]
  );

  const trySample = () => {
    if (!files) return;
    void open({
      name: "sdira-sample.xlsx",
      arrayBuffer: async () => {
        const sample = await files.sample();
        return sample.data;
      },
    });
  };

  /** What the shown plans hold still: the exclusions a re-plan or download keeps. */
  const heldStill = (): BookDoNotTrade[] => (state.kind === "done" && state.outcome.ok ? heldStillIn(state.outcome.households) : []);
  const [replanning, setReplanning] = React.useState(false);

  /** Re-plans the file shown with these positions held still (Do Not Trade for this plan; the file is not changed). */
  const replan = async (file: OpenedFile, doNotTrade: BookDoNotTrade[]) => {
    setReplanning(true);
    try {
      const outcome = await plan(file.name, file.data.slice(0), doNotTrade);
      if (file.run === run.current) {
        show({ kind: "done", run: file.run, name: file.name, outcome, file });
        setUpdate({ kind: "none" });
      }
    } catch (err) {
      // A cancelled re-plan leaves the plan shown as it was.
      if (!isCancelled(err)) throw err;
    } finally {
      setReplanning(false);
    }
  };

  const writeUpdated = async (file: OpenedFile) => {
    if (!files) return;
    setUpdate({ kind: "working" });
    try {
      const outcome = await files.update(file.name, file.data.slice(0), heldStill());
      if (file.run !== run.current) return;
      if (!outcome.ok) setUpdate({ kind: "failed", outcome });
      else if (files.save(outcome.fileName, outcome.bytes)) setUpdate({ kind: "saved", fileName: outcome.fileName });
      else setUpdate({ kind: "error", message: "This browser could not save the file." });
    } catch (err) {
      setUpdate(isCancelled(err) ? { kind: "none" } : { kind: "error", message: err instanceof Error ? err.message : String(err) });
    }
  };

  /** Writes the edits into the file's bytes, keeps them as the file shown, and plans them (the Rebalance tab shows the new plan). */
  const saveEdits = async (file: OpenedFile, edits: WorkbookEdits): Promise<SaveOutcome> => {
    if (!files?.edit) return { ok: false, errors: [{ sheet: "", cell: "", message: "This pane cannot edit files", text: "This pane cannot edit files" }] };
    const r = await files.edit(file.name, file.data.slice(0), edits);
    if (!r.ok) return r;
    const next: OpenedFile = { ...file, data: r.data, edits: (file.edits ?? 0) + 1 };
    const outcome = await plan(file.name, r.data.slice(0), heldStill());
    if (file.run === run.current) {
      show({ kind: "done", run: file.run, name: file.name, outcome, file: next });
      setUpdate({ kind: "none" });
    }
    return { ok: true, written: r.written, book: outcome };
  };

  const makeStarter = async (): Promise<StarterResult> => {
    const made = await files!.starter!();
    if (files!.save(made.fileName, made.bytes)) return { ok: true, message: `Saved ${made.fileName}: open it in Excel (or here) to plan the sample household, then type your own figures over it.` };
    const message = "This browser could not save the file.";
    return { ok: false, errors: [{ sheet: "", cell: "", message, text: message }] };
  };
  // Offered before any file is opened, and for an opened workbook that has none of the contract's names.
  const offerStarter = files?.starter && (state.kind === "idle" || (state.kind === "done" && !state.outcome.ok && state.outcome.empty === true));

  const onPick = (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (file) void open(file);
  };
  const onDrop = (e: React.DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files?.[0];
    if (file) void open(file);
  };

  const rebalance = (
    <div className={s.result} aria-live="polite" data-testid="result" data-run={state.run} data-state={state.kind}>
      {state.kind === "cancelled" && (
        <MessageBar intent="info" layout="multiline" data-testid="cancelled">
          <MessageBarBody>Cancelled: {state.name} was not planned.</MessageBarBody>
        </MessageBar>
      )}
      {state.kind === "failed" && (
        <MessageBar intent="error" layout="multiline" data-testid="failure">
          <MessageBarBody>
            <MessageBarTitle>Could not plan {state.name}</MessageBarTitle>
            {state.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.kind === "done" && state.outcome.ok && files && (
        <div className={s.file}>
          <Button data-testid="download-updated" disabled={update.kind === "working"} onClick={() => void writeUpdated(state.file)}>
            Download updated workbook
          </Button>
          {update.kind === "working" && <Spinner size="tiny" label="Writing the Rebalance sheet…" />}
          {update.kind === "saved" && <Caption1 data-testid="download-updated-done">Saved {update.fileName}: the Rebalance sheet, drift columns and a log row, as Rebalance writes them in Excel.</Caption1>}
          {update.kind === "error" && <Caption1 data-testid="download-updated-done">Could not write the workbook: {update.message}</Caption1>}
        </div>
      )}
      {update.kind === "failed" && <ErrorList errors={update.outcome.errors} />}
      {state.kind === "done" &&
        (state.outcome.ok ? (
          <BookView
            households={state.outcome.households}
            steer={{ busy: replanning, hold: (doNotTrade) => void replan(state.file, doNotTrade) }}
            actions={
              download
                ? (h) =>
                    h.plan.trades.length > 0 && (
                      <Button data-testid="export-orders" onClick={() => download(ordersFileName(h.plan.asOf, h.household), ordersCsvFromJson(h.plan))}>
                        Export orders (CSV){h.household === null ? "" : ` for ${h.household}`}
                      </Button>
                    )
                : undefined
            }
          />
        ) : (
          <ErrorList errors={state.outcome.errors} />
        ))}
    </div>
  );
  const opened = "file" in state ? state.file : null;
  const reader = files?.read;
  const policy: PaneTab[] =
    opened && reader && files?.edit
      ? [
          {
            value: "policy",
            label: "Policy",
            content: <LazyPolicyView load={async () => reader(opened.name, opened.data.slice(0))} save={(edits) => saveEdits(opened, edits)} version={opened.edits ?? 0} />,
          },
        ]
      : [];
  const more = [...policy, ...(tabs && opened ? tabs(opened, (edits) => saveEdits(opened, edits), heldStill()) : [])];

  return (
    <div>
      <div
        className={mergeClasses(s.drop, dragging && s.dragging)}
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <Body1>Drop an .xlsx workbook here, or</Body1>
        <div className={s.file}>
          <Button appearance="primary" onClick={() => input.current?.click()}>
            Open workbook…
          </Button>
          {files && (
            <Button data-testid="try-sample" onClick={trySample}>
              Try the sample
            </Button>
          )}
        </div>
        <Caption1>The file is read in this browser; nothing is uploaded.</Caption1>
        <input
          ref={input}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label="Workbook file"
          hidden
          onChange={onPick}
        />
      </div>
      {state.kind !== "idle" && (
        <div className={s.file}>
          <Caption1 data-testid="file-name">{state.name}</Caption1>
          {state.kind === "reading" && (
            <>
              <div className={s.progress}>
                <ProgressBar aria-label={`Reading and planning ${state.name}`} data-testid="planning" />
                <Caption1>Reading and planning…</Caption1>
              </div>
              {files?.cancel && (
                <Button data-testid="cancel-plan" onClick={files.cancel}>
                  Cancel
                </Button>
              )}
            </>
          )}
        </div>
      )}
      {offerStarter && (
        <div className={s.result}>
          <StarterCard key={state.run} where="download" create={makeStarter} />
        </div>
      )}
      {more.length === 0 ? rebalance : <PaneTabs key={state.run} label="Views of this workbook" tabs={[{ value: "rebalance", label: "Rebalance", content: rebalance }, ...more]} />}
    </div>
  );
}

/** Open an .xlsx file (picker or drag and drop) and show its plan or its problems. */
import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { PlanOutcome } from "../planFile";
import { ordersCsvFromJson, ordersFileName } from "../../plans/orders";
import { ErrorList } from "./ErrorList";
import { BookView } from "./plan/BookView";
import { PaneTab, PaneTabs } from "./Tabs";

/** Plans a file's bytes; injected so the component stays free of I/O and Office. */
export type Planner = (name: string, data: ArrayBuffer) => Promise<PlanOutcome>;

/** A workbook file opened in the pane; run counts the files opened so far. */
export interface OpenedFile {
  name: string;
  data: ArrayBuffer;
  run: number;
}

/** run: how many files have been opened so far (the newest wins when they overlap). */
type State =
  | { kind: "idle"; run: 0 }
  | { kind: "reading"; run: number; name: string; file: OpenedFile }
  | { kind: "done"; run: number; name: string; outcome: PlanOutcome; file: OpenedFile }
  | { kind: "failed"; run: number; name: string; message: string };

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
  file: { marginTop: tokens.spacingVerticalM, display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center" },
  result: { marginTop: tokens.spacingVerticalM },
});

function isXlsx(name: string): boolean {
  return /\.xlsx$/i.test(name);
}

/**
 * download (optional): saves the plan's order CSV; when given, a planned file offers "Export orders (CSV)".
 * tabs (optional): more views of the opened file, shown as tabs after "Rebalance".
 */
export function WorkbookPlanner({ plan, download, tabs }: { plan: Planner; download?: (fileName: string, text: string) => boolean; tabs?: (file: OpenedFile) => PaneTab[] }) {
  const s = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const [state, setState] = React.useState<State>({ kind: "idle", run: 0 });
  const [dragging, setDragging] = React.useState(false);
  const run = React.useRef(0);

  const open = React.useCallback(
    async (file: File) => {
      const id = ++run.current;
      if (!isXlsx(file.name)) {
        setState({ kind: "failed", run: id, name: file.name, message: `"${file.name}" is not an .xlsx workbook. Save it from Excel as an Excel Workbook (.xlsx) and open that file.` });
        return;
      }
      try {
        const opened: OpenedFile = { name: file.name, data: await file.arrayBuffer(), run: id };
        if (id === run.current) setState({ kind: "reading", run: id, name: file.name, file: opened });
        const outcome = await plan(file.name, opened.data.slice(0));
        if (id === run.current) setState({ kind: "done", run: id, name: file.name, outcome, file: opened });
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        if (id === run.current) setState({ kind: "failed", run: id, name: file.name, message: `Planning failed unexpectedly: ${message}` });
      }
    },
    [plan]
  );

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
      {state.kind === "failed" && (
        <MessageBar intent="error" layout="multiline" data-testid="failure">
          <MessageBarBody>
            <MessageBarTitle>Could not plan {state.name}</MessageBarTitle>
            {state.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.kind === "done" &&
        (state.outcome.ok ? (
          <BookView
            households={state.outcome.households}
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
  const more = tabs && "file" in state ? tabs(state.file) : [];

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
        <Button appearance="primary" onClick={() => input.current?.click()}>
          Open workbook…
        </Button>
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
          {state.kind === "reading" && <Spinner size="tiny" label="Reading and planning…" />}
        </div>
      )}
      {more.length === 0 ? rebalance : <PaneTabs key={state.run} label="Views of this workbook" tabs={[{ value: "rebalance", label: "Rebalance", content: rebalance }, ...more]} />}
    </div>
  );
}

/**
 * The Backtest tab: runs the workbook's backtest (Targets, Returns, BacktestPolicies) in the pane's
 * worker with a progress bar and Cancel, then shows the metrics and the growth of 1 per policy. Inside
 * Excel the results can be written as the Backtest sheet. Work and Excel are reached only through props.
 */
import * as React from "react";
import { Body1, Button, Field, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import type { BacktestOutcome } from "../../../backtest/run";
import type { ContractError } from "../../../contract/errors";
import type { BacktestWriteOutcome } from "../../../excel/backtest";
import type { BacktestInput } from "../../../contract/backtest";
import type { BacktestResult } from "../../../backtest/run";
import { CancelledError, type BacktestSource, type StartBacktest } from "../../workers";
import { ErrorList } from "../ErrorList";
import { BacktestResults } from "./BacktestResults";

type Done = Extract<BacktestOutcome, { ok: true }>;

type State =
  | { kind: "idle" }
  | { kind: "running"; done: number; total: number }
  | { kind: "cancelled" }
  | { kind: "failed"; message: string }
  | { kind: "problems"; errors: ContractError[] }
  | { kind: "done"; outcome: Done; source: BacktestSource };

type WriteState = { kind: "idle" } | { kind: "writing" } | { kind: "written"; sheet: string } | { kind: "problems"; errors: ContractError[] } | { kind: "failed"; message: string };

export interface BacktestPanelProps {
  /** What to backtest, asked for when Run is clicked (inside Excel: the ranges read now). */
  source: () => Promise<BacktestSource>;
  start: StartBacktest;
  /** Inside Excel: writes the Backtest sheet of a finished run. */
  write?: (input: BacktestInput, results: BacktestResult[], source: BacktestSource) => Promise<BacktestWriteOutcome>;
  /** Inside Excel: a problem's address selects its cell. */
  onSelect?: (e: ContractError) => void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
});

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function BacktestPanel({ source, start, write, onSelect }: BacktestPanelProps) {
  const s = useStyles();
  const [state, setState] = React.useState<State>({ kind: "idle" });
  const [writeState, setWriteState] = React.useState<WriteState>({ kind: "idle" });
  const job = React.useRef<{ cancel(): void } | null>(null);

  React.useEffect(() => () => job.current?.cancel(), []);

  const run = async () => {
    setWriteState({ kind: "idle" });
    setState({ kind: "running", done: 0, total: 0 });
    try {
      const src = await source();
      const j = start(src, (done, total) => setState((st) => (st.kind === "running" ? { kind: "running", done, total } : st)));
      job.current = j;
      const outcome = await j.result;
      setState(outcome.ok ? { kind: "done", outcome, source: src } : { kind: "problems", errors: outcome.errors });
    } catch (err) {
      setState(err instanceof CancelledError ? { kind: "cancelled" } : { kind: "failed", message: message(err) });
    } finally {
      job.current = null;
    }
  };

  const writeSheet = async (done: Extract<State, { kind: "done" }>) => {
    if (!write) return;
    setWriteState({ kind: "writing" });
    try {
      const w = await write(done.outcome.input, done.outcome.results, done.source);
      setWriteState(w.ok ? { kind: "written", sheet: w.sheet } : { kind: "problems", errors: w.errors });
    } catch (err) {
      setWriteState({ kind: "failed", message: message(err) });
    }
  };

  const running = state.kind === "running";
  return (
    <section className={s.root} data-testid="backtest" aria-label="Backtest">
      <Body1>
        Simulates every policy of <b>BacktestPolicies</b> (or the standard set) over the <b>Returns</b> range, starting at the <b>Targets</b>.
      </Body1>
      <div className={s.row}>
        <Button appearance="primary" onClick={run} disabled={running} data-testid="backtest-run">
          Run backtest
        </Button>
        {running && (
          <Button onClick={() => job.current?.cancel()} data-testid="backtest-cancel">
            Cancel
          </Button>
        )}
      </div>
      <div aria-live="polite" data-testid="backtest-result" data-state={state.kind}>
        {running && (
          <Field validationMessage={state.total ? `${state.done} of ${state.total} policies` : "Reading the workbook…"} validationState="none">
            <ProgressBar aria-label="Backtest progress" value={state.total ? state.done / state.total : undefined} />
          </Field>
        )}
        {state.kind === "cancelled" && <Body1>Cancelled; nothing was written.</Body1>}
        {state.kind === "failed" && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>The backtest did not finish</MessageBarTitle>
              {state.message}
            </MessageBarBody>
          </MessageBar>
        )}
        {state.kind === "problems" && (
          <ErrorList errors={state.errors} onSelect={onSelect} advice={onSelect ? "Click an address to go to its cell, fix it, and run the backtest again." : "Fix them in Excel, save, and open the file again. Nothing was run."} />
        )}
        {state.kind === "done" && (
          <>
            {write && (
              <div className={s.row}>
                <Button onClick={() => void writeSheet(state)} disabled={writeState.kind === "writing"} data-testid="backtest-write">
                  Write Backtest sheet
                </Button>
                <span data-testid="backtest-write-state" data-state={writeState.kind}>
                  {writeState.kind === "written" && `Wrote “${writeState.sheet}”.`}
                  {writeState.kind === "writing" && "Writing…"}
                  {writeState.kind === "failed" && `Excel did not finish writing: ${writeState.message}`}
                </span>
              </div>
            )}
            {writeState.kind === "problems" && <ErrorList errors={writeState.errors} onSelect={onSelect} />}
            <BacktestResults input={state.outcome.input} results={state.outcome.results} />
          </>
        )}
      </div>
    </section>
  );
}

/**
 * The History view: drift over time from the workbook's Drift History table (one row per class for
 * every rebalance written), as a line per class and the latest snapshot. Reading is injected.
 */
import * as React from "react";
import { Body1, Button, Caption1, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { DRIFT_HISTORY_SHEET, DriftHistory, DriftHistoryRow } from "../../../contract/drift-history";
import { money, percent, pp } from "../../../display";
import { Column, DataTable, Section, StatusBadge } from "../plan/parts";
import { LazyLineChart } from "../charts/LazyLineChart";
import { ChartSeries, thin } from "../charts/series";
import { useReload } from "../useReload";

export type HistoryOutcome = { ok: true; history: DriftHistory } | { ok: false; message: string };

const useStyles = makeStyles({ root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS } });

const COLUMNS: Column<DriftHistoryRow>[] = [
  { header: "Class", cell: (r) => r.assetClass },
  { header: "Value", numeric: true, cell: (r) => money(r.value) },
  { header: "Weight", numeric: true, cell: (r) => percent(r.weight) },
  { header: "Target", numeric: true, cell: (r) => percent(r.target) },
  { header: "Drift", numeric: true, cell: (r) => pp(r.drift) },
  { header: "Status", cell: (r) => <StatusBadge status={r.status} /> },
];

/** One line per class (in the order classes first appear), one point per date; a date logged twice keeps its last row. */
export function driftSeries(rows: DriftHistoryRow[], max = 400): ChartSeries[] {
  const byClass = new Map<string, Map<string, number>>();
  for (const r of rows) {
    if (!byClass.has(r.assetClass)) byClass.set(r.assetClass, new Map());
    byClass.get(r.assetClass)!.set(r.asOf, r.drift);
  }
  return [...byClass].map(([name, points]) => ({
    name,
    points: thin(
      [...points].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([x, y]) => ({ x, y })),
      max,
    ),
  }));
}

/** The rows of the latest As Of date (the last written of that date for each class). */
export function latestRows(rows: DriftHistoryRow[]): DriftHistoryRow[] {
  if (rows.length === 0) return [];
  const last = rows.reduce((m, r) => (r.asOf > m ? r.asOf : m), rows[0].asOf);
  const byClass = new Map<string, DriftHistoryRow>();
  for (const r of rows) if (r.asOf === last) byClass.set(r.assetClass, r);
  return [...byClass.values()];
}

/** load: reads the history now; `version` changes when it should be read again (a new file, a rebalance written). */
export function HistoryPanel({ load, version }: { load: () => Promise<HistoryOutcome>; version: number }) {
  const s = useStyles();
  const [loaded, reload] = useReload(load, version);
  const state: { kind: "loading" } | HistoryOutcome = loaded.kind === "done" ? loaded.value : loaded.kind === "failed" ? { ok: false, message: loaded.message } : loaded;

  const series = React.useMemo(() => ("ok" in state && state.ok ? driftSeries(state.history.rows) : []), [state]);
  const dates = "ok" in state && state.ok ? new Set(state.history.rows.map((r) => r.asOf)).size : 0;

  return (
    <section className={s.root} data-testid="history" aria-label="Drift history" data-state={"ok" in state ? (state.ok ? "done" : "failed") : "loading"}>
      <Body1>
        Drift of each class at every rebalance written, from the <b>DriftHistory</b> table on the <b>{DRIFT_HISTORY_SHEET}</b> sheet.
      </Body1>
      <div>
        <Button size="small" onClick={reload} data-testid="history-refresh">
          Refresh
        </Button>
      </div>
      {"kind" in state && <Spinner size="tiny" label="Reading the Drift History…" />}
      {"ok" in state && !state.ok && (
        <MessageBar intent="error">
          <MessageBarBody>{state.message}</MessageBarBody>
        </MessageBar>
      )}
      {"ok" in state && state.ok && state.history.rows.length === 0 && (
        <Body1 data-testid="history-empty">No history yet: every rebalance written adds one row per class to the Drift History sheet.</Body1>
      )}
      {"ok" in state && state.ok && state.history.rows.length > 0 && (
        <>
          <Caption1 data-testid="history-summary">
            {dates} rebalance date{dates === 1 ? "" : "s"}, {series.length} class{series.length === 1 ? "" : "es"}
            {state.history.skipped > 0 ? `; ${state.history.skipped} row${state.history.skipped === 1 ? "" : "s"} of the table could not be read and ${state.history.skipped === 1 ? "is" : "are"} left out` : ""}.
          </Caption1>
          <Section title="Drift over time">
            <LazyLineChart title="Drift by class (weight − target)" series={series} yFormat={(y) => `${(y * 100).toFixed(1)} pp`} />
          </Section>
          <Section title={`Latest (${latestRows(state.history.rows)[0].asOf})`}>
            <DataTable label="Latest drift" columns={COLUMNS} rows={latestRows(state.history.rows)} rowKey={(r) => r.assetClass} />
          </Section>
        </>
      )}
    </section>
  );
}

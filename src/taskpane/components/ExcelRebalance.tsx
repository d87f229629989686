/**
 * Inside Excel: the Rebalance button (read → plan → write), the outcome of the last click (from
 * here or from the ribbon), problems whose addresses select their cell, and the order export.
 * Excel is reached only through the injected actions; nothing here touches Office.js.
 */
import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { ExcelActions, LastRebalance } from "../office";
import type { RebalancePhase } from "../../excel/rebalance";
import { ErrorList } from "./ErrorList";
import { BookView, BookHousehold, heldStillIn } from "./plan/BookView";
import { preloadHoldPicker } from "./plan/holdPickerChunk";
import type { BookDoNotTrade } from "../../plans/plan-workbook";

const trades = (households: BookHousehold[]) => households.reduce((n, h) => n + h.plan.trades.length, 0);

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  csv: { width: "100%", fontFamily: tokens.fontFamilyMonospace },
});

export interface ExcelRebalanceProps {
  actions: ExcelActions;
  /** Saves text as a file; false when the browser cannot (the CSV is then shown for copying). */
  download: (fileName: string, text: string) => boolean;
}

export function ExcelRebalance({ actions, download }: ExcelRebalanceProps) {
  const s = useStyles();
  const [last, setLast] = React.useState<LastRebalance | null>(() => actions.latest());
  const [busy, setBusy] = React.useState(false);
  /** The step under way: Cancel is offered until the write begins. */
  const [phase, setPhase] = React.useState<RebalancePhase | null>(null);
  /** The last click was cancelled (nothing written; the outcome shown before stays). */
  const [cancelled, setCancelled] = React.useState(false);
  const [shownCsv, setShownCsv] = React.useState<string | null>(null);

  React.useEffect(() => actions.subscribe((r) => {
    setLast(r);
    setShownCsv(null);
  }), [actions]);

  /** Rebalance: the plan shown's held-still positions are kept (an unticked trade re-plans and rewrites the sheet with its position held still). */
  const run = async (doNotTrade = held()) => {
    setBusy(true);
    setCancelled(false);
    setPhase(null);
    preloadHoldPicker();
    try {
      await actions.rebalance(doNotTrade, setPhase);
    } catch (err) {
      // A failure has been published to the subscription above, which shows it; a cancel publishes nothing.
      if (err instanceof Error && err.name === "CancelledError") setCancelled(true);
    } finally {
      setBusy(false);
      setPhase(null);
    }
  };

  const outcome = last && "outcome" in last ? last.outcome : null;
  // Do Not Trade for this plan follows the plan shown (a ribbon click starts afresh).
  function held(): BookDoNotTrade[] {
    return outcome?.ok ? heldStillIn(outcome.households) : [];
  }
  const state = busy ? "running" : cancelled ? "cancelled" : !last ? "idle" : "failure" in last ? "failed" : outcome?.ok ? "written" : "problems";

  return (
    <section className={s.root} data-testid="excel-rebalance" aria-labelledby="excel-rebalance-title">
      <Subtitle2 as="h2" id="excel-rebalance-title">
        Rebalance this workbook
      </Subtitle2>
      <Body1>
        Reads <b>Holdings</b>, <b>Targets</b> and <b>Policy</b>, then writes a <b>Rebalance</b> sheet, drift columns beside Targets and a row in
        the <b>Rebalance Log</b>.
      </Body1>
      <div className={s.row}>
        <Button appearance="primary" onClick={() => void run()} disabled={busy} data-testid="rebalance-button">
          Rebalance
        </Button>
        {busy && <Spinner size="tiny" data-testid="rebalance-phase" data-phase={phase ?? "starting"} label={phase === "writing" ? "Writing to Excel…" : phase === "planning" ? "Planning…" : "Reading the workbook…"} />}
        {busy && actions.cancel && phase !== "writing" && (
          <Button onClick={() => actions.cancel?.()} data-testid="cancel-rebalance">
            Cancel
          </Button>
        )}
        {busy && phase === "writing" && <Caption1>The write is finished once begun: a half-written sheet would be worse than none.</Caption1>}
      </div>
      <div aria-live="polite" data-testid="rebalance-result" data-state={state}>
        {cancelled && (
          <MessageBar intent="info" data-testid="rebalance-cancelled">
            <MessageBarBody>Cancelled: nothing was written.{outcome?.ok ? " The plan below is the last one written." : ""}</MessageBarBody>
          </MessageBar>
        )}
        {last && "failure" in last && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Excel did not finish the rebalance</MessageBarTitle>
              {last.failure}
            </MessageBarBody>
          </MessageBar>
        )}
        {outcome && !outcome.ok && (
          <ErrorList
            errors={outcome.errors}
            onSelect={(e) => void actions.select(e.sheet, e.cell)}
            advice="Click an address to go to its cell, fix it, and click Rebalance again. Nothing was written."
          />
        )}
        {outcome && outcome.ok && (
          <>
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>Wrote “{outcome.sheet}”</MessageBarTitle>
                {outcome.allocation
                  ? `${outcome.households.length} households, ${trades(outcome.households)} trades, and a row per household in the Rebalance Log`
                  : `${outcome.plan.trades.length} trade${outcome.plan.trades.length === 1 ? "" : "s"}, drift columns beside Targets, and a row in the Rebalance Log`}
                {last?.source === "ribbon" ? " (from the ribbon)" : ""}.
              </MessageBarBody>
            </MessageBar>
            <div className={s.row}>
              <Button
                data-testid="export-orders"
                disabled={trades(outcome.households) === 0}
                onClick={() => {
                  if (!download(outcome.orders.fileName, outcome.orders.csv)) setShownCsv(outcome.orders.csv);
                }}
              >
                {outcome.allocation ? "Export block orders (CSV)" : "Export orders (CSV)"}
              </Button>
              {outcome.allocation && (
                <Button
                  data-testid="export-allocation"
                  disabled={trades(outcome.households) === 0}
                  onClick={() => {
                    const a = outcome.allocation!;
                    if (!download(a.fileName, a.csv)) setShownCsv(a.csv);
                  }}
                >
                  Export allocation (CSV)
                </Button>
              )}
              <Caption1>
                {outcome.allocation
                  ? "One order per symbol and side across every household, at the most conservative limit; the allocation shares each back to the accounts."
                  : "LIMIT orders, time in force DAY, for the custodian's bulk upload."}
              </Caption1>
            </div>
            {shownCsv !== null && <Textarea className={s.csv} readOnly value={shownCsv} rows={8} aria-label="Order CSV (copy it)" />}
            <BookView households={outcome.households} steer={{ busy, hold: (doNotTrade) => void run(doNotTrade) }} />
          </>
        )}
      </div>
    </section>
  );
}

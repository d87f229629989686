/**
 * The Compare view: today's portfolio planned under every strategy and Rebalance To, side by side (the
 * engine's comparison, as the runner's --compare prints it), with turnover per variant as a small chart.
 * Reading and comparing are injected (`load`); "Use this" shows only when `onUse` is given.
 */
import * as React from "react";
import { Body1, Button, Caption1, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import type { CompareOutcome, HouseholdComparison } from "../../../plans/compare-json";
import type { ContractError } from "../../../contract/errors";
import { money } from "../../../display";
import { ErrorList } from "../ErrorList";
import { Section } from "../plan/parts";
import { LazyBarChart } from "../charts/LazyBarChart";
import { CompareTable, UseVariant, variantName } from "./CompareTable";
import { useReload } from "../useReload";

const useStyles = makeStyles({ root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS } });

/** Bars in the theme's own colours: in band after the trades, or not. */
const IN_BAND = { legend: "Every class in band after", color: tokens.colorPaletteGreenBackground3 };
const OUT_OF_BAND = { legend: "Classes still out of band", color: tokens.colorPaletteDarkOrangeBackground3 };

function Household({ h, onUse, titled }: { h: HouseholdComparison; onUse?: UseVariant; titled: boolean }) {
  const title = titled ? `Household ${h.household}` : "Strategies compared";
  return (
    <Section title={title}>
      <Caption1 data-testid="compare-trigger">
        As of {h.asOf}, each planned as if a rebalance were due today. Trigger today: {h.trigger.rebalance ? "rebalance due" : "no rebalance due"}
        {h.trigger.reasons.length ? ` — ${h.trigger.reasons.join("; ")}` : ""}.
      </Caption1>
      {h.doNotTrade.length > 0 && (
        <Caption1 data-testid="compare-held-still">
          Every variant holds still, as the plan shown does (Do Not Trade for this plan): {h.doNotTrade.map((d) => `${d.account} · ${d.symbol}`).join(", ")}.
        </Caption1>
      )}
      <CompareTable rows={h.rows} current={h.current} onUse={onUse} label={titled ? `Strategies compared, household ${h.household}` : "Strategies compared"} />
      <Caption1>Misplacement: Σ |value − target × total| ÷ total after the trades. Realised gains count sales in taxable accounts only.</Caption1>
      <LazyBarChart
        title={titled ? `Turnover by variant, household ${h.household}` : "Turnover by variant"}
        bars={h.rows.map((r) => ({ label: variantName(r), value: Number(r.turnover), ...(r.outOfBandAfter.length ? OUT_OF_BAND : IN_BAND) }))}
        xFormat={(x) => money(x.toFixed(2)).replace(/\.00$/, "")}
      />
    </Section>
  );
}

export interface ComparePanelProps {
  /** Reads the workbook and compares now. */
  load: () => Promise<CompareOutcome>;
  /** Changes when the comparison should be made again (a new file, a rebalance written, a trade excluded). */
  version: number | string;
  /** "Use this": sets the Policy's Strategy and Rebalance To; the button shows only when given. */
  onUse?: UseVariant;
  /** Inside Excel: a problem's address selects its cell. */
  onSelect?: (e: ContractError) => void;
}

export function ComparePanel({ load, version, onUse, onSelect }: ComparePanelProps) {
  const s = useStyles();
  const [loaded, reload] = useReload(load, version);
  const state = loaded.kind === "done" ? { kind: "done" as const, outcome: loaded.value } : loaded;

  const dataState = state.kind === "done" ? (state.outcome.ok ? "done" : "problems") : state.kind;
  return (
    <section className={s.root} data-testid="compare" aria-label="Compare strategies" data-state={dataState}>
      <Body1>Today&apos;s portfolio planned under every strategy and Rebalance To, side by side: what each costs and what it leaves out of band.</Body1>
      <div>
        <Button size="small" onClick={reload} data-testid="compare-refresh">
          Compare again
        </Button>
      </div>
      {state.kind === "loading" && <Spinner size="tiny" label="Planning every strategy…" />}
      {state.kind === "failed" && (
        <MessageBar intent="error">
          <MessageBarBody>{state.message}</MessageBarBody>
        </MessageBar>
      )}
      {state.kind === "done" && !state.outcome.ok && <ErrorList errors={state.outcome.errors} onSelect={onSelect} />}
      {state.kind === "done" && state.outcome.ok && state.outcome.households.map((h) => <Household key={h.household ?? ""} h={h} onUse={onUse} titled={state.outcome.ok && state.outcome.households.length > 1} />)}
    </section>
  );
}

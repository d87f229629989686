/**
 * A master workbook's households: a summary line each and the plan of the household chosen (a
 * Household dropdown; the summary's names choose too). Loaded only for a master workbook. With `steer`,
 * the chosen household's trades have Keep boxes and its holdings the hold-still picker, as a single
 * household's do: the re-plan holds the position still in that household only, and keeps what the other
 * households hold still.
 */
import * as React from "react";
import { Button, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import { plannedRow } from "../../../plans/household-row";
import { money, percent, points } from "../../../display";
import { PlanView, Toggle } from "./PlanView";
import { DataTable, Section, usePlanStyles } from "./parts";
import { BookHousehold, Steer, heldStillIn } from "./BookView";

const useStyles = makeStyles({
  pick: { marginTop: tokens.spacingVerticalM, maxWidth: "320px" },
  actions: { marginTop: tokens.spacingVerticalS },
});

export default function HouseholdsView({ households, actions, steer }: { households: BookHousehold[]; actions?: (h: BookHousehold) => React.ReactNode; steer?: Steer }) {
  const s = useStyles();
  const p = usePlanStyles();
  const [chosen, setChosen] = React.useState(0);
  const shown = households[Math.min(chosen, households.length - 1)];
  const rows = households.map((h, i) => ({ i, row: plannedRow(h.household ?? "", "", h.plan, null) }));
  // The next exclusions: every household's own, with this position of the chosen household added or taken out.
  const toggle: Toggle | undefined = steer && {
    busy: steer.busy,
    set: (account, symbol, held) => {
      const others = heldStillIn(households).filter((d) => !(d.household === shown.household && d.account === account && d.symbol === symbol));
      steer.hold(held ? [...others, { household: shown.household, account, symbol }] : others);
    },
  };
  return (
    <div data-testid="book">
      <Section title={`Households (${households.length})`}>
        <DataTable
          label="Households"
          rowKey={(r) => String(r.i)}
          rows={rows}
          columns={[
            {
              header: "Household",
              cell: (r) => (
                <Button appearance="transparent" size="small" onClick={() => setChosen(r.i)} aria-pressed={r.i === chosen}>
                  {r.row.household}
                </Button>
              ),
            },
            { header: "Status", cell: (r) => r.row.status },
            { header: "Decision", cell: (r) => r.row.decision },
            { header: "Total", numeric: true, cell: (r) => (r.row.total === null ? "" : money(r.row.total)) },
            { header: "Drift", numeric: true, cell: (r) => (r.row.portfolioDrift === null ? "" : percent(r.row.portfolioDrift)) },
            { header: "Largest drift", cell: (r) => (r.row.largestDrift ? `${r.row.largestDrift.assetClass} ${points(r.row.largestDrift.drift)} pp` : "") },
            { header: "Trades", numeric: true, cell: (r) => String(r.row.trades) },
          ]}
        />
      </Section>
      <Field label="Household" className={s.pick}>
        <Select value={String(chosen)} onChange={(_, d) => setChosen(Number(d.value))} data-testid="household-select">
          {households.map((h, i) => (
            <option key={i} value={String(i)}>
              {h.household}
            </option>
          ))}
        </Select>
      </Field>
      {actions && <div className={s.actions}>{actions(shown)}</div>}
      <div className={p.section} data-testid="household-plan" data-household={shown.household ?? ""}>
        <PlanView plan={shown.plan} toggle={toggle} positions={shown.positions} />
      </div>
    </div>
  );
}

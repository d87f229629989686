/**
 * The plans of one workbook: a single household's plan as is, or, for a master workbook, the
 * households view (fetched when a master workbook is first shown).
 */
import * as React from "react";
import { Spinner, makeStyles, tokens } from "@fluentui/react-components";
import type { PlanJson } from "../../../plans/json";
import { PlanView, Toggle } from "./PlanView";
import type { BookDoNotTrade } from "../../../plans/plan-workbook";
import type { PositionJson } from "../../../plans/positions";

/** Steering a plan from the pane: re-plan with these positions held still (Do Not Trade for this plan). */
export interface Steer {
  busy: boolean;
  hold: (doNotTrade: BookDoNotTrade[]) => void;
}

/** What the plans shown hold still (each plan lists its own), with their household: the exclusions a re-plan keeps. */
export function heldStillIn(households: readonly BookHousehold[]): BookDoNotTrade[] {
  return households.flatMap((h) => h.plan.doNotTrade.map((d) => ({ household: h.household, ...d })));
}

export interface BookHousehold {
  /** Null in a workbook of one household. */
  household: string | null;
  plan: PlanJson;
  /** The tradable positions, for holding one still that the plan does not trade (absent: not offered). */
  positions?: PositionJson[];
}

const HouseholdsView = React.lazy(() => import(/* webpackChunkName: "view-households" */ "./HouseholdsView"));

const useStyles = makeStyles({
  actions: { marginTop: tokens.spacingVerticalS },
});

/** `actions`: what to offer for the household shown (e.g. its order export), drawn above its plan. */
export function BookView({ households, actions, steer }: { households: BookHousehold[]; actions?: (h: BookHousehold) => React.ReactNode; steer?: Steer }) {
  const s = useStyles();
  if (households.length === 1) {
    const plan = households[0].plan;
    // The next list of exclusions: the plan's own, with this position added or taken out.
    const toggle: Toggle | undefined = steer && {
      busy: steer.busy,
      set: (account, symbol, held) => {
        const others = plan.doNotTrade.filter((d) => !(d.account === account && d.symbol === symbol));
        steer.hold(held ? [...others, { account, symbol }] : others);
      },
    };
    return (
      <>
        {actions && <div className={s.actions}>{actions(households[0])}</div>}
        <PlanView plan={plan} toggle={toggle} positions={households[0].positions} />
      </>
    );
  }
  return (
    <React.Suspense fallback={<Spinner size="tiny" label="Loading the households…" />}>
      <HouseholdsView households={households} actions={actions} steer={steer} />
    </React.Suspense>
  );
}

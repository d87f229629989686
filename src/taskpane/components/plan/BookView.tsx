/**
 * The plans of one workbook: a single household's plan as is, or, for a master workbook, the
 * households view (fetched when a master workbook is first shown).
 */
import * as React from "react";
import { Spinner, makeStyles, tokens } from "@fluentui/react-components";
import type { PlanJson } from "../../../plans/json";
import { PlanView } from "./PlanView";

export interface BookHousehold {
  /** Null in a workbook of one household. */
  household: string | null;
  plan: PlanJson;
}

const HouseholdsView = React.lazy(() => import(/* webpackChunkName: "view-households" */ "./HouseholdsView"));

const useStyles = makeStyles({
  actions: { marginTop: tokens.spacingVerticalS },
});

/** `actions`: what to offer for the household shown (e.g. its order export), drawn above its plan. */
export function BookView({ households, actions }: { households: BookHousehold[]; actions?: (h: BookHousehold) => React.ReactNode }) {
  const s = useStyles();
  if (households.length === 1) {
    return (
      <>
        {actions && <div className={s.actions}>{actions(households[0])}</div>}
        <PlanView plan={households[0].plan} />
      </>
    );
  }
  return (
    <React.Suspense fallback={<Spinner size="tiny" label="Loading the households…" />}>
      <HouseholdsView households={households} actions={actions} />
    </React.Suspense>
  );
}

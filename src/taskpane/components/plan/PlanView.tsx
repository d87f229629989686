/**
 * The plan of one workbook, in parts: the trigger decision, warnings, the class table, the trades and
 * the portfolio after them. A new view of the plan is a new file in this folder, placed here.
 */
import * as React from "react";
import type { PlanJson } from "../../../plans/json";
import type { PositionJson } from "../../../plans/positions";
import { AfterTable } from "./AfterTable";
import { ClassBars } from "./ClassBars";
import { ClassTable } from "./ClassTable";
import { Decision } from "./Decision";
import { RmdTable } from "./RmdTable";
import { TradeTable } from "./TradeTable";
import { Warnings } from "./Warnings";

/** Excluding a trade's position from the plan (held = true) or letting it trade again; `busy` while the plan is re-made. */
export interface Toggle {
  busy: boolean;
  set: (account: string, symbol: string, held: boolean) => void;
}

/** `positions`: the tradable positions, so that one the plan does not trade can be held still too (with a toggle). */
export function PlanView({ plan, toggle, positions }: { plan: PlanJson; toggle?: Toggle; positions?: PositionJson[] }) {
  return (
    <div data-testid="plan">
      <Decision plan={plan} />
      <Warnings warnings={plan.warnings} />
      <RmdTable plan={plan} />
      <ClassBars plan={plan} />
      <ClassTable plan={plan} />
      <TradeTable plan={plan} toggle={toggle} positions={positions} />
      <AfterTable plan={plan} />
    </div>
  );
}

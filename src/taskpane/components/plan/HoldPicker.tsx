/**
 * Holding a position still that the plan does not trade (a trade's own box holds a traded one): type to find it
 * among the workbook's tradable positions, choose it, and the plan is made again with it as Do Not Trade for this
 * plan. Only the first matches are listed, so a book of thousands of holdings stays quick to draw.
 */
import * as React from "react";
import { Button, Combobox, Field, Option, makeStyles, tokens } from "@fluentui/react-components";
import type { PlanJson } from "../../../plans/json";
import type { PositionJson } from "../../../plans/positions";
import type { Toggle } from "./PlanView";

/** How many matches the list shows at most. */
export const SHOWN = 50;

const useStyles = makeStyles({
  row: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalS, flexWrap: "wrap", marginTop: tokens.spacingVerticalS },
  box: { minWidth: "0", maxWidth: "100%" },
});

const keyOf = (p: { account: string; symbol: string }) => `${p.account}\u0000${p.symbol}`;
const labelOf = (p: PositionJson) => `${p.account} · ${p.symbol} (${p.assetClass})`;

/** The positions the plan neither trades nor holds still already. */
export function holdable(plan: PlanJson, positions: readonly PositionJson[]): PositionJson[] {
  const taken = new Set([...plan.trades, ...plan.doNotTrade].map(keyOf));
  return positions.filter((p) => !taken.has(keyOf(p)));
}

export default function HoldPicker({ plan, positions, toggle }: { plan: PlanJson; positions: readonly PositionJson[]; toggle: Toggle }) {
  const s = useStyles();
  const choices = React.useMemo(() => holdable(plan, positions), [plan, positions]);
  const [text, setText] = React.useState("");
  const [chosen, setChosen] = React.useState<PositionJson | null>(null);
  const matches = React.useMemo(() => {
    const t = text.trim().toLowerCase();
    const found = t ? choices.filter((p) => labelOf(p).toLowerCase().includes(t)) : choices;
    return { shown: found.slice(0, SHOWN), more: Math.max(0, found.length - SHOWN) };
  }, [choices, text]);
  if (choices.length === 0) return null;
  const hold = () => {
    if (!chosen) return;
    toggle.set(chosen.account, chosen.symbol, true);
    setChosen(null);
    setText("");
  };
  return (
    <div className={s.row} data-testid="hold-picker">
      <Field label="Hold a holding still (Do Not Trade for this plan)" hint={matches.more > 0 ? `${matches.more} more: type to narrow` : undefined}>
        <Combobox
          className={s.box}
          freeform
          placeholder="Account or symbol"
          value={text}
          disabled={toggle.busy}
          onChange={(e) => {
            setText(e.target.value);
            setChosen(null);
          }}
          onOptionSelect={(_, d) => {
            const p = choices.find((c) => keyOf(c) === d.optionValue) ?? null;
            setChosen(p);
            setText(p ? labelOf(p) : "");
          }}
          data-testid="hold-search"
        >
          {matches.shown.map((p) => (
            <Option key={keyOf(p)} value={keyOf(p)} text={labelOf(p)}>
              {labelOf(p)}
            </Option>
          ))}
        </Combobox>
      </Field>
      <Button disabled={!chosen || toggle.busy} onClick={hold} data-testid="hold-button">
        Hold still
      </Button>
    </div>
  );
}

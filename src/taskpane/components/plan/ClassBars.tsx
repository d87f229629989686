/**
 * One bar per class: its weight now, over its band (shaded) and target (a tick), coloured by status;
 * a locked class is marked. Plain elements, no chart library: it is part of every plan and costs
 * nothing to load. Each row also reads as text ("Stocks 56.03%, target 50.00%, band 45.00%–55.00%, Over").
 */
import * as React from "react";
import { Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { PlanJson } from "../../../plans/json";
import { percent } from "../../../display";
import { Section } from "./parts";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  row: { display: "grid", gridTemplateColumns: "minmax(72px, 30%) 1fr", alignItems: "center", gap: tokens.spacingHorizontalS },
  name: { overflowWrap: "anywhere" },
  track: { position: "relative", height: "16px", backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusSmall },
  band: { position: "absolute", top: 0, bottom: 0, backgroundColor: tokens.colorBrandBackground2, outline: `1px solid ${tokens.colorBrandStroke2}` },
  bar: { position: "absolute", top: "4px", height: "8px", left: 0, borderRadius: tokens.borderRadiusSmall },
  target: { position: "absolute", top: "-2px", bottom: "-2px", width: "2px", backgroundColor: tokens.colorNeutralForeground1 },
  inBand: { backgroundColor: tokens.colorPaletteGreenBackground3 },
  over: { backgroundColor: tokens.colorPaletteRedBackground3 },
  under: { backgroundColor: tokens.colorPaletteMarigoldBackground3 },
  locked: { backgroundColor: tokens.colorNeutralForeground3 },
});

export function ClassBars({ plan }: { plan: PlanJson }) {
  const s = useStyles();
  const scale = Math.max(0.01, ...plan.classes.map((c) => Math.max(c.weight, c.bandHigh))) * 1.05;
  const at = (x: number) => `${Math.min(100, (Math.max(0, x) / scale) * 100)}%`;
  const colour = { "In band": s.inBand, Over: s.over, Under: s.under, Locked: s.locked } as Record<string, string>;
  return (
    <Section title="Weights against targets">
      <Caption1>Bar: weight now; shaded: the band; tick: the target.</Caption1>
      <ul className={s.list} aria-label="Weights against targets" data-testid="class-bars">
        {plan.classes.map((c) => {
          const words = `${c.assetClass} ${percent(c.weight)}, target ${percent(c.target)}, band ${percent(c.bandLow)}–${percent(c.bandHigh)}, ${c.status}${c.status === "Locked" ? " (cannot be traded back)" : ""}`;
          return (
            <li key={c.assetClass} className={s.row} aria-label={words} data-status={c.status}>
              <Caption1 className={s.name} aria-hidden>
                {c.assetClass} {c.status === "Locked" ? "🔒" : ""}
              </Caption1>
              <div className={s.track} aria-hidden>
                <div className={s.band} style={{ left: at(c.bandLow), width: `calc(${at(c.bandHigh)} - ${at(c.bandLow)})` }} />
                <div className={mergeClasses(s.bar, colour[c.status] ?? s.locked)} style={{ width: at(c.weight) }} />
                <div className={s.target} style={{ left: at(c.target) }} />
              </div>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}

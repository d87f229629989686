/** The trigger decision: rebalance or not, the reasons, as-of date, total and next review. */
import * as React from "react";
import { Badge, Body1, Caption1 } from "@fluentui/react-components";
import type { PlanJson } from "../../../plans/json";
import { money, percent } from "../../../display";
import { portfolioDrift } from "../../../plans/portfolio-drift";
import { lookThroughLine, optimizerLine, reviewLine, strategyLine } from "../../../plans/describe";
import { Section, usePlanStyles } from "./parts";

export function Decision({ plan }: { plan: PlanJson }) {
  const s = usePlanStyles();
  const t = plan.trigger;
  const funds = lookThroughLine(plan);
  return (
    <Section title="Decision">
      <div className={s.decision}>
        <Badge size="large" appearance="filled" color={t.rebalance ? "severe" : "success"} data-testid="decision">
          {t.rebalance ? "Rebalance now" : "No rebalance needed"}
        </Badge>
        <Caption1>{t.kind} trigger</Caption1>
      </div>
      <Body1 data-testid="strategy">Strategy: {strategyLine(plan)}</Body1>
      <Caption1 data-testid="optimizer">Optimizer: {optimizerLine(plan.optimizer)}</Caption1>
      {funds && <Caption1 data-testid="look-through">{funds}</Caption1>}
      {t.reasons.length > 0 && (
        <ul className={s.reasons} aria-label="Reasons">
          {t.reasons.map((r, i) => (
            <li key={i}>
              <Body1>{r}</Body1>
            </li>
          ))}
        </ul>
      )}
      <div className={s.facts}>
        <Caption1>As of {plan.asOf}</Caption1>
        <Caption1>Total {money(plan.total)}</Caption1>
        <Caption1 data-testid="portfolio-drift" title="Half the sum of |weight − target| over the classes">
          Portfolio drift {percent(portfolioDrift(plan.classes))}
        </Caption1>
        <Caption1 data-testid="review">Review {reviewLine(plan)}</Caption1>
      </div>
    </Section>
  );
}

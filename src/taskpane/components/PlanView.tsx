/** The plan of one workbook: trigger decision, class table, trades, after-trade state, warnings. */
import * as React from "react";
import Decimal from "decimal.js";
import {
  Badge,
  Body1,
  Caption1,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { PlanJson } from "../planFile";
import { money, percent, pp, price, quantity, relative } from "../format";

type BadgeColor = "success" | "danger" | "warning" | "informative" | "brand" | "important" | "severe" | "subtle";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalL },
  scroll: { overflowX: "auto", maxWidth: "100%" },
  // auto layout: columns fit their numbers (Fluent tables default to fixed, equal columns).
  table: { minWidth: "560px", tableLayout: "auto" },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  numHeader: { "& > button, & > div": { justifyContent: "flex-end" }, textAlign: "right" },
  decision: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  reasons: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  facts: { display: "flex", gap: tokens.spacingHorizontalXL, flexWrap: "wrap", color: tokens.colorNeutralForeground2 },
  totalRow: { fontWeight: tokens.fontWeightSemibold },
});

const STATUS_COLOR: Record<string, BadgeColor> = {
  "In band": "success",
  Over: "danger",
  Under: "warning",
  Locked: "informative",
};

function StatusBadge({ status }: { status: string }) {
  return (
    <Badge appearance="filled" color={STATUS_COLOR[status] ?? "subtle"} shape="rounded">
      {status}
    </Badge>
  );
}

function SideBadge({ side }: { side: string }) {
  const buy = side.toLowerCase() === "buy";
  return (
    <Badge appearance="tint" color={buy ? "success" : "danger"} shape="rounded">
      {buy ? "Buy" : "Sell"}
    </Badge>
  );
}

/** A header cell for a numeric column (right-aligned). */
function NumHeader({ children }: { children: React.ReactNode }) {
  const s = useStyles();
  return <TableHeaderCell className={s.numHeader}>{children}</TableHeaderCell>;
}

function Num({ children }: { children: React.ReactNode }) {
  const s = useStyles();
  return <TableCell className={s.num}>{children}</TableCell>;
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  const s = useStyles();
  const id = `section-${title.toLowerCase().replace(/[^a-z]+/g, "-")}`;
  return (
    <section className={s.section} aria-labelledby={id}>
      <Subtitle2 as="h2" id={id}>
        {title}
      </Subtitle2>
      {children}
    </section>
  );
}

function Decision({ plan }: { plan: PlanJson }) {
  const s = useStyles();
  const t = plan.trigger;
  return (
    <Section title="Decision">
      <div className={s.decision}>
        <Badge size="large" appearance="filled" color={t.rebalance ? "severe" : "success"} data-testid="decision">
          {t.rebalance ? "Rebalance now" : "No rebalance needed"}
        </Badge>
      </div>
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
        <Caption1>Next review {t.nextReview ?? "none scheduled"}</Caption1>
      </div>
    </Section>
  );
}

function Classes({ plan }: { plan: PlanJson }) {
  const s = useStyles();
  return (
    <Section title="Asset classes">
      <div className={s.scroll}>
        <Table size="small" aria-label="Asset classes" className={s.table}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Class</TableHeaderCell>
              <NumHeader>Value</NumHeader>
              <NumHeader>Weight</NumHeader>
              <NumHeader>Target</NumHeader>
              <NumHeader>Drift</NumHeader>
              <NumHeader>Rel. drift</NumHeader>
              <NumHeader>Band</NumHeader>
              <TableHeaderCell>Status</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {plan.classes.map((c) => (
              <TableRow key={c.assetClass}>
                <TableCell>{c.assetClass}</TableCell>
                <Num>{money(c.value)}</Num>
                <Num>{percent(c.weight)}</Num>
                <Num>{percent(c.target)}</Num>
                <Num>{pp(c.drift)}</Num>
                <Num>{relative(c.relativeDrift)}</Num>
                <Num>
                  {percent(c.bandLow)} – {percent(c.bandHigh)}
                </Num>
                <TableCell>
                  <StatusBadge status={c.status} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </Section>
  );
}

function Trades({ plan }: { plan: PlanJson }) {
  const s = useStyles();
  if (plan.trades.length === 0) {
    return (
      <Section title="Trades">
        <Body1 data-testid="no-trades">No trades{plan.trigger.rebalance ? " could be proposed (see warnings)" : ""}.</Body1>
      </Section>
    );
  }
  const sum = (side: string) =>
    plan.trades.filter((t) => t.side.toLowerCase() === side).reduce((a, t) => a.plus(t.amount), new Decimal(0));
  const fees = plan.trades.reduce((a, t) => a.plus(t.fee), new Decimal(0));
  return (
    <Section title="Trades">
      <div className={s.scroll}>
        <Table size="small" aria-label="Trades" className={s.table}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Account</TableHeaderCell>
              <TableHeaderCell>Symbol</TableHeaderCell>
              <TableHeaderCell>Class</TableHeaderCell>
              <TableHeaderCell>Side</TableHeaderCell>
              <NumHeader>Quantity</NumHeader>
              <NumHeader>Price</NumHeader>
              <NumHeader>Limit</NumHeader>
              <NumHeader>Amount</NumHeader>
              <NumHeader>Fee</NumHeader>
            </TableRow>
          </TableHeader>
          <TableBody>
            {plan.trades.map((t, i) => (
              <TableRow key={`${t.account}-${t.symbol}-${t.side}-${i}`}>
                <TableCell>{t.account}</TableCell>
                <TableCell>{t.symbol}</TableCell>
                <TableCell>{t.assetClass}</TableCell>
                <TableCell>
                  <SideBadge side={t.side} />
                </TableCell>
                <Num>{quantity(t.quantity)}</Num>
                <Num>{price(t.price)}</Num>
                <Num>{price(t.limitPrice)}</Num>
                <Num>{money(t.amount)}</Num>
                <Num>{money(t.fee)}</Num>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <div className={s.facts}>
        <Caption1>Sells {money(sum("sell").toString())}</Caption1>
        <Caption1>Buys {money(sum("buy").toString())}</Caption1>
        <Caption1>Fees {money(fees.toString())}</Caption1>
      </div>
    </Section>
  );
}

function After({ plan }: { plan: PlanJson }) {
  const s = useStyles();
  return (
    <Section title="After trades">
      <div className={s.scroll}>
        <Table size="small" aria-label="After trades" className={s.table}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Class</TableHeaderCell>
              <NumHeader>Value</NumHeader>
              <NumHeader>Weight</NumHeader>
              <NumHeader>Drift</NumHeader>
            </TableRow>
          </TableHeader>
          <TableBody>
            {plan.after.classes.map((c) => (
              <TableRow key={c.assetClass}>
                <TableCell>{c.assetClass}</TableCell>
                <Num>{money(c.value)}</Num>
                <Num>{percent(c.weight)}</Num>
                <Num>{pp(c.drift)}</Num>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {plan.after.cash.length > 0 && (
        <div className={s.scroll}>
          <Table size="small" aria-label="Cash after trades" className={s.table}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Account</TableHeaderCell>
                <NumHeader>Cash after trades</NumHeader>
              </TableRow>
            </TableHeader>
            <TableBody>
              {plan.after.cash.map((c) => (
                <TableRow key={c.account}>
                  <TableCell>{c.account}</TableCell>
                  <Num>{money(c.value)}</Num>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </Section>
  );
}

function Warnings({ warnings }: { warnings: string[] }) {
  if (warnings.length === 0) return null;
  return (
    <Section title="Warnings">
      <div role="list" aria-label="Warnings">
        {warnings.map((w, i) => (
          <div role="listitem" key={i} style={{ marginBottom: tokens.spacingVerticalXS }}>
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{w}</MessageBarBody>
            </MessageBar>
          </div>
        ))}
      </div>
    </Section>
  );
}

export function PlanView({ plan }: { plan: PlanJson }) {
  return (
    <div data-testid="plan">
      <Decision plan={plan} />
      <Warnings warnings={plan.warnings} />
      <Classes plan={plan} />
      <Trades plan={plan} />
      <After plan={plan} />
    </div>
  );
}

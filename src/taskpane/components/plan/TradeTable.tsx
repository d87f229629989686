/** The proposed trades, with the sells, buys and fees they add up to. */
import * as React from "react";
import Decimal from "decimal.js";
import { Body1, Caption1, Checkbox, Spinner } from "@fluentui/react-components";
import type { Toggle } from "./PlanView";
import type { PlanJson, TradeJson } from "../../../plans/json";
import { money, price, quantity } from "../../../display";
import { tradeTotals } from "../../../plans/trade-totals";
import { Column, DataTable, Section, SideBadge, usePlanStyles } from "./parts";

const COLUMNS: Column<TradeJson>[] = [
  { header: "Account", cell: (t) => t.account },
  { header: "Symbol", cell: (t) => t.symbol },
  { header: "Class", cell: (t) => t.assetClass },
  { header: "Side", cell: (t) => <SideBadge side={t.side} /> },
  { header: "Quantity", numeric: true, cell: (t) => quantity(t.quantity) },
  { header: "Price", numeric: true, cell: (t) => price(t.price) },
  { header: "Limit", numeric: true, cell: (t) => price(t.limitPrice) },
  { header: "Amount", numeric: true, cell: (t) => money(t.amount) },
  { header: "Fee", numeric: true, cell: (t) => money(t.fee) },
  { header: "Realised gain", numeric: true, cell: (t) => (t.realizedShortTerm === null || t.realizedLongTerm === null ? "" : money(new Decimal(t.realizedShortTerm).plus(t.realizedLongTerm))) },
  { header: "Settles", cell: (t) => t.settlesOn },
];

/** The positions this plan holds still (Do Not Trade for this plan), each with a ticked box that lets it trade again. */
function HeldStill({ plan, toggle }: { plan: PlanJson; toggle?: Toggle }) {
  if (plan.doNotTrade.length === 0) return null;
  return (
    <div data-testid="held-still">
      <Caption1>Do Not Trade for this plan (the workbook is unchanged):</Caption1>
      {plan.doNotTrade.map((d) => (
        <div key={`${d.account}-${d.symbol}`}>
          <Checkbox
            checked
            disabled={!toggle || toggle.busy}
            label={`${d.account} · ${d.symbol}: held still`}
            onChange={() => toggle?.set(d.account, d.symbol, false)}
          />
        </div>
      ))}
    </div>
  );
}

export function TradeTable({ plan, toggle }: { plan: PlanJson; toggle?: Toggle }) {
  const s = usePlanStyles();
  const busy = toggle?.busy && <Spinner size="tiny" label="Re-planning…" data-testid="replanning" />;
  if (plan.trades.length === 0) {
    return (
      <Section title="Trades">
        <Body1 data-testid="no-trades">No trades{plan.trigger.rebalance ? " could be proposed (see warnings)" : ""}.</Body1>
        <HeldStill plan={plan} toggle={toggle} />
        {busy}
      </Section>
    );
  }
  const totals = tradeTotals(plan);
  // With a toggle, each trade has a box: unticking it holds its position still and the plan is made again around it.
  const columns: Column<TradeJson>[] = toggle
    ? [
        ...COLUMNS,
        {
          header: "Keep",
          cell: (t) => (
            <Checkbox
              checked
              disabled={toggle.busy}
              aria-label={`Keep ${t.side} ${t.symbol} in ${t.account} (untick: Do Not Trade ${t.symbol} there in this plan)`}
              onChange={() => toggle.set(t.account, t.symbol, true)}
            />
          ),
        },
      ]
    : COLUMNS;
  return (
    <Section title="Trades">
      <DataTable label="Trades" columns={columns} rows={plan.trades} rowKey={(t, i) => `${t.account}-${t.symbol}-${t.side}-${i}`} />
      <HeldStill plan={plan} toggle={toggle} />
      {busy}
      <div className={s.facts}>
        <Caption1>Sells {money(totals.sells)}</Caption1>
        <Caption1>Buys {money(totals.buys)}</Caption1>
        <Caption1>Fees {money(totals.fees)}</Caption1>
        {totals.realized && (
          <Caption1 data-testid="realized">
            Realised gains (taxable accounts, after fees): short-term {money(totals.realized.shortTerm)} · long-term {money(totals.realized.longTerm)}
          </Caption1>
        )}
      </div>
    </Section>
  );
}

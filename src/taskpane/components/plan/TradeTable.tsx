/** The proposed trades, with the sells, buys and fees they add up to. */
import * as React from "react";
import Decimal from "decimal.js";
import { Body1, Caption1 } from "@fluentui/react-components";
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

export function TradeTable({ plan }: { plan: PlanJson }) {
  const s = usePlanStyles();
  if (plan.trades.length === 0) {
    return (
      <Section title="Trades">
        <Body1 data-testid="no-trades">No trades{plan.trigger.rebalance ? " could be proposed (see warnings)" : ""}.</Body1>
      </Section>
    );
  }
  const totals = tradeTotals(plan);
  return (
    <Section title="Trades">
      <DataTable label="Trades" columns={COLUMNS} rows={plan.trades} rowKey={(t, i) => `${t.account}-${t.symbol}-${t.side}-${i}`} />
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

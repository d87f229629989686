/** The proposed trades, with the sells, buys and fees they add up to. */
import * as React from "react";
import Decimal from "decimal.js";
import { Body1, Caption1, Checkbox, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import type { Toggle } from "./PlanView";
import { loadHoldPicker } from "./holdPickerChunk";
import type { PositionJson } from "../../../plans/positions";

const HoldPicker = React.lazy(loadHoldPicker);
import type { PlanJson, TradeJson } from "../../../plans/json";
import { money, price, quantity } from "../../../display";
import { AccountTotals, accountTotals, tradeTotals } from "../../../plans/trade-totals";
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
  { header: "Settles", nowrap: true, cell: (t) => t.settlesOn },
];

// The account name may wrap beside its box (two words on two lines), so the sticky column takes less of a narrow pane.
const useKeepStyles = makeStyles({ keep: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXXS, minWidth: "7em" } });

const ACCOUNT_COLUMNS: Column<AccountTotals>[] = [
  { header: "Account", cell: (a) => a.account },
  { header: "Trades", numeric: true, cell: (a) => String(a.trades) },
  { header: "Sells", numeric: true, cell: (a) => money(a.sells) },
  { header: "Buys", numeric: true, cell: (a) => money(a.buys) },
  { header: "Fees", numeric: true, cell: (a) => money(a.fees) },
  { header: "Cash after", numeric: true, cell: (a) => (a.cashAfter === null ? "" : money(a.cashAfter)) },
];

/** The trades account by account: what each sells, buys and pays, and the cash it is left with. */
function ByAccount({ plan }: { plan: PlanJson }) {
  const rows = accountTotals(plan);
  if (rows.length === 0) return null;
  return <DataTable label="Trades by account" columns={ACCOUNT_COLUMNS} rows={rows} rowKey={(a) => a.account} />;
}

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

export function TradeTable({ plan, toggle, positions }: { plan: PlanJson; toggle?: Toggle; positions?: PositionJson[] }) {
  const s = usePlanStyles();
  const k = useKeepStyles();
  const busy = toggle?.busy && <Spinner size="tiny" label="Re-planning…" data-testid="replanning" />;
  const picker = toggle && positions && (
    <React.Suspense fallback={null}>
      <HoldPicker plan={plan} positions={positions} toggle={toggle} />
    </React.Suspense>
  );
  if (plan.trades.length === 0) {
    return (
      <Section title="Trades">
        <Body1 data-testid="no-trades">No trades{plan.trigger.rebalance ? " could be proposed (see warnings)" : ""}.</Body1>
        <HeldStill plan={plan} toggle={toggle} />
        {picker}
        {busy}
        <ByAccount plan={plan} />
      </Section>
    );
  }
  const totals = tradeTotals(plan);
  // A column no trade fills is left out (an SDIRA household realises no gains; a plan with no settle dates): at 800 px the table then fits without scrolling sideways.
  const gains = plan.trades.some((t) => t.realizedShortTerm !== null && t.realizedLongTerm !== null);
  const settles = plan.trades.some((t) => !!t.settlesOn);
  const shown = COLUMNS.slice(1).filter((c) => (c.header !== "Realised gain" || gains) && (c.header !== "Settles" || settles));
  // With a toggle, each trade has a box in its (sticky) Account cell, so it stays in view in a narrow pane: unticking it holds the position still and the plan is made again around it.
  const columns: Column<TradeJson>[] = toggle
    ? [
        {
          header: "Keep · Account",
          cell: (t) => (
            <span className={k.keep}>
              <Checkbox
                checked
                disabled={toggle.busy}
                aria-label={`Keep ${t.side} ${t.symbol} in ${t.account} (untick: Do Not Trade ${t.symbol} there in this plan)`}
                onChange={() => toggle.set(t.account, t.symbol, true)}
              />
              {t.account}
            </span>
          ),
        },
        ...shown,
      ]
    : [COLUMNS[0], ...shown];
  return (
    <Section title="Trades">
      <DataTable label="Trades" columns={columns} rows={plan.trades} rowKey={(t, i) => `${t.account}-${t.symbol}-${t.side}-${i}`} />
      <HeldStill plan={plan} toggle={toggle} />
      {picker}
      {busy}
      <div className={s.facts}>
        <Caption1>Sells {money(totals.sells)}</Caption1>
        <Caption1>Buys {money(totals.buys)}</Caption1>
        <Caption1>Fees {money(totals.fees)}</Caption1>
        {!gains && <Caption1 data-testid="no-realized">No realised gains to show: only a taxable account's sale with a cost basis realises one.</Caption1>}
        {totals.realized && (
          <Caption1 data-testid="realized">
            Realised gains (taxable accounts, after fees): short-term {money(totals.realized.shortTerm)} · long-term {money(totals.realized.longTerm)}
          </Caption1>
        )}
      </div>
      <ByAccount plan={plan} />
    </Section>
  );
}

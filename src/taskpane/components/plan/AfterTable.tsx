/** The portfolio after the trades: each class's value, weight and drift, and each account's cash. */
import * as React from "react";
import type { PlanJson } from "../../../plans/json";
import { money, percent, pp } from "../../../display";
import { Column, DataTable, Section, StatusBadge } from "./parts";

type AfterClass = PlanJson["after"]["classes"][number];
type AccountCash = PlanJson["after"]["cash"][number];

const CLASS_COLUMNS: Column<AfterClass>[] = [
  { header: "Class", cell: (c) => c.assetClass },
  { header: "Value", numeric: true, cell: (c) => money(c.value) },
  { header: "Weight", numeric: true, cell: (c) => percent(c.weight) },
  { header: "Drift", numeric: true, cell: (c) => pp(c.drift) },
  { header: "Band", numeric: true, cell: (c) => `${percent(c.bandLow)} – ${percent(c.bandHigh)}` },
  { header: "Status", cell: (c) => <StatusBadge status={c.status} /> },
];

const CASH_COLUMNS: Column<AccountCash>[] = [
  { header: "Account", cell: (c) => c.account },
  { header: "Cash after trades", numeric: true, cell: (c) => money(c.value) },
];

export function AfterTable({ plan }: { plan: PlanJson }) {
  return (
    <Section title="After trades">
      <DataTable label="After trades" columns={CLASS_COLUMNS} rows={plan.after.classes} rowKey={(c) => c.assetClass} />
      {plan.after.cash.length > 0 && <DataTable label="Cash after trades" columns={CASH_COLUMNS} rows={plan.after.cash} rowKey={(c) => c.account} />}
    </Section>
  );
}

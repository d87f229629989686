/** The portfolio after the trades: each class's value, weight, drift and status (each account's cash after is in the Trades section, by account). */
import * as React from "react";
import type { PlanJson } from "../../../plans/json";
import { money, percent, pp } from "../../../display";
import { Column, DataTable, Section, StatusBadge } from "./parts";

type AfterClass = PlanJson["after"]["classes"][number];

const CLASS_COLUMNS: Column<AfterClass>[] = [
  { header: "Class", cell: (c) => c.assetClass },
  { header: "Value", numeric: true, cell: (c) => money(c.value) },
  { header: "Weight", numeric: true, cell: (c) => percent(c.weight) },
  { header: "Drift", numeric: true, cell: (c) => pp(c.drift) },
  { header: "Band", numeric: true, cell: (c) => `${percent(c.bandLow)} – ${percent(c.bandHigh)}` },
  { header: "Status", cell: (c) => <StatusBadge status={c.status} /> },
];

export function AfterTable({ plan }: { plan: PlanJson }) {
  return (
    <Section title="After trades">
      <DataTable label="After trades" columns={CLASS_COLUMNS} rows={plan.after.classes} rowKey={(c) => c.assetClass} />
    </Section>
  );
}

/** The asset classes before trading: value, weight, target, drift, band and status. */
import * as React from "react";
import type { PlanJson } from "../../../plans/json";
import { money, percent, pp, relative } from "../../../display";
import { Column, DataTable, Section, StatusBadge } from "./parts";

type ClassRow = PlanJson["classes"][number];

const COLUMNS: Column<ClassRow>[] = [
  { header: "Class", cell: (c) => c.assetClass },
  { header: "Value", numeric: true, cell: (c) => money(c.value) },
  { header: "Weight", numeric: true, cell: (c) => percent(c.weight) },
  { header: "Target", numeric: true, cell: (c) => percent(c.target) },
  { header: "Drift", numeric: true, cell: (c) => pp(c.drift) },
  { header: "Rel. drift", numeric: true, cell: (c) => relative(c.relativeDrift) },
  { header: "Band", numeric: true, cell: (c) => `${percent(c.bandLow)} – ${percent(c.bandHigh)}` },
  { header: "Status", cell: (c) => <StatusBadge status={c.status} /> },
];

export function ClassTable({ plan }: { plan: PlanJson }) {
  return (
    <Section title="Asset classes">
      <DataTable label="Asset classes" columns={COLUMNS} rows={plan.classes} rowKey={(c) => c.assetClass} />
    </Section>
  );
}

/** Required minimum distributions per owner: this year's RMD, already distributed, remaining, planned now (IRS Pub. 590-B). */
import * as React from "react";
import { Caption1 } from "@fluentui/react-components";
import type { PlanJson } from "../../../plans/json";
import { RmdRow, rmdRows } from "../../../plans/describe";
import { money } from "../../../display";
import { Column, DataTable, Section } from "./parts";

const COLUMNS: Column<RmdRow>[] = [
  { header: "Owner", cell: (r) => `${r.owner} (${r.age})` },
  { header: "From", cell: (r) => r.from },
  { header: "RMD", numeric: true, cell: (r) => money(r.due) },
  { header: "Distributed", numeric: true, cell: (r) => money(r.distributed) },
  { header: "Remaining", numeric: true, cell: (r) => money(r.remaining) },
  { header: "Planned now", numeric: true, cell: (r) => r.planned },
  { header: "Due by", cell: (r) => r.deadline },
];

export function RmdTable({ plan }: { plan: PlanJson }) {
  if (plan.rmd.length === 0) return null;
  return (
    <Section title="Required minimum distributions">
      <Caption1>
        {plan.rmd[0].year}, Uniform Lifetime Table (IRS Pub. 590-B): {plan.rmd.map((o) => `${o.owner} divisor ${o.divisor}`).join(", ")}
      </Caption1>
      <DataTable label="Required minimum distributions" columns={COLUMNS} rows={rmdRows(plan.rmd)} rowKey={(r) => `${r.owner}\u0000${r.from}`} />
    </Section>
  );
}

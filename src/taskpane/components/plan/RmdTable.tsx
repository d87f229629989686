/** Required minimum distributions per owner: this year's RMD, already distributed, remaining, planned now (IRS Pub. 590-B). */
import * as React from "react";
import { Caption1 } from "@fluentui/react-components";
import Decimal from "decimal.js";
import type { PlanJson } from "../../../plans/json";
import { money } from "../../../display";
import { Column, DataTable, Section } from "./parts";

interface RmdRow {
  key: string;
  owner: string;
  from: string;
  required: string;
  distributed: string;
  remaining: string;
  planned: string;
  deadline: string;
}

const COLUMNS: Column<RmdRow>[] = [
  { header: "Owner", cell: (r) => r.owner },
  { header: "From", cell: (r) => r.from },
  { header: "RMD", numeric: true, cell: (r) => money(r.required) },
  { header: "Distributed", numeric: true, cell: (r) => money(r.distributed) },
  { header: "Remaining", numeric: true, cell: (r) => money(r.remaining) },
  { header: "Planned now", numeric: true, cell: (r) => r.planned },
  { header: "Due by", cell: (r) => r.deadline },
];

export function RmdTable({ plan }: { plan: PlanJson }) {
  if (plan.rmd.length === 0) return null;
  const rows: RmdRow[] = plan.rmd.flatMap((o) =>
    o.groups.map((g) => ({
      key: `${o.owner}\u0000${g.from}`,
      owner: `${o.owner} (${o.age})`,
      from: g.from === "IRAs" ? `IRAs: ${g.accounts.join(", ")}` : g.from,
      required: new Decimal(g.required).plus(g.deferred).toFixed(2),
      distributed: g.distributed,
      remaining: g.remaining,
      planned: g.planned.length ? g.planned.map((p) => `${money(p.amount)} ${p.account}`).join(", ") : money("0"),
      deadline: g.deadline,
    })),
  );
  return (
    <Section title="Required minimum distributions">
      <Caption1>
        {plan.rmd[0].year}, Uniform Lifetime Table (IRS Pub. 590-B): {plan.rmd.map((o) => `${o.owner} divisor ${o.divisor}`).join(", ")}
      </Caption1>
      <DataTable label="Required minimum distributions" columns={COLUMNS} rows={rows} rowKey={(r) => r.key} />
    </Section>
  );
}

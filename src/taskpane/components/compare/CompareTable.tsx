/**
 * One household's comparison as a table: every strategy × Rebalance To (and Optimal / Greedy where the
 * optimizer decides), what each costs (trades, turnover, fees, realised gains) and what it leaves
 * (misplacement, the largest drift, the classes still out of band). The Variant column stays in view
 * while the table scrolls sideways inside a narrow pane; the page itself never scrolls sideways.
 */
import * as React from "react";
import { Badge, Button } from "@fluentui/react-components";
import type { ComparisonRowJson } from "../../../plans/compare-json";
import { money, percent } from "../../../display";
import { Column, DataTable } from "../plan/parts";

/** "Full · Target · Optimal", "Cash Flow · (flow only)": the variant in words, as the runner's columns give it. */
export function variantName(r: ComparisonRowJson): string {
  return [r.strategy, r.label, r.optimizer].filter((x) => x !== null && x !== "").join(" · ");
}

/** The largest drift after, unsigned, in points (as the runner prints it). */
export const driftPoints = (fraction: number) => `${(fraction * 100).toFixed(2)} pp`;

/** Called with the variant's strategy and Rebalance To (and its optimizer, null where it has none). */
/** "Use this": the variant's Strategy, its Rebalance To (null for a flow-only strategy, which Rebalance To does not shape) and its Optimizer (null when the optimizer does not decide it). */
export type UseVariant = (strategy: string, rebalanceTo: string | null, optimizer: string | null) => void;

export function CompareTable({ rows, current, onUse, label }: { rows: ComparisonRowJson[]; current: { strategy: string; rebalanceTo: string; optimizer: string }; onUse?: UseVariant; label: string }) {
  // The Policy's own row: its strategy, its Rebalance To (unless the strategy is flow only) and, where the optimizer decides, its Optimizer.
  const isCurrent = (r: ComparisonRowJson) => r.strategy === current.strategy && (r.label === "(flow only)" || r.rebalanceTo === current.rebalanceTo) && (r.optimizer === null || r.optimizer === current.optimizer);
  const columns: Column<ComparisonRowJson>[] = [
    {
      header: "Variant",
      cell: (r) => (
        <>
          {variantName(r)}
          {isCurrent(r) && (
            <>
              {" "}
              <Badge appearance="tint" color="informative" shape="rounded" size="small">
                Policy
              </Badge>
            </>
          )}
        </>
      ),
    },
    { header: "Trades", numeric: true, cell: (r) => String(r.trades) },
    { header: "Turnover", numeric: true, cell: (r) => money(r.turnover) },
    { header: "Fees", numeric: true, cell: (r) => money(r.fees) },
    { header: "Gains ST", numeric: true, cell: (r) => money(r.realizedShortTerm) },
    { header: "Gains LT", numeric: true, cell: (r) => money(r.realizedLongTerm) },
    { header: "Misplacement", numeric: true, cell: (r) => percent(r.misplacementAfter) },
    { header: "Largest drift after", numeric: true, cell: (r) => driftPoints(r.maxDriftAfter) },
    { header: "Out of band after", cell: (r) => r.outOfBandAfter.join(", ") || "none" },
  ];
  if (onUse) {
    columns.push({
      header: "Policy",
      cell: (r) => (
        <Button size="small" aria-label={`Use this: ${variantName(r)}`} data-testid="use-variant" onClick={() => onUse(r.strategy, r.label === "(flow only)" ? null : r.rebalanceTo, r.optimizer)}>
          Use this
        </Button>
      ),
    });
  }
  return <DataTable label={label} columns={columns} rows={rows} rowKey={(r) => variantName(r)} />;
}

/** Pieces every part of the plan view shares: a titled section, a table with numeric columns, status and side badges. */
import * as React from "react";
import { Badge, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

type BadgeColor = "success" | "danger" | "warning" | "informative" | "brand" | "important" | "severe" | "subtle";

export const usePlanStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalL },
  scroll: { overflowX: "auto", maxWidth: "100%" },
  // auto layout: columns fit their numbers (Fluent tables default to fixed, equal columns).
  table: { minWidth: "560px", tableLayout: "auto" },
  // The identifying first column stays in view while a wide table scrolls sideways in a narrow pane.
  sticky: { position: "sticky", left: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1 },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  numHeader: { "& > button, & > div": { justifyContent: "flex-end" }, textAlign: "right" },
  decision: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  reasons: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  facts: { display: "flex", gap: tokens.spacingHorizontalXL, flexWrap: "wrap", color: tokens.colorNeutralForeground2 },
});

const STATUS_COLOR: Record<string, BadgeColor> = {
  "In band": "success",
  Over: "danger",
  Under: "warning",
  Locked: "informative",
};

export function StatusBadge({ status }: { status: string }) {
  return (
    <Badge appearance="filled" color={STATUS_COLOR[status] ?? "subtle"} shape="rounded">
      {status}
    </Badge>
  );
}

export function SideBadge({ side }: { side: string }) {
  const buy = side.toLowerCase() === "buy";
  return (
    <Badge appearance="tint" color={buy ? "success" : "danger"} shape="rounded">
      {buy ? "Buy" : "Sell"}
    </Badge>
  );
}

export function Section({ title, children }: { title: string; children: React.ReactNode }) {
  const s = usePlanStyles();
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

/** One column of a DataTable: its header, whether it holds numbers (right-aligned), and its cell. */
export interface Column<T> {
  header: string;
  numeric?: boolean;
  cell: (row: T) => React.ReactNode;
}

/** A small table that scrolls sideways inside the pane when it is wider than the pane. */
export function DataTable<T>({ label, columns, rows, rowKey }: { label: string; columns: Column<T>[]; rows: T[]; rowKey: (row: T, i: number) => string }) {
  const s = usePlanStyles();
  return (
    // Focusable, so a keyboard can scroll a table wider than the pane (WCAG 2.1.1); named for screen readers.
    <div className={s.scroll} tabIndex={0} role="region" aria-label={`${label} (scrolls sideways in a narrow pane)`}>
      <Table size="small" aria-label={label} className={s.table}>
        <TableHeader>
          <TableRow>
            {columns.map((c, i) => (
              <TableHeaderCell key={c.header} className={mergeClasses(c.numeric && s.numHeader, i === 0 && s.sticky)}>
                {c.header}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r, i) => (
            <TableRow key={rowKey(r, i)}>
              {columns.map((c, i) => (
                <TableCell key={c.header} className={mergeClasses(c.numeric && s.num, i === 0 && s.sticky)}>
                  {c.cell(r)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

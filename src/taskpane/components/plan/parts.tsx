/** Pieces every part of the plan view shares: a titled section, a table with numeric columns, status and side badges. */
import * as React from "react";
import { Badge, Button, Caption1, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

type BadgeColor = "success" | "danger" | "warning" | "informative" | "brand" | "important" | "severe" | "subtle";

export const usePlanStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalL },
  scroll: { overflowX: "auto", maxWidth: "100%" },
  // auto layout: columns fit their numbers (Fluent tables default to fixed, equal columns).
  // Cells padded 4 px a side (Fluent's small table pads 8): a household's eleven trade columns fit an 800 px pane.
  table: { minWidth: "560px", tableLayout: "auto", "& th, & td": { paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS } },
  // The identifying first column stays in view while a wide table scrolls sideways in a narrow pane.
  sticky: { position: "sticky", left: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1 },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  nowrap: { whiteSpace: "nowrap" },
  numHeader: { "& > button, & > div": { justifyContent: "flex-end" }, textAlign: "right" },
  decision: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  reasons: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  facts: { display: "flex", gap: tokens.spacingHorizontalXL, flexWrap: "wrap", color: tokens.colorNeutralForeground2 },
  pager: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
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
  /** Kept on one line (a date): the table wraps a name before it breaks "2026-11-23". */
  nowrap?: boolean;
  cell: (row: T) => React.ReactNode;
}

/** Rows a table shows at once; a longer table is shown a page of this many rows at a time. */
export const ROW_PAGE = 100;

/**
 * The page of `rows` on view: a table of a thousand trades laid out at once held the pane's main thread
 * for 250 ms and more per batch (auto table layout measures every row again), so a longer table is
 * paged and no render is longer than a page's. Back to the first page when the rows change.
 */
export function useRowPage(rows: readonly unknown[]): { page: number; pages: number; set: (page: number) => void } {
  const [at, setAt] = React.useState({ rows, page: 0 });
  const page = at.rows === rows ? at.page : 0;
  const pages = Math.max(1, Math.ceil(rows.length / ROW_PAGE));
  return { page, pages, set: (p) => React.startTransition(() => setAt({ rows, page: Math.min(Math.max(0, p), pages - 1) })) };
}

/** Rows a table mounts in one render: the first this many at once, then as many more each frame. */
export const ROW_CHUNK = 20;

/**
 * How many of the `count` rows of `rows`'s page `page` are mounted. A page of a hundred trade rows (each with a box and a
 * badge) mounted in one render held the pane's main thread for 500 ms and more in Chromium: React's commit, then the
 * browser's first style, layout and paint of all that new text in one task. Mounted ROW_CHUNK at a time, one chunk a
 * frame, each task stays short and the first rows are on view sooner. A new page or new rows start again at one chunk.
 */
export function useRowsMounted(count: number, rows: readonly unknown[], page: number): number {
  const [at, setAt] = React.useState({ rows, page, mounted: ROW_CHUNK });
  const mounted = Math.min(count, at.rows === rows && at.page === page ? at.mounted : ROW_CHUNK);
  React.useEffect(() => {
    if (mounted >= count) return;
    const frame = requestAnimationFrame(() => React.startTransition(() => setAt({ rows, page, mounted: mounted + ROW_CHUNK })));
    return () => cancelAnimationFrame(frame);
  }, [rows, page, mounted, count]);
  return mounted;
}

/** "Rows 101–200 of 985" with the buttons to the pages before and after. */
function Pager({ label, page, pages, total, set }: { label: string; page: number; pages: number; total: number; set: (page: number) => void }) {
  const s = usePlanStyles();
  const first = page * ROW_PAGE + 1;
  const last = Math.min(total, first + ROW_PAGE - 1);
  return (
    <div className={s.pager} data-testid="pager">
      <Caption1 aria-live="polite">
        {label}: rows {first}–{last} of {total}
      </Caption1>
      <Button size="small" disabled={page === 0} onClick={() => set(page - 1)} aria-label={`${label}: previous ${ROW_PAGE} rows`}>
        Previous
      </Button>
      <Button size="small" disabled={page >= pages - 1} onClick={() => set(page + 1)} aria-label={`${label}: next ${ROW_PAGE} rows`}>
        Next
      </Button>
    </div>
  );
}

/** One row of a DataTable; memoised, so mounting the next chunk of rows does not render the rows already on view again. */
const DataRow = React.memo(function DataRow({ row, columns, cellClasses }: { row: unknown; columns: Column<never>[]; cellClasses: string[] }) {
  return (
    <TableRow>
      {columns.map((c, i) => (
        <TableCell key={c.header} className={cellClasses[i]}>
          {c.cell(row as never)}
        </TableCell>
      ))}
    </TableRow>
  );
}) as <T>(props: { row: T; columns: Column<T>[]; cellClasses: string[] }) => React.ReactElement;

/**
 * A table that scrolls sideways inside the pane when it is wider than the pane. A table of more than
 * ROW_PAGE rows is shown a page at a time (useRowPage), its rows mounted a chunk a frame (useRowsMounted);
 * `data-rows`, `data-page-rows` and `data-shown` say how many rows it has, how many its page has, and how many
 * are on view so far.
 */
export function DataTable<T>({ label, columns, rows, rowKey }: { label: string; columns: Column<T>[]; rows: T[]; rowKey: (row: T, i: number) => string }) {
  const s = usePlanStyles();
  const { page, pages, set } = useRowPage(rows);
  const from = page * ROW_PAGE;
  const onPage = pages > 1 ? rows.slice(from, from + ROW_PAGE) : rows;
  const mounted = useRowsMounted(onPage.length, rows, page);
  const view = mounted < onPage.length ? onPage.slice(0, mounted) : onPage;
  const cellClasses = React.useMemo(() => columns.map((c, i) => mergeClasses(c.numeric && s.num, c.nowrap && s.nowrap, i === 0 && s.sticky)), [columns, s]);
  return (
    <>
      {/* Focusable, so a keyboard can scroll a table wider than the pane (WCAG 2.1.1); named for screen readers. */}
      <div className={s.scroll} tabIndex={0} role="region" aria-label={`${label} (scrolls sideways in a narrow pane)`}>
        <Table size="small" aria-label={label} className={s.table} data-rows={rows.length} data-shown={view.length} data-page-rows={onPage.length}>
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
            {view.map((r, i) => (
              <DataRow key={rowKey(r, from + i)} row={r} columns={columns} cellClasses={cellClasses} />
            ))}
          </TableBody>
        </Table>
      </div>
      {pages > 1 && <Pager label={label} page={page} pages={pages} total={rows.length} set={set} />}
    </>
  );
}

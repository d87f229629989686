/**
 * The Drift History sheet: every rebalance written appends one row per class (as of the plan's
 * date: value, weight, target, drift, band, status) to the append-only DriftHistory table, and the
 * block beside it (the add-in's, rewritten each time) holds drift by date, one column per class,
 * with a line chart of it: drift over time, across every rebalance written so far.
 */
import { DateSystem, isoToSerial, localSerial } from "../dates/serial";
import { DRIFT_HISTORY_HEADERS, DRIFT_HISTORY_SHEET, DRIFT_HISTORY_TABLE, DriftHistoryRow } from "../contract/drift-history";
import { Plan } from "../engine/types";
import { money } from "./json";
import { FMT, HEADER_STYLE, TABLE_STYLE } from "./formats";
import { FMT_TIMESTAMP } from "./log";
import { AppendRow, AppendSheetPlan, CellWrite } from "./types";
import { cellAddress, rangeAddress } from "../a1";

/** The defined name of the drift-by-date block beside the table. */
export const DRIFT_CHART_BLOCK = "DriftHistoryChart";
const WIDTHS = [12, 18, 15, 9, 9, 9, 10, 10, 10, 19];
/** The block starts one column right of the table. */
const BLOCK_LEFT = DRIFT_HISTORY_HEADERS.length + 2;

export interface DriftHistoryOptions {
  now: Date;
  dateSystem?: DateSystem;
}

/** The rows a plan appends: one per class, in the plan's class order. */
export function driftHistoryRows(plan: Plan, options: DriftHistoryOptions): AppendRow[] {
  const asOf = isoToSerial(plan.asOf, options.dateSystem);
  const written = localSerial(options.now, options.dateSystem);
  return plan.classes.map((c) => [
    { value: asOf, numberFormat: FMT.date },
    { value: c.assetClass, numberFormat: FMT.text },
    { value: Number(money(c.value)), numberFormat: FMT.money },
    { value: c.weight, numberFormat: FMT.percent },
    { value: c.target, numberFormat: FMT.percent },
    { value: c.drift, numberFormat: FMT.drift },
    { value: c.bandLow, numberFormat: FMT.percent },
    { value: c.bandHigh, numberFormat: FMT.percent },
    { value: c.status, numberFormat: FMT.text },
    { value: written, numberFormat: FMT_TIMESTAMP },
  ]);
}

/**
 * Drift by date, one column per class (in order of first appearance), from the earlier rows and
 * this plan's: a date written twice keeps its last rows. Classes missing on a date are null.
 */
export function driftByDate(history: DriftHistoryRow[], plan: Plan): { dates: string[]; classes: string[]; drift: (number | null)[][] } {
  const classes: string[] = [];
  const byDate = new Map<string, Map<string, number>>();
  for (const r of history) {
    if (!classes.includes(r.assetClass)) classes.push(r.assetClass);
    if (!byDate.has(r.asOf)) byDate.set(r.asOf, new Map());
    byDate.get(r.asOf)!.set(r.assetClass, r.drift);
  }
  for (const c of plan.classes) if (!classes.includes(c.assetClass)) classes.push(c.assetClass);
  // This plan's date replaces what an earlier write of the same date said.
  byDate.set(plan.asOf, new Map(plan.classes.map((c) => [c.assetClass, c.drift])));
  const dates = [...byDate.keys()].sort();
  return { dates, classes, drift: dates.map((d) => classes.map((c) => byDate.get(d)!.get(c) ?? null)) };
}

export function driftHistoryPlan(plan: Plan, history: DriftHistoryRow[], options: DriftHistoryOptions): AppendSheetPlan {
  const { dates, classes, drift } = driftByDate(history, plan);
  const cells: CellWrite[] = [];
  const top = 1;
  cells.push({ row: top, col: BLOCK_LEFT, value: "As Of", style: HEADER_STYLE });
  classes.forEach((c, j) => cells.push({ row: top, col: BLOCK_LEFT + 1 + j, value: c, style: HEADER_STYLE }));
  dates.forEach((d, i) => {
    cells.push({ row: top + 1 + i, col: BLOCK_LEFT, value: isoToSerial(d, options.dateSystem), numberFormat: FMT.date });
    drift[i].forEach((x, j) => cells.push({ row: top + 1 + i, col: BLOCK_LEFT + 1 + j, value: x, numberFormat: FMT.drift }));
  });
  const bottom = top + dates.length;
  const right = BLOCK_LEFT + classes.length;
  return {
    sheet: DRIFT_HISTORY_SHEET,
    mode: "append",
    append: { table: DRIFT_HISTORY_TABLE, headers: DRIFT_HISTORY_HEADERS, anchor: { row: 1, col: 1 }, rows: driftHistoryRows(plan, options), widths: WIDTHS, style: TABLE_STYLE },
    beside: {
      owned: { name: DRIFT_CHART_BLOCK, rect: { top, left: BLOCK_LEFT, bottom, right } },
      cells,
      columnWidths: [{ col: BLOCK_LEFT, width: 12 }, ...classes.map((c, j) => ({ col: BLOCK_LEFT + 1 + j, width: Math.max(9, Math.min(18, c.length + 2)) }))],
      charts: [
        {
          title: "Drift by class at each rebalance (weight − target)",
          kind: "line",
          categories: rangeAddress(top + 1, BLOCK_LEFT, bottom, BLOCK_LEFT),
          series: classes.map((c, j) => ({ name: c, values: rangeAddress(top + 1, BLOCK_LEFT + 1 + j, bottom, BLOCK_LEFT + 1 + j) })),
          anchor: cellAddress(bottom + 2, BLOCK_LEFT),
          width: 480,
          height: 300,
          valueFormat: "0%",
          // One point per rebalance: markers, so the first rebalance already shows.
          markers: true,
          name: "DriftHistoryChart",
        },
      ],
    },
  };
}

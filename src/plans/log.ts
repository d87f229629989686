/**
 * The Rebalance Log: an append-only Excel table with one row per rebalance written. The plan is
 * the row; adapters add it after the table's last row (creating sheet and table on first use)
 * and never rewrite or reorder earlier rows.
 */
import { DateSystem, isoToSerial, localSerial } from "../dates/serial";
import { planMetrics } from "../engine/metrics";
import { Plan } from "../engine/types";
import { money } from "./json";
import { FMT, TABLE_STYLE } from "./formats";
import { AppendRow, AppendSheetPlan } from "./types";

export const LOG_SHEET = "Rebalance Log";
/** Excel table names cannot contain spaces. */
export const LOG_TABLE = "RebalanceLog";
export const LOG_HEADERS = [
  "Timestamp", "As Of", "Decision", "Trigger Reasons", "Strategy", "Rebalance To", "Trades",
  "Turnover", "Fees", "Max Drift Before", "Max Drift After", "Note",
];
const LOG_WIDTHS = [17, 11, 13, 60, 10, 13, 8, 14, 11, 15, 15, 30];
export const FMT_TIMESTAMP = "yyyy-mm-dd hh:mm:ss";

export interface LogOptions {
  /** When the rebalance was written. */
  now: Date;
  strategyLabel?: string;
  /** The workbook's date system: the dates are written as serials in it (default 1900). */
  dateSystem?: DateSystem;
  /** The Note column's text (a master workbook's household). */
  note?: string;
}

/** The values of one log row, in LOG_HEADERS order. */
export function logRow(plan: Plan, options: LogOptions): AppendRow {
  const { turnover, fees, maxDriftAfter } = planMetrics(plan);
  const maxDriftBefore = plan.classes.reduce((m, c) => Math.max(m, Math.abs(c.drift)), 0);
  return [
    { value: localSerial(options.now, options.dateSystem), numberFormat: FMT_TIMESTAMP },
    { value: isoToSerial(plan.asOf, options.dateSystem), numberFormat: FMT.date },
    { value: plan.trigger.rebalance ? "Rebalance" : "No rebalance", numberFormat: FMT.text },
    { value: plan.trigger.reasons.length ? plan.trigger.reasons.join("; ") : "Within bands; no review due", numberFormat: FMT.text },
    { value: options.strategyLabel ?? plan.policy.strategy, numberFormat: FMT.text },
    { value: plan.policy.rebalanceTo, numberFormat: FMT.text },
    { value: plan.trades.length, numberFormat: "0" },
    { value: Number(money(turnover)), numberFormat: FMT.money },
    { value: Number(money(fees)), numberFormat: FMT.money },
    { value: maxDriftBefore, numberFormat: FMT.percent },
    { value: maxDriftAfter, numberFormat: FMT.percent },
    { value: options.note ?? null, numberFormat: FMT.text },
  ];
}

export function logPlan(plan: Plan, options: LogOptions): AppendSheetPlan {
  return logRowsPlan([logRow(plan, options)]);
}

/** A master workbook's log: one row per household, its name in the Note column. */
export function householdsLogPlan(households: { household: string; plan: Plan }[], options: LogOptions): AppendSheetPlan {
  return logRowsPlan(households.map((h) => logRow(h.plan, { ...options, note: `Household ${h.household}` })));
}

function logRowsPlan(rows: AppendRow[]): AppendSheetPlan {
  return {
    sheet: LOG_SHEET,
    mode: "append",
    append: { table: LOG_TABLE, headers: LOG_HEADERS, anchor: { row: 1, col: 1 }, rows, widths: LOG_WIDTHS, style: TABLE_STYLE },
  };
}

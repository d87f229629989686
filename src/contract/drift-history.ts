/**
 * The Drift History: the add-in's own append-only table (DriftHistory on the Drift History sheet),
 * one row per class for every rebalance written. Readers hand it over like a range (key
 * "drifthistory") when the workbook has it; it is read leniently: a row the advisor broke is left
 * out and counted, never an error that stops a rebalance.
 */
import { DateSystem } from "../dates/serial";
import { isBlank, readDate, readNumber, readPercent, text } from "./cells";
import { RangeSnapshot } from "./snapshot";
import { readTable } from "./table";
import { ContractError } from "./errors";

/** The key under which readers put the table in WorkbookSnapshot.ranges. */
export const DRIFT_HISTORY_KEY = "drifthistory";
export const DRIFT_HISTORY_TABLE = "DriftHistory";
export const DRIFT_HISTORY_SHEET = "Drift History";
export const DRIFT_HISTORY_HEADERS = ["As Of", "Class", "Value", "Weight", "Target", "Drift", "Band Low", "Band High", "Status", "Written"];

export interface DriftHistoryRow {
  /** ISO date the snapshot was taken as of. */
  asOf: string;
  assetClass: string;
  value: number;
  weight: number;
  target: number;
  /** weight − target. */
  drift: number;
  status: string;
}

export interface DriftHistory {
  rows: DriftHistoryRow[];
  /** Rows left out because a cell could not be read (the advisor edited the table). */
  skipped: number;
}

export function readDriftHistory(range: RangeSnapshot | undefined, system: DateSystem = 1900): DriftHistory {
  if (!range) return { rows: [], skipped: 0 };
  const errors: ContractError[] = [];
  const table = readTable(range, ["As Of", "Class", "Value", "Weight", "Target", "Drift", "Status"].map((header) => ({ header, required: true })), errors);
  if (!table) return { rows: [], skipped: Math.max(range.values.length - 1, 0) };
  const rows: DriftHistoryRow[] = [];
  let skipped = table.skipped.length;
  for (const r of table.rows) {
    const asOf = readDate(r.get("As Of"), system);
    const value = readNumber(r.get("Value"));
    const [weight, target, drift] = ["Weight", "Target", "Drift"].map((h) => readPercent(r.get(h)));
    const assetClass = text(r.get("Class"));
    if (!asOf.ok || !value.ok || !weight.ok || !target.ok || !drift.ok || isBlank(r.get("Class"))) {
      skipped++;
      continue;
    }
    rows.push({ asOf: asOf.value, assetClass, value: value.value.toNumber(), weight: weight.value, target: target.value, drift: drift.value, status: text(r.get("Status")) });
  }
  return { rows, skipped };
}

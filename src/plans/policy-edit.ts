/**
 * Editing the Policy range: the settings as the workbook holds them (for an editor to show), and a set
 * of edits → the cells to write (a RangeEdit), the workbook as it reads after them, and the contract's
 * problems with the edited range. A setting the range lists gets its Value cell written; one it does
 * not list gets a row below the range's last row (the range grows over it); without a Policy range a
 * Policy sheet is made with the name over its Setting | Value table. A setting set to blank (null or "")
 * keeps its row with an empty Value, which the contract reads as its default.
 *
 *   policyEdit(snapshot, { Strategy: "Tax Aware", "Rebalance To": "Band Edge", "Abs Band": "4%" })
 */
import { Rect, cellAddress } from "../a1";
import { describe, findChoice, isBlank, normalizeKey, readNumber, readPercent, readDate, text } from "../contract/cells";
import { ContractError, contractError } from "../contract/errors";
import { PolicyField, policyFields } from "../contract/policy-fields";
import { CellValue, RangeSnapshot, WorkbookSnapshot } from "../contract/snapshot";
import { StrategyChoices } from "../contract/vocabulary";
import { isoOf } from "../dates/calendar";
import { DateSystem, isoToSerial, serialToIso } from "../dates/serial";
import { strategyNames } from "../engine/strategies/registry";
import { contractProblems, problemsIn } from "./edit-problems";
import { FMT, HEADER_STYLE } from "./formats";
import { WorkbookParseOptions } from "./plan-workbook";
import { RangeEdit, editedRange, snapshotRect } from "./range-edit";
import { CellWrite, PlainValue } from "./types";

/** A setting's new value as it would be typed into its cell ("Tax Aware", "5%", 0.05, 7000, "2026-11-20"); null or "" is blank (the default). */
export type SettingValue = string | number | boolean | null;
export type PolicyEdits = Readonly<Record<string, SettingValue>>;

export const POLICY_NAME = "Policy";
/** The sheet a Policy range is created on when the workbook has none. */
export const POLICY_SHEET = "Policy";

export interface PolicySetting {
  field: PolicyField;
  /** Its Value cell (A1 on the Policy range's sheet), or null when the range does not list it. */
  cell: string | null;
  /** The Value cell as read (null when blank or not listed). */
  value: CellValue;
}

export interface PolicyForm {
  /** The range's sheet and cells as read, or null when the workbook has no Policy range. */
  range: { sheet: string; rect: Rect } | null;
  settings: PolicySetting[];
  dateSystem: DateSystem;
  /** Problems that stop the range being edited at all (no Setting | Value header row, a broken name). */
  errors: ContractError[];
}

interface Layout {
  range: RangeSnapshot;
  settingCol: number;
  valueCol: number;
  /** Setting → its sheet row (the first row naming it). */
  rows: Map<string, number>;
}

function layout(range: RangeSnapshot, fields: PolicyField[]): Layout | ContractError {
  const header = range.values[0] ?? [];
  const at = (h: string) => header.findIndex((c) => normalizeKey(c) === normalizeKey(h));
  const s = at("Setting");
  const v = at("Value");
  if (s < 0 || v < 0) return contractError(range.sheet, cellAddress(range.top, range.left), `${range.name} has no "Setting" and "Value" headers in its first row; the pane edits a Setting | Value table`);
  const names = fields.map((f) => f.setting);
  const rows = new Map<string, number>();
  range.values.forEach((row, i) => {
    const name = i === 0 ? undefined : findChoice(names, row[s] ?? null);
    if (name && !rows.has(name)) rows.set(name, range.top + i);
  });
  return { range, settingCol: range.left + s, valueCol: range.left + v, rows };
}

/** The Policy settings as the workbook holds them, every known setting listed (those the range lacks as blank). */
export function policyForm(snapshot: WorkbookSnapshot, strategies: StrategyChoices = strategyNames()): PolicyForm {
  const fields = policyFields(strategies);
  const dateSystem = snapshot.dateSystem ?? 1900;
  const broken = snapshot.nameProblems.find((p) => p.name.toLowerCase() === "policy");
  if (broken) return { range: null, settings: [], dateSystem, errors: [contractError("", "", `The name "${broken.name}" ${broken.message}`)] };
  const range = snapshot.ranges["policy"];
  if (!range) return { range: null, settings: fields.map((field) => ({ field, cell: null, value: null })), dateSystem, errors: [] };
  const l = layout(range, fields);
  if (!("rows" in l)) return { range: { sheet: range.sheet, rect: snapshotRect(range) }, settings: [], dateSystem, errors: [l] };
  const settings = fields.map((field) => {
    const row = l.rows.get(field.setting);
    if (row === undefined) return { field, cell: null, value: null };
    return { field, cell: cellAddress(row, l.valueCol), value: range.values[row - range.top]?.[l.valueCol - range.left] ?? null };
  });
  return { range: { sheet: range.sheet, rect: snapshotRect(range) }, settings, dateSystem, errors: [] };
}

/** A value as it goes into its cell: normalised for its kind (a percent as a fraction, a date as a serial), with the number format that shows it. */
export function cellOf(field: PolicyField, v: SettingValue, system: DateSystem): { value: PlainValue; numberFormat?: string } {
  if (v === null || (typeof v === "string" && v.trim() === "")) return { value: null };
  const asText = { value: typeof v === "string" ? v.trim() : v, numberFormat: typeof v === "string" ? FMT.text : undefined };
  const percent = () => {
    const p = readPercent(v);
    return p.ok ? { value: p.value, numberFormat: FMT.percent } : asText;
  };
  const money = () => {
    const n = readNumber(v);
    return n.ok ? { value: n.value.toNumber(), numberFormat: FMT.money } : asText;
  };
  switch (field.kind) {
    case "choice": {
      const found = findChoice(field.options ?? [], v);
      return found ? { value: found, numberFormat: FMT.text } : asText;
    }
    case "band":
      return ["none", "off"].includes(normalizeKey(v)) ? { value: "None", numberFormat: FMT.text } : percent();
    case "percent":
      return percent();
    case "cashFlow":
      return normalizeKey(v) === "rmd" ? { value: "RMD", numberFormat: FMT.text } : money();
    case "money":
      return money();
    case "bps":
    case "integer":
    case "number": {
      const n = readNumber(v);
      return n.ok ? { value: n.value.toNumber(), numberFormat: "General" } : asText;
    }
    case "date": {
      const d = readDate(v, system);
      return d.ok ? { value: isoToSerial(d.value, system), numberFormat: FMT.date } : asText;
    }
    case "monthDay":
    case "text":
      return { value: text(v), numberFormat: FMT.text };
  }
}

/** Whether a cell already holds what would be written (blank and blank, the same number, the same date, the same text). */
function same(held: CellValue, written: PlainValue, system: DateSystem): boolean {
  if (isBlank(held) || written === null) return isBlank(held) && written === null;
  if (held instanceof Date) return typeof written === "number" && isoOf(held) === serialToIso(written, system);
  if (typeof held === "number" || typeof written === "number") return typeof held === typeof written && held === written;
  return typeof held === typeof written && String(held).trim() === String(written).trim();
}

export interface PolicyChange {
  setting: string;
  /** The Value cell written (A1, on the range's sheet). */
  cell: string;
  before: CellValue;
  after: PlainValue;
  /** The setting gets a row of its own (the range did not list it). */
  added: boolean;
}

export type PolicyEditResult =
  | {
      ok: true;
      /** The cells to write; null when the edits change nothing. */
      edit: RangeEdit | null;
      changes: PolicyChange[];
      /** The workbook as it reads with the edits in place (plan it to see what they do). */
      snapshot: WorkbookSnapshot;
      /** The contract's problems with the edited Policy range: when there are any, nothing should be written. */
      problems: ContractError[];
    }
  | { ok: false; errors: ContractError[] };

export interface PolicyEditOptions extends WorkbookParseOptions {
  strategies?: StrategyChoices;
}

/** Edits → the Policy range's cells to write, the edited workbook, and the contract's problems with it. */
export function policyEdit(snapshot: WorkbookSnapshot, edits: PolicyEdits, options: PolicyEditOptions = {}): PolicyEditResult {
  const strategies = options.strategies ?? strategyNames();
  const form = policyForm(snapshot, strategies);
  if (form.errors.length > 0) return { ok: false, errors: form.errors };
  const fields = policyFields(strategies);
  const system = form.dateSystem;
  const errors: ContractError[] = [];
  const wanted: { field: PolicyField; value: PlainValue; numberFormat?: string }[] = [];
  for (const [key, v] of Object.entries(edits)) {
    const name = findChoice(fields.map((f) => f.setting), key);
    if (!name) {
      errors.push(contractError("", "", `Unknown policy setting ${describe(key)}; known settings: ${fields.map((f) => f.setting).join(", ")}`));
      continue;
    }
    const field = fields.find((f) => f.setting === name)!;
    wanted.push({ field, ...cellOf(field, v, system) });
  }
  if (errors.length > 0) return { ok: false, errors };

  const range = snapshot.ranges["policy"];
  const l = range ? (layout(range, fields) as Layout) : null;
  const cells: CellWrite[] = [];
  const changes: PolicyChange[] = [];
  const top = range ? range.top : 1;
  const settingCol = l ? l.settingCol : 1;
  const valueCol = l ? l.valueCol : 2;
  let next = range ? snapshotRect(range).bottom + 1 : 2;
  for (const w of wanted) {
    const row = l?.rows.get(w.field.setting);
    if (row !== undefined) {
      const held = range!.values[row - range!.top]?.[valueCol - range!.left] ?? null;
      if (same(held, w.value, system)) continue;
      cells.push({ row, col: valueCol, value: w.value, ...(w.numberFormat ? { numberFormat: w.numberFormat } : {}) });
      changes.push({ setting: w.field.setting, cell: cellAddress(row, valueCol), before: held, after: w.value, added: false });
    } else if (w.value !== null) {
      const at = next++;
      cells.push({ row: at, col: settingCol, value: w.field.setting, numberFormat: FMT.text }, { row: at, col: valueCol, value: w.value, ...(w.numberFormat ? { numberFormat: w.numberFormat } : {}) });
      changes.push({ setting: w.field.setting, cell: cellAddress(at, valueCol), before: null, after: w.value, added: true });
    }
  }
  if (cells.length === 0) return { ok: true, edit: null, changes, snapshot, problems: problemsOf(snapshot, range, options) };
  if (!range) cells.unshift({ row: 1, col: 1, value: "Setting", style: HEADER_STYLE }, { row: 1, col: 2, value: "Value", style: HEADER_STYLE });
  const before = range ? snapshotRect(range) : null;
  const after: Rect = before ? { ...before, bottom: Math.max(before.bottom, next - 1) } : { top, left: 1, bottom: next - 1, right: 2 };
  const edit: RangeEdit = { name: range?.name ?? POLICY_NAME, sheet: range?.sheet ?? POLICY_SHEET, before, after, createSheet: !range, cells };
  const policy = editedRange(range, edit);
  const edited: WorkbookSnapshot = { ...snapshot, ranges: { ...snapshot.ranges, policy } };
  return { ok: true, edit, changes, snapshot: edited, problems: problemsOf(edited, policy, options) };
}

function problemsOf(snapshot: WorkbookSnapshot, range: RangeSnapshot | undefined, options: WorkbookParseOptions): ContractError[] {
  if (!range) return [];
  return problemsIn(contractProblems(snapshot, { today: options.today }), range.sheet, snapshotRect(range));
}

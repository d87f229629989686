/**
 * Editing the Targets range: each class's Target, and its Abs Band / Rel Band overrides where the range
 * has those columns, → the cells to write (a RangeEdit, only inside the range), the workbook as it reads
 * after them, and the contract's problems with the edited range (a sum off 100% among them). A class is
 * added as a row below the range's last row (the range grows over it) and removed by clearing its row's
 * cells inside the range (a blank row, which the contract skips). A removal that leaves a Holdings,
 * Location or other row naming a class Targets no longer lists is one of the problems: the edit is judged
 * on the whole workbook, not only inside the range.
 *
 *   targetsEdit(snapshot, { Stocks: { Target: "55%" }, Bonds: { Target: 0.35, "Abs Band": "3%" } })
 *   targetsEdit(snapshot, { Stocks: { Target: "50%" } }, {}, { add: { Gold: { Target: "5%" } }, remove: ["TIPS"] })
 */
import { Rect, cellAddress, parseCell } from "../a1";
import { isBlank, normalizeKey, readPercent, text } from "../contract/cells";
import { ContractError, contractError } from "../contract/errors";
import { HOUSEHOLD_HEADER } from "../contract/households";
import { CellValue, WorkbookSnapshot } from "../contract/snapshot";
import { contractProblems, problemsIn } from "./edit-problems";
import { FMT } from "./formats";
import { WorkbookParseOptions } from "./plan-workbook";
import { SettingValue } from "./policy-edit";
import { RangeEdit, editedRange, snapshotRect } from "./range-edit";
import { CellWrite, PlainValue } from "./types";

export const TARGET_COLUMNS = ["Target", "Abs Band", "Rel Band"] as const;
export type TargetColumn = (typeof TARGET_COLUMNS)[number];
export type TargetEdits = Readonly<Record<string, Partial<Record<TargetColumn, SettingValue>>>>;

/** Classes to add (each with its Target, and its band overrides where the range has those columns) and to remove, by name. */
export interface TargetRowEdits {
  add?: TargetEdits;
  remove?: readonly string[];
}

export interface TargetRowState {
  assetClass: string;
  /** Each editable column's cell (A1) and value; null when the range has no such column. */
  cells: Record<TargetColumn, { cell: string; value: CellValue } | null>;
}

export interface TargetsForm {
  sheet: string;
  rows: TargetRowState[];
  /** The sheet column (1 = A) of Asset Class and of each editable column, null where the range has none. */
  columns: Record<"Asset Class" | TargetColumn, number | null>;
  /** The row a class added now would take (the one below the range's last). */
  nextRow: number;
  /** Problems that stop the range being edited (no Targets range, no Asset Class / Target headers, a master workbook's). */
  errors: ContractError[];
}

export function targetsForm(snapshot: WorkbookSnapshot): TargetsForm {
  const range = snapshot.ranges["targets"];
  const none = { rows: [], columns: { "Asset Class": null, Target: null, "Abs Band": null, "Rel Band": null }, nextRow: 0 };
  if (!range) return { sheet: "", ...none, errors: [contractError("", "", 'The workbook has no named range "Targets"')] };
  const header = range.values[0] ?? [];
  const at = (h: string) => header.findIndex((c) => normalizeKey(c) === normalizeKey(h));
  const anchor = cellAddress(range.top, range.left);
  if (at("Asset Class") < 0 || at("Target") < 0) return { sheet: range.sheet, ...none, errors: [contractError(range.sheet, anchor, 'Targets has no "Asset Class" and "Target" headers in its first row')] };
  if (at(HOUSEHOLD_HEADER) >= 0) return { sheet: range.sheet, ...none, errors: [contractError(range.sheet, anchor, "Targets has a Household column (a master workbook): edit its rows in the workbook itself")] };
  const seen = new Set<string>();
  const rows: TargetRowState[] = [];
  range.values.forEach((row, i) => {
    const assetClass = i === 0 ? "" : text(row[at("Asset Class")] ?? null);
    if (assetClass === "" || seen.has(assetClass.toLowerCase())) return;
    seen.add(assetClass.toLowerCase());
    const cell = (col: TargetColumn) => (at(col) < 0 ? null : { cell: cellAddress(range.top + i, range.left + at(col)), value: row[at(col)] ?? null });
    rows.push({ assetClass, cells: { Target: cell("Target"), "Abs Band": cell("Abs Band"), "Rel Band": cell("Rel Band") } });
  });
  const column = (h: string) => (at(h) < 0 ? null : range.left + at(h));
  const columns = { "Asset Class": column("Asset Class"), Target: column("Target"), "Abs Band": column("Abs Band"), "Rel Band": column("Rel Band") };
  return { sheet: range.sheet, rows, columns, nextRow: snapshotRect(range).bottom + 1, errors: [] };
}

export interface TargetChange {
  assetClass: string;
  column: TargetColumn;
  cell: string;
  before: CellValue;
  after: PlainValue;
}

/** A class added or removed: its row's cells inside the range (A1, "A9:C9"). */
export interface TargetRowChange {
  assetClass: string;
  kind: "added" | "removed";
  cells: string;
}

export type TargetsEditResult =
  | { ok: true; edit: RangeEdit | null; changes: TargetChange[]; rows: TargetRowChange[]; snapshot: WorkbookSnapshot; problems: ContractError[] }
  | { ok: false; errors: ContractError[] };

/** A percent as it goes into its cell: a fraction in a percent-formatted cell; text the contract will judge otherwise. */
function percentCell(v: SettingValue): { value: PlainValue; numberFormat?: string } {
  if (v === null || (typeof v === "string" && v.trim() === "")) return { value: null };
  const p = readPercent(v);
  return p.ok ? { value: p.value, numberFormat: FMT.percent } : { value: typeof v === "string" ? v.trim() : v, numberFormat: typeof v === "string" ? FMT.text : undefined };
}

export function targetsEdit(snapshot: WorkbookSnapshot, edits: TargetEdits, options: WorkbookParseOptions = {}, rowEdits: TargetRowEdits = {}): TargetsEditResult {
  const form = targetsForm(snapshot);
  if (form.errors.length > 0) return { ok: false, errors: form.errors };
  const range = snapshot.ranges["targets"]!;
  const anchor = cellAddress(range.top, range.left);
  const header = range.values[0] ?? [];
  const columnOf = (h: string) => header.findIndex((c) => normalizeKey(c) === normalizeKey(h));
  const errors: ContractError[] = [];
  const cells: CellWrite[] = [];
  const changes: TargetChange[] = [];
  const rows: TargetRowChange[] = [];
  const rowOf = (assetClass: string) => form.rows.find((r) => r.assetClass.toLowerCase() === assetClass.trim().toLowerCase());
  const removed = new Set<string>();
  for (const assetClass of rowEdits.remove ?? []) {
    const row = rowOf(assetClass);
    if (!row) {
      errors.push(contractError("", "", `Targets has no row for "${assetClass}" to remove (it lists ${form.rows.map((r) => r.assetClass).join(", ")})`));
      continue;
    }
    removed.add(row.assetClass.toLowerCase());
  }
  for (const [assetClass, columns] of Object.entries(edits)) {
    const row = rowOf(assetClass);
    if (!row) {
      errors.push(contractError("", "", `Targets has no row for "${assetClass}" (it lists ${form.rows.map((r) => r.assetClass).join(", ")})`));
      continue;
    }
    if (removed.has(row.assetClass.toLowerCase())) {
      errors.push(contractError("", "", `"${row.assetClass}" is both edited and removed`));
      continue;
    }
    for (const [column, v] of Object.entries(columns) as [TargetColumn, SettingValue][]) {
      const at = row.cells[column];
      if (!at) {
        errors.push(contractError(range.sheet, anchor, `Targets has no "${column}" column; add it to the range to set a class's ${column}`));
        continue;
      }
      const w = percentCell(v);
      const same = isBlank(at.value) ? w.value === null : typeof at.value === "number" ? at.value === w.value : text(at.value) === String(w.value ?? "");
      if (same) continue;
      const { row: r, col } = parseCell(at.cell)!;
      cells.push({ row: r, col, value: w.value, ...(w.numberFormat ? { numberFormat: w.numberFormat } : {}) });
      changes.push({ assetClass: row.assetClass, column, cell: at.cell, before: at.value, after: w.value });
    }
  }
  const rect = snapshotRect(range);
  // A removed class: every cell of its row inside the range cleared.
  for (const row of form.rows.filter((r) => removed.has(r.assetClass.toLowerCase()))) {
    const r = parseCell(row.cells.Target!.cell)!.row;
    const values = range.values[r - range.top] ?? [];
    for (let col = rect.left; col <= rect.right; col++) if (!isBlank(values[col - range.left] ?? null)) cells.push({ row: r, col, value: null });
    rows.push({ assetClass: row.assetClass, kind: "removed", cells: `${cellAddress(r, rect.left)}:${cellAddress(r, rect.right)}` });
  }
  // An added class: a row below the range's last row.
  let next = rect.bottom + 1;
  const adding = new Set<string>();
  for (const [name, columns] of Object.entries(rowEdits.add ?? {})) {
    const assetClass = name.trim();
    const key = assetClass.toLowerCase();
    if (assetClass === "") {
      errors.push(contractError("", "", "A class to add needs a name"));
      continue;
    }
    if ((rowOf(assetClass) && !removed.has(key)) || adding.has(key)) {
      errors.push(contractError("", "", `Targets already lists "${rowOf(assetClass)?.assetClass ?? assetClass}"`));
      continue;
    }
    adding.add(key);
    const r = next++;
    cells.push({ row: r, col: range.left + columnOf("Asset Class"), value: assetClass, numberFormat: FMT.text });
    for (const [column, v] of Object.entries(columns) as [TargetColumn, SettingValue][]) {
      const w = percentCell(v);
      if (w.value === null) continue;
      if (columnOf(column) < 0) {
        errors.push(contractError(range.sheet, anchor, `Targets has no "${column}" column; add it to the range to set a class's ${column}`));
        continue;
      }
      cells.push({ row: r, col: range.left + columnOf(column), value: w.value, ...(w.numberFormat ? { numberFormat: w.numberFormat } : {}) });
    }
    if (!(columns.Target !== undefined && percentCell(columns.Target).value !== null)) errors.push(contractError("", "", `"${assetClass}" needs a Target`));
    rows.push({ assetClass, kind: "added", cells: `${cellAddress(r, rect.left)}:${cellAddress(r, rect.right)}` });
  }
  if (errors.length > 0) return { ok: false, errors };
  const after: Rect = { ...rect, bottom: Math.max(rect.bottom, next - 1) };
  // The range's own problems, and with a class removed any the edit brings elsewhere (a Holdings row naming it).
  const problems = (s: WorkbookSnapshot) => {
    const now = contractProblems(s, options);
    const inside = problemsIn(now, range.sheet, after);
    if (removed.size === 0) return inside;
    // By cell, not by message: the contract's messages list the classes ("known: ..."), so a removal rewords every problem already there.
    const key = (e: ContractError) => `${e.sheet}\u0000${e.cell}`;
    const known = new Set(contractProblems(snapshot, options).map(key));
    return [...inside, ...now.filter((e) => !inside.includes(e) && !known.has(key(e)))];
  };
  if (cells.length === 0) return { ok: true, edit: null, changes, rows, snapshot, problems: problems(snapshot) };
  const edit: RangeEdit = { name: range.name, sheet: range.sheet, before: rect, after, createSheet: false, cells };
  const edited: WorkbookSnapshot = { ...snapshot, ranges: { ...snapshot.ranges, targets: editedRange(range, edit) } };
  return { ok: true, edit, changes, rows, snapshot: edited, problems: problems(edited) };
}

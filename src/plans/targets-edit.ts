/**
 * Editing the Targets range: each class's Target, and its Abs Band / Rel Band overrides where the range
 * has those columns, → the cells to write (a RangeEdit, only inside the range), the workbook as it reads
 * after them, and the contract's problems with the edited range (a sum off 100% among them). Classes are
 * not added or removed here: that changes Holdings too.
 *
 *   targetsEdit(snapshot, { Stocks: { Target: "55%" }, Bonds: { Target: 0.35, "Abs Band": "3%" } })
 */
import { cellAddress, parseCell } from "../a1";
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

export interface TargetRowState {
  assetClass: string;
  /** Each editable column's cell (A1) and value; null when the range has no such column. */
  cells: Record<TargetColumn, { cell: string; value: CellValue } | null>;
}

export interface TargetsForm {
  sheet: string;
  rows: TargetRowState[];
  /** Problems that stop the range being edited (no Targets range, no Asset Class / Target headers, a master workbook's). */
  errors: ContractError[];
}

export function targetsForm(snapshot: WorkbookSnapshot): TargetsForm {
  const range = snapshot.ranges["targets"];
  if (!range) return { sheet: "", rows: [], errors: [contractError("", "", 'The workbook has no named range "Targets"')] };
  const header = range.values[0] ?? [];
  const at = (h: string) => header.findIndex((c) => normalizeKey(c) === normalizeKey(h));
  const anchor = cellAddress(range.top, range.left);
  if (at("Asset Class") < 0 || at("Target") < 0) return { sheet: range.sheet, rows: [], errors: [contractError(range.sheet, anchor, 'Targets has no "Asset Class" and "Target" headers in its first row')] };
  if (at(HOUSEHOLD_HEADER) >= 0) return { sheet: range.sheet, rows: [], errors: [contractError(range.sheet, anchor, "Targets has a Household column (a master workbook): edit its rows in the workbook itself")] };
  const seen = new Set<string>();
  const rows: TargetRowState[] = [];
  range.values.forEach((row, i) => {
    const assetClass = i === 0 ? "" : text(row[at("Asset Class")] ?? null);
    if (assetClass === "" || seen.has(assetClass.toLowerCase())) return;
    seen.add(assetClass.toLowerCase());
    const cell = (col: TargetColumn) => (at(col) < 0 ? null : { cell: cellAddress(range.top + i, range.left + at(col)), value: row[at(col)] ?? null });
    rows.push({ assetClass, cells: { Target: cell("Target"), "Abs Band": cell("Abs Band"), "Rel Band": cell("Rel Band") } });
  });
  return { sheet: range.sheet, rows, errors: [] };
}

export interface TargetChange {
  assetClass: string;
  column: TargetColumn;
  cell: string;
  before: CellValue;
  after: PlainValue;
}

export type TargetsEditResult =
  | { ok: true; edit: RangeEdit | null; changes: TargetChange[]; snapshot: WorkbookSnapshot; problems: ContractError[] }
  | { ok: false; errors: ContractError[] };

/** A percent as it goes into its cell: a fraction in a percent-formatted cell; text the contract will judge otherwise. */
function percentCell(v: SettingValue): { value: PlainValue; numberFormat?: string } {
  if (v === null || (typeof v === "string" && v.trim() === "")) return { value: null };
  const p = readPercent(v);
  return p.ok ? { value: p.value, numberFormat: FMT.percent } : { value: typeof v === "string" ? v.trim() : v, numberFormat: typeof v === "string" ? FMT.text : undefined };
}

export function targetsEdit(snapshot: WorkbookSnapshot, edits: TargetEdits, options: WorkbookParseOptions = {}): TargetsEditResult {
  const form = targetsForm(snapshot);
  if (form.errors.length > 0) return { ok: false, errors: form.errors };
  const range = snapshot.ranges["targets"]!;
  const errors: ContractError[] = [];
  const cells: CellWrite[] = [];
  const changes: TargetChange[] = [];
  for (const [assetClass, columns] of Object.entries(edits)) {
    const row = form.rows.find((r) => r.assetClass.toLowerCase() === assetClass.trim().toLowerCase());
    if (!row) {
      errors.push(contractError("", "", `Targets has no row for "${assetClass}" (it lists ${form.rows.map((r) => r.assetClass).join(", ")})`));
      continue;
    }
    for (const [column, v] of Object.entries(columns) as [TargetColumn, SettingValue][]) {
      const at = row.cells[column];
      if (!at) {
        errors.push(contractError(range.sheet, cellAddress(range.top, range.left), `Targets has no "${column}" column; add it to the range to set a class's ${column}`));
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
  if (errors.length > 0) return { ok: false, errors };
  const rect = snapshotRect(range);
  const problems = (s: WorkbookSnapshot) => problemsIn(contractProblems(s, options), range.sheet, rect);
  if (cells.length === 0) return { ok: true, edit: null, changes, snapshot, problems: problems(snapshot) };
  const edit: RangeEdit = { name: range.name, sheet: range.sheet, before: rect, after: rect, createSheet: false, cells };
  const edited: WorkbookSnapshot = { ...snapshot, ranges: { ...snapshot.ranges, targets: editedRange(range, edit) } };
  return { ok: true, edit, changes, snapshot: edited, problems: problems(edited) };
}

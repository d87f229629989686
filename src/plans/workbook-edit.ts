/**
 * A workbook's Policy and Targets edits together: the range edits to apply, in order (Policy first, and
 * Targets judged on the workbook with the Policy edit in place), or the contract's problems with them.
 * Both adapters apply the result (src/xlsx/range-edit.ts, src/excel/range-edit.ts); nothing is written
 * when there is a problem.
 */
import { ContractError } from "../contract/errors";
import { WorkbookSnapshot } from "../contract/snapshot";
import { WorkbookParseOptions } from "./plan-workbook";
import { PolicyEdits, policyEdit } from "./policy-edit";
import { RangeEdit } from "./range-edit";
import { TargetEdits, TargetRowEdits, targetsEdit } from "./targets-edit";

/** What to change: Policy settings by name ({ Strategy: "Tax Aware" }), Targets cells by asset class ({ Stocks: { Target: "55%" } }). */
export interface WorkbookEdits {
  policy?: PolicyEdits;
  targets?: TargetEdits;
  /** Classes added to Targets (each with its Target) and removed from it. */
  targetRows?: TargetRowEdits;
}

export type WorkbookEditResult =
  | {
      ok: true;
      edits: RangeEdit[];
      /** What is written, as "Strategy (Policy!B10)", in order. */
      written: string[];
      /** The workbook as it reads after the edits. */
      snapshot: WorkbookSnapshot;
    }
  | { ok: false; errors: ContractError[] };

export function workbookEdit(snapshot: WorkbookSnapshot, edits: WorkbookEdits, options: WorkbookParseOptions = {}): WorkbookEditResult {
  const out: RangeEdit[] = [];
  const written: string[] = [];
  let current = snapshot;
  if (edits.policy) {
    const p = policyEdit(current, edits.policy, options);
    if (!p.ok) return p;
    if (p.problems.length > 0) return { ok: false, errors: p.problems };
    if (p.edit) out.push(p.edit);
    written.push(...p.changes.map((c) => `${c.setting} (${p.edit!.sheet}!${c.cell})`));
    current = p.snapshot;
  }
  if (edits.targets || edits.targetRows) {
    const t = targetsEdit(current, edits.targets ?? {}, options, edits.targetRows);
    if (!t.ok) return t;
    if (t.problems.length > 0) return { ok: false, errors: t.problems };
    if (t.edit) out.push(t.edit);
    written.push(...t.changes.map((c) => `${c.assetClass} ${c.column} (${t.edit!.sheet}!${c.cell})`), ...t.rows.map((r) => `${r.kind === "added" ? "new class" : "class removed:"} ${r.assetClass} (${t.edit!.sheet}!${r.cells})`));
    current = t.snapshot;
  }
  return { ok: true, edits: out, written, snapshot: current };
}

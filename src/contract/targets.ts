/** The required Targets range: Asset Class, Target, optional Abs Band / Rel Band overrides. */
import { TargetRow } from "./portfolio";
import { ContractError, contractError } from "./errors";
import { describe, isBlank, readPercent, text } from "./cells";
import { cellAddress } from "../a1";
import { RangeSnapshot } from "./snapshot";
import { readTable } from "./table";

/** Targets must sum to 100% within this (0.01%). */
export const TARGET_SUM_TOLERANCE = 0.0001;

/** The message for targets that do not add up to 100%, or null when they do. */
export function targetSumProblem(sum: number): string | null {
  return Math.abs(sum - 1) > TARGET_SUM_TOLERANCE ? `Targets sum to ${(sum * 100).toFixed(2)}%, expected 100%` : null;
}

function percentCell(v: unknown, what: string): { value: number | null; problem: string | null } {
  if (isBlank(v as never)) return { value: null, problem: null };
  const p = readPercent(v as never);
  if (!p.ok || p.value < 0 || p.value > 1) {
    return { value: null, problem: `${what} must be a percent from 0% to 100%, like 5% or 0.05 (found ${describe(v as never)})` };
  }
  return { value: p.value, problem: null };
}

/**
 * The target rows that are valid, and the names of every class listed (also those whose row has
 * a problem, so that Holdings is not told a listed class is missing).
 */
export function readTargets(range: RangeSnapshot, errors: ContractError[]): { targets: TargetRow[]; listed: string[] } {
  const table = readTable(
    range,
    [
      { header: "Asset Class", required: true },
      { header: "Target", required: true },
      { header: "Abs Band", required: false },
      { header: "Rel Band", required: false },
    ],
    errors,
  );
  if (!table) return { targets: [], listed: [] };
  const targets: TargetRow[] = [];
  const listed: string[] = [];
  const seen = new Map<string, string>();
  let sum = 0;
  let sumComplete = true;
  for (const row of table.rows) {
    const classRef = row.ref("Asset Class");
    const assetClass = text(row.get("Asset Class"));
    if (assetClass === "") {
      errors.push(contractError(classRef.sheet, classRef.cell, "Asset Class must not be empty"));
      sumComplete = false;
      continue;
    }
    const key = assetClass.toLowerCase();
    if (seen.has(key)) {
      errors.push(contractError(classRef.sheet, classRef.cell, `Asset Class "${assetClass}" is listed twice in Targets (also in ${seen.get(key)})`));
      sumComplete = false;
      continue;
    }
    seen.set(key, classRef.cell);
    listed.push(assetClass);
    const targetRef = row.ref("Target");
    const targetCell = row.get("Target");
    const t = percentCell(targetCell, "Target");
    if (t.problem || t.value === null) {
      errors.push(contractError(targetRef.sheet, targetRef.cell, t.problem ?? `Target must be a percent from 0% to 100%, like 60% or 0.6 (found ${describe(targetCell)})`));
      sumComplete = false;
      continue;
    }
    sum += t.value;
    const abs = percentCell(row.get("Abs Band"), "Abs Band");
    if (abs.problem) errors.push(contractError(row.ref("Abs Band").sheet, row.ref("Abs Band").cell, abs.problem));
    const rel = percentCell(row.get("Rel Band"), "Rel Band");
    if (rel.problem) errors.push(contractError(row.ref("Rel Band").sheet, row.ref("Rel Band").cell, rel.problem));
    targets.push({ assetClass, target: t.value, absBand: abs.value, relBand: rel.value, ref: classRef });
  }
  // Rows left out for an unreadable cell: their class is still listed (Holdings may name it), and the sum is not judged.
  for (const row of table.skipped) {
    const assetClass = text(row.get("Asset Class"));
    if (assetClass !== "" && !seen.has(assetClass.toLowerCase())) listed.push(assetClass);
    sumComplete = false;
  }
  if (table.rows.length === 0 && table.skipped.length === 0) {
    errors.push(contractError(range.sheet, cellAddress(range.top, range.left), "Targets has no rows; list each asset class with its target"));
  } else {
    const problem = sumComplete ? targetSumProblem(sum) : null;
    const first = table.rows[0].ref("Target");
    if (problem) errors.push(contractError(range.sheet, first.cell.replace(/\d+$/, String(range.top)), problem));
  }
  return { targets, listed };
}


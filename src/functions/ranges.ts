/**
 * Range arguments of the REBAL.* functions. Excel passes a range as a 2-D array (rows of cells);
 * these helpers read one as a list (a single column, or a single row), line several lists up row by
 * row (a row blank in every list is skipped, and its output cells stay blank), read numbers and
 * percents with row-numbered messages, and lay results out again in the orientation of the input.
 */
import { CellValue } from "../contract/snapshot";
import { describe, findChoice, isBlank, readBand, readNumber, readPercent, readYesNo } from "../contract/cells";
import { targetSumProblem } from "../contract/targets";
import { valueError } from "./errors";

export type Orientation = "column" | "row";

/** One range argument read as a list of cells. */
export interface Vector {
  /** The parameter's name as Excel's formula help shows it, for messages. */
  name: string;
  cells: CellValue[];
  /** "column" for n×1 ranges (and single cells), "row" for 1×n. */
  orientation: Orientation;
}

/** A value written to a cell: number, text, boolean or an error value. */
export type OutCell = number | string | boolean | Error;

/** A cell as plain data: numbers, text, booleans and dates as they are; a linked data type as its basic value. */
export function cellValue(x: unknown): CellValue {
  if (x === null || x === undefined) return null;
  if (typeof x === "number" || typeof x === "string" || typeof x === "boolean") return x;
  if (x instanceof Date) return x;
  if (typeof x === "object" && x !== null && "basicValue" in x) return cellValue((x as { basicValue: unknown }).basicValue);
  return String(x);
}

/** The argument as a rectangle of cells (a single value becomes 1×1). */
export function toMatrix(arg: unknown): CellValue[][] {
  if (!Array.isArray(arg)) return [[cellValue(arg)]];
  if (arg.every((r) => !Array.isArray(r))) return arg.map((c) => [cellValue(c)]);
  return arg.map((r) => (Array.isArray(r) ? r.map(cellValue) : [cellValue(r)]));
}

/** True when an optional argument was left out (Excel passes null) or is a single blank cell. */
export function isOmitted(arg: unknown): boolean {
  if (arg === null || arg === undefined) return true;
  const m = toMatrix(arg);
  return m.length === 0 || (m.length === 1 && m[0].length <= 1 && isBlank(m[0][0] ?? null));
}

/** Reads a range argument as a single column or row. */
export function toVector(arg: unknown, name: string): Vector {
  // The common case, a column of cells, in one pass.
  if (Array.isArray(arg) && arg.length > 0) {
    const cells = new Array<CellValue>(arg.length);
    let column = true;
    for (let i = 0; i < arg.length && column; i++) {
      const r = arg[i];
      if (Array.isArray(r) && r.length === 1) cells[i] = cellValue(r[0]);
      else column = false;
    }
    if (column) return { name, cells, orientation: "column" };
  }
  const m = toMatrix(arg);
  const width = m.reduce((w, r) => Math.max(w, r.length), 0);
  if (width <= 1) return { name, cells: m.map((r) => r[0] ?? null), orientation: "column" };
  if (m.length === 1) return { name, cells: m[0], orientation: "row" };
  throw valueError(`${name} must be a single column or row of cells (it has ${m.length} rows and ${width} columns)`);
}

/** "values row 3" (or "values column 3" for a range laid out in a row). */
export function position(v: Vector, i: number): string {
  return `${v.name} ${v.orientation === "row" ? "column" : "row"} ${i + 1}`;
}

function size(v: Vector): string {
  const n = v.cells.length;
  const unit = v.orientation === "row" ? "column" : "row";
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}

/** Rows of lists that must line up: their count, and the indices of rows not blank in every list. */
export interface Rows {
  /** Rows in each list (and in the output). */
  n: number;
  /** Indices of the rows that are used, in order; the others are blank in every list and skipped. */
  active: number[];
  /** Layout of the output: that of the first list. */
  orientation: Orientation;
}

/** Checks that lists have the same length and finds the rows to use (blank rows are skipped together). */
export function alignRows(vectors: Vector[]): Rows {
  const [first] = vectors;
  for (const v of vectors.slice(1)) {
    if (v.cells.length !== first.cells.length) {
      throw valueError(`${first.name} has ${size(first)} but ${v.name} has ${size(v)}; the ranges must be the same size`);
    }
  }
  const active: number[] = [];
  for (let i = 0; i < first.cells.length; i++) {
    if (!vectors.every((v) => isBlank(v.cells[i]))) active.push(i);
  }
  return { n: first.cells.length, active, orientation: first.orientation };
}

/** Appended when a cell is blank in one list but not in the others. */
function blankHint(c: CellValue): string {
  return isBlank(c) ? "; a row is skipped only when it is blank in every range" : "";
}

/** A cell as a finite number: numbers as they are, numeric text ("1,234.50", "$1,234.50") parsed. */
function numberOf(c: CellValue): number | null {
  if (typeof c === "number") return Number.isFinite(c) ? c : null;
  if (typeof c === "string") {
    const r = readNumber(c);
    return r.ok ? r.value.toNumber() : null;
  }
  return null;
}

/** A cell as a fraction: 0.05, or the text "5%". */
function percentOf(c: CellValue): number | null {
  if (typeof c === "number") return Number.isFinite(c) ? c : null;
  if (typeof c === "string") {
    const r = readPercent(c);
    return r.ok ? r.value : null;
  }
  return null;
}

/** Market values (≥ 0) of the used rows. */
export function readValues(v: Vector, rows: Rows): number[] {
  return rows.active.map((i) => {
    const c = v.cells[i];
    const x = numberOf(c);
    if (x === null || x < 0) throw valueError(`${position(v, i)} must be a number of 0 or more (found ${describe(c)}${blankHint(c)})`);
    return x;
  });
}

/** Numbers of any sign of the used rows (dollar amounts to trade). */
export function readAmounts(v: Vector, rows: Rows): number[] {
  return rows.active.map((i) => {
    const c = v.cells[i];
    const x = numberOf(c);
    if (x === null) throw valueError(`${position(v, i)} must be a number (found ${describe(c)}${blankHint(c)})`);
    return x;
  });
}

/** Numbers greater than 0 of the used rows (prices). */
export function readPositive(v: Vector, rows: Rows): number[] {
  return rows.active.map((i) => {
    const c = v.cells[i];
    const x = numberOf(c);
    if (x === null || !(x > 0)) throw valueError(`${position(v, i)} must be a number greater than 0 (found ${describe(c)}${blankHint(c)})`);
    return x;
  });
}

/** Target weights (0%..100%) of the used rows; they must add up to 100% within 0.01%, as in the Targets range. */
export function readTargetWeights(v: Vector, rows: Rows): number[] {
  let sum = 0;
  const targets = rows.active.map((i) => {
    const c = v.cells[i];
    const x = percentOf(c);
    if (x === null || x < 0 || x > 1) {
      throw valueError(`${position(v, i)} must be a percent from 0% to 100%, like 60% or 0.6 (found ${describe(c)}${blankHint(c)})`);
    }
    sum += x;
    return x;
  });
  const problem = targetSumProblem(sum);
  if (problem) throw valueError(problem);
  return targets;
}

/** The single value of a scalar argument (a 1×1 range is accepted too). */
export function scalarArg(arg: unknown, name: string): CellValue {
  if (!Array.isArray(arg)) return cellValue(arg);
  const m = toMatrix(arg);
  if (m.length === 1 && m[0].length === 1) return m[0][0];
  if (m.length === 0) return null;
  throw valueError(`${name} must be a single value, not a range of ${m.length}×${m.reduce((w, r) => Math.max(w, r.length), 0)} cells`);
}

/** TRUE/FALSE (also Yes/No, 1/0); false when omitted. */
export function readFlag(arg: unknown, name: string): boolean {
  const c = scalarArg(arg, name);
  if (isBlank(c)) return false;
  const r = readYesNo(c);
  if (!r.ok) throw valueError(`${name} must be TRUE or FALSE (found ${describe(c)})`);
  return r.value;
}

/** A dollar amount of any sign; 0 when omitted. */
export function readMoney(arg: unknown, name: string): number {
  const c = scalarArg(arg, name);
  if (isBlank(c)) return 0;
  const x = numberOf(c);
  if (x === null) throw valueError(`${name} must be a dollar amount, like 5000 or -2500 (found ${describe(c)})`);
  return x;
}

/** One of a few words, matched ignoring case and spaces; the default when omitted. */
export function readChoice<T extends string>(arg: unknown, name: string, options: readonly T[], fallback: T): T {
  const c = scalarArg(arg, name);
  if (isBlank(c)) return fallback;
  const found = findChoice(options, c);
  if (!found) throw valueError(`${name} must be ${options.map((o) => `"${o}"`).join(" or ")} (found ${describe(c)})`);
  return found;
}

/**
 * A setting given once for every row or once per row: omitted → the default for every row; one value →
 * that value for every row; a list as long as the rows → per row (a blank cell takes the default).
 */
export function perRow<T>(
  arg: unknown,
  name: string,
  rows: Rows,
  fallback: T,
  read: (c: CellValue, where: string) => T,
): T[] {
  if (isOmitted(arg)) return rows.active.map(() => fallback);
  const v = toVector(arg, name);
  if (v.cells.length === 1) {
    const one = read(v.cells[0], name);
    return rows.active.map(() => one);
  }
  if (v.cells.length !== rows.n) {
    throw valueError(`${name} must be one value or one per row (${rows.n}); it has ${v.cells.length} cells`);
  }
  return rows.active.map((i) => (isBlank(v.cells[i]) ? fallback : read(v.cells[i], position(v, i))));
}

/**
 * A band setting as the Policy reads it: 0.05 or "5%" (0% to 100%), or None/Off for "not applied" (null).
 * Blank gives the default.
 */
export function readBandCell(c: CellValue, where: string, fallback: number | null): number | null {
  if (isBlank(c)) return fallback;
  const b = readBand(c);
  if (!b.ok) throw valueError(`${where} ${b.problem} (found ${describe(c)})`);
  return b.value;
}

/**
 * Output laid out like the input: one output row of `width` cells per input row (blank for skipped rows),
 * transposed when the input is a row. `rowsOut` has one entry per used row, in order.
 */
export function spill(rows: Rows, rowsOut: OutCell[][], width: number): OutCell[][] {
  if (rows.orientation === "column" && rows.active.length === rows.n && rows.n > 0) return rowsOut;
  const grid: OutCell[][] = Array.from({ length: rows.n }, () => new Array<OutCell>(width).fill(""));
  rows.active.forEach((i, k) => {
    grid[i] = rowsOut[k];
  });
  if (rows.n === 0) return [new Array<OutCell>(width).fill("")];
  if (rows.orientation === "column") return grid;
  return Array.from({ length: width }, (_, j) => grid.map((r) => r[j]));
}

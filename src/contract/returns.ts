/**
 * The Returns range for backtests: a `Date` column, then one column per asset class (headers as in
 * Targets) of periodic simple returns (0.012 or 1.2%) — or, with Policy `Returns Are` = `Prices`,
 * prices or index levels, each period being the change from the row above — and an optional
 * `Risk Free` column (a return per period, for Sharpe ratios).
 */
import { TargetRow } from "./portfolio";
import { ReturnSeries, ReturnsAre } from "./backtest";
import { ContractError, contractError } from "./errors";
import { cellProblem, describe, findChoice, isBlank, normalizeKey, readDate, readNumber, readPercent, text } from "./cells";
import { cellAddress } from "../a1";
import { CellValue, RangeSnapshot } from "./snapshot";
import { DateSystem } from "../dates/serial";
import { daysBetween } from "../dates/calendar";

/** The usual periods per year; an estimate from the dates within 10% of one of them is taken as it. */
const USUAL_PERIODS = [1, 2, 4, 12, 52, 252, 365];

/**
 * Periods per year read off the dates: the number of periods between the first and the last date
 * over the years they span, snapped to 1, 2, 4, 12, 52, 252 or 365 when within 10% (month-end
 * dates give 12, trading days 252), otherwise rounded. Null with fewer than two dates.
 */
export function periodsPerYearOf(dates: string[]): number | null {
  if (dates.length < 2) return null;
  const years = daysBetween(dates[0], dates[dates.length - 1]) / 365.25;
  const estimate = (dates.length - 1) / years;
  const usual = USUAL_PERIODS.find((u) => Math.abs(estimate - u) <= 0.1 * u);
  return usual ?? Math.max(1, Math.round(estimate));
}

interface Column {
  index: number;
  assetClass: string;
}

export interface ReturnsOptions {
  returnsAre: ReturnsAre;
  /** From the Policy; null = read off the dates. */
  periodsPerYear: number | null;
  /** The workbook's date system (for serial numbers in Date). */
  system: DateSystem;
}

/**
 * The series with its classes in the order of `targets` (a class with a 0% target may be left out of
 * Returns; it is then left out of the backtest). `listed` are the classes Targets names. Every
 * problem is pushed to errors; null when the series cannot be used.
 */
export function readReturns(range: RangeSnapshot, targets: TargetRow[], listed: string[], options: ReturnsOptions, errors: ContractError[]): ReturnSeries | null {
  const before = errors.length;
  const at = (row: number, col: number) => cellAddress(range.top + row, range.left + col);
  const fail = (row: number, col: number, message: string) => errors.push(contractError(range.sheet, at(row, col), message));
  const header = range.values[0] ?? [];
  let dateCol = -1;
  let riskFreeCol = -1;
  const columns: Column[] = [];
  const seen = new Map<string, number>();
  header.forEach((cell, i) => {
    const key = normalizeKey(cell);
    if (key === "") return;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      fail(0, i, `Returns has the column "${text(cell)}" twice (also in ${at(0, earlier)})`);
      return;
    }
    seen.set(key, i);
    if (key === "date") dateCol = i;
    else if (key === "riskfree") riskFreeCol = i;
    else {
      const assetClass = findChoice(listed, cell);
      if (assetClass === undefined) fail(0, i, `Returns column "${text(cell)}" is not an asset class in Targets (Targets lists ${listed.join(", ")})`);
      else columns.push({ index: i, assetClass });
    }
  });
  if (dateCol < 0) {
    fail(0, 0, `Returns needs a "Date" column (headers are read from row ${range.top}; case and spaces are ignored)`);
    return null;
  }
  const byClass = new Map(columns.map((c) => [c.assetClass, c]));
  const used = targets.filter((t) => byClass.has(t.assetClass));
  for (const t of targets) {
    if (!byClass.has(t.assetClass) && t.target > 0) {
      fail(0, dateCol, `Returns has no column for "${t.assetClass}", which Targets gives ${+(t.target * 100).toFixed(4)}%; add its ${options.returnsAre === "Prices" ? "prices" : "returns"} (a header cell "${t.assetClass}" in row ${range.top})`);
    }
  }

  const prices = options.returnsAre === "Prices";
  const dates: string[] = [];
  const rows: number[][] = [];
  const riskFree: number[] = [];
  let previousDate: { iso: string; cell: string } | null = null;
  for (let r = 1; r < range.values.length; r++) {
    const values = range.values[r] ?? [];
    if (values.every(isBlank)) continue;
    const dateCell = values[dateCol] ?? null;
    const d = cellProblem(dateCell) ?? (isBlank(dateCell) ? "Date must not be empty" : null);
    const parsed = d ? null : readDate(dateCell, options.system);
    if (d || !parsed!.ok) fail(r, dateCol, d ?? `Date must be a date (found ${describe(dateCell)})`);
    else {
      const iso = parsed!.value;
      if (previousDate && iso <= previousDate.iso) fail(r, dateCol, `Date ${iso} is not after the date above it (${previousDate.iso} in ${previousDate.cell}); dates must increase down the range`);
      previousDate = { iso, cell: at(r, dateCol) };
      dates.push(iso);
    }
    const row = used.map((t) => {
      const col = byClass.get(t.assetClass)!.index;
      return readValue(values[col] ?? null, prices, t.assetClass, (m) => fail(r, col, m));
    });
    rows.push(row);
    if (riskFreeCol >= 0) riskFree.push(readValue(values[riskFreeCol] ?? null, false, "Risk Free", (m) => fail(r, riskFreeCol, m)));
  }
  const periods = prices ? rows.length - 1 : rows.length;
  if (periods < 1) {
    fail(0, dateCol, prices ? "Returns needs at least two rows of prices (one period) below its header" : "Returns needs at least one row of returns below its header");
  }
  if (errors.length > before) return null;

  const m = used.length;
  const returns = new Float64Array(periods * m);
  for (let p = 0; p < periods; p++) {
    for (let i = 0; i < m; i++) returns[p * m + i] = prices ? rows[p + 1][i] / rows[p][i] - 1 : rows[p][i];
  }
  const periodDates = prices ? dates.slice(1) : dates;
  const fromDates = periodsPerYearOf(dates);
  const periodsPerYear = options.periodsPerYear ?? fromDates;
  if (periodsPerYear === null) {
    fail(1, dateCol, "One period of returns does not tell how many periods make a year: set Policy Periods Per Year (12 for monthly, 1 for annual)");
    return null;
  }
  return {
    dates: periodDates,
    classes: used.map((t) => t.assetClass),
    returns,
    riskFree: riskFreeCol >= 0 ? Float64Array.from(prices ? riskFree.slice(1) : riskFree) : null,
    periodsPerYear,
    periodsFrom: options.periodsPerYear === null ? "dates" : "policy",
  };
}

/** One cell of the series: a return above −100%, or a price above 0. */
function readValue(v: CellValue, price: boolean, what: string, fail: (message: string) => void): number {
  const problem = cellProblem(v);
  if (problem) {
    fail(problem);
    return NaN;
  }
  if (isBlank(v)) {
    fail(`${what} needs a ${price ? "price" : "return"} in every row (found an empty cell)`);
    return NaN;
  }
  if (price) {
    const n = readNumber(v);
    if (!n.ok || !n.value.isPositive() || n.value.isZero()) {
      fail(`${what} must be a price or index level above 0 (found ${describe(v)})`);
      return NaN;
    }
    return n.value.toNumber();
  }
  const n = readPercent(v);
  if (!n.ok) {
    fail(`${what} must be a return for the period, like 1.2% or 0.012 (found ${describe(v)})`);
    return NaN;
  }
  if (n.value <= -1) {
    fail(`${what} return must be above −100% (found ${describe(v)}): a class cannot lose more than everything in a period`);
    return NaN;
  }
  return n.value;
}

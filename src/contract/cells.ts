/**
 * Reading single cell values the way an advisor types them: numbers, percents
 * (0.05, a cell formatted as 5%, or the text "5%"), dates (Excel serials, ISO text,
 * real dates) and Yes/No. Each reader returns a value or a problem description.
 */
import Decimal from "decimal.js";
import { FIRST_DATE, LAST_DATE, isValidIso, isoOf } from "../dates/calendar";
import { DateSystem, firstSerial, lastSerial, serialToIso } from "../dates/serial";
import { CellValue } from "./snapshot";

export type Read<T> = { ok: true; value: T } | { ok: false; problem: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const bad = <T>(problem: string): Read<T> => ({ ok: false, problem });

/** Excel's error values, as a cell shows them. */
export const EXCEL_ERRORS = [
  "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!",
  "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#EXTERNAL!", "#PYTHON!",
];

/** Excel holds at most this many characters in a cell; a file with more was not written by Excel. */
export const MAX_CELL_TEXT = 32_767;

/** Why a cell has no value to read (an error, a formula nobody calculated, more text than Excel holds), or null when it has one. */
export function cellProblem(v: CellValue): string | null {
  if (typeof v === "string" && v.length > MAX_CELL_TEXT) {
    return `Cell holds ${v.length.toLocaleString("en-US")} characters of text; Excel holds at most ${MAX_CELL_TEXT.toLocaleString("en-US")}`;
  }
  if (typeof v === "string" && EXCEL_ERRORS.includes(v.trim().toUpperCase())) {
    return `Cell holds the error ${v.trim().toUpperCase()}; fix it, or what its formula refers to`;
  }
  if (v !== null && typeof v === "object" && !(v instanceof Date)) {
    return `Cell is a formula with no computed value (${v.uncalculated}): open and save the workbook in Excel first`;
  }
  return null;
}

/** True for cells that count as empty: null, "", whitespace. */
export function isBlank(v: CellValue): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** How a cell is quoted in messages: text in quotes, numbers as typed. */
export function describe(v: CellValue): string {
  if (isBlank(v)) return "an empty cell";
  if (v instanceof Date) return isNaN(v.getTime()) ? "an invalid date" : isoOf(v);
  if (typeof v === "string") return JSON.stringify(v);
  if (v !== null && typeof v === "object") return `the formula ${v.uncalculated} without a value`;
  return String(v);
}

/** Plain text of a cell (numbers as typed, dates as ISO). */
export function text(v: CellValue): string {
  if (isBlank(v)) return "";
  if (v instanceof Date) return isNaN(v.getTime()) ? "" : isoOf(v);
  if (v !== null && typeof v === "object") return "";
  return String(v).trim();
}

/** Quantities, prices and dollar amounts stay below this (a trillion): far beyond any household, and well inside exact arithmetic. */
export const MAX_AMOUNT = new Decimal("1e12");

const NUMBER_TEXT = /^[-+]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?$/;

/** A number from a numeric cell or numeric text ("1,234.50", "$1,234.50"). */
export function readNumber(v: CellValue): Read<Decimal> {
  if (typeof v === "number") {
    // -0 is 0 (a cell that shows 0 may hold it).
    return Number.isFinite(v) ? ok(new Decimal(v === 0 ? 0 : v)) : bad("not a finite number");
  }
  if (typeof v === "string") {
    const t = v.trim().replace(/^\$/, "").replace(/^([-+])\$/, "$1");
    if (t !== "" && NUMBER_TEXT.test(t) && /\d/.test(t)) {
      const d = new Decimal(t.replace(/,/g, ""));
      return ok(d.isZero() ? new Decimal(0) : d);
    }
  }
  return bad("not a number");
}

/** A fraction from 0.05, a cell formatted 5% (its value is 0.05), or the text "5%". */
export function readPercent(v: CellValue): Read<number> {
  if (typeof v === "string") {
    const t = v.trim();
    if (t.endsWith("%")) {
      const n = readNumber(t.slice(0, -1));
      return n.ok ? ok(n.value.div(100).toNumber()) : bad("not a percent");
    }
  }
  const n = readNumber(v);
  return n.ok ? ok(n.value.toNumber()) : bad("not a fraction or percent");
}

/**
 * An ISO date from a real date, an Excel serial number (in the workbook's date system), or ISO text
 * (YYYY-MM-DD, also M/D/YYYY), from 1900 to 9999.
 */
export function readDate(v: CellValue, system: DateSystem = 1900): Read<string> {
  const r = readAnyDate(v, system);
  return r.ok && (r.value < FIRST_DATE || r.value > LAST_DATE) ? bad("outside 1900-01-01 to 9999-12-31") : r;
}

function readAnyDate(v: CellValue, system: DateSystem): Read<string> {
  if (v instanceof Date) {
    if (isNaN(v.getTime())) return bad("not a valid date");
    const year = v.getUTCFullYear();
    return year < 1900 || year > 9999 ? bad("outside 1900-01-01 to 9999-12-31") : ok(isoOf(v));
  }
  if (typeof v === "number") {
    // 1900 system: 1 = 1900-01-01 ... 2958465 = 9999-12-31; 1904 system: 0 = 1904-01-01 ... 2957003.
    return v >= firstSerial(system) && v < lastSerial(system) + 1 ? ok(serialToIso(v, system)) : bad("not a date serial");
  }
  if (typeof v === "string") {
    const t = v.trim();
    const iso = t.slice(0, 10);
    // ISO, optionally with a time of day (dropped): 2026-11-20, 2026-11-20T09:30, 2026-11-20T09:30:15.5Z, …+01:00.
    if (/^\d{4}-\d{2}-\d{2}(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(t) && isValidIso(iso)) return ok(iso);
    const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
    if (us) {
      const candidate = `${us[3]}-${us[1].padStart(2, "0")}-${us[2].padStart(2, "0")}`;
      if (isValidIso(candidate)) return ok(candidate);
    }
  }
  return bad("not a date");
}

/** A band: a percent from 0% to 100% (0.05, a 5% cell, "5%"), or None / Off for "not applied" (null). Blank is left to the caller. */
export function readBand(v: CellValue): Read<number | null> {
  if (["none", "off"].includes(normalizeKey(v))) return ok(null);
  const n = readPercent(v);
  if (!n.ok || n.value < 0 || n.value > 1) return bad("must be a percent from 0% to 100%, like 5% or 0.05, or None");
  return ok(n.value);
}

/** Yes/No, also TRUE/FALSE, Y/N, 1/0. */
export function readYesNo(v: CellValue): Read<boolean> {
  if (typeof v === "boolean") return ok(v);
  if (typeof v === "number" && (v === 0 || v === 1)) return ok(v === 1);
  if (typeof v === "string") {
    const t = v.trim().toLowerCase();
    if (["yes", "y", "true"].includes(t)) return ok(true);
    if (["no", "n", "false"].includes(t)) return ok(false);
  }
  return bad("not Yes or No");
}

/** Header / setting key normalisation: case and spaces ignored. */
export function normalizeKey(v: CellValue): string {
  return text(v).toLowerCase().replace(/[\s_]+/g, "");
}

/** The option a cell names, matched as keys are (case and spaces ignored); undefined when it names none. */
export function findChoice<T extends string>(options: readonly T[], v: CellValue): T | undefined {
  const key = normalizeKey(v);
  return options.find((o) => normalizeKey(o) === key);
}

/**
 * A Policy or Targets cell as its control shows it, and back: a percent's control holds "5" for 5%
 * (its "%" is drawn beside it), a date's "2026-11-20", a choice its canonical spelling; "" is blank,
 * which the contract reads as the default. What goes back is a value as it would be typed into the
 * cell ("5%", "Tax Aware"), which the edit plan (src/plans/policy-edit.ts) normalises and writes.
 */
import Decimal from "decimal.js";
import { findChoice, isBlank, normalizeKey, readDate, readNumber, readPercent, text } from "../../../contract/cells";
import type { PolicyField } from "../../../contract/policy-fields";
import type { CellValue } from "../../../contract/snapshot";
import type { DateSystem } from "../../../dates/serial";
import type { SettingValue } from "../../../plans/policy-edit";

/** A fraction as the percent control shows it: 0.05 → "5", 0.125 → "12.5". */
export function percentText(fraction: number): string {
  return new Decimal(fraction).times(100).toDecimalPlaces(10).toString();
}

/** A percent control's text → what the cell gets: "5" → "5%", "None" and text it cannot read as they are. */
export function percentValue(t: string): SettingValue {
  const s = t.trim().replace(/%$/, "").trim();
  if (s === "") return null;
  return readNumber(s).ok ? `${s}%` : t.trim();
}

export function formText(field: PolicyField, value: CellValue, system: DateSystem): string {
  if (isBlank(value)) return "";
  switch (field.kind) {
    case "choice":
      return findChoice(field.options ?? [], value) ?? text(value);
    case "band":
      if (["none", "off"].includes(normalizeKey(value))) return "None";
      return fraction(value);
    case "percent":
      return fraction(value);
    case "date": {
      const d = readDate(value, system);
      return d.ok ? d.value : text(value);
    }
    case "cashFlow":
      if (normalizeKey(value) === "rmd") return "RMD";
      return amount(value);
    case "money":
    case "bps":
    case "integer":
    case "number":
      return amount(value);
    default:
      return text(value);
  }
}

function fraction(v: CellValue): string {
  const p = readPercent(v);
  return p.ok ? percentText(p.value) : text(v);
}

function amount(v: CellValue): string {
  const n = readNumber(v);
  return n.ok ? n.value.toString() : text(v);
}

/** A control's text → the setting's value (null: blank, the default). */
export function settingValue(field: PolicyField, t: string): SettingValue {
  if (t.trim() === "") return null;
  if (field.kind === "percent" || field.kind === "band") return ["none", "off"].includes(normalizeKey(t)) ? "None" : percentValue(t);
  return t.trim();
}

/** REBAL.NEXTREVIEW: the calendar of the Policy (Last Rebalanced + Frequency). */
import { describe, findChoice, isBlank, readDate } from "../contract/cells";
import { FREQUENCIES, nextReviewDate } from "../dates/calendar";
import { DateSystem, isoToSerial } from "../dates/serial";
import { valueError } from "./errors";
import { scalarArg } from "./ranges";

/** The next review date after lastDate (a date, its serial, or ISO text), as an Excel date serial (both in the workbook's date system). */
export function nextReviewFunction(lastDateArg: unknown, frequencyArg: unknown, system: DateSystem = 1900): number {
  const last = scalarArg(lastDateArg, "lastDate");
  const d = readDate(last, system);
  if (isBlank(last) || !d.ok) throw valueError(`lastDate must be a date, like 2026-03-31 (found ${describe(last)})`);
  const f = scalarArg(frequencyArg, "frequency");
  const frequency = findChoice(FREQUENCIES, f);
  if (!frequency) throw valueError(`frequency must be one of ${FREQUENCIES.join(", ")} (found ${describe(f)})`);
  return isoToSerial(nextReviewDate(d.value, frequency), system);
}

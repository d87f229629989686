/**
 * Excel date serials (the 1900 date system): day 0 is 1899-12-30, so serial 25569 is 1970-01-01.
 * Fractions of a serial are the time of day.
 */

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** The serial of 1970-01-01, the Unix epoch. */
const UNIX_EPOCH_SERIAL = 25569;

/** ISO date (YYYY-MM-DD) of an Excel date serial (the time of day is dropped). */
export function serialToIso(serial: number): string {
  return new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
}

/** Excel date serial of an ISO date. */
export function isoToSerial(iso: string): number {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - EXCEL_EPOCH_MS) / DAY_MS);
}

/** The moment a serial stands for, read as UTC (how exceljs gives date cells), to the millisecond. */
export function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - UNIX_EPOCH_SERIAL) * DAY_MS));
}

/** Excel date-time serial of a moment, in the local time of the machine that writes it (Excel has no zones), to the second. */
export function localSerial(now: Date): number {
  const local = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate(), now.getHours(), now.getMinutes(), now.getSeconds());
  return Math.round(((local - EXCEL_EPOCH_MS) / DAY_MS) * 86400) / 86400;
}

/**
 * Excel date serials (the 1900 date system): serial 25569 is 1970-01-01, and from serial 61
 * (1900-03-01) on a serial counts days from 1899-12-30. Before that Excel is one day off a plain
 * count: it keeps Lotus 1-2-3's fictitious 1900-02-29 as serial 60, so serial 1 is 1900-01-01 and
 * serial 59 is 1900-02-28. These functions follow Excel; serial 60 reads as 1900-02-28, the nearest
 * real day. Fractions of a serial are the time of day.
 */

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** The serial of 1970-01-01, the Unix epoch. */
const UNIX_EPOCH_SERIAL = 25569;

/** Serial 60: Excel's fictitious 1900-02-29. */
const LEAP_BUG_SERIAL = 60;

/** The plain day count from 1899-12-30 of an Excel serial (equal from serial 60 on). */
const plainOf = (serial: number) => (serial < LEAP_BUG_SERIAL ? serial + 1 : serial);

/** ISO date (YYYY-MM-DD) of an Excel date serial (the time of day is dropped). */
export function serialToIso(serial: number): string {
  return new Date(EXCEL_EPOCH_MS + Math.floor(plainOf(serial)) * DAY_MS).toISOString().slice(0, 10);
}

/** Excel date serial of an ISO date. */
export function isoToSerial(iso: string): number {
  const plain = Math.round((Date.parse(`${iso}T00:00:00Z`) - EXCEL_EPOCH_MS) / DAY_MS);
  return plain <= LEAP_BUG_SERIAL ? plain - 1 : plain;
}

/** The moment a serial stands for, read as UTC (how exceljs gives date cells), to the millisecond. */
export function serialToDate(serial: number): Date {
  return new Date(Math.round((plainOf(serial) - UNIX_EPOCH_SERIAL) * DAY_MS));
}

/**
 * A date as exceljs reads it (a plain count from 1899-12-30, not knowing Excel's leap-year bug) put
 * right: the date Excel shows for that cell.
 */
export function excelDateOf(plainDate: Date): Date {
  const serial = plainDate.getTime() / DAY_MS + UNIX_EPOCH_SERIAL;
  return serial < LEAP_BUG_SERIAL ? serialToDate(serial) : plainDate;
}

/** Excel date-time serial of a moment, in the local time of the machine that writes it (Excel has no zones), to the second. */
export function localSerial(now: Date): number {
  const local = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate(), now.getHours(), now.getMinutes(), now.getSeconds());
  return Math.round(((local - EXCEL_EPOCH_MS) / DAY_MS) * 86400) / 86400;
}

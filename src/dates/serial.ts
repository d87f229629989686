/**
 * Excel date serials, in either of Excel's two date systems.
 *
 * The 1900 system (Windows, and every new workbook): serial 25569 is 1970-01-01, and from serial 61
 * (1900-03-01) on a serial counts days from 1899-12-30. Before that Excel is one day off a plain
 * count: it keeps Lotus 1-2-3's fictitious 1900-02-29 as serial 60, so serial 1 is 1900-01-01 and
 * serial 59 is 1900-02-28. These functions follow Excel; serial 60 reads as 1900-02-28, the nearest
 * real day.
 *
 * The 1904 system (workbooks made by older Mac Excel, `<workbookPr date1904="1"/>`): serial 0 is
 * 1904-01-01, a plain count 1,462 days after the 1900 system's; no leap-year quirk.
 *
 * Fractions of a serial are the time of day.
 */

/** A workbook's date system: which day its serial 0 (1904) or 1 (1900) stands for. */
export type DateSystem = 1900 | 1904;

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** The serial of 1970-01-01, the Unix epoch, in the 1900 system. */
const UNIX_EPOCH_SERIAL = 25569;
/** Days from the 1900 system's plain epoch (1899-12-30) to the 1904 system's serial 0 (1904-01-01). */
export const DAYS_1904 = 1462;

/** Serial 60: Excel's fictitious 1900-02-29. */
const LEAP_BUG_SERIAL = 60;

/** The plain day count from 1899-12-30 of a serial (in the 1900 system equal from serial 60 on). */
function plainOf(serial: number, system: DateSystem): number {
  if (system === 1904) return serial + DAYS_1904;
  return serial < LEAP_BUG_SERIAL ? serial + 1 : serial;
}

/** The serial of a plain day count from 1899-12-30. */
function serialOf(plain: number, system: DateSystem): number {
  if (system === 1904) return plain - DAYS_1904;
  return plain <= LEAP_BUG_SERIAL ? plain - 1 : plain;
}

/** The smallest serial that is a date (1900-01-01, or 1904-01-01 in the 1904 system). */
export function firstSerial(system: DateSystem = 1900): number {
  return system === 1904 ? 0 : 1;
}

/** The serial of 9999-12-31, the last day Excel knows. */
export function lastSerial(system: DateSystem = 1900): number {
  return system === 1904 ? 2958465 - DAYS_1904 : 2958465;
}

/** ISO date (YYYY-MM-DD) of an Excel date serial (the time of day is dropped). */
export function serialToIso(serial: number, system: DateSystem = 1900): string {
  return new Date(EXCEL_EPOCH_MS + Math.floor(plainOf(serial, system)) * DAY_MS).toISOString().slice(0, 10);
}

/** Excel date serial of an ISO date. */
export function isoToSerial(iso: string, system: DateSystem = 1900): number {
  return serialOf(Math.round((Date.parse(`${iso}T00:00:00Z`) - EXCEL_EPOCH_MS) / DAY_MS), system);
}

/** The moment a serial stands for, read as UTC (how exceljs gives date cells), to the millisecond. */
export function serialToDate(serial: number, system: DateSystem = 1900): Date {
  return new Date(Math.round((plainOf(serial, system) - UNIX_EPOCH_SERIAL) * DAY_MS));
}

/**
 * A date as exceljs reads it from a 1900-system workbook (a plain count from 1899-12-30, not knowing
 * Excel's leap-year bug) put right: the date Excel shows for that cell. (In the 1904 system exceljs
 * reads dates right; none of them falls before 1900-03-01.)
 */
export function excelDateOf(plainDate: Date): Date {
  const serial = plainDate.getTime() / DAY_MS + UNIX_EPOCH_SERIAL;
  return serial < LEAP_BUG_SERIAL ? serialToDate(serial) : plainDate;
}

/** Excel date-time serial of a moment, in the local time of the machine that writes it (Excel has no zones), to the second. */
export function localSerial(now: Date, system: DateSystem = 1900): number {
  const local = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate(), now.getHours(), now.getMinutes(), now.getSeconds());
  const plain = (local - EXCEL_EPOCH_MS) / DAY_MS;
  return Math.round((system === 1904 ? plain - DAYS_1904 : plain) * 86400) / 86400;
}

/** Parsing a defined name's reference text ("'My Sheet'!$A$1:$J$20") into a sheet and a rectangle. */
import { columnIndex } from "../contract/snapshot";

export interface Area {
  sheet: string | null;
  top: number;
  left: number;
  /** Inclusive; null for whole-column references (A:E), meaning "to the last used row". */
  bottom: number | null;
  /** Inclusive; null for whole-row references (1:10), meaning "to the last used column". */
  right: number | null;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;
const COLS = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/;
const ROWS = /^\$?(\d+):\$?(\d+)$/;

/** Splits "Sheet!A1:B2" into sheet and address, honouring quoted sheet names. */
function splitSheet(ref: string): { sheet: string | null; address: string } {
  const bang = ref.lastIndexOf("!");
  if (bang < 0) return { sheet: null, address: ref };
  let sheet = ref.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: ref.slice(bang + 1) };
}

/** One rectangular area, or null when the text is not a single range (constants, #REF!, several areas, formulas). */
export function parseArea(ref: string): Area | null {
  const text = ref.trim().replace(/^=/, "");
  if (text === "" || text.includes(",") || text.includes("#REF!")) return null;
  const { sheet, address } = splitSheet(text);
  const parts = address.split(":");
  if (parts.length === 1) {
    const c = CELL.exec(parts[0]);
    if (!c) return null;
    const row = Number(c[2]);
    const col = columnIndex(c[1]);
    return { sheet, top: row, left: col, bottom: row, right: col };
  }
  if (parts.length !== 2) return null;
  const a = CELL.exec(parts[0]);
  const b = CELL.exec(parts[1]);
  if (a && b) {
    const r1 = Number(a[2]);
    const r2 = Number(b[2]);
    const c1 = columnIndex(a[1]);
    const c2 = columnIndex(b[1]);
    return { sheet, top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
  }
  const cols = COLS.exec(address);
  if (cols) {
    const c1 = columnIndex(cols[1]);
    const c2 = columnIndex(cols[2]);
    return { sheet, top: 1, left: Math.min(c1, c2), bottom: null, right: Math.max(c1, c2) };
  }
  const rows = ROWS.exec(address);
  if (rows) {
    const r1 = Number(rows[1]);
    const r2 = Number(rows[2]);
    return { sheet, top: Math.min(r1, r2), left: 1, bottom: Math.max(r1, r2), right: null };
  }
  return null;
}

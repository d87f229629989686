/**
 * .xlsx file → WorkbookSnapshot. exceljs reads the cells; the defined names are read from
 * xl/workbook.xml directly because exceljs drops sheet scope and silently discards names that
 * are not plain ranges, and the advisor deserves to hear about those.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { DRIFT_HISTORY_KEY, DRIFT_HISTORY_SHEET, DRIFT_HISTORY_TABLE } from "../contract/drift-history";
import { Area, parseArea, parseRect, rangeAddress } from "../a1";
import { CONTRACT_RANGES, CellValue, NameProblem, RangeSnapshot, WorkbookSnapshot, trimBlankRows } from "../contract/snapshot";
import { excelDateOf } from "../dates/serial";
import { FileName, decode, loadWithoutNames, sheetNamesOf, sheetParts } from "./names";

interface RawName {
  name: string;
  localSheetId: number | null;
  text: string;
}

/** Defined names, sheet order and each sheet's XML part, straight from xl/workbook.xml and its relationships. */
async function readNames(zip: JSZip): Promise<{ names: RawName[]; sheets: string[]; parts: Map<string, string> }> {
  const file = zip.file("xl/workbook.xml");
  if (!file) return { names: [], sheets: [], parts: new Map() };
  const xml = await file.async("string");
  const sheets = sheetNamesOf(xml);
  const parts = await sheetParts(zip, xml);
  const names: RawName[] = [];
  for (const m of xml.matchAll(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g)) {
    const attrs = m[1];
    const name = /\bname="([^"]*)"/.exec(attrs);
    const local = /\blocalSheetId="(\d+)"/.exec(attrs);
    if (!name) continue;
    names.push({ name: decode(name[1]), localSheetId: local ? Number(local[1]) : null, text: decode(m[2]) });
  }
  return { names, sheets, parts };
}

/** A cell's value as plain data: formulas give their cached result, rich text its text, errors their code. */
export function plainValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return excelDateOf(value);
  const v = value as unknown as Record<string, unknown>;
  if ("richText" in v && Array.isArray(v.richText)) return (v.richText as { text: string }[]).map((t) => t.text).join("");
  if ("error" in v) return String(v.error);
  if ("formula" in v || "sharedFormula" in v) {
    const r = v.result as ExcelJS.CellValue | undefined;
    return r === undefined ? null : plainValue(r);
  }
  if ("text" in v) return plainValue(v.text as ExcelJS.CellValue);
  return null;
}

/**
 * A cell's value, knowing which formula cells the file saved without a result. exceljs reads both a
 * missing result and a result of 0 as no result; the sheet's XML tells them apart.
 */
/** A formula cell exceljs read without a result: either a cached 0 (exceljs drops it) or truly uncalculated. */
interface BareFormula {
  row: number;
  col: number;
  address: string;
  formula: string;
}

function bareFormula(cell: ExcelJS.Cell): string | null {
  const v = cell.value as unknown as { formula?: string; sharedFormula?: string; result?: unknown } | null;
  return v !== null && typeof v === "object" && ("formula" in v || "sharedFormula" in v) && v.result === undefined ? `=${String(v.formula ?? v.sharedFormula ?? "")}` : null;
}

/** Addresses of the formula cells a sheet's XML holds without a cached value (<f> and no <v>). */
async function formulasWithoutValue(zip: JSZip, path: string | undefined): Promise<Set<string>> {
  const out = new Set<string>();
  const file = path ? zip.file(path) : null;
  if (!file) return out;
  const xml = await file.async("string");
  for (const m of xml.matchAll(/<c\b([^>]*?)>([\s\S]*?)<\/c>/g)) {
    if (!m[2].includes("<f") || m[2].includes("<v>")) continue;
    const ref = /\br="([A-Z]+\d+)"/.exec(m[1]);
    if (ref) out.add(ref[1]);
  }
  return out;
}

function snapshotRange(ws: ExcelJS.Worksheet, name: string, area: Area, bare: BareFormula[]): RangeSnapshot {
  // A name over whole columns, or over far more rows than the sheet uses (A1:G1048576), is read to the
  // sheet's last used row and column only: what lies beyond is empty and costs nothing.
  const lastRow = Math.max(area.top, ws.actualRowCount > 0 ? ws.rowCount : area.top);
  const bottom = Math.min(area.bottom ?? lastRow, lastRow);
  const right = area.right ?? Math.max(area.left, ws.columnCount);
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  for (let r = area.top; r <= bottom; r++) {
    const row = ws.getRow(r);
    const vals: CellValue[] = [];
    const fmts: string[] = [];
    for (let c = area.left; c <= right; c++) {
      const cell = row.getCell(c);
      const formula = bareFormula(cell);
      if (formula !== null) bare.push({ row: r - area.top, col: c - area.left, address: cell.address, formula });
      vals.push(formula !== null ? 0 : plainValue(cell.value));
      fmts.push(cell.numFmt || "General");
    }
    values.push(vals);
    numberFormats.push(fmts);
  }
  // Merged cells: Excel keeps the value in the top-left cell only (exceljs repeats it in every cell); read
  // them as Excel has them, and say which areas are merged so the contract can report them.
  const merged: string[] = [];
  for (const m of (ws.model as unknown as { merges?: string[] }).merges ?? []) {
    const r = parseRect(m);
    if (!r || r.bottom < area.top || r.top > bottom || r.right < area.left || r.left > right) continue;
    merged.push(rangeAddress(r.top, r.left, r.bottom, r.right));
    for (let row = Math.max(r.top, area.top); row <= Math.min(r.bottom, bottom); row++) {
      for (let col = Math.max(r.left, area.left); col <= Math.min(r.right, right); col++) {
        if (row !== r.top || col !== r.left) values[row - area.top][col - area.left] = null;
      }
    }
  }
  const snapshot = trimBlankRows({ name, sheet: ws.name, top: area.top, left: area.left, values, numberFormats });
  return merged.length ? { ...snapshot, merged } : snapshot;
}

/** The DriftHistory table (on whichever sheet it is) and its cells, header included. */
function driftHistoryTable(wb: ExcelJS.Workbook): { ws: ExcelJS.Worksheet; area: Area } | null {
  for (const ws of wb.worksheets) {
    for (const table of ws.getTables() as unknown as { name: string; model?: { tableRef?: string; ref?: string }; table?: { tableRef?: string; ref?: string } }[]) {
      if (table.name.toLowerCase() !== DRIFT_HISTORY_TABLE.toLowerCase()) continue;
      const model = table.model ?? table.table ?? {};
      const area = parseArea(model.tableRef ?? model.ref ?? "");
      return area && area.bottom !== null && area.right !== null ? { ws, area } : null;
    }
  }
  return null;
}

/** The sheets the contract's names refer to (their own sheet, or the sheet of their scope), and the Drift History sheet. */
function contractSheets(names: FileName[]): Set<string> {
  const out = new Set<string>([DRIFT_HISTORY_SHEET]);
  for (const n of names) {
    if (!(CONTRACT_RANGES as readonly string[]).includes(n.name.toLowerCase())) continue;
    const sheet = parseArea(n.text)?.sheet ?? n.scope;
    if (sheet) out.add(sheet);
  }
  return out;
}

/**
 * Loads an .xlsx workbook. `readOnly`: only the sheets the contract's names are on are parsed (a large
 * sheet outside every range then costs nothing); such a workbook must not be written back.
 */
export async function loadWorkbook(data: ArrayBuffer | Uint8Array, readOnly = false): Promise<ExcelJS.Workbook> {
  // The defined names stay out of exceljs (src/xlsx/names.ts): they are read below from the raw file.
  return loadWithoutNames(data, readOnly ? { sheetsNeeded: contractSheets } : {});
}

/** Snapshot of the contract's named ranges in an already loaded workbook, given the raw file for its names. */
export async function snapshotWorkbook(wb: ExcelJS.Workbook, data: ArrayBuffer | Uint8Array): Promise<WorkbookSnapshot> {
  const zip = await JSZip.loadAsync(data);
  const { names, sheets, parts } = await readNames(zip);
  const uncalculated = new Map<string, Set<string>>();
  const ranges: Record<string, RangeSnapshot> = {};
  const nameProblems: NameProblem[] = [];
  for (const wanted of CONTRACT_RANGES) {
    const candidates = names.filter((n) => n.name.toLowerCase() === wanted);
    if (candidates.length === 0) continue;
    // Workbook scope wins; otherwise the first sheet-scoped definition.
    const chosen = candidates.find((n) => n.localSheetId === null) ?? candidates[0];
    const area = parseArea(chosen.text);
    const scopeSheet = chosen.localSheetId !== null ? sheets[chosen.localSheetId] ?? null : null;
    const sheetName = area?.sheet ?? scopeSheet;
    const ws = sheetName ? wb.getWorksheet(sheetName) : undefined;
    if (!area) {
      nameProblems.push({ name: chosen.name, message: `does not refer to a single range of cells (it refers to ${chosen.text || "nothing"})` });
    } else if (!ws) {
      nameProblems.push({ name: chosen.name, message: `refers to the sheet "${sheetName ?? "?"}", which is not in the workbook` });
    } else {
      const bare: BareFormula[] = [];
      const snap = snapshotRange(ws, chosen.name, area, bare);
      // Formulas exceljs read without a result: the sheet's XML tells a cached 0 (kept) from none at all.
      if (bare.length > 0) {
        if (!uncalculated.has(ws.name)) uncalculated.set(ws.name, await formulasWithoutValue(zip, parts.get(ws.name)));
        const none = uncalculated.get(ws.name)!;
        for (const b of bare) if (none.has(b.address) && snap.values[b.row]) snap.values[b.row][b.col] = { uncalculated: b.formula };
      }
      ranges[wanted] = snap;
    }
  }
  // The add-in's Drift History table, handed over like a range (read leniently by the plans).
  const history = driftHistoryTable(wb);
  if (history) ranges[DRIFT_HISTORY_KEY] = snapshotRange(history.ws, DRIFT_HISTORY_TABLE, history.area, []);
  // A 1904-system book (<workbookPr date1904="1"/>): exceljs reads its date cells right; the contract
  // is told, for serial numbers in General cells.
  const date1904 = (wb.properties as { date1904?: boolean } | undefined)?.date1904 === true;
  return date1904 ? { dateSystem: 1904, ranges, nameProblems } : { ranges, nameProblems };
}

/** .xlsx bytes → snapshot of the contract's named ranges. */
export async function readWorkbookSnapshot(data: ArrayBuffer | Uint8Array): Promise<WorkbookSnapshot> {
  const wb = await loadWorkbook(data, true);
  return snapshotWorkbook(wb, data);
}

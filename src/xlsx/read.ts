/**
 * .xlsx file → WorkbookSnapshot. exceljs reads the cells; the defined names are read from
 * xl/workbook.xml directly because exceljs drops sheet scope and silently discards names that
 * are not plain ranges, and the advisor deserves to hear about those.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { Area, parseArea } from "../a1";
import { CONTRACT_RANGES, CellValue, NameProblem, RangeSnapshot, WorkbookSnapshot } from "../contract/snapshot";

interface RawName {
  name: string;
  localSheetId: number | null;
  text: string;
}

function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** Defined names and sheet order straight from xl/workbook.xml. */
async function readNames(zip: JSZip): Promise<{ names: RawName[]; sheets: string[] }> {
  const file = zip.file("xl/workbook.xml");
  if (!file) return { names: [], sheets: [] };
  const xml = await file.async("string");
  const sheets = [...xml.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => decodeXml(m[1]));
  const names: RawName[] = [];
  for (const m of xml.matchAll(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g)) {
    const attrs = m[1];
    const name = /\bname="([^"]*)"/.exec(attrs);
    const local = /\blocalSheetId="(\d+)"/.exec(attrs);
    if (!name) continue;
    names.push({ name: decodeXml(name[1]), localSheetId: local ? Number(local[1]) : null, text: decodeXml(m[2]) });
  }
  return { names, sheets };
}

/** A cell's value as plain data: formulas give their cached result, rich text its text, errors their code. */
export function plainValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
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

function snapshotRange(ws: ExcelJS.Worksheet, name: string, area: Area): RangeSnapshot {
  const bottom = area.bottom ?? Math.max(area.top, ws.actualRowCount > 0 ? ws.rowCount : area.top);
  const right = area.right ?? Math.max(area.left, ws.columnCount);
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  for (let r = area.top; r <= bottom; r++) {
    const row = ws.getRow(r);
    const vals: CellValue[] = [];
    const fmts: string[] = [];
    for (let c = area.left; c <= right; c++) {
      const cell = row.getCell(c);
      vals.push(plainValue(cell.value));
      fmts.push(cell.numFmt || "General");
    }
    values.push(vals);
    numberFormats.push(fmts);
  }
  return { name, sheet: ws.name, top: area.top, left: area.left, values, numberFormats };
}

/** Loads an .xlsx workbook. */
export async function loadWorkbook(data: ArrayBuffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as ArrayBuffer);
  return wb;
}

/** Snapshot of the contract's named ranges in an already loaded workbook, given the raw file for its names. */
export async function snapshotWorkbook(wb: ExcelJS.Workbook, data: ArrayBuffer | Uint8Array): Promise<WorkbookSnapshot> {
  const zip = await JSZip.loadAsync(data);
  const { names, sheets } = await readNames(zip);
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
      ranges[wanted] = snapshotRange(ws, chosen.name, area);
    }
  }
  return { ranges, nameProblems };
}

/** .xlsx bytes → snapshot of the contract's named ranges. */
export async function readWorkbookSnapshot(data: ArrayBuffer | Uint8Array): Promise<WorkbookSnapshot> {
  const wb = await loadWorkbook(data);
  return snapshotWorkbook(wb, data);
}

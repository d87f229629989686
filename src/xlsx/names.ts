/**
 * The advisor's defined names, kept exactly as the file has them. exceljs is never shown them: it
 * drops constants and #REF! names, turns formula names into sheet references, loses sheet scope, and
 * expands every name into its cells (a name over A1:J1048576 costs seconds and gigabytes). So the
 * reader takes `<definedNames>` out of xl/workbook.xml before exceljs loads the file, remembers each
 * name's XML, and the writer puts them back when the workbook is saved — with their scope moved to the
 * sheet's new position, and the add-in's own names (the ones it set while applying a plan) as it set them.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { compactAllValidations } from "./validations";
import { MAX_COLUMN, MAX_ROW, parseArea } from "../a1";
import { ownCharts, pendingCharts, rememberChart, writeCharts } from "./charts";
import { decode, sheetNamesOf, sheetParts } from "./parts";

export { decode, sheetNamesOf, sheetParts } from "./parts";

interface KeptName {
  name: string;
  /** The sheet a sheet-scoped name belongs to, by name (positions change when sheets are replaced). */
  scope: string | null;
  /** The element's attributes other than localSheetId, and its text, as in the file. */
  attrs: string;
  text: string;
}

interface Kept {
  names: KeptName[];
  /** Names the add-in set or removed while applying a plan: written as exceljs has them now. */
  touched: Set<string>;
}

const kept = new WeakMap<ExcelJS.Workbook, Kept>();

const DEFINED_NAMES = /<definedNames>[\s\S]*?<\/definedNames>|<definedNames\/>/;

/** A defined name of the file, as the loader found it. */
export interface FileName {
  name: string;
  /** The sheet of a sheet-scoped name, or null. */
  scope: string | null;
  /** Its reference text, decoded ("Holdings!$A$1:$J$20"). */
  text: string;
}

export interface LoadOptions {
  /**
   * For a read that writes nothing back: the sheets whose cells are needed, given the file's names.
   * The other sheets load empty (their XML is not parsed), so a large sheet outside every range costs
   * nothing. A workbook loaded so must not be saved.
   */
  sheetsNeeded?: (names: FileName[]) => Set<string>;
}

/** Unneeded sheets are emptied only when they hold this much XML: below it, re-zipping costs more than parsing them. */
const EMPTY_SHEETS_FROM_BYTES = 1024 * 1024;

const EMPTY_SHEET = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>';

const sizeOf = (zip: JSZip, path: string) => (zip.file(path) as unknown as { _data?: { uncompressedSize?: number } } | null)?._data?.uncompressedSize ?? 0;

/** Loads an .xlsx with exceljs, without its defined names (remembered for the writer). */
export async function loadWithoutNames(data: ArrayBuffer | Uint8Array, options: LoadOptions = {}): Promise<ExcelJS.Workbook> {
  const zip = await JSZip.loadAsync(data);
  const file = zip.file("xl/workbook.xml");
  const xml = file ? await file.async("string") : "";
  const sheets = sheetNamesOf(xml);
  const names: KeptName[] = [...xml.matchAll(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g)].map((m) => {
    const local = /\blocalSheetId="(\d+)"/.exec(m[1]);
    return {
      name: decode(/\bname="([^"]*)"/.exec(m[1])?.[1] ?? ""),
      scope: local ? sheets[Number(local[1])] ?? null : null,
      attrs: m[1].replace(/\s*\blocalSheetId="\d+"/, ""),
      text: m[2],
    };
  });
  const wb = new ExcelJS.Workbook();
  // exceljs expands a name into its cells: only a workbook with a large name is worth re-zipping without them.
  // (exceljs's own copy of the small ones is never written: the writer puts back the file's.)
  const large = names.some((n) => {
    const area = parseArea(decode(n.text));
    if (!area) return false;
    const rows = (area.bottom ?? MAX_ROW) - area.top + 1;
    const cols = (area.right ?? MAX_COLUMN) - area.left + 1;
    return rows * cols > 100_000;
  });
  // Sheets a read-only load does not need, emptied when they hold enough XML to matter.
  let emptied = false;
  if (options.sheetsNeeded && file) {
    const needed = options.sheetsNeeded(names.map((n) => ({ name: n.name, scope: n.scope, text: decode(n.text) })));
    const parts = await sheetParts(zip, xml);
    const unneeded = [...parts].filter(([sheet]) => !needed.has(sheet));
    if (unneeded.reduce((n, [, part]) => n + sizeOf(zip, part), 0) >= EMPTY_SHEETS_FROM_BYTES) {
      for (const [, part] of unneeded) zip.file(part, EMPTY_SHEET);
      emptied = true;
    }
  }
  if ((!large && !emptied) || !file) {
    await wb.xlsx.load(data as ArrayBuffer);
  } else {
    if (large) zip.file("xl/workbook.xml", xml.replace(DEFINED_NAMES, ""));
    // Stored, not compressed: exceljs unpacks it again at once.
    await wb.xlsx.load((await zip.generateAsync({ type: "uint8array", compression: "STORE" })) as unknown as ArrayBuffer);
  }
  kept.set(wb, { names, touched: new Set() });
  // The add-in's own charts, which exceljs drops: drawn again when the workbook is saved.
  if (!options.sheetsNeeded) for (const [sheet, own] of await ownCharts(zip)) for (const c of own.charts) rememberChart(wb, sheet, c);
  return wb;
}

/** The block a defined name of the file refers to (for the add-in's own names), or null. */
export function keptRange(wb: ExcelJS.Workbook, name: string): string | null {
  const k = kept.get(wb);
  if (!k || k.touched.has(name)) return null;
  const found = k.names.filter((n) => n.name === name && n.scope === null);
  return found.length === 1 ? decode(found[0].text) : null;
}

/** A name of the file as the reader sees it on `sheet`: sheet-scoped there first, else workbook-scoped (compared ignoring case, as Excel does); null when absent. */
export function fileName(wb: ExcelJS.Workbook, name: string, sheet: string): FileName | null {
  const k = kept.get(wb);
  const all = (k?.names ?? []).filter((n) => n.name.toLowerCase() === name.toLowerCase());
  const found = all.find((n) => n.scope === sheet) ?? all.find((n) => n.scope === null);
  return found ? { name: found.name, scope: found.scope, text: decode(found.text) } : null;
}

/** Points a name of the file (the one fileName finds) at a new reference; its scope and other attributes stay. */
export function redefineFileName(wb: ExcelJS.Workbook, name: string, sheet: string, reference: string): void {
  const all = (kept.get(wb)?.names ?? []).filter((n) => n.name.toLowerCase() === name.toLowerCase());
  const found = all.find((n) => n.scope === sheet) ?? all.find((n) => n.scope === null);
  if (!found) throw new Error(`The name ${name} is not in the workbook`);
  found.text = reference.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Whether the file had a workbook-scoped name of this name (compared ignoring case, as Excel does) that the add-in has not removed. */
export function hasKeptName(wb: ExcelJS.Workbook, name: string): boolean {
  const k = kept.get(wb);
  const wanted = name.toLowerCase();
  return !!k && k.names.some((n) => n.scope === null && n.name.toLowerCase() === wanted && !k.touched.has(n.name));
}

/** Records that the add-in set (or removed) this name: it is written as exceljs now has it. */
export function touchName(wb: ExcelJS.Workbook, name: string): void {
  kept.get(wb)?.touched.add(name);
}

/**
 * The workbook as .xlsx bytes, with the file's defined names put back (scope by sheet name) and the
 * add-in's own as it set them. Plain bytes, so the same code runs in the browser (standalone mode's
 * "Download updated workbook"), where there is no Node Buffer.
 */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  compactAllValidations(wb);
  const raw = new Uint8Array(await wb.xlsx.writeBuffer());
  const k = kept.get(wb);
  const names = k && (k.names.length > 0 || k.touched.size > 0);
  if (!names && pendingCharts(wb).size === 0) return raw;
  const zip = await JSZip.loadAsync(raw);
  await writeCharts(zip, wb);
  if (names) await putNamesBack(zip, k);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** Puts the file's defined names back into what exceljs wrote, with the add-in's own as it set them. */
async function putNamesBack(zip: JSZip, k: Kept): Promise<void> {
  const file = zip.file("xl/workbook.xml");
  if (!file) return;
  const xml = await file.async("string");
  const sheets = sheetNamesOf(xml);
  const written = [...(DEFINED_NAMES.exec(xml)?.[0] ?? "").matchAll(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g)];
  // Of what exceljs wrote, only the names the add-in set are its own; the file's stay exactly as they were.
  const own = written.filter((m) => k.touched.has(decode(/\bname="([^"]*)"/.exec(m[1])?.[1] ?? "")));
  const ownNames = new Set(own.map((m) => decode(/\bname="([^"]*)"/.exec(m[1])?.[1] ?? "")));
  const entries: string[] = [];
  for (const n of k.names) {
    if (k.touched.has(n.name) || ownNames.has(n.name)) continue;
    const index = n.scope === null ? -1 : sheets.indexOf(n.scope);
    if (n.scope !== null && index < 0) continue; // its sheet is gone (only the add-in's own sheets are ever removed)
    const scope = index >= 0 ? ` localSheetId="${index}"` : "";
    entries.push(`<definedName${n.attrs}${scope}>${n.text}</definedName>`);
  }
  entries.push(...own.map((m) => m[0]));
  const block = entries.length ? `<definedNames>${entries.join("")}</definedNames>` : "";
  const next = DEFINED_NAMES.test(xml) ? xml.replace(DEFINED_NAMES, block) : xml.replace("</sheets>", `</sheets>${block}`);
  zip.file("xl/workbook.xml", next);
}

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
import { MAX_COLUMN, MAX_ROW, parseArea } from "../a1";

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

function decode(s: string): string {
  return s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}

const sheetNamesOf = (xml: string) => [...xml.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => decode(m[1]));

/** Loads an .xlsx with exceljs, without its defined names (remembered for the writer). */
export async function loadWithoutNames(data: ArrayBuffer | Uint8Array): Promise<ExcelJS.Workbook> {
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
  if (!large || !file) {
    await wb.xlsx.load(data as ArrayBuffer);
  } else {
    zip.file("xl/workbook.xml", xml.replace(DEFINED_NAMES, ""));
    // Stored, not compressed: exceljs unpacks it again at once.
    await wb.xlsx.load((await zip.generateAsync({ type: "uint8array", compression: "STORE" })) as unknown as ArrayBuffer);
  }
  kept.set(wb, { names, touched: new Set() });
  return wb;
}

/** The block a defined name of the file refers to (for the add-in's own names), or null. */
export function keptRange(wb: ExcelJS.Workbook, name: string): string | null {
  const k = kept.get(wb);
  if (!k || k.touched.has(name)) return null;
  const found = k.names.filter((n) => n.name === name && n.scope === null);
  return found.length === 1 ? decode(found[0].text) : null;
}

/** Records that the add-in set (or removed) this name: it is written as exceljs now has it. */
export function touchName(wb: ExcelJS.Workbook, name: string): void {
  kept.get(wb)?.touched.add(name);
}

/** The workbook as .xlsx bytes, with the file's defined names put back (scope by sheet name) and the add-in's own as it set them. */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  const raw = Buffer.from(await wb.xlsx.writeBuffer());
  const k = kept.get(wb);
  if (!k || (k.names.length === 0 && k.touched.size === 0)) return raw;
  const zip = await JSZip.loadAsync(raw);
  const file = zip.file("xl/workbook.xml");
  if (!file) return raw;
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
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/**
 * Moving workbooks between .xlsx files (exceljs) and the fake Excel, and dumping both the same
 * way so tests can compare what each adapter wrote, cell by cell.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { Cell, Sheet, Workbook, colLetters, parseRect } from "./fake-excel";

const EPOCH = Date.UTC(1899, 11, 30);
/** A date as exceljs reads it → the serial Excel holds (in a 1904-system book, 1,462 less). */
export const serialOf = (d: Date, date1904 = false) => (d.getTime() - EPOCH) / 86400000 - (date1904 ? 1462 : 0);

function scalar(v: ExcelJS.CellValue, date1904 = false): { value: string | number | boolean | null; formula: string | null } {
  if (v === null || v === undefined) return { value: null, formula: null };
  if (v instanceof Date) return { value: serialOf(v, date1904), formula: null };
  if (typeof v !== "object") return { value: v as string | number | boolean, formula: null };
  const o = v as unknown as Record<string, unknown>;
  // Excel always holds a formula's computed value; exceljs reads a cached 0 as no result, so a missing one is 0 here.
  if (typeof o.formula === "string") return { value: o.result === undefined ? 0 : scalar(o.result as ExcelJS.CellValue, date1904).value, formula: `=${o.formula}` };
  if (Array.isArray(o.richText)) return { value: (o.richText as { text: string }[]).map((t) => t.text).join(""), formula: null };
  if ("error" in o) return { value: String(o.error), formula: null };
  if ("text" in o) return { value: String(o.text), formula: null };
  return { value: null, formula: null };
}

/** Defined names straight from xl/workbook.xml (exceljs drops sheet scope). */
async function definedNames(data: Buffer): Promise<{ name: string; sheetIndex: number | null; ref: string }[]> {
  const zip = await JSZip.loadAsync(data);
  const xml = await zip.file("xl/workbook.xml")!.async("string");
  const decode = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
  return [...xml.matchAll(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g)].map((m) => ({
    name: decode(/\bname="([^"]*)"/.exec(m[1])![1]),
    sheetIndex: /\blocalSheetId="(\d+)"/.test(m[1]) ? Number(/\blocalSheetId="(\d+)"/.exec(m[1])![1]) : null,
    ref: decode(m[2]),
  }));
}

function tableRef(t: ExcelJS.Table): string {
  const m = (t as unknown as { model: { tableRef?: string; ref?: string } }).model;
  return m.tableRef ?? m.ref ?? "";
}

/** An .xlsx file as a fake Excel workbook: cells (dates as serials, as Excel holds them), formats, names, tables. */
export async function fakeFromXlsx(data: Buffer): Promise<Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data as unknown as ArrayBuffer);
  const wb = new Workbook();
  wb.date1904 = (book.properties as { date1904?: boolean }).date1904 === true;
  book.eachSheet((ws) => {
    const sheet = wb.addSheet(ws.name);
    // Merged areas: Excel holds the value in the top-left cell only (exceljs repeats it in the others).
    sheet.merged = ((ws.model as unknown as { merges?: string[] }).merges ?? []).map((m) => parseRect(m)!);
    const covered = (r: number, c: number) => sheet.merged.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && (r !== m.top || c !== m.left));
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: true }, (c) => {
        const { value, formula } = covered(Number(c.row), Number(c.col)) ? { value: null, formula: null } : scalar(c.value, wb.date1904);
        const cell = sheet.cell(Number(c.row), Number(c.col));
        cell.value = value;
        cell.formula = formula;
        cell.format = c.numFmt || "General";
      });
    });
    for (const t of ws.getTables() as unknown as ExcelJS.Table[]) {
      const table = (t as unknown as { table?: { name: string } }).table ?? (t as unknown as { model: { name: string } }).model;
      wb.tables.push({ name: table.name, sheet, rect: parseRect(tableRef(t))!, style: "TableStyleMedium2" });
    }
  });
  const order = book.worksheets.map((w) => w.name);
  for (const n of await definedNames(data)) {
    if (n.sheetIndex === null) wb.names.push({ name: n.name, ref: n.ref });
    else wb.sheet(order[n.sheetIndex])!.names.push({ name: n.name, ref: n.ref });
  }
  wb.active = order[0] ?? null;
  return wb;
}

export interface CellDump {
  value: string | number | boolean | null;
  formula: string | null;
  format: string;
}
export type SheetDump = Record<string, CellDump>;
export interface BookDump {
  sheets: Record<string, SheetDump>;
  tables: Record<string, { sheet: string; range: string }>;
  names: Record<string, string>;
}

const round = (v: string | number | boolean | null) => (typeof v === "number" ? Math.round(v * 1e9) / 1e9 : v);

function keep(d: CellDump): boolean {
  return d.value !== null || d.formula !== null || (d.format !== "General" && d.format !== "");
}

const address = (row: number, col: number) => `${colLetters(col)}${row}`;

export function dumpFake(wb: Workbook): BookDump {
  const sheets: Record<string, SheetDump> = {};
  for (const s of wb.sheets) {
    const out: SheetDump = {};
    for (const [k, c] of s.cells) {
      const [row, col] = k.split(":").map(Number);
      const d: CellDump = { value: c.formula ? null : round(c.value), formula: c.formula, format: c.format };
      if (keep(d)) out[address(row, col)] = d;
    }
    sheets[s.name] = sortKeys(out);
  }
  const tables: BookDump["tables"] = {};
  for (const t of wb.tables) tables[t.name] = { sheet: t.sheet.name, range: `${address(t.rect.top, t.rect.left)}:${address(t.rect.bottom, t.rect.right)}` };
  const names: Record<string, string> = {};
  for (const n of wb.names) names[n.name] = n.ref.replace(/\$/g, "");
  return { sheets, tables, names };
}

export async function dumpXlsx(data: Buffer): Promise<BookDump> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data as unknown as ArrayBuffer);
  const sheets: Record<string, SheetDump> = {};
  const tables: BookDump["tables"] = {};
  book.eachSheet((ws) => {
    const out: SheetDump = {};
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: true }, (c) => {
        const { value, formula } = scalar(c.value);
        const d: CellDump = { value: formula ? null : round(value), formula, format: c.numFmt || "General" };
        if (keep(d)) out[address(Number(c.row), Number(c.col))] = d;
      });
    });
    sheets[ws.name] = sortKeys(out);
    for (const t of ws.getTables() as unknown as ExcelJS.Table[]) {
      const model = (t as unknown as { model: { name: string } }).model;
      tables[model.name] = { sheet: ws.name, range: tableRef(t) };
    }
  });
  const names: Record<string, string> = {};
  for (const n of await definedNames(data)) if (n.sheetIndex === null) names[n.name] = n.ref.replace(/\$/g, "");
  return { sheets, tables, names };
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
}

export type { Cell, Sheet };

/** A fake workbook holding a snapshot's ranges (each on its own sheet at its position) with workbook-scoped names. */
export function fakeFromSnapshot(snapshot: import("../../../src/contract/snapshot").WorkbookSnapshot): Workbook {
  const wb = new Workbook();
  for (const r of Object.values(snapshot.ranges)) {
    const sheet = wb.sheet(r.sheet) ?? wb.addSheet(r.sheet);
    r.values.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === null) return;
        const c = sheet.cell(r.top + i, r.left + j);
        c.format = r.numberFormats[i]?.[j] ?? "General";
        // Excel always has a computed value; an uncalculated formula only exists in files.
        c.value = v instanceof Date ? serialOf(v) : typeof v === "object" ? null : v;
      }),
    );
    const width = Math.max(...r.values.map((x) => x.length));
    wb.names.push({ name: r.name, ref: `${r.sheet}!$${colLetters(r.left)}$${r.top}:$${colLetters(r.left + width - 1)}$${r.top + r.values.length - 1}` });
  }
  wb.active = wb.sheets[0]?.name ?? null;
  return wb;
}

/** The same snapshot as .xlsx bytes (for the exceljs side of a comparison). */
export async function xlsxFromFake(wb: Workbook): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const s of wb.sheets) {
    const ws = book.addWorksheet(s.name);
    for (const [k, c] of s.cells) {
      const [row, col] = k.split(":").map(Number);
      const cell = ws.getCell(row, col);
      cell.value = c.formula ? ({ formula: c.formula.slice(1), result: c.value ?? undefined } as ExcelJS.CellFormulaValue) : c.value;
      if (c.format !== "General") cell.numFmt = c.format;
    }
  }
  for (const n of wb.names) {
    const m = /^(.*)!(.*)$/.exec(n.ref)!;
    book.definedNames.add(`${m[1]}!${m[2]}`, n.name);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/**
 * Writing real .xlsx files from plain data, for tests.
 *
 *   const book = sampleBook();                       // a small valid contract workbook
 *   setCell(book, "Holdings!D3", "lots");            // break a cell
 *   deleteColumn(book, "Holdings", "Price");         // drop a column (by its header)
 *   addRow(book, "Holdings", { Symbol: "GLD", "Asset Class": "Gold", Quantity: 1, Price: 380 });
 *   const file = await writeTemp(book);              // → /tmp/…/book.xlsx
 *
 * A book is { sheets, names }: each sheet is an array of rows starting at A1 (pad with null to
 * start lower or further right), and each defined name is either reference text written verbatim
 * into xl/workbook.xml (so tests can write broken names: "#REF!", "0.05", "A1:B2,D1:E2") or
 * { table: "Sheet" }, which covers that sheet's rows from A1 to the last row and column at the
 * moment the file is written, so names follow rows and columns added or removed by a test.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";

/** Plain cell content: text, number, boolean, Date (written as a real Excel date), or empty. */
export type PlainValue = string | number | boolean | Date | null;

/** A cell: a plain value, a value with a number format, or a formula with its cached result. */
/** An Excel error value (#REF!, #N/A, ...), as a cell or as a formula's cached result. */
export interface ErrorValue {
  error: string;
}

export type CellInput =
  | PlainValue
  | ErrorValue
  | { value: PlainValue; numFmt: string }
  | { formula: string; result?: PlainValue | ErrorValue; numFmt?: string };

export type Rows = CellInput[][];

export interface NameSpec {
  /** Reference text written verbatim, e.g. "Holdings!$A$1:$E$5" or "#REF!". */
  ref?: string;
  /** Instead of ref: the whole table on this sheet (A1 to its last row and column when written). */
  table?: string;
  /** Sheet name for a sheet-scoped name; workbook scope when absent. */
  scope?: string;
}

export interface BookSpec {
  /** Sheets in tab order. */
  sheets: Record<string, Rows>;
  /** Name → reference text or NameSpec. Use the array form to define one name in several scopes. */
  names?: Record<string, string | NameSpec> | Array<NameSpec & { name: string }>;
  /** Save in the 1904 date system (older Mac Excel): real dates are written as 1904 serials. */
  date1904?: boolean;
  /** Merged areas, "Sheet!A2:A5" (the first cell keeps its value; exceljs copies it into the others). */
  merges?: string[];
}

/** A real date (UTC midnight), formatted yyyy-mm-dd. */
export function date(iso: string): CellInput {
  const d = new Date(`${iso}T00:00:00Z`);
  if (isNaN(d.getTime())) throw new Error(`date(): not an ISO date: ${iso}`);
  return { value: d, numFmt: "yyyy-mm-dd" };
}

/** A fraction shown as a percent (0.05 → 5.00%). */
export function pct(fraction: number): CellInput {
  return { value: fraction, numFmt: "0.00%" };
}

/** A dollar amount shown as currency. */
export function usd(amount: number): CellInput {
  return { value: amount, numFmt: '"$"#,##0.00' };
}

// ---------------------------------------------------------------------------------------------
// The sample contract workbook

export const SAMPLE_HOLDINGS_HEADERS = ["Account", "Symbol", "Asset Class", "Quantity", "Price", "Cost Basis", "Acquired", "Tradable", "Lot Size", "Valued On"];

export interface SampleOverrides {
  /** Replace the whole Holdings sheet (header row included). */
  holdings?: Rows;
  targets?: Rows;
  /** null = no Policy sheet and no Policy name. */
  policy?: Rows | null;
  /** Replace the names (default: Holdings, Targets, Policy as { table } names). */
  names?: BookSpec["names"];
}

/**
 * A minimal valid workbook, fresh on every call (mutate it freely):
 *
 *   Holdings  Account | Symbol | Asset Class | Quantity | Price | Cost Basis | Acquired | Tradable | Lot Size | Valued On
 *             IRA       VTI      Stocks        120        250     20,000       2020-01-15  Yes        1
 *             IRA       BND      Bonds         300        50      16,500       2021-03-01  Yes        1
 *             IRA       CASH     Cash          5,000      1
 *   Targets   Stocks 50% | Bonds 40% | Cash 10%
 *   Policy    As Of 2026-11-20, Trigger Band, Abs Band 5%, Rel Band 25%, Rebalance To Target,
 *             Min Trade 0, Cash Reserve 0, Fractional No
 *
 * Total $50,000: Stocks $30,000 (60%, 10 points over), Bonds $15,000 (30%, 10 under), Cash $5,000
 * (10%). Back to target = sell 20 VTI, buy 100 BND, exactly.
 */
export function sampleBook(overrides: SampleOverrides = {}): BookSpec {
  const holdings: Rows = overrides.holdings ?? [
    [...SAMPLE_HOLDINGS_HEADERS],
    ["IRA", "VTI", "Stocks", 120, usd(250), usd(20000), date("2020-01-15"), "Yes", 1, null],
    ["IRA", "BND", "Bonds", 300, usd(50), usd(16500), date("2021-03-01"), "Yes", 1, null],
    ["IRA", "CASH", "Cash", 5000, usd(1), null, null, null, null, null],
  ];
  const targets: Rows = overrides.targets ?? [
    ["Asset Class", "Target", "Abs Band", "Rel Band"],
    ["Stocks", pct(0.5), null, null],
    ["Bonds", pct(0.4), null, null],
    ["Cash", pct(0.1), null, null],
  ];
  const policy: Rows | null =
    overrides.policy === undefined
      ? [
          ["Setting", "Value"],
          ["As Of", date("2026-11-20")],
          ["Trigger", "Band"],
          ["Abs Band", pct(0.05)],
          ["Rel Band", pct(0.25)],
          ["Rebalance To", "Target"],
          ["Min Trade", usd(0)],
          ["Cash Reserve", usd(0)],
          ["Fractional", "No"],
        ]
      : overrides.policy;
  const sheets: Record<string, Rows> = { Holdings: clone(holdings), Targets: clone(targets) };
  if (policy) sheets.Policy = clone(policy);
  const names: BookSpec["names"] = overrides.names ?? {
    Holdings: { table: "Holdings" },
    Targets: { table: "Targets" },
    ...(policy ? { Policy: { table: "Policy" } } : {}),
  };
  return { sheets, names };
}

function clone(rows: Rows): Rows {
  return rows.map((row) =>
    row.map((c) => {
      if (c instanceof Date) return new Date(c.getTime());
      if (c !== null && typeof c === "object") {
        if ("value" in c && c.value instanceof Date) return { ...c, value: new Date(c.value.getTime()) };
        return { ...c };
      }
      return c;
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Mutating a book

function parseAddress(address: string): { sheet: string; row: number; col: number } {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`Not a cell address like "Holdings!C3": ${address}`);
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  let col = 0;
  for (const ch of m[3].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { sheet, row: Number(m[4]), col };
}

function sheetRows(book: BookSpec, sheet: string): Rows {
  const rows = book.sheets[sheet];
  if (!rows) throw new Error(`The book has no sheet "${sheet}" (sheets: ${Object.keys(book.sheets).join(", ")})`);
  return rows;
}

/** Sets one cell, e.g. setCell(book, "Holdings!D3", "lots"); the sheet grows as needed. */
export function setCell(book: BookSpec, address: string, value: CellInput): void {
  const { sheet, row, col } = parseAddress(address);
  const rows = sheetRows(book, sheet);
  while (rows.length < row) rows.push([]);
  const r = rows[row - 1];
  while (r.length < col) r.push(null);
  r[col - 1] = value;
}

/** The content of one cell (null when outside the data). */
export function getCell(book: BookSpec, address: string): CellInput {
  const { sheet, row, col } = parseAddress(address);
  return sheetRows(book, sheet)[row - 1]?.[col - 1] ?? null;
}

/** 0-based index of the column whose header (row 1) is `header`; throws when there is none. */
export function columnOf(book: BookSpec, sheet: string, header: string): number {
  const i = (sheetRows(book, sheet)[0] ?? []).findIndex((c) => plainOf(c) === header);
  if (i < 0) throw new Error(`Sheet "${sheet}" has no column "${header}"`);
  return i;
}

/** Removes the column with this header from every row (later columns shift left, as in Excel). */
export function deleteColumn(book: BookSpec, sheet: string, header: string): void {
  const i = columnOf(book, sheet, header);
  for (const row of sheetRows(book, sheet)) if (row.length > i) row.splice(i, 1);
}

/** Renames a column's header cell. */
export function renameColumn(book: BookSpec, sheet: string, header: string, to: string): void {
  sheetRows(book, sheet)[0][columnOf(book, sheet, header)] = to;
}

/**
 * Appends a row: an array of cells, or { header: value } using the sheet's headers
 * (an unknown header throws, so a typo cannot silently leave a column empty).
 */
export function addRow(book: BookSpec, sheet: string, row: CellInput[] | Record<string, CellInput>): void {
  const rows = sheetRows(book, sheet);
  if (Array.isArray(row)) {
    rows.push([...row]);
    return;
  }
  const width = (rows[0] ?? []).length;
  const cells: CellInput[] = new Array(width).fill(null);
  for (const [header, value] of Object.entries(row)) cells[columnOf(book, sheet, header)] = value;
  rows.push(cells);
}

function plainOf(c: CellInput): PlainValue {
  if (c === null || typeof c !== "object" || c instanceof Date) return c;
  if ("error" in c) return c.error;
  if ("value" in c) return c.value;
  const r = c.result ?? null;
  return r !== null && typeof r === "object" && !(r instanceof Date) ? r.error : r;
}

// ---------------------------------------------------------------------------------------------
// Writing

function columnLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Sheet name as Excel writes it in a reference: quoted when it is not a plain identifier. */
export function quoteSheet(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** Absolute reference covering a sheet's rows from A1 to the last row and column, e.g. "Holdings!$A$1:$J$4". */
export function tableRef(book: BookSpec, sheet: string): string {
  const rows = sheetRows(book, sheet);
  const height = Math.max(1, rows.length);
  const width = Math.max(1, ...rows.map((r) => r.length));
  return `${quoteSheet(sheet)}!$A$1:$${columnLetters(width)}$${height}`;
}

function xmlEscape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function nameList(book: BookSpec): Array<NameSpec & { name: string }> {
  const names = book.names ?? [];
  if (Array.isArray(names)) return names;
  return Object.entries(names).map(([name, spec]) => (typeof spec === "string" ? { name, ref: spec } : { name, ...spec }));
}

function definedNamesXml(book: BookSpec): string {
  const sheetNames = Object.keys(book.sheets);
  const entries = nameList(book).map((n) => {
    if ((n.ref === undefined) === (n.table === undefined)) throw new Error(`Name "${n.name}": give exactly one of ref or table`);
    const ref = n.ref ?? tableRef(book, n.table as string);
    let scope = "";
    if (n.scope !== undefined) {
      const id = sheetNames.indexOf(n.scope);
      if (id < 0) throw new Error(`Name "${n.name}": scope sheet "${n.scope}" is not in the book`);
      scope = ` localSheetId="${id}"`;
    }
    return `<definedName name="${xmlEscape(n.name)}"${scope}>${xmlEscape(ref)}</definedName>`;
  });
  return entries.length ? `<definedNames>${entries.join("")}</definedNames>` : "";
}

function writeCell(cell: ExcelJS.Cell, input: CellInput): void {
  if (input === null) return;
  if (input instanceof Date || typeof input !== "object") {
    cell.value = input;
    if (input instanceof Date) cell.numFmt = "yyyy-mm-dd";
    return;
  }
  if ("error" in input) {
    cell.value = { error: input.error } as ExcelJS.CellErrorValue;
    return;
  }
  if ("formula" in input) {
    cell.value = { formula: input.formula, result: input.result ?? undefined } as ExcelJS.CellFormulaValue;
  } else {
    cell.value = input.value;
  }
  if (input.numFmt) cell.numFmt = input.numFmt;
  else if ("value" in input && input.value instanceof Date) cell.numFmt = "yyyy-mm-dd";
}

/** The book as .xlsx bytes. */
export async function workbookBuffer(book: BookSpec): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date("2026-01-01T00:00:00Z");
  wb.modified = wb.created;
  if (book.date1904) (wb.properties as { date1904?: boolean }).date1904 = true;
  for (const [name, rows] of Object.entries(book.sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((cells, r) => {
      const row = ws.getRow(r + 1);
      cells.forEach((c, i) => writeCell(row.getCell(i + 1), c));
    });
    if (rows.length > 0) ws.getRow(1).font = { bold: true };
  }
  for (const m of book.merges ?? []) {
    const bang = m.lastIndexOf("!");
    wb.getWorksheet(m.slice(0, bang).replace(/^'|'$/g, ""))!.mergeCells(m.slice(bang + 1));
  }
  const raw = await wb.xlsx.writeBuffer();
  // Names are written into workbook.xml directly: exceljs cannot write sheet scope or broken references.
  const zip = await JSZip.loadAsync(raw as ArrayBuffer);
  const file = zip.file("xl/workbook.xml");
  if (!file) throw new Error("exceljs wrote no xl/workbook.xml");
  const xml = (await file.async("string")).replace(/<definedNames>[\s\S]*?<\/definedNames>/, "");
  if (!xml.includes("</sheets>")) throw new Error("unexpected workbook.xml: no </sheets>");
  zip.file("xl/workbook.xml", xml.replace("</sheets>", `</sheets>${definedNamesXml(book)}`));
  const bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  captureBook(bytes);
  return bytes;
}

/**
 * With CAPTURE_BOOKS set to a folder, every workbook a test builds is also saved there (named by its
 * content hash): `npm run golden:capture` collects the suite's workbooks as fixtures for the runner's
 * golden outputs (test/golden).
 */
function captureBook(bytes: Buffer): void {
  const dir = process.env.CAPTURE_BOOKS;
  if (!dir) return;
  const hash = crypto.createHash("sha256").update(bytes).digest("hex").slice(0, 16);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${hash}.xlsx`), bytes);
}

/** Writes the book to `file` (folders created) and returns the path. */
export async function writeWorkbook(file: string, book: BookSpec): Promise<string> {
  const bytes = await workbookBuffer(book);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, bytes);
  return file;
}

/** A fresh temporary folder for a test's files. */
export function tempDir(prefix = "sdira-test-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Writes the book into a fresh temporary folder; returns the file's path. */
export async function writeTemp(book: BookSpec, fileName = "book.xlsx"): Promise<string> {
  return writeWorkbook(path.join(tempDir(), fileName), book);
}

/**
 * The Excel stand-in's workbook (test/excel/support/fake-excel) as plain JSON and back, so the same
 * workbook crosses between jest and the browser page: jest prepares it from an .xlsx (books.ts'
 * fakeFromXlsx), the page rebuilds it behind the Excel/Office globals, and after the pane has worked on
 * it the page sends it back for jest to compare (books.ts' dumpFake) with what exceljs wrote.
 * Everything the stand-in models is carried: cells (value, formula, format, style), names of the
 * workbook and of each sheet, tables, charts, conditional formats, column widths, frozen rows, merged
 * areas, the active sheet, the selection and the date system.
 */
import { type Cell, type Chart, type CondFormat, type Name, type Rect, Workbook } from "../../excel/support/fake-excel";

export interface SheetJson {
  name: string;
  /** [row, column, cell] for every cell the sheet holds. */
  cells: [number, number, Cell][];
  names: Name[];
  charts: Chart[];
  condFormats: CondFormat[];
  widths: [number, number][];
  frozenRows: number;
  merged: Rect[];
}

export interface BookJson {
  sheets: SheetJson[];
  names: Name[];
  tables: { name: string; sheet: string; rect: Rect; style: string }[];
  active: string | null;
  date1904: boolean;
  selection: { sheet: string; address: string } | null;
}

const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

export function bookToJson(wb: Workbook): BookJson {
  return copy({
    sheets: wb.sheets.map((s) => ({
      name: s.name,
      cells: [...s.cells].map(([k, c]): [number, number, Cell] => {
        const [row, col] = k.split(":").map(Number);
        return [row, col, c];
      }),
      names: s.names,
      charts: s.charts,
      condFormats: s.condFormats,
      widths: [...s.widths],
      frozenRows: s.frozenRows,
      merged: s.merged,
    })),
    names: wb.names,
    tables: wb.tables.map((t) => ({ name: t.name, sheet: t.sheet.name, rect: t.rect, style: t.style })),
    active: wb.active,
    date1904: wb.date1904,
    selection: wb.selection,
  });
}

export function bookFromJson(json: BookJson): Workbook {
  const data = copy(json);
  const wb = new Workbook();
  wb.date1904 = data.date1904;
  for (const s of data.sheets) {
    const sheet = wb.addSheet(s.name);
    for (const [row, col, c] of s.cells) sheet.cells.set(`${row}:${col}`, c);
    sheet.names = s.names;
    sheet.charts = s.charts;
    sheet.condFormats = s.condFormats;
    sheet.widths = new Map(s.widths);
    sheet.frozenRows = s.frozenRows;
    sheet.merged = s.merged;
  }
  wb.names = data.names;
  wb.tables = data.tables.map((t) => {
    const sheet = wb.sheet(t.sheet);
    if (!sheet) throw new Error(`table ${t.name} is on a sheet the book does not have (${t.sheet})`);
    return { name: t.name, sheet, rect: t.rect, style: t.style };
  });
  wb.active = data.active;
  wb.selection = data.selection;
  return wb;
}

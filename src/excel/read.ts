/**
 * The contract's named ranges, read inside Excel with Office.js into the same plain snapshot the
 * .xlsx reader produces (src/xlsx/read.ts), so the engine sees identical input.
 *
 * Syncs: the first resolves the names (the sheets and the workbook-scoped names, with their
 * references); the second reads every range's values and number formats at once. A name defined
 * only at sheet scope costs one more sync, because Office.js reaches sheet-scoped names only
 * through each worksheet; ranges of more than READ_CELLS_PER_SYNC cells are read in row slices
 * over further syncs, to keep each response below Excel on the web's 5 MB.
 */
import { Area, columnsAddress, parseArea, rangeAddress } from "../a1";
import { CONTRACT_RANGES, CellValue, NameProblem, RangeSnapshot, WorkbookSnapshot, trimBlankRows } from "../contract/snapshot";
import { serialToDate } from "../dates/serial";

/** Cells read per sync (values and number formats): ~30 bytes each keeps a response under 4 MB. */
export const READ_CELLS_PER_SYNC = 120_000;

export interface ExcelSnapshotRead {
  snapshot: WorkbookSnapshot;
  /** context.sync() calls the read made. */
  syncs: number;
}

/** As exceljs decides it: a number format with date or time parts (outside quotes and brackets). */
export function isDateFormat(format: string): boolean {
  if (!format) return false;
  const bare = format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(bare);
}

/** A cell as Office.js returns it → the snapshot's plain value (date-formatted serials become dates, as exceljs reads them). */
export function plainCell(value: unknown, format: string): CellValue {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number") return isDateFormat(format) ? serialToDate(value) : value;
  if (typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

interface Resolved {
  key: string;
  name: string;
  sheet: string;
  area: Area;
}

interface Slice {
  resolved: Resolved;
  /** First sheet row of the slice (bounded areas), for reassembly. */
  top: number;
  range: Excel.Range;
}

function describe(value: unknown): string {
  const text = value === null || value === undefined ? "" : String(value);
  return text === "" ? "nothing" : text.replace(/^=/, "");
}

/** Queues the reads of one area, as row slices of at most `budget` cells each (one slice for whole columns/rows). */
function queueArea(context: Excel.RequestContext, r: Resolved, budget: number): { cells: number; slice: () => Slice }[] {
  const ws = () => context.workbook.worksheets.getItem(r.sheet);
  const { area } = r;
  const load = (range: Excel.Range) => {
    range.load("values,numberFormat,rowIndex,columnIndex");
    return range;
  };
  if (area.bottom === null || area.right === null) {
    // Whole columns (or rows): read up to the sheet's last used row (or column), as the .xlsx reader does.
    return [
      {
        cells: 0,
        slice: () => {
          const sheet = ws();
          const last = sheet.getUsedRange().getLastCell();
          const range =
            area.bottom === null
              ? sheet.getRange(columnsAddress(area.left, area.right ?? area.left)).getIntersection(sheet.getRange(`${area.top}:${area.top}`).getBoundingRect(last.getEntireRow()))
              : sheet.getRange(`${area.top}:${area.bottom}`).getIntersection(sheet.getRange(columnsAddress(area.left)).getBoundingRect(last.getEntireColumn()));
          return { resolved: r, top: area.top, range: load(range) };
        },
      },
    ];
  }
  const width = area.right - area.left + 1;
  const rowsPer = Math.max(1, Math.floor(budget / width));
  const out: { cells: number; slice: () => Slice }[] = [];
  for (let top = area.top; top <= area.bottom; top += rowsPer) {
    const bottom = Math.min(area.bottom, top + rowsPer - 1);
    out.push({
      cells: (bottom - top + 1) * width,
      slice: () => ({ resolved: r, top, range: load(ws().getRange(rangeAddress(top, area.left, bottom, area.right!))) }),
    });
  }
  return out;
}

/** Reads the values and formats of resolved names, packing slices into as few syncs as the budget allows. */
async function readAreas(context: Excel.RequestContext, resolved: Resolved[], budget: number): Promise<{ ranges: Map<string, RangeSnapshot>; syncs: number }> {
  const jobs = resolved.flatMap((r) => queueArea(context, r, budget));
  const batches: (typeof jobs)[] = [];
  let current: typeof jobs = [];
  let cells = 0;
  for (const job of jobs) {
    if (current.length && cells + job.cells > budget) {
      batches.push(current);
      current = [];
      cells = 0;
    }
    current.push(job);
    cells += job.cells;
  }
  if (current.length) batches.push(current);

  const parts = new Map<string, { top: number; left: number; values: unknown[][]; formats: unknown[][] }[]>();
  for (const batch of batches) {
    const slices = batch.map((j) => j.slice());
    // One sync per batch of slices: more than one only for ranges too large for one response.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    for (const s of slices) {
      const list = parts.get(s.resolved.key) ?? [];
      list.push({ top: s.range.rowIndex + 1, left: s.range.columnIndex + 1, values: s.range.values, formats: s.range.numberFormat });
      parts.set(s.resolved.key, list);
    }
  }

  const ranges = new Map<string, RangeSnapshot>();
  for (const r of resolved) {
    const list = (parts.get(r.key) ?? []).sort((a, b) => a.top - b.top);
    const values: CellValue[][] = [];
    const numberFormats: string[][] = [];
    for (const p of list) {
      // Whole-column reads may start above the name's first row when the sheet is used less far down.
      const skip = Math.max(0, r.area.top - p.top);
      p.values.slice(skip).forEach((row, i) => {
        const fmts = (p.formats[skip + i] ?? []).map((f) => (f === null || f === undefined || f === "" ? "General" : String(f)));
        values.push(row.map((v, j) => plainCell(v, fmts[j] ?? "General")));
        numberFormats.push(fmts);
      });
    }
    ranges.set(r.key, trimBlankRows({ name: r.name, sheet: r.sheet, top: r.area.top, left: r.area.left, values, numberFormats }));
  }
  return { ranges, syncs: batches.length };
}

/** Reads the contract's named ranges in the workbook of `context`. */
export async function readContractSnapshot(context: Excel.RequestContext, budget = READ_CELLS_PER_SYNC): Promise<ExcelSnapshotRead> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const workbookNames = context.workbook.names;
  workbookNames.load("items/name,items/type,items/value");
  await context.sync();
  let syncs = 1;

  const sheets = worksheets.items.map((w) => w.name);
  const nameProblems: NameProblem[] = [];
  const resolved: Resolved[] = [];
  const resolve = (key: string, name: string, type: string, value: unknown, scopeSheet: string | null) => {
    const area = type === "Range" ? parseArea(String(value ?? "")) : null;
    if (!area) {
      nameProblems.push({ name, message: `does not refer to a single range of cells (it refers to ${describe(value)})` });
      return;
    }
    const sheet = area.sheet ?? scopeSheet;
    if (!sheet || !sheets.includes(sheet)) {
      nameProblems.push({ name, message: `refers to the sheet "${sheet ?? "?"}", which is not in the workbook` });
      return;
    }
    resolved.push({ key, name, sheet, area });
  };

  const sheetScoped: string[] = [];
  for (const key of CONTRACT_RANGES) {
    const item = workbookNames.items.find((n) => n.name.toLowerCase() === key);
    if (item) resolve(key, item.name, String(item.type), item.value, null);
    else sheetScoped.push(key);
  }

  // Names missing at workbook scope are looked up on every sheet, in tab order, together with the
  // first reads; the first sheet that defines one wins (as in the .xlsx reader).
  const lookups = sheetScoped.map((key) => ({
    key,
    items: worksheets.items.map((ws) => {
      const item = ws.names.getItemOrNullObject(key);
      item.load("name,type,value");
      return { sheet: ws.name, item };
    }),
  }));
  const first = [...resolved];
  const firstRead = await readAreas(context, first, budget);
  // readAreas syncs at least once when it has work; the lookups ride on that sync, or get their own.
  if (firstRead.syncs === 0 && lookups.length > 0) await context.sync();
  syncs += Math.max(firstRead.syncs, lookups.length > 0 ? 1 : 0);

  const later: Resolved[] = [];
  for (const l of lookups) {
    const hit = l.items.find((x) => !x.item.isNullObject);
    if (!hit) continue;
    const before = resolved.length;
    resolve(l.key, hit.item.name, String(hit.item.type), hit.item.value, hit.sheet);
    if (resolved.length > before) later.push(resolved[resolved.length - 1]);
  }
  const laterRead = later.length ? await readAreas(context, later, budget) : { ranges: new Map<string, RangeSnapshot>(), syncs: 0 };
  syncs += laterRead.syncs;

  const ranges: Record<string, RangeSnapshot> = {};
  for (const key of CONTRACT_RANGES) {
    const snap = firstRead.ranges.get(key) ?? laterRead.ranges.get(key);
    if (snap) ranges[key] = snap;
  }
  const order = (p: NameProblem) => (CONTRACT_RANGES as readonly string[]).indexOf(p.name.toLowerCase());
  return { snapshot: { ranges, nameProblems: nameProblems.sort((a, b) => order(a) - order(b)) }, syncs };
}

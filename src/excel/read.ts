/**
 * The contract's named ranges, read inside Excel with Office.js into the same plain snapshot the
 * .xlsx reader produces (src/xlsx/read.ts), so the engine sees identical input.
 *
 * Syncs: the first resolves the names (the sheets and the workbook-scoped names, with their
 * references) and the workbook's date system; the second reads every range's values and number
 * formats at once. A name defined only at sheet scope costs one more sync, because Office.js reaches
 * sheet-scoped names only through each worksheet; a name over whole columns, or of more than
 * READ_CELLS_PER_SYNC cells, costs one more (its sheet's used range, to clip it), and what is used of
 * it is read in row slices over further syncs, to keep each response below Excel on the web's 5 MB.
 */
import { DRIFT_HISTORY_KEY, DRIFT_HISTORY_TABLE } from "../contract/drift-history";
import { Area, Rect, parseArea, parseRect, rectAddress, splitAreas } from "../a1";
import { CONTRACT_RANGES, CellValue, NameProblem, RangeSnapshot, WorkbookSnapshot, trimBlankRows } from "../contract/snapshot";
import { DateSystem, serialToDate } from "../dates/serial";
import { supports } from "./host";
import { askDateSystem } from "./date-system";

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

/**
 * A cell as Office.js returns it → the snapshot's plain value (date-formatted serials become dates, as
 * exceljs reads them; Office.js gives serials in the workbook's own date system).
 */
export function plainCell(value: unknown, format: string, system: DateSystem = 1900): CellValue {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number") return isDateFormat(format) ? serialToDate(value, system) : value;
  if (typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

interface Resolved {
  key: string;
  name: string;
  sheet: string;
  area: Area;
}

/** One read of a rectangle of a resolved name (a row slice of it, when the name is large). */
interface Job {
  resolved: Resolved;
  rect: Rect;
  /** The whole clipped area, on the job of its first slice: its merged areas are asked for with that read. */
  mergesOf: Rect | null;
}

interface Done {
  resolved: Resolved;
  top: number;
  values: unknown[][];
  formats: unknown[][];
}

function describe(value: unknown): string {
  const text = value === null || value === undefined ? "" : String(value);
  return text === "" ? "nothing" : text.replace(/^=/, "");
}

/** Asks for the merged areas inside `range` (ExcelApi 1.13; null without it). */
function askMerged(range: Excel.Range): Excel.RangeAreas | null {
  if (supports("ExcelApi", "1.13")) {
    const merged = range.getMergedAreasOrNullObject();
    merged.load("address");
    return merged;
  }
  return null;
}

/** The merged areas asked for, once synced: "Sheet!A2:A5"-style addresses (none when nothing is merged). */
function mergedAddresses(merged: Excel.RangeAreas): string[] {
  if (supports("ExcelApi", "1.13")) return merged.isNullObject ? [] : splitAreas(merged.address);
  return [];
}

const cellsOf = (r: Rect) => (r.bottom - r.top + 1) * (r.right - r.left + 1);

/** Row slices of `rect` of at most `budget` cells each. */
function slices(resolved: Resolved, rect: Rect, budget: number): Job[] {
  const width = rect.right - rect.left + 1;
  const rowsPer = Math.max(1, Math.floor(budget / width));
  const out: Job[] = [];
  for (let top = rect.top; top <= rect.bottom; top += rowsPer) {
    out.push({ resolved, rect: { ...rect, top, bottom: Math.min(rect.bottom, top + rowsPer - 1) }, mergesOf: top === rect.top ? rect : null });
  }
  return out;
}

/** Jobs packed into batches of at most `budget` cells (a job larger than the budget goes alone). */
function pack(jobs: Job[], budget: number): Job[][] {
  const batches: Job[][] = [];
  let current: Job[] = [];
  let cells = 0;
  for (const job of jobs) {
    const n = cellsOf(job.rect);
    if (current.length && cells + n > budget) {
      batches.push(current);
      current = [];
      cells = 0;
    }
    current.push(job);
    cells += n;
  }
  if (current.length) batches.push(current);
  return batches;
}

/**
 * Reads the values and formats of resolved names, packing slices into as few syncs as the budget allows.
 *
 * A name that fits the budget is read as it is. A larger one, or one over whole columns or rows, is first
 * clipped to its sheet's used range (the last used cell, asked for in the first sync), as the .xlsx reader
 * clips it, so `A1:G1048576` with seven rows used costs what seven rows cost; the clipped area is then
 * read in row slices. With ExcelApi 1.13 the merged areas inside each range are asked for with its first
 * slice (without it, a merged area reads as its top-left value above blanks, and is not reported).
 */
async function readAreas(context: Excel.RequestContext, resolved: Resolved[], budget: number, system: DateSystem, rideAlong = false): Promise<{ ranges: Map<string, RangeSnapshot>; syncs: number }> {
  const ws = (r: Resolved) => context.workbook.worksheets.getItem(r.sheet);
  const fits = (a: Area) => a.bottom !== null && a.right !== null && cellsOf(a as Rect) <= budget;
  const small = resolved.filter((r) => fits(r.area));
  const large = resolved.filter((r) => !fits(r.area));
  const done: Done[] = [];
  const merges = new Map<string, Rect[]>();
  let syncs = 0;

  const queue = (batch: Job[]) =>
    batch.map((job) => {
      const range = ws(job.resolved).getRange(rectAddress(job.rect));
      range.load("values,numberFormat");
      const merged = job.mergesOf ? askMerged(job.mergesOf === job.rect ? range : ws(job.resolved).getRange(rectAddress(job.mergesOf))) : null;
      return { job, range, merged };
    });
  const collect = (queued: ReturnType<typeof queue>) => {
    for (const { job, range, merged } of queued) {
      done.push({ resolved: job.resolved, top: job.rect.top, values: range.values, formats: range.numberFormat });
      if (merged) {
        const list = merges.get(job.resolved.key) ?? [];
        for (const a of mergedAddresses(merged)) {
          const rect = parseRect(a);
          if (rect) list.push(rect);
        }
        merges.set(job.resolved.key, list);
      }
    }
  };

  // First sync: the names that fit, and the last used cell of each large name's sheet.
  const smallBatches = pack(small.flatMap((r) => slices(r, r.area as Rect, budget)), budget);
  const lastCells = large.map((r) => {
    const last = ws(r).getUsedRange().getLastCell();
    last.load("rowIndex,columnIndex");
    return { r, last };
  });
  if (smallBatches.length > 0 || lastCells.length > 0 || rideAlong) {
    const queued = queue(smallBatches[0] ?? []);
    await context.sync();
    syncs++;
    collect(queued);
  }

  // Then the rest of the small names, and the large ones clipped to their sheet's used range.
  const clipped = lastCells.flatMap(({ r, last }) => {
    const lastRow = Math.max(r.area.top, last.rowIndex + 1);
    const lastCol = Math.max(r.area.left, last.columnIndex + 1);
    const rect = { top: r.area.top, left: r.area.left, bottom: Math.min(r.area.bottom ?? lastRow, lastRow), right: r.area.right ?? lastCol };
    return slices(r, rect, budget);
  });
  for (const batch of [...smallBatches.slice(1), ...pack(clipped, budget)]) {
    const queued = queue(batch);
    // One sync per batch of slices: more than one only for ranges too large for one response.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    syncs++;
    collect(queued);
  }

  const ranges = new Map<string, RangeSnapshot>();
  for (const r of resolved) {
    const list = done.filter((d) => d.resolved === r).sort((a, b) => a.top - b.top);
    const values: CellValue[][] = [];
    const numberFormats: string[][] = [];
    for (const p of list) {
      p.values.forEach((row, i) => {
        const fmts = (p.formats[i] ?? []).map((f) => (f === null || f === undefined || f === "" ? "General" : String(f)));
        values.push(row.map((v, j) => plainCell(v, fmts[j] ?? "General", system)));
        numberFormats.push(fmts);
      });
    }
    const snapshot = trimBlankRows({ name: r.name, sheet: r.sheet, top: r.area.top, left: r.area.left, values, numberFormats });
    const merged = (merges.get(r.key) ?? []).map((m) => rectAddress(m));
    ranges.set(r.key, merged.length ? { ...snapshot, merged } : snapshot);
  }
  return { ranges, syncs };
}

/** Reads the contract's named ranges in the workbook of `context`. */
export async function readContractSnapshot(context: Excel.RequestContext, budget = READ_CELLS_PER_SYNC): Promise<ExcelSnapshotRead> {
  const worksheets = context.workbook.worksheets;
  // Sheet names, and the names of their tables (the add-in's Drift History is a table, not a name).
  worksheets.load({ $all: false, name: true, tables: { $all: false, name: true } } as Excel.Interfaces.WorksheetCollectionLoadOptions);
  const workbookNames = context.workbook.names;
  workbookNames.load("items/name,items/type,items/value");
  const dateSystem = askDateSystem(context);
  await context.sync();
  let syncs = 1;
  const system = dateSystem();

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
  // The Drift History table's address rides along too.
  const historySheet = worksheets.items.find((ws) => ws.tables.items.some((t) => t.name.toLowerCase() === DRIFT_HISTORY_TABLE.toLowerCase()));
  const historyRange = historySheet ? historySheet.tables.getItem(DRIFT_HISTORY_TABLE).getRange() : null;
  historyRange?.load("address");
  // The lookups ride on the first read's first sync (which runs for them alone when there is nothing to read).
  const firstRead = await readAreas(context, first, budget, system, lookups.length > 0 || historyRange !== null);
  syncs += firstRead.syncs;

  const later: Resolved[] = [];
  for (const l of lookups) {
    const hit = l.items.find((x) => !x.item.isNullObject);
    if (!hit) continue;
    const before = resolved.length;
    resolve(l.key, hit.item.name, String(hit.item.type), hit.item.value, hit.sheet);
    if (resolved.length > before) later.push(resolved[resolved.length - 1]);
  }
  const historyArea = historyRange ? parseArea(historyRange.address) : null;
  if (historySheet && historyArea) later.push({ key: DRIFT_HISTORY_KEY, name: DRIFT_HISTORY_TABLE, sheet: historySheet.name, area: historyArea });
  const laterRead = later.length ? await readAreas(context, later, budget, system) : { ranges: new Map<string, RangeSnapshot>(), syncs: 0 };
  syncs += laterRead.syncs;

  const ranges: Record<string, RangeSnapshot> = {};
  for (const key of [...CONTRACT_RANGES, DRIFT_HISTORY_KEY]) {
    const snap = firstRead.ranges.get(key) ?? laterRead.ranges.get(key);
    if (snap) ranges[key] = snap;
  }
  const order = (p: NameProblem) => (CONTRACT_RANGES as readonly string[]).indexOf(p.name.toLowerCase());
  const snapshot: WorkbookSnapshot = { ranges, nameProblems: nameProblems.sort((a, b) => order(a) - order(b)) };
  return { snapshot: system === 1904 ? { dateSystem: 1904, ...snapshot } : snapshot, syncs };
}

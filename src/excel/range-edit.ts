/**
 * Policy and Targets edits inside Excel: a RangeEdit (src/plans/range-edit.ts) applied with Office.js.
 * One sync looks (the sheets, where the name refers to now, the cells the edit covers), the shared
 * check decides, and one more sync writes the planned cells — number format first, so text stays text —
 * and, when the range grows or is created, the name (its scope kept). Nothing outside the range as it
 * stands after the edit is written.
 */
import { MAX_COLUMN, MAX_ROW, Rect, parseArea, rangeAddress } from "../a1";
import { ContractError } from "../contract/errors";
import { OwnershipError } from "../plans/check";
import type { WorkbookSnapshot } from "../contract/snapshot";
import type { PlanOutcome } from "../plans/plan-outcome";
import { RangeEdit, RangeEditView, checkRangeEdit, grownRect } from "../plans/range-edit";
import { WorkbookEdits, workbookEdit } from "../plans/workbook-edit";
import { excel } from "./host";
import { readContractSnapshot } from "./read";

interface Looked {
  sheets: string[];
  /** Per edit: where its name refers to now, and the scope it is defined in (a sheet's name, or null for the workbook). */
  names: ({ sheet: string; rect: Rect; scope: string | null } | null)[];
  /** Per edit: the content of its `after` rectangle as text ("" when empty). */
  content: (string[][] | null)[];
}

async function look(context: Excel.RequestContext, edits: RangeEdit[]): Promise<Looked> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const there = sheets.items.map((s) => s.name);
  const queued = edits.map((e) => {
    const exists = there.includes(e.sheet);
    const local = exists ? sheets.getItem(e.sheet).names.getItemOrNullObject(e.name) : null;
    local?.load("name,type,value");
    const global = context.workbook.names.getItemOrNullObject(e.name);
    global.load("name,type,value");
    const range = exists ? sheets.getItem(e.sheet).getRange(rangeAddress(e.after.top, e.after.left, e.after.bottom, e.after.right)) : null;
    range?.load("formulas");
    return { local, global, range };
  });
  await context.sync();
  return {
    sheets: there,
    names: queued.map((q, i) => {
      const item = q.local && !q.local.isNullObject ? q.local : !q.global.isNullObject ? q.global : null;
      const area = item && item.type === "Range" ? parseArea(String(item.value)) : null;
      if (!item || !area || area.sheet === null) return null;
      return { sheet: area.sheet, rect: { top: area.top, left: area.left, bottom: area.bottom ?? MAX_ROW, right: area.right ?? MAX_COLUMN }, scope: item === q.local ? edits[i].sheet : null };
    }),
    content: queued.map((q) => (q.range ? (q.range.formulas as unknown[][]).map((row) => row.map((v) => (v === null || v === undefined ? "" : String(v)))) : null)),
  };
}

function view(edit: RangeEdit, i: number, seen: Looked): RangeEditView {
  return {
    hasSheet: (name) => seen.sheets.includes(name),
    nameArea: () => seen.names[i],
    cellText: (_sheet, row, col) => {
      const v = seen.content[i]?.[row - edit.after.top]?.[col - edit.after.left] ?? "";
      return v === "" ? null : v;
    },
  };
}

/** A value as Office.js is given it: blank as "" (null would leave the cell as it is), text that starts with "=" kept as text. */
const input = (v: string | number | boolean | null | undefined) => (v === null || v === undefined ? "" : typeof v === "string" && v.startsWith("=") ? `'${v}` : v);

/** Applies the edits in two syncs; throws OwnershipError (nothing written) when one cannot be applied. */
export async function applyRangeEditsInExcel(context: Excel.RequestContext, edits: RangeEdit[]): Promise<{ syncs: number }> {
  if (edits.length === 0) return { syncs: 0 };
  const seen = await look(context, edits);
  edits.forEach((e, i) => checkRangeEdit(e, view(e, i, seen)));
  edits.forEach((e, i) => {
    const ws = e.createSheet ? context.workbook.worksheets.add(e.sheet) : context.workbook.worksheets.getItem(e.sheet);
    for (const w of e.cells) {
      const cell = ws.getRangeByIndexes(w.row - 1, w.col - 1, 1, 1);
      if (w.numberFormat) cell.numberFormat = [[w.numberFormat]];
      cell.values = [[input(w.value)]];
      if (w.style?.bold) cell.format.font.bold = true;
      if (w.style?.fill) cell.format.fill.color = w.style.fill;
      if (w.style?.color) cell.format.font.color = w.style.color;
    }
    const now = seen.names[i];
    const target = e.createSheet || !now ? e.after : grownRect(now.rect, e);
    const address = rangeAddress(target.top, target.left, target.bottom, target.right);
    if (e.createSheet) context.workbook.names.add(e.name, ws.getRange(address));
    else if (now && (target.bottom !== now.rect.bottom || target.right !== now.rect.right)) {
      // Office.js cannot point a name elsewhere before ExcelApi 1.7's formula: delete and add it in its own scope.
      const names = now.scope === null ? context.workbook.names : ws.names;
      names.getItem(e.name).delete();
      names.add(e.name, ws.getRange(address));
    }
  });
  await context.sync();
  return { syncs: 3 };
}

/** Plans the edited workbook: on this thread (the default) or in the pane's worker. */
export type SnapshotPlanner = (snapshot: WorkbookSnapshot, options: { today?: string }) => Promise<PlanOutcome>;

/** The engine and the solver load on first use, and only where the plan is made here. */
const planHere: SnapshotPlanner = async (snapshot, options) => (await import(/* webpackChunkName: "plan-here" */ "./planned")).planHere(snapshot, options);

export type ExcelEditOutcome = { ok: true; written: string[]; book: PlanOutcome } | { ok: false; errors: ContractError[] };

/**
 * Reads the workbook, writes the edits when the contract finds nothing wrong with them (a problem comes
 * back with its cell, nothing written), and plans the edited workbook without writing the plan.
 */
export async function editWorkbookWithContext(context: Excel.RequestContext, edits: WorkbookEdits, options: { today?: string; planner?: SnapshotPlanner } = {}): Promise<ExcelEditOutcome> {
  const read = await readContractSnapshot(context);
  const planned = workbookEdit(read.snapshot, edits, { today: options.today });
  if (!planned.ok) return planned;
  try {
    await applyRangeEditsInExcel(context, planned.edits);
  } catch (e) {
    if (e instanceof OwnershipError) return { ok: false, errors: [e.problem()] };
    throw e;
  }
  const book = await (options.planner ?? planHere)(planned.snapshot, { today: options.today });
  return { ok: true, written: planned.written, book };
}

export async function editWorkbookInExcel(edits: WorkbookEdits, planner?: SnapshotPlanner): Promise<ExcelEditOutcome> {
  return excel().run((context) => editWorkbookWithContext(context, edits, { planner }));
}

/**
 * The check every adapter runs before it writes anything: a write plan may write into the advisor's
 * sheets only inside the block the add-in owns (remembered by a defined name) and never over a
 * non-empty cell it did not write; the tables it creates must not take a name used elsewhere; the
 * log goes only into its own table. Adapters answer a few questions about their workbook (a
 * WorkbookView); this module decides, with the same messages inside Excel and on a file.
 */
import { MAX_COLUMN, MAX_ROW, Rect, cellAddress, columnLetters, inRect, sheetLabel } from "../a1";
import { MAX_CELL_TEXT } from "../contract/cells";
import { ContractError, contractError } from "../contract/errors";
import { AppendSheetPlan, SheetPlan, UpdateSheetPlan, WritePlan } from "./types";

/** The block an append plan rewrites beside its table, as the update plan it amounts to (null when it has none). */
export function besidePlan(sp: AppendSheetPlan): UpdateSheetPlan | null {
  return sp.beside ? { mode: "update", sheet: sp.sheet, ...sp.beside } : null;
}

/** A plan that cannot be applied without overwriting the advisor's own cells (or a sheet/table it needs is not usable). */
export class OwnershipError extends Error {
  constructor(
    readonly sheet: string,
    readonly cell: string,
    message: string,
    /** Further problems found in the same look (every sheet and name in the way of the starter sheets). */
    readonly more: OwnershipError[] = [],
  ) {
    super(message);
    this.name = "OwnershipError";
  }

  /** As a contract problem, to list with the others: its message without the address it starts with. */
  problem(): ContractError {
    return contractError(this.sheet, this.cell, this.message.replace(/^[^:]*![A-Z]+\d+: /, ""));
  }

  /** This problem and the ones found with it. */
  problems(): ContractError[] {
    return [this, ...this.more].map((e) => e.problem());
  }
}

/** What the check needs to know about a workbook, read-only. */
export interface WorkbookView {
  hasSheet(name: string): boolean;
  /** The sheet holding the table of this name, compared ignoring case as Excel does; null when there is none. */
  tableSheet(name: string): string | null;
  /** The block a defined name remembers from an earlier run (its sheet and cells), or null. */
  ownedBlock(name: string): { sheet: string; rect: Rect } | null;
  /** A cell's content as text (a formula as typed), or null when the cell is empty. */
  cellText(sheet: string, row: number, col: number): string | null;
  /** Whether a workbook-scoped defined name of this name exists, compared ignoring case as Excel does. */
  hasName(name: string): boolean;
}

/** The block an update plan owned before this run, when it is on the plan's sheet (null on the first run). */
export function previousBlock(sp: UpdateSheetPlan, view: WorkbookView): Rect | null {
  const prev = view.ownedBlock(sp.owned.name);
  return prev && prev.sheet === sp.sheet ? prev.rect : null;
}

/** The first cell an update plan would write over that holds something the add-in did not write. */
function ownershipConflict(sp: UpdateSheetPlan, view: WorkbookView): OwnershipError | null {
  const previous = previousBlock(sp, view);
  const ordered = [...sp.cells].sort((a, b) => a.row - b.row || a.col - b.col);
  for (const w of ordered) {
    if (inRect(previous, w.row, w.col)) continue;
    const held = view.cellText(sp.sheet, w.row, w.col);
    if (held === null) continue;
    const addr = cellAddress(w.row, w.col);
    const shown = held.length > 40 ? `${held.slice(0, 37)}...` : held;
    return new OwnershipError(
      sp.sheet,
      addr,
      `${sheetLabel(sp.sheet)}!${addr}: the add-in writes its columns here but the cell already holds ${JSON.stringify(shown)}; clear or move it (nothing was written)`,
    );
  }
  return null;
}

/** A cell Excel cannot hold: past the grid's last column or row, text over 32,767 characters, a number that is not finite. */
function cellProblem(sp: SheetPlan): OwnershipError | null {
  if (sp.mode === "append") return null;
  for (const c of sp.cells) {
    if (c.col > MAX_COLUMN || c.row > MAX_ROW) {
      const where = c.col > MAX_COLUMN ? `column ${columnLetters(c.col)}, past Excel's last column XFD` : `row ${c.row}, past Excel's last row ${MAX_ROW}`;
      const advice = sp.mode === "update" ? "move the range left or up so the add-in's columns fit beside it" : "the plan is too large for one sheet";
      return new OwnershipError(sp.sheet, "", `On the sheet "${sp.sheet}" the add-in would write at ${where}; ${advice} (nothing was written)`);
    }
    const v = c.value;
    if ((typeof v === "string" && v.length > MAX_CELL_TEXT) || (typeof v === "number" && !Number.isFinite(v))) {
      const what = typeof v === "string" ? `${v.length.toLocaleString("en-US")} characters of text (Excel holds ${MAX_CELL_TEXT.toLocaleString("en-US")})` : `the number ${v}`;
      return new OwnershipError(sp.sheet, cellAddress(c.row, c.col), `${sheetLabel(sp.sheet)}!${cellAddress(c.row, c.col)}: the add-in would write ${what}, which Excel cannot hold (nothing was written)`);
    }
  }
  return null;
}

/** A sheet plan that would replace, or append to, the sheet an advisor's range lies on. */
function keptSheetProblem(sp: SheetPlan, keep: WritePlan["keep"]): OwnershipError | null {
  if (sp.mode === "update" || sp.mode === "create") return null;
  const range = (keep ?? []).find((k) => k.sheet === sp.sheet);
  if (!range) return null;
  const what = sp.mode === "replace" ? "replaces on every run" : "keeps its Rebalance Log on";
  return new OwnershipError(
    sp.sheet,
    "",
    `The named range "${range.name}" is on the sheet "${sp.sheet}", which the add-in ${what}; move ${range.name} to a sheet of its own (nothing was written)`,
  );
}

function sheetProblem(sp: SheetPlan, view: WorkbookView): OwnershipError | null {
  switch (sp.mode) {
    case "update":
      if (!view.hasSheet(sp.sheet)) return new OwnershipError(sp.sheet, "", `The sheet "${sp.sheet}" is not in the workbook`);
      return ownershipConflict(sp, view);
    case "create":
    case "replace":
      for (const t of sp.tables ?? []) {
        const on = view.tableSheet(t.name);
        if (on !== null && on !== sp.sheet) {
          return new OwnershipError(on, "", `The table name "${t.name}" is already used on the sheet "${on}"; rename that table (nothing was written)`);
        }
      }
      return null;
    case "append":
      if (view.tableSheet(sp.append.table) === null && view.hasSheet(sp.sheet)) {
        return new OwnershipError(
          sp.sheet,
          cellAddress(sp.append.anchor.row, sp.append.anchor.col),
          `The sheet "${sp.sheet}" exists but holds no "${sp.append.table}" table; rename the sheet so the add-in can create its ${sp.append.table === "RebalanceLog" ? "log" : "table"} (nothing was written)`,
        );
      }
      {
        // The block beside the table goes only into empty cells or the add-in's own.
        const beside = besidePlan(sp);
        return beside && view.hasSheet(sp.sheet) ? ownershipConflict(beside, view) ?? cellProblem(beside) : null;
      }
  }
}

/**
 * Every sheet and name a plan would create that is already there: the plan never replaces them, and
 * says what is in the way, all at once.
 */
export function inTheWay(plan: WritePlan, view: WorkbookView): OwnershipError[] {
  const sheets = plan.sheets.filter((sp) => sp.mode === "create" && view.hasSheet(sp.sheet));
  const names = (plan.names ?? []).filter((n) => view.hasName(n.name));
  return [
    ...sheets.map((sp) => new OwnershipError("", "", `The workbook already has a sheet "${sp.sheet}"; the add-in never replaces a sheet of yours: rename or delete it, or start from an empty workbook (nothing was written)`)),
    ...names.map((n) => new OwnershipError("", "", `The workbook already has a defined name "${n.name}"; the add-in never replaces a name of yours: delete or rename it in Formulas > Name Manager (nothing was written)`)),
  ];
}

/** Everything that would stop the write, found before anything is written: throws the first OwnershipError (with the others in the way, for a plan that creates sheets). */
export function checkWritePlan(plan: WritePlan, view: WorkbookView): void {
  const blocked = inTheWay(plan, view);
  if (blocked.length) {
    const [first, ...more] = blocked;
    throw new OwnershipError(first.sheet, first.cell, first.message, more);
  }
  for (const sp of plan.sheets) {
    const problem = keptSheetProblem(sp, plan.keep) ?? cellProblem(sp) ?? sheetProblem(sp, view);
    if (problem) throw problem;
  }
}

/**
 * The ownership rule shared by every adapter: the add-in writes into the advisor's own sheets only
 * inside a block it owns (remembered by a defined name), and never over a non-empty cell it did not
 * write. Adapters find out what is in the cells; this module decides.
 */
import { a1 } from "./a1";
import { SheetPlan } from "./types";

/** A rectangle of cells, 1-based and inclusive. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A plan that cannot be applied without overwriting the advisor's own cells (or a sheet/table it needs is not usable). */
export class OwnershipError extends Error {
  constructor(
    readonly sheet: string,
    readonly cell: string,
    message: string,
  ) {
    super(message);
    this.name = "OwnershipError";
  }
}

export function inRect(r: Rect | null, row: number, col: number): boolean {
  return r !== null && row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

/** The smallest rectangle holding every cell the sheet plan writes (null when it writes none). */
export function cellsRect(sp: SheetPlan): Rect | null {
  if (sp.cells.length === 0) return null;
  let top = Infinity;
  let left = Infinity;
  let bottom = -Infinity;
  let right = -Infinity;
  for (const c of sp.cells) {
    top = Math.min(top, c.row);
    left = Math.min(left, c.col);
    bottom = Math.max(bottom, c.row);
    right = Math.max(right, c.col);
  }
  return { top, left, bottom, right };
}

/**
 * The first cell an "update" plan would write over that holds something the add-in did not write.
 * `previous` is the block the add-in owned before this run (null on the first run); `content`
 * returns a cell's current content as text, or null when the cell is empty.
 */
export function ownershipConflict(sp: SheetPlan, previous: Rect | null, content: (row: number, col: number) => string | null): OwnershipError | null {
  const ordered = [...sp.cells].sort((a, b) => a.row - b.row || a.col - b.col);
  for (const w of ordered) {
    if (inRect(previous, w.row, w.col)) continue;
    const held = content(w.row, w.col);
    if (held === null) continue;
    const addr = a1(w.row, w.col);
    const shown = held.length > 40 ? `${held.slice(0, 37)}...` : held;
    return new OwnershipError(
      sp.sheet,
      addr,
      `${sp.sheet}!${addr}: the add-in writes its columns here but the cell already holds ${JSON.stringify(shown)}; clear or move it (nothing was written)`,
    );
  }
  return null;
}

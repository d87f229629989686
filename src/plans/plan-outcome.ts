/** A workbook's plans as the pane shows them (plain JSON, one per household of a master workbook), or its problems. */
import { ContractError } from "../contract/errors";
import { WorkbookSnapshot, hasContractNames } from "../contract/snapshot";
import { PlanJson } from "./json";
import { BookPlanOptions, planBook } from "./plan-workbook";
import { PositionJson, positionsOf } from "./positions";

/** `positions`: what the pane may hold still besides the trades (tradable positions, not cash). */
export type PlanOutcome = { ok: true; master: boolean; households: { household: string | null; plan: PlanJson; positions?: PositionJson[] }[] } | { ok: false; errors: ContractError[]; empty?: boolean };


/** Plans the snapshot (the solver must be loaded first: prepareSolver). A workbook with none of the contract's names is `empty` (the pane then offers the starter sheets). */
export function planOutcome(snapshot: WorkbookSnapshot, options: BookPlanOptions = {}): PlanOutcome {
  const book = planBook(snapshot, options);
  if (!book.ok) return { ...book, empty: !hasContractNames(snapshot) };
  return { ok: true, master: book.master, households: book.households.map((h) => ({ household: h.household, plan: h.plan, positions: positionsOf(h.portfolio) })) };
}

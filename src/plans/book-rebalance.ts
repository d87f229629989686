/**
 * One click's decision, as plain data: a workbook snapshot → the plans, the write plan (Rebalance sheet,
 * drift columns, Drift History, log row) and the order files. Inside Excel the page reads the snapshot and
 * applies the write plan with Office.js; this part (the optimizer) can run anywhere, the pane's worker included.
 */
import { ContractError } from "../contract/errors";
import { WorkbookSnapshot } from "../contract/snapshot";
import { blockFiles, blockOrders } from "./blocks";
import { firmTrades } from "./household-row";
import { PlanJson } from "./json";
import { PositionJson, positionsOf } from "./positions";
import { ordersCsv, ordersFileName } from "./orders";
import { BookPlanOptions, planBook } from "./plan-workbook";
import { rebalanceSheetName } from "./rebalance-sheet";
import { WritePlan } from "./types";
import { buildBookWritePlan } from "./write-plan";

export type BookRebalance =
  | {
      ok: true;
      /** The plan (a master workbook: its first household's; every household's is in `households`). */
      plan: PlanJson;
      /** Every household's plan: one, with household null, for a workbook of one household; `positions`: what the pane may hold still. */
      households: { household: string | null; plan: PlanJson; positions: PositionJson[] }[];
      /** The sheet that shows the plan once written, e.g. "Rebalance 2026-11-20". */
      sheet: string;
      /** The order file for the custodian (CSV text) and a name to save it under; a master workbook's are block orders. */
      orders: { fileName: string; csv: string };
      /** A master workbook's allocation of the block orders to each household's accounts. */
      allocation: { fileName: string; csv: string } | null;
      /** What to write, in order. */
      writePlan: WritePlan;
    }
  | { ok: false; errors: ContractError[] };

export interface BookRebalanceOptions extends BookPlanOptions {
  /** The log row's time (ms since 1970; a number, so the options cross postMessage unchanged). */
  now: number;
}

/** Plans the snapshot and lays out what the add-in writes for it (the solver must be loaded first: prepareSolver). */
export function rebalanceBook(snapshot: WorkbookSnapshot, options: BookRebalanceOptions): BookRebalance {
  const { now, ...planOptions } = options;
  const book = planBook(snapshot, planOptions);
  if (!book.ok) return { ok: false, errors: book.errors };
  const writePlan = buildBookWritePlan(book, snapshot, { now: new Date(now) });
  const first = book.households[0];
  const asOf = first.raw.asOf;
  // One household: its order file. A master workbook: block orders across the households, and their allocation.
  const blocks = book.master ? blockFiles(`blocks-${asOf}.csv`, blockOrders(firmTrades(book.households.map((h) => ({ household: h.household ?? "", plan: h.plan }))))) : null;
  return {
    ok: true,
    plan: first.plan,
    households: book.households.map((h) => ({ household: h.household, plan: h.plan, positions: positionsOf(h.portfolio) })),
    sheet: rebalanceSheetName(asOf),
    orders: blocks ? blocks.blocks : { fileName: ordersFileName(asOf), csv: ordersCsv(first.raw) },
    allocation: blocks ? blocks.allocation : null,
    writePlan,
  };
}

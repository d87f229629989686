/**
 * "Create starter sheets" inside Excel: the starter plan (src/plans/starter.ts) in the workbook's own
 * date system, applied by the Office.js adapter. A sheet or name already there stops it before anything
 * is written, and every one in the way is listed.
 */
import { ContractError } from "../contract/errors";
import { OwnershipError } from "../plans/check";
import { starterPlan } from "../plans/starter";
import { applyWritePlanInExcel } from "./apply";
import { askDateSystem } from "./date-system";
import { excel } from "./host";

export type StarterOutcome = { ok: true; sheets: string[]; names: string[] } | { ok: false; errors: ContractError[] };

export async function createStarterWithContext(context: Excel.RequestContext): Promise<StarterOutcome> {
  const system = askDateSystem(context);
  await context.sync();
  const plan = starterPlan(system());
  try {
    await applyWritePlanInExcel(context, plan);
  } catch (e) {
    if (e instanceof OwnershipError) return { ok: false, errors: e.problems() };
    throw e;
  }
  return { ok: true, sheets: plan.sheets.map((s) => s.sheet), names: (plan.names ?? []).map((n) => n.name) };
}

/** Writes the starter sheets into the open workbook. Rejects only when Excel fails. */
export async function createStarterInExcel(): Promise<StarterOutcome> {
  return excel().run((context) => createStarterWithContext(context));
}

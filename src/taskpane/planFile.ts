/**
 * Standalone planning: .xlsx bytes → the same plan the CLI prints, computed in the browser.
 * The workbook never leaves the machine: exceljs reads it here and the engine plans it here.
 */
import { readWorkbookSnapshot } from "../xlsx/read";
import { sizeProblem } from "../xlsx/limits";
import { PlanResult, planWorkbook } from "../plans/plan-workbook";
import { prepareSolver } from "../solver/highs";

export type PlanOutcome = PlanResult;

/** Reads and plans a workbook file. Files that are not readable workbooks come back as one workbook-level error. */
export async function planFile(name: string, data: ArrayBuffer): Promise<PlanOutcome> {
  let snapshot: Awaited<ReturnType<typeof readWorkbookSnapshot>>;
  try {
    const tooLarge = await sizeProblem(data);
    if (tooLarge) {
      const message = `"${name}" is too large to read in the browser: ${tooLarge}`;
      return { ok: false, errors: [{ sheet: "", cell: "", message, text: message }] };
    }
    snapshot = await readWorkbookSnapshot(data);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    const message = `"${name}" could not be read as an Excel workbook (.xlsx): ${reason}`;
    return { ok: false, errors: [{ sheet: "", cell: "", message, text: message }] };
  }
  await prepareSolver();
  return planWorkbook(snapshot);
}

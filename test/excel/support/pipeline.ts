/** The two ways a rebalance is written, side by side: exceljs on a file (the runner) and Office.js in (fake) Excel. */
import { loadWorkbook, snapshotWorkbook } from "../../../src/xlsx/read";
import { ApplyReport, applyWritePlan, workbookBytes } from "../../../src/xlsx/apply";
import { planBook } from "../../../src/plans/plan-workbook";
import { buildBookWritePlan } from "../../../src/plans/write-plan";
import { WritePlan } from "../../../src/plans/types";
import { Plan } from "../../../src/engine/types";
import { BookPlanner, ExcelRebalanceOutcome, rebalanceInExcel } from "../../../src/excel/rebalance";
import { Workbook, install } from "./fake-excel";

export const NOW = new Date(2026, 10, 20, 9, 30, 15);

/** The runner's --out path on bytes (one household or a master workbook): returns the written bytes, the plan and the write plan. */
export async function writeWithExceljs(data: Buffer, now = NOW): Promise<{ out: Buffer; plan: Plan; writePlan: WritePlan; report: ApplyReport }> {
  const wb = await loadWorkbook(data);
  const snapshot = await snapshotWorkbook(wb, data);
  const result = planBook(snapshot);
  if (!result.ok) throw new Error(result.errors.map((e) => e.text).join("\n"));
  const writePlan = buildBookWritePlan(result, snapshot, { now });
  const report = applyWritePlan(wb, writePlan);
  const out = Buffer.from(await workbookBytes(wb));
  // A master workbook's first household's plan (every household is in the written sheet).
  return { out, plan: result.households[0].raw, writePlan, report };
}

/** The Rebalance button on the fake workbook: Excel.run (office-addin-mock) hands the fake's request context to the add-in; `planner`: where the plan is made (default: on this thread). */
export async function writeWithOffice(wb: Workbook, now = NOW, planner?: BookPlanner): Promise<ExcelRebalanceOutcome> {
  const installed = install(wb);
  try {
    return await rebalanceInExcel({ now: () => now, planner });
  } finally {
    installed.restore();
  }
}

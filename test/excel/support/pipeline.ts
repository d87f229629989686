/** The two ways a rebalance is written, side by side: exceljs on a file (the runner) and Office.js in (fake) Excel. */
import { loadWorkbook, snapshotWorkbook } from "../../../src/xlsx/read";
import { ApplyReport, applyWritePlan, workbookBytes } from "../../../src/xlsx/apply";
import { planWorkbook } from "../../../src/plans/plan-workbook";
import { buildWritePlan } from "../../../src/plans/write-plan";
import { WritePlan } from "../../../src/plans/types";
import { Plan } from "../../../src/engine/types";
import { ExcelRebalanceOutcome, rebalanceInExcel } from "../../../src/excel/rebalance";
import { Workbook, install } from "./fake-excel";

export const NOW = new Date(2026, 10, 20, 9, 30, 15);

/** The runner's --out path on bytes: returns the written bytes, the plan and the write plan. */
export async function writeWithExceljs(data: Buffer, now = NOW): Promise<{ out: Buffer; plan: Plan; writePlan: WritePlan; report: ApplyReport }> {
  const wb = await loadWorkbook(data);
  const snapshot = await snapshotWorkbook(wb, data);
  const result = planWorkbook(snapshot);
  if (!result.ok) throw new Error(result.errors.map((e) => e.text).join("\n"));
  const writePlan = buildWritePlan(result.raw, result.portfolio, snapshot, { now });
  const report = applyWritePlan(wb, writePlan);
  const out = await workbookBytes(wb);
  return { out, plan: result.raw, writePlan, report };
}

/** The Rebalance button on the fake workbook: Excel.run (office-addin-mock) hands the fake's request context to the add-in. */
export async function writeWithOffice(wb: Workbook, now = NOW): Promise<ExcelRebalanceOutcome> {
  const installed = install(wb);
  try {
    return await rebalanceInExcel({ now: () => now });
  } finally {
    installed.restore();
  }
}

/** A workbook made from nothing but a write plan (the batch's firm-summary.xlsx), as .xlsx bytes. */
import ExcelJS from "exceljs";
import { WritePlan } from "../plans/types";
import { applyWritePlan, workbookBytes } from "./apply";

export async function newWorkbookBytes(plan: WritePlan, created = new Date(0)): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  // Fixed document dates, so the same plan gives the same workbook.
  wb.created = created;
  wb.modified = created;
  applyWritePlan(wb, plan);
  return workbookBytes(wb);
}

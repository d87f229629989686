/** A workbook snapshot written back as an .xlsx file: each range on its own sheet under a workbook-scoped name (generated books for benches and tests). */
import ExcelJS from "exceljs";
import { WorkbookSnapshot } from "../contract/snapshot";
import { absoluteRange } from "../a1";

export async function snapshotWorkbookBytes(snapshot: WorkbookSnapshot): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const r of Object.values(snapshot.ranges)) {
    if (!r) continue;
    const ws = wb.getWorksheet(r.sheet) ?? wb.addWorksheet(r.sheet);
    r.values.forEach((row, i) => row.forEach((v, j) => (ws.getCell(r.top + i, r.left + j).value = v as ExcelJS.CellValue)));
    const width = Math.max(...r.values.map((row) => row.length));
    const ref = absoluteRange(r.top, r.left, r.top + r.values.length - 1, r.left + width - 1);
    wb.definedNames.add(`'${r.sheet.replace(/'/g, "''")}'!${ref}`, r.name);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

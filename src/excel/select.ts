/** Shows a cell the pane points at: activates its sheet and selects it. */
import { excel } from "./host";

/** Selects `cell` ("B7", or a range "B7:C9") on `sheet`; false when the sheet or cell no longer exists. */
export async function selectCell(sheet: string, cell: string): Promise<boolean> {
  if (!sheet) return false;
  try {
    return await excel().run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
      ws.load("name");
      await context.sync();
      if (ws.isNullObject) return false;
      ws.activate();
      if (cell) ws.getRange(cell).select();
      await context.sync();
      return true;
    });
  } catch {
    return false;
  }
}

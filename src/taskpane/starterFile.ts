/**
 * Standalone mode's "Create starter sheets": the starter plan (src/plans/starter.ts) applied by the
 * exceljs adapter to a new workbook, as the bytes to download. Loaded only when asked for: exceljs is not
 * part of the pane's first download.
 */
import { STARTER_FILE, starterPlan } from "../plans/starter";
import { newWorkbookBytes } from "../xlsx/new-workbook";

export async function starterFile(now: Date = new Date()): Promise<{ fileName: string; bytes: Uint8Array }> {
  return { fileName: STARTER_FILE, bytes: await newWorkbookBytes(starterPlan(), now) };
}

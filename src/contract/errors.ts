import { sheetLabel } from "../a1";

/** A problem with the workbook, addressed to a sheet and cell so the advisor can find it. */
export interface ContractError {
  /** Sheet name, or "" when the problem is with the workbook as a whole (a missing name). */
  sheet: string;
  /** A1 address, or "" when no single cell is at fault. */
  cell: string;
  message: string;
  /** "Sheet!Cell: message" (or "message" alone when there is no cell). */
  text: string;
}

export function contractError(sheet: string, cell: string, message: string): ContractError {
  const where = sheet && cell ? `${sheetLabel(sheet)}!${cell}: ` : sheet ? `${sheetLabel(sheet)}: ` : "";
  return { sheet, cell, message, text: `${where}${message}` };
}

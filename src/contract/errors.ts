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

function quoteSheet(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

export function contractError(sheet: string, cell: string, message: string): ContractError {
  const where = sheet && cell ? `${quoteSheet(sheet)}!${cell}: ` : sheet ? `${quoteSheet(sheet)}: ` : "";
  return { sheet, cell, message, text: `${where}${message}` };
}

/** Thrown by the pipeline when input is invalid; carries every problem found. */
export class ContractErrors extends Error {
  constructor(readonly errors: ContractError[]) {
    super(errors.map((e) => e.text).join("\n"));
    this.name = "ContractErrors";
  }
}

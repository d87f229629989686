/** Reading the workbook a command names: the file, its size, the .xlsx itself, each failure said in one line. */
import { promises as fs } from "fs";
import type ExcelJS from "exceljs";
import { loadWorkbook } from "./read";
import { sizeProblem } from "./limits";

export type ReadBook = { ok: true; data: Buffer; wb: ExcelJS.Workbook } | { ok: false; message: string };

/** `contractOnly`: parse only the contract's sheets (nothing will be written back). */
export async function readBook(file: string, contractOnly: boolean): Promise<ReadBook> {
  let data: Buffer;
  try {
    data = await fs.readFile(file);
  } catch (e) {
    return { ok: false, message: `Cannot read ${file}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message}` };
  }
  try {
    const tooLarge = await sizeProblem(data);
    if (tooLarge) return { ok: false, message: `${file} is too large to read: ${tooLarge}` };
    return { ok: true, data, wb: await loadWorkbook(data, contractOnly) };
  } catch (e) {
    return { ok: false, message: `${file} is not a readable .xlsx workbook (${(e as Error).message})` };
  }
}

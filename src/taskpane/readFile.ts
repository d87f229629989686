/**
 * An .xlsx file's bytes → the contract's snapshot, in the browser (the page or the pane's worker).
 * Files that are too large or not workbooks come back as one workbook-level problem.
 */
import { readWorkbookSnapshot } from "../xlsx/read";
import { sizeProblem } from "../xlsx/limits";
import { ContractError } from "../contract/errors";
import { WorkbookSnapshot } from "../contract/snapshot";

export type FileSnapshot = { ok: true; snapshot: WorkbookSnapshot } | { ok: false; errors: ContractError[] };

const problem = (message: string): FileSnapshot => ({ ok: false, errors: [{ sheet: "", cell: "", message, text: message }] });

export async function readFileSnapshot(name: string, data: ArrayBuffer): Promise<FileSnapshot> {
  try {
    const tooLarge = await sizeProblem(data);
    if (tooLarge) return problem(`"${name}" is too large to read in the browser: ${tooLarge}`);
    return { ok: true, snapshot: await readWorkbookSnapshot(data) };
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return problem(`"${name}" could not be read as an Excel workbook (.xlsx): ${reason}`);
  }
}

/**
 * The runner's output files, all or nothing: every path is checked before anything is written, each
 * file is written under a temporary name beside its target and renamed into place only when all were
 * written, and what was put in place is taken out again when a later step fails.
 */
import { constants, promises as fs } from "fs";
import path from "path";
import { OwnershipError, applyWritePlan, workbookBytes } from "./apply";
import { unkeptContent } from "./unkept";
import { WritePlan } from "../plans/types";

export interface Output {
  /** The option that names it, for messages ("--out"). */
  option: string;
  path: string;
  /** Its content, made only once every path has been checked. */
  content: () => Promise<Uint8Array | string>;
}

/** Why the outputs cannot be written (checked before anything is), or null. */
export async function outputProblem(outputs: Output[], input: string, inPlace: boolean): Promise<string | null> {
  const seen = new Map<string, string>();
  for (const o of outputs) {
    const target = path.resolve(o.path);
    if (target === path.resolve(input) && !inPlace) {
      return `${o.option} ${o.path} is the input workbook; add --in-place to replace it (atomically), or name another file`;
    }
    const other = seen.get(target);
    if (other) return `${other} and ${o.option} both name ${o.path}; give each its own file`;
    seen.set(target, o.option);
    const dir = path.dirname(target);
    try {
      const stat = await fs.stat(dir);
      if (!stat.isDirectory()) return `Cannot write ${o.path}: ${dir} is not a folder`;
      await fs.access(dir, constants.W_OK);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return `Cannot write ${o.path}: ${code === "ENOENT" ? `the folder ${dir} does not exist` : code === "EACCES" ? `the folder ${dir} is not writable` : (e as Error).message}`;
    }
    try {
      if ((await fs.stat(target)).isDirectory()) return `Cannot write ${o.path}: it is a folder`;
    } catch {
      // Not there yet: fine.
    }
  }
  return null;
}

/**
 * Writes every output under a temporary name, then renames them into place in the order given (put
 * the workbook last: a failure before its rename leaves the input untouched, even with --in-place);
 * on any failure the temporary files, and the outputs already renamed, are removed.
 */
export async function writeOutputs(outputs: Output[]): Promise<void> {
  const temps: { temp: string; target: string }[] = [];
  const placed: string[] = [];
  try {
    for (const o of outputs) {
      const target = path.resolve(o.path);
      const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
      temps.push({ temp, target });
      await fs.writeFile(temp, await o.content());
    }
    for (const t of temps) {
      await fs.rename(t.temp, t.target);
      placed.push(t.target);
    }
  } catch (e) {
    await Promise.all(temps.map((t) => fs.rm(t.temp, { force: true })));
    // A file already renamed into place belongs to this run only when it did not replace the input; taking
    // it out leaves the run with no output rather than half of one.
    await Promise.all(placed.map((p) => fs.rm(p, { force: true })));
    throw e;
  }
}

/** --out's copy of the workbook: the book as loaded for writing, and the write plan to apply to it. */
export interface WorkbookCopy {
  path: string;
  book: { wb: Parameters<typeof applyWritePlan>[0]; data: Buffer };
  plan: () => WritePlan;
  /** What the advisor can do inside Excel instead, when --out cannot keep the file ("rebalance"). */
  insideExcel: string;
  /** The option that asked for the copy, for messages (default "--out"). */
  option?: string;
}

/**
 * A command's outputs, all or none: every path checked, a workbook --out would strip refused, the
 * plan applied (a write over the advisor's cells refused), then every file written. Returns 0, or 2
 * with the reason on stderr; anything unexpected is thrown.
 */
export async function writeCommandOutputs(say: (line: string) => void, input: string, inPlace: boolean, others: Output[], copy: WorkbookCopy | null): Promise<number> {
  // The workbook goes last: a failure before its rename leaves the input untouched, even with --in-place.
  const outputs = copy ? [...others, { option: copy.option ?? "--out", path: copy.path, content: () => workbookBytes(copy.book.wb) }] : others;
  const problem = await outputProblem(outputs, input, inPlace);
  if (problem) {
    say(`${problem}\n`);
    return 2;
  }
  if (copy) {
    // exceljs cannot carry charts, pivot tables or macros: refuse rather than write a copy without them.
    const unkept = await unkeptContent(copy.book.data);
    if (unkept) {
      say(`${path.basename(input)} holds ${unkept}, which ${copy.option ?? "--out"} cannot keep (exceljs cannot write them); ${copy.insideExcel} inside Excel, or use ${copy.option ?? "--out"} on a copy without them (nothing was written)\n`);
      return 2;
    }
    try {
      applyWritePlan(copy.book.wb, copy.plan());
    } catch (e) {
      if (e instanceof OwnershipError) {
        say(`${e.message}\n`);
        return 2;
      }
      throw e;
    }
  }
  if (outputs.length > 0) {
    try {
      await writeOutputs(outputs);
    } catch (e) {
      say(`Cannot write ${outputs.map((o) => o.path).join(" and ")}: ${(e as Error).message} (nothing was written)\n`);
      return 2;
    }
  }
  return 0;
}

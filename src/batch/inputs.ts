/**
 * What a batch plans: the folders and files named on the command line turned into one task per
 * household, each with a unique name and (with --out-dir) its output path. Folders give their .xlsx
 * files (not their subfolders). Excel's lock files (`~$book.xlsx`, there while book.xlsx is open) and
 * hidden files are skipped and said so; the same file named twice is planned once; two files that
 * share a name in different folders are told apart by their folders, and their outputs go to
 * subfolders of --out-dir of those names.
 */
import { promises as fs } from "fs";
import path from "path";
import { FIRM_SUMMARY_FILE } from "../plans/firm-summary";
import { HouseholdTask, householdName } from "./household";

export interface Skipped {
  file: string;
  reason: string;
}

export interface BatchInputs {
  tasks: Omit<HouseholdTask, "now">[];
  skipped: Skipped[];
  /** Problems that stop the batch before anything is planned. */
  problems: string[];
}

const isLockFile = (name: string) => name.startsWith("~$");

/** The path parts the colliding files do not share, from the end: /a/east/book.xlsx and /a/west/book.xlsx → east/book, west/book. */
function distinctNames(files: string[]): string[] {
  const parts = files.map((f) => path.resolve(f).split(path.sep));
  for (let depth = 2; ; depth++) {
    const names = parts.map((p) => p.slice(-depth).join("/").replace(/\.xlsx$/i, ""));
    if (new Set(names).size === names.length || depth >= Math.max(...parts.map((p) => p.length))) return names;
  }
}

export async function batchInputs(args: string[], outDir: string | null): Promise<BatchInputs> {
  const files: string[] = [];
  const skipped: Skipped[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const resolved = path.resolve(file);
    if (!seen.has(resolved)) {
      seen.add(resolved);
      files.push(file);
    }
  };
  for (const arg of args) {
    let stat;
    try {
      stat = await fs.stat(arg);
    } catch {
      // Planned like any other file: its row says it cannot be read.
      add(arg);
      continue;
    }
    if (!stat.isDirectory()) {
      add(arg);
      continue;
    }
    const names = (await fs.readdir(arg)).filter((n) => /\.xlsx$/i.test(n)).sort();
    const inFolder = names.filter((n) => !isLockFile(n) && !n.startsWith(".") && n !== FIRM_SUMMARY_FILE);
    for (const n of names) {
      const file = path.join(arg, n);
      if (isLockFile(n)) skipped.push({ file, reason: `Excel's lock file: ${n.slice(2)} is open in Excel, and its last saved version is planned` });
      else if (n.startsWith(".")) skipped.push({ file, reason: "a hidden file" });
      else if (n === FIRM_SUMMARY_FILE) skipped.push({ file, reason: "a batch's own summary, not a household" });
    }
    if (inFolder.length === 0) problems.push(`${arg} holds no .xlsx workbooks`);
    for (const n of inFolder) add(path.join(arg, n));
  }
  if (files.length === 0 && problems.length === 0) problems.push("Name the folders or workbooks to plan");

  // Names: the file's name, or more of its path where two files share one.
  const names = files.map(householdName);
  const byName = new Map<string, number[]>();
  names.forEach((n, i) => byName.set(n.toLowerCase(), [...(byName.get(n.toLowerCase()) ?? []), i]));
  for (const indexes of byName.values()) {
    if (indexes.length < 2) continue;
    const distinct = distinctNames(indexes.map((i) => files[i]));
    indexes.forEach((i, k) => (names[i] = distinct[k]));
  }

  const locked = new Set(skipped.filter((s) => isLockFile(path.basename(s.file))).map((s) => path.resolve(path.dirname(s.file), path.basename(s.file).slice(2))));
  const tasks = files.map((file, i) => {
    const out = outDir === null ? null : path.join(outDir, `${names[i]}.xlsx`);
    if (out !== null && path.resolve(out) === path.resolve(file)) problems.push(`--out-dir ${outDir} would write ${path.basename(file)} over its input ${file}; name another folder`);
    const notes = locked.has(path.resolve(file)) ? [`${path.basename(file)} is open in Excel (its lock file is there): the last saved version was planned`] : undefined;
    return { file, household: names[i], out, ...(notes ? { notes } : {}) };
  });
  return { tasks, skipped, problems };
}

/**
 * Recalculating .xlsx files with LibreOffice headless. LibreOffice keeps the cached results of an
 * .xlsx unless told otherwise, so each run uses a throwaway profile whose registry sets
 * Calc's OOXMLRecalcMode to 0 ("always recalculate on load").
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { tempDir } from "../../support/workbook";

/** The soffice binary, or null when LibreOffice is not installed. */
export function findSoffice(): string | null {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const candidate = path.join(dir, "soffice");
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

const REGISTRY = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Opens `file` in LibreOffice (recalculating every formula) and saves it as .xlsx; returns the new file. */
export function recalculate(soffice: string, file: string): string {
  const profile = tempDir("lo-profile-");
  fs.mkdirSync(path.join(profile, "user"), { recursive: true });
  fs.writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), REGISTRY);
  const outDir = tempDir("lo-out-");
  execFileSync(soffice, [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", outDir, file], {
    stdio: "pipe",
    timeout: 180_000,
  });
  const out = path.join(outDir, path.basename(file).replace(/\.[^.]+$/, ".xlsx"));
  if (!fs.existsSync(out)) throw new Error(`LibreOffice wrote nothing for ${file}`);
  return out;
}

export interface CachedCell {
  formula: string | null;
  /** The cached result as written in the file (numbers as numbers). */
  value: number | string | null;
}

/**
 * Formulas and cached values of every cell, read from the sheet XML directly: exceljs drops a
 * cached result of 0 (`<v>0</v>`), which is a perfectly good recalculated value.
 */
export async function cachedCells(file: string): Promise<Map<string, Map<string, CachedCell>>> {
  const JSZip = (await import("jszip")).default;
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const decode = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
  const targets = new Map([...rels.matchAll(/<Relationship\b[^>]*\bId="([^"]+)"[^>]*\bTarget="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const out = new Map<string, Map<string, CachedCell>>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*\bname="([^"]*)"[^>]*\br:id="([^"]+)"/g)) {
    const target = targets.get(m[2])!.replace(/^\/?(xl\/)?/, "");
    const xml = await zip.file(`xl/${target}`)!.async("string");
    const cells = new Map<string, CachedCell>();
    for (const c of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const ref = /\br="([A-Z]+\d+)"/.exec(c[1])![1];
      const type = /\bt="([^"]+)"/.exec(c[1])?.[1] ?? "n";
      const body = c[2] ?? "";
      const f = /<f\b[^>]*>([\s\S]*?)<\/f>/.exec(body);
      const v = /<v>([\s\S]*?)<\/v>/.exec(body);
      const value = v === null ? null : type === "n" ? Number(v[1]) : decode(v[1]);
      cells.set(ref, { formula: f ? decode(f[1]) : null, value });
    }
    out.set(decode(m[1]), cells);
  }
  return out;
}

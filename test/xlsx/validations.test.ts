/**
 * Drop-downs survive a load and save through exceljs (src/xlsx/validations.ts): exceljs reads a validation
 * range cell by cell and, merging them again in text order, wrote J10:J500 beside J2:J500 — overlapping
 * ranges Excel repairs. The starter and the sample, saved once and twice, keep the ranges they were made with.
 */
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { newWorkbookBytes } from "../../src/xlsx/new-workbook";
import { starterPlan } from "../../src/plans/starter";
import { loadWorkbook } from "../../src/xlsx/read";
import { workbookBytes } from "../../src/xlsx/names";
import { updatedWorkbook } from "../../src/taskpane/updateFile";

/** Sheet → its validations' sqref → "formula (style)", as the file's XML holds them. */
async function lists(bytes: Uint8Array): Promise<Record<string, Record<string, string>>> {
  const zip = await JSZip.loadAsync(bytes);
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const target = new Map([...rels.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1], m[2].replace(/^\/?(xl\/)?/, "xl/")]));
  const out: Record<string, Record<string, string>> = {};
  for (const m of workbook.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const xml = await zip.file(target.get(m[2])!)!.async("string");
    for (const v of xml.matchAll(/<dataValidation ([^>]*)>([\s\S]*?)<\/dataValidation>/g)) {
      const attr = (k: string) => (v[1].match(new RegExp(`${k}="([^"]*)"`)) ?? [])[1];
      // "D2:D2" and "D2" are one cell.
      (out[m[1]] ??= {})[attr("sqref").replace(/^([A-Z]+\d+):\1$/, "$1")] = `${(v[2].match(/<formula1>([\s\S]*?)<\/formula1>/) ?? [])[1]} (${attr("errorStyle") ?? "stop"})`;
    }
  }
  return out;
}

const resaved = async (bytes: Uint8Array) => workbookBytes(await loadWorkbook(bytes));
const ab = (b: Uint8Array) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

test("the starter's drop-downs, loaded and saved once and twice, keep their ranges (none overlapping)", async () => {
  const made = await newWorkbookBytes(starterPlan());
  const before = await lists(made);
  expect(before.Holdings).toMatchObject({ "J2:J500": expect.any(String), "D2:D500": expect.any(String) });
  const once = await resaved(made);
  expect(await lists(once)).toEqual(before);
  expect(await lists(await resaved(once))).toEqual(before);
});

test("the sample's Download updated workbook keeps its drop-downs as they were", async () => {
  const sample = new Uint8Array(fs.readFileSync(path.join(__dirname, "..", "..", "samples", "sdira-sample.xlsx")));
  const before = await lists(sample);
  expect(Object.keys(before.Holdings ?? {}).length).toBeGreaterThan(0);
  const out = await updatedWorkbook("sdira-sample.xlsx", ab(sample), [], new Date("2026-11-20T15:00:00Z"));
  if (!out.ok) throw new Error(out.errors.map((e) => e.text).join("\n"));
  const after = await lists(out.bytes);
  for (const sheet of Object.keys(before)) expect(after[sheet]).toEqual(before[sheet]);
});

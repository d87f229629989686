/**
 * Drop-downs survive a load and save through exceljs (src/xlsx/validations.ts): exceljs reads a validation
 * range cell by cell and, merging them again in text order, wrote J10:J500 beside J2:J500 — overlapping
 * ranges Excel repairs. The starter and the sample, saved once and twice, keep the ranges they were made with.
 */
import * as fs from "fs";
import * as path from "path";
import { validationLists } from "../support/validation-xml";
import { newWorkbookBytes } from "../../src/xlsx/new-workbook";
import { starterPlan } from "../../src/plans/starter";
import { loadWorkbook } from "../../src/xlsx/read";
import { workbookBytes } from "../../src/xlsx/names";
import { updatedWorkbook } from "../../src/taskpane/updateFile";


const resaved = async (bytes: Uint8Array) => workbookBytes(await loadWorkbook(bytes));
const ab = (b: Uint8Array) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

test("the starter's drop-downs, loaded and saved once and twice, keep their ranges (none overlapping)", async () => {
  const made = await newWorkbookBytes(starterPlan());
  const before = await validationLists(made);
  expect(before.Holdings).toMatchObject({ "J2:J500": expect.any(String), "D2:D500": expect.any(String) });
  const once = await resaved(made);
  expect(await validationLists(once)).toEqual(before);
  expect(await validationLists(await resaved(once))).toEqual(before);
});

test("the sample's Download updated workbook keeps its drop-downs as they were", async () => {
  const sample = new Uint8Array(fs.readFileSync(path.join(__dirname, "..", "..", "samples", "sdira-sample.xlsx")));
  const before = await validationLists(sample);
  expect(Object.keys(before.Holdings ?? {}).length).toBeGreaterThan(0);
  const out = await updatedWorkbook("sdira-sample.xlsx", ab(sample), [], new Date("2026-11-20T15:00:00Z"));
  if (!out.ok) throw new Error(out.errors.map((e) => e.text).join("\n"));
  const after = await validationLists(out.bytes);
  for (const sheet of Object.keys(before)) expect(after[sheet]).toEqual(before[sheet]);
});

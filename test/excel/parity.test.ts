/**
 * One fixture through both adapters: exceljs (the runner's --out) and Office.js (the Rebalance
 * button, on the fake Excel). Every cell of every sheet — value, formula, number format — the
 * tables and the names must come out the same, on the first run and on a re-run.
 */
import * as fs from "fs";
import * as path from "path";
import { sampleBook, workbookBuffer } from "../support/workbook";
import { dumpFake, dumpXlsx, fakeFromXlsx } from "./support/books";
import { NOW, writeWithExceljs, writeWithOffice } from "./support/pipeline";

const SAMPLE = path.join(__dirname, "..", "..", "samples", "sdira-sample.xlsx");

describe.each([
  ["the committed sample", async () => fs.readFileSync(SAMPLE)],
  ["the small sample book", async () => workbookBuffer(sampleBook())],
])("%s: exceljs and Office.js write the same workbook", (_label, fixture) => {
  test("first run and re-run", async () => {
    const data = await fixture();

    const fake = await fakeFromXlsx(data);
    const first = await writeWithOffice(fake);
    if (!first.ok) throw new Error(first.errors.map((e) => e.text).join("\n"));
    expect(first.syncs).toEqual({ read: 2, write: 2 });
    const xlsx1 = await writeWithExceljs(data);

    const office1 = dumpFake(fake);
    const file1 = await dumpXlsx(xlsx1.out);
    expect(Object.keys(office1.sheets).sort()).toEqual(Object.keys(file1.sheets).sort());
    for (const sheet of Object.keys(file1.sheets)) expect({ sheet, cells: office1.sheets[sheet] }).toEqual({ sheet, cells: file1.sheets[sheet] });
    expect(office1.tables).toEqual(file1.tables);
    expect(office1.names).toEqual(file1.names);
    // The written sheets are really there (not two empty dumps agreeing).
    expect(Object.keys(office1.sheets)).toEqual(expect.arrayContaining([first.sheet, "Rebalance Log"]));
    expect(Object.keys(office1.sheets[first.sheet]).length).toBeGreaterThan(50);

    // Re-run on each adapter's own output: the Rebalance sheet and the drift block are replaced, the log grows.
    const later = new Date(NOW.getTime() + 3600_000);
    const second = await writeWithOffice(fake, later);
    expect(second.ok).toBe(true);
    const xlsx2 = await writeWithExceljs(xlsx1.out, later);
    const office2 = dumpFake(fake);
    const file2 = await dumpXlsx(xlsx2.out);
    for (const sheet of Object.keys(file2.sheets)) expect({ sheet, cells: office2.sheets[sheet] }).toEqual({ sheet, cells: file2.sheets[sheet] });
    expect(office2.tables).toEqual(file2.tables);
    expect(office2.names).toEqual(file2.names);
    expect(office2.tables["RebalanceLog"].range).toBe("A1:L3");
  });
});

/**
 * One fixture through both adapters: exceljs (the runner's --out) and Office.js (the Rebalance
 * button, on the fake Excel). Every cell of every sheet — value, formula, number format — the
 * tables and the names must come out the same, on the first run and on a re-run.
 */
import * as fs from "fs";
import * as path from "path";
import { addRow, sampleBook, usd, workbookBuffer } from "../support/workbook";
import { dumpFake, dumpXlsx, fakeFromXlsx } from "./support/books";
import { NOW, writeWithExceljs, writeWithOffice } from "./support/pipeline";

const SAMPLE = path.join(__dirname, "..", "..", "samples", "sdira-sample.xlsx");

/** The small book with a $7,000 contribution and a fee per trade. */
function withContribution() {
  const book = sampleBook();
  addRow(book, "Policy", ["Cash Flow", usd(7000)]);
  addRow(book, "Policy", ["Fee Per Trade", usd(4.95)]);
  return book;
}

describe.each([
  ["the committed sample", async () => fs.readFileSync(SAMPLE)],
  ["the small sample book", async () => workbookBuffer(sampleBook())],
  ["a book with a contribution and fees", async () => workbookBuffer(withContribution())],
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

test("inside Excel the sheet shows the strategy and the cash flow, and the Cash row adds the flow", async () => {
  const fake = await fakeFromXlsx(await workbookBuffer(withContribution()));
  const outcome = await writeWithOffice(fake);
  if (!outcome.ok) throw new Error(outcome.errors.map((e) => e.text).join("\n"));
  const cells = dumpFake(fake).sheets[outcome.sheet];
  const text = (a: string) => (cells[a] as { value?: unknown } | undefined)?.value;
  expect([text("A4"), text("B4")]).toEqual(["Strategy", "Full, to Target"]);
  expect([text("A5"), text("B5"), text("C5")]).toEqual(["Cash Flow", 7000, "contribution $7,000.00 to IRA"]);
  expect(outcome.plan.strategy).toBe("Full");
  expect(outcome.plan.cashFlow).toEqual({ account: "IRA", amount: "7000.00" });
  const cashRow = Object.entries(cells).find(([a, c]) => /^A\d+$/.test(a) && (c as { value?: unknown }).value === "Cash" && Number(a.slice(1)) > 8)!;
  const row = cashRow[0].slice(1);
  expect((cells[`L${row}`] as { formula?: string }).formula).toMatch(new RegExp(`^=E${row}\\+\\$B\\$5\\+SUM\\(`));
  expect((cells[`O${row}`] as { formula?: string }).formula).toMatch(/^=IF\(M\d+>D\d+\+1E-12,"Over",IF\(M\d+<C\d+-1E-12,"Under","In band"\)\)$/);
});

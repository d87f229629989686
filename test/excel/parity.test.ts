/**
 * One fixture through both adapters: exceljs (the runner's --out) and Office.js (the Rebalance
 * button, on the fake Excel). Every cell of every sheet — value, formula, number format — the
 * tables and the names must come out the same, on the first run and on a re-run.
 */
import * as fs from "fs";
import * as path from "path";
import { BookSpec, SAMPLE_HOLDINGS_HEADERS, addRow, pct, sampleBook, usd, workbookBuffer } from "../support/workbook";
import { dumpFake, dumpXlsx, fakeFromXlsx } from "./support/books";
import { NOW, writeWithExceljs, writeWithOffice } from "./support/pipeline";
import { paneWorkerApi } from "../../src/taskpane/worker/jobs";
import type { BookPlanner } from "../../src/excel/rebalance";
import { posted } from "../taskpane/support/posted";

/** The pane's planner: the snapshot Office.js read and the answer both copied as postMessage copies them to and from its worker. */
const inWorker: BookPlanner = async (snapshot, options) => posted(await paneWorkerApi.rebalance(posted(snapshot), posted(options)));

const SAMPLE = path.join(__dirname, "..", "..", "samples", "sdira-sample.xlsx");

/** The small book with a $7,000 contribution and a fee per trade. */
function withContribution() {
  const book = sampleBook();
  addRow(book, "Policy", ["Cash Flow", usd(7000)]);
  addRow(book, "Policy", ["Fee Per Trade", usd(4.95)]);
  return book;
}

/**
 * Two IRAs and a Location range that decides which one buys the bonds (Bonds preferred in the Roth: the Roth
 * spends its cash on BND, the Traditional IRA buys the rest) — the plans agree only if both readers read Location.
 */
function withLocation(): BookSpec {
  const h = (account: string, symbol: string, assetClass: string, quantity: number, price: number) => [account, symbol, assetClass, quantity, usd(price), null, null, "Yes", 1, null];
  return {
    sheets: {
      Holdings: [
        [...SAMPLE_HOLDINGS_HEADERS],
        h("Trad", "VTI", "Stocks", 600, 100),
        h("Trad", "BND", "Bonds", 0, 100),
        h("Trad", "CASH", "Cash", 10000, 1),
        h("Roth", "BND", "Bonds", 200, 100),
        h("Roth", "CASH", "Cash", 10000, 1),
      ],
      Targets: [["Asset Class", "Target"], ["Stocks", pct(0.5)], ["Bonds", pct(0.4)], ["Cash", pct(0.1)]],
      Accounts: [["Account", "Type"], ["Trad", "Traditional IRA"], ["Roth", "Roth IRA"]],
      Location: [["Asset Class", "Preferred Account Type"], ["Bonds", "Roth IRA"]],
    },
    names: { Holdings: "Holdings!$A$1:$J$6", Targets: "Targets!$A$1:$B$4", Accounts: "Accounts!$A$1:$B$3", Location: "Location!$A$1:$B$2" },
  };
}

test("inside Excel the Location range is read: the Roth buys the bonds it is preferred for", async () => {
  const fake = await fakeFromXlsx(await workbookBuffer(withLocation()));
  const result = await writeWithOffice(fake);
  if (!result.ok) throw new Error(result.errors.map((e) => e.text).join("\n"));
  const dump = dumpFake(fake);
  const sheet = dump.sheets[Object.keys(dump.sheets).find((n) => n.startsWith("Rebalance") && !n.includes("Log"))!];
  // The trade rows as "account symbol side quantity" (rows where column A names an account).
  const rows = new Map<number, string[]>();
  for (const [address, cell] of Object.entries(sheet)) {
    const row = Number(address.replace(/^[A-Z]+/, ""));
    rows.set(row, [...(rows.get(row) ?? []), String(cell.value)]);
  }
  const trades = [...rows.values()].map((cells) => cells.join(" ")).filter((t) => /^(Trad|Roth) /.test(t) && / BND /.test(t));
  expect(trades).toEqual(expect.arrayContaining([expect.stringMatching(/^Roth BND Bonds buy 100 /)]));
});

/** A master workbook: two households, the second with its own targets. */
function master(): BookSpec {
  const h = (household: string, account: string, symbol: string, cls: string, q: number, p: number) => [household, account, symbol, cls, q, usd(p)];
  return {
    sheets: {
      Holdings: [
        ["Household", "Account", "Symbol", "Asset Class", "Quantity", "Price"],
        h("Smith", "IRA", "VTI", "Stocks", 120, 250),
        h("Smith", "IRA", "BND", "Bonds", 300, 50),
        h("Smith", "IRA", "CASH", "Cash", 5000, 1),
        h("Jones", "IRA", "VTI", "Stocks", 160, 250),
        h("Jones", "IRA", "BND", "Bonds", 100, 50),
        h("Jones", "IRA", "CASH", "Cash", 5000, 1),
      ],
      Targets: [["Household", "Asset Class", "Target"], [null, "Stocks", pct(0.5)], [null, "Bonds", pct(0.4)], [null, "Cash", pct(0.1)], ["Jones", "Stocks", pct(0.6)], ["Jones", "Bonds", pct(0.3)], ["Jones", "Cash", pct(0.1)]],
    },
    names: { Holdings: "Holdings!$A$1:$F$7", Targets: "Targets!$A$1:$C$7" },
  };
}

describe.each([
  ["the committed sample", async () => fs.readFileSync(SAMPLE), "A1:L3"],
  ["the small sample book", async () => workbookBuffer(sampleBook()), "A1:L3"],
  ["a book with a contribution and fees", async () => workbookBuffer(withContribution()), "A1:L3"],
  ["two IRAs and a Location range", async () => workbookBuffer(withLocation()), "A1:L3"],
  ["a master workbook of two households", async () => workbookBuffer(master()), "A1:L5"],
])("%s: exceljs and Office.js write the same workbook", (_label, fixture, logAfterRerun) => {
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
    expect(office2.tables["RebalanceLog"].range).toBe(logAfterRerun);
  });

  test("planned in the pane's worker (the pane's Rebalance): the same outcome and the same workbook as planned on the page", async () => {
    const data = await fixture();
    const here = await fakeFromXlsx(data);
    const there = await fakeFromXlsx(data);
    const outcomeHere = await writeWithOffice(here);
    const outcomeThere = await writeWithOffice(there, NOW, inWorker);
    expect(outcomeThere.ok).toBe(true);
    expect(outcomeThere).toEqual(outcomeHere);
    const [a, b] = [dumpFake(here), dumpFake(there)];
    expect(Object.keys(b.sheets)).toEqual(expect.arrayContaining(["Rebalance Log"]));
    expect(b).toEqual(a);
  });
});

test("a plan cancelled in the pane's worker writes nothing", async () => {
  const fake = await fakeFromXlsx(await workbookBuffer(sampleBook()));
  const before = dumpFake(fake);
  const cancelled = Object.assign(new Error("Cancelled"), { name: "CancelledError" });
  await expect(writeWithOffice(fake, NOW, async () => Promise.reject(cancelled))).rejects.toBe(cancelled);
  expect(dumpFake(fake)).toEqual(before);
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

test("inside Excel, a class the trades push out of its band is named on the sheet, and the after status says so", async () => {
  // Two IRAs, one class each, both on target; $20,000 out of IRA 1 (Stocks only) leaves Stocks at 37.50%, under 45%–55%.
  const book = sampleBook({
    holdings: [
      ["Account", "Symbol", "Asset Class", "Quantity", "Price"],
      ["IRA 1", "VTI", "Stocks", 500, usd(100)],
      ["IRA 2", "BND", "Bonds", 1000, usd(50)],
    ],
    targets: [
      ["Asset Class", "Target", "Abs Band", "Rel Band"],
      ["Stocks", 0.5, null, null],
      ["Bonds", 0.5, null, null],
    ],
  });
  addRow(book, "Policy", ["Strategy", "Cash Flow"]);
  addRow(book, "Policy", ["Cash Flow", usd(-20000)]);
  addRow(book, "Policy", ["Cash Flow Account", "IRA 1"]);
  const fake = await fakeFromXlsx(await workbookBuffer(book));
  const outcome = await writeWithOffice(fake);
  if (!outcome.ok) throw new Error(outcome.errors.map((e) => e.text).join("\n"));
  const warning = "Stocks was in band before the trades and is under its band after them: 37.50% vs 45.00%–55.00%";
  expect(outcome.plan.warnings).toContain(warning);
  expect(outcome.plan.after.classes.find((c) => c.assetClass === "Stocks")).toMatchObject({ status: "Under", bandLow: 0.45, bandHigh: 0.55 });
  const cells = dumpFake(fake).sheets[outcome.sheet];
  const shown = Object.entries(cells).filter(([, c]) => (c as { value?: unknown }).value === warning).map(([a]) => a);
  expect(shown).toHaveLength(1);
  expect((cells[`A${shown[0].slice(1)}`] as { value?: unknown }).value).toBe("Warning");
});

test("inside Excel a master workbook's outcome has every household's plan, and block orders with their allocation", async () => {
  const fake = await fakeFromXlsx(await workbookBuffer(master()));
  const outcome = await writeWithOffice(fake);
  if (!outcome.ok) throw new Error(outcome.errors.map((e) => e.text).join("\n"));
  expect(outcome.households.map((h) => [h.household, h.plan.trades.length])).toEqual([
    ["Smith", 2],
    ["Jones", 2],
  ]);
  // Smith sells 20 VTI, Jones 40 (to 60% of $50,000): one block of 60.
  // No Policy: As Of is today.
  expect(outcome.orders.fileName).toMatch(/^blocks-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(outcome.orders.csv.split("\r\n")[1]).toBe("B001,VTI,SELL,60,250.00,2");
  expect(outcome.allocation?.csv.split("\r\n").slice(1, 3)).toEqual(["B001,Jones,IRA,VTI,SELL,40", "B001,Smith,IRA,VTI,SELL,20"]);
});

/** The test workbook builder (test/support/workbook.ts) writes what it is asked to, readably by the real reader. */
import * as fs from "fs";
import JSZip from "jszip";
import { readWorkbookSnapshot } from "../../src/xlsx/read";
import { parseWorkbook } from "../../src/plans/plan-workbook";
import { addRow, date, deleteColumn, getCell, pct, renameColumn, sampleBook, setCell, tableRef, workbookBuffer, writeTemp } from "./workbook";

async function workbookXml(bytes: Buffer): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file("xl/workbook.xml")!.async("string");
}

describe("test workbook builder", () => {
  test("sampleBook() is a valid contract workbook with the documented contents", async () => {
    const file = await writeTemp(sampleBook());
    const snap = await readWorkbookSnapshot(fs.readFileSync(file));
    expect(snap.ranges.holdings).toMatchObject({ sheet: "Holdings", top: 1, left: 1 });
    expect(snap.ranges.holdings.values).toHaveLength(4);
    expect(snap.ranges.holdings.values[1][6]).toEqual(new Date("2020-01-15T00:00:00Z"));
    expect(snap.ranges.holdings.numberFormats[1][6]).toBe("yyyy-mm-dd");
    expect(snap.ranges.targets.numberFormats[1][1]).toBe("0.00%");

    const result = parseWorkbook(snap);
    if (!result.ok) throw new Error(result.errors.map((e) => e.text).join("\n"));
    const { holdings, targets, policy } = result.portfolio;
    expect(holdings.map((h) => `${h.account} ${h.symbol} ${h.quantity.times(h.price).toString()}`)).toEqual([
      "IRA VTI 30000",
      "IRA BND 15000",
      "IRA CASH 5000",
    ]);
    expect(targets.map((t) => [t.assetClass, t.target])).toEqual([
      ["Stocks", 0.5],
      ["Bonds", 0.4],
      ["Cash", 0.1],
    ]);
    expect(policy.asOf).toBe("2026-11-20");
    expect(policy.absBand).toBe(0.05);
  });

  test("every sampleBook() is a fresh copy", () => {
    const a = sampleBook();
    setCell(a, "Holdings!D2", 999);
    expect(getCell(sampleBook(), "Holdings!D2")).toBe(120);
  });

  test("table names follow rows and columns added or deleted by a test", async () => {
    const book = sampleBook();
    deleteColumn(book, "Holdings", "Valued On");
    addRow(book, "Holdings", { Account: "IRA", Symbol: "GLD", "Asset Class": "Gold", Quantity: 10, Price: 380 });
    expect(tableRef(book, "Holdings")).toBe("Holdings!$A$1:$I$5");
    const xml = await workbookXml(await workbookBuffer(book));
    expect(xml).toContain('<definedName name="Holdings">Holdings!$A$1:$I$5</definedName>');

    const result = parseWorkbook(await readWorkbookSnapshot(await workbookBuffer(book)));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.text)).toEqual([expect.stringMatching(/^Holdings!C5: Asset Class "Gold" is not in Targets/)]);
  });

  test("deleting a required column and breaking a cell are reported where they happen", async () => {
    const book = sampleBook();
    deleteColumn(book, "Holdings", "Price");
    setCell(book, "Targets!B3", "lots");
    const result = parseWorkbook(await readWorkbookSnapshot(await workbookBuffer(book)));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const texts = result.errors.map((e) => e.text).join("\n");
    expect(texts).toMatch(/Holdings!A1: Holdings is missing the required column "Price"/);
    expect(texts).toMatch(/Targets!B3: Target must be a percent/);
  });

  test("names are written verbatim, with sheet scope when asked", async () => {
    const book = sampleBook();
    book.sheets["My Sheet"] = [["Setting", "Value"], ["Trigger", "Band"]];
    book.names = [
      { name: "Holdings", table: "Holdings" },
      { name: "Targets", ref: "#REF!" },
      { name: "Policy", ref: "'My Sheet'!$A$1:$B$2", scope: "My Sheet" },
      { name: "Returns", ref: "0.05" },
    ];
    const bytes = await workbookBuffer(book);
    const xml = await workbookXml(bytes);
    expect(xml).toContain('<definedName name="Targets">#REF!</definedName>');
    expect(xml).toContain(`<definedName name="Policy" localSheetId="3">'My Sheet'!$A$1:$B$2</definedName>`);
    const snap = await readWorkbookSnapshot(bytes);
    expect(snap.ranges.policy).toMatchObject({ sheet: "My Sheet", values: [["Setting", "Value"], ["Trigger", "Band"]] });
    expect(snap.nameProblems.map((p) => p.name).sort()).toEqual(["Returns", "Targets"]);
  });

  test("helpers reject mistakes instead of writing a different book", () => {
    const book = sampleBook();
    expect(() => addRow(book, "Holdings", { Symbl: "X" })).toThrow(/no column "Symbl"/);
    expect(() => deleteColumn(book, "Holdings", "Nope")).toThrow(/no column "Nope"/);
    expect(() => setCell(book, "Nowhere!A1", 1)).toThrow(/no sheet "Nowhere"/);
    expect(() => setCell(book, "A1", 1)).toThrow(/Not a cell address/);
    expect(() => date("2026-13-45")).toThrow(/not an ISO date/);
    renameColumn(book, "Targets", "Target", "Weight");
    expect(getCell(book, "Targets!B1")).toBe("Weight");
    setCell(book, "Targets!F8", pct(0.5));
    expect(book.sheets.Targets).toHaveLength(8);
    expect(book.sheets.Targets[7]).toHaveLength(6);
  });
});

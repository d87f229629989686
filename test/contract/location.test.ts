/** The optional Location range (src/contract/location.ts): asset location preferences, every problem cell-addressed. */
import { ParseOptions, parsePortfolio } from "../../src/contract/parse";
import { locationMap } from "../../src/contract/location";
import { CellValue, RangeSnapshot, WorkbookSnapshot } from "../../src/contract/snapshot";

const OPTIONS: ParseOptions = { strategies: ["Full", "Cash Flow", "Tax Aware"], today: "2026-11-20" };
const range = (name: string, sheet: string, top: number, left: number, values: CellValue[][]): RangeSnapshot => ({ name, sheet, top, left, values, numberFormats: [] });
const book = (...ranges: RangeSnapshot[]): WorkbookSnapshot => ({ ranges: Object.fromEntries(ranges.map((r) => [r.name.toLowerCase(), r])), nameProblems: [] });
const holdings = range("Holdings", "Portfolio", 1, 1, [
  ["Account", "Symbol", "Asset Class", "Quantity", "Price"],
  ["IRA", "VTI", "Stocks", 100, 250],
  ["IRA", "BND", "Bonds", 200, 72.5],
]);
const targets = range("Targets", "Portfolio", 1, 8, [["Asset Class", "Target"], ["Stocks", "60%"], ["Bonds", "40%"]]);
// Location on sheet "Location" at B2: Asset Class in B, Preferred Account Type in C, data from row 3.
const location = (rows: CellValue[][]) => range("Location", "Location", 2, 2, [["Asset Class", "Preferred Account Type"], ...rows]);

test("rows read: a class may prefer more than one type; case and spacing of names are forgiven", () => {
  const result = parsePortfolio(book(holdings, targets, location([["bonds", "traditional ira"], ["Bonds", "SEP IRA"], ["Stocks", "Roth IRA"]])), OPTIONS);
  if (!result.ok) throw new Error(result.errors.map((e) => e.text).join("\n"));
  expect(result.portfolio.location.map((r) => [r.assetClass, r.preferred, r.ref.cell])).toEqual([
    ["Bonds", "Traditional IRA", "B3"],
    ["Bonds", "SEP IRA", "B4"],
    ["Stocks", "Roth IRA", "B5"],
  ]);
  expect(locationMap(result.portfolio.location)).toEqual(new Map([["Bonds", ["Traditional IRA", "SEP IRA"]], ["Stocks", ["Roth IRA"]]]));
});

test("no Location range: no preferences", () => {
  const result = parsePortfolio(book(holdings, targets), OPTIONS);
  expect(result.ok && result.portfolio.location).toEqual([]);
});

test("an unknown class, an unknown account type, an empty class: each named by sheet and cell, all at once", () => {
  const result = parsePortfolio(book(holdings, targets, location([["Gold", "Roth IRA"], ["Bonds", "Brokerage"], ["", "Roth IRA"]])), OPTIONS);
  expect(result.ok).toBe(false);
  const texts = result.ok ? [] : result.errors.map((e) => e.text);
  expect(texts).toEqual([
    'Location!B3: Asset Class "Gold" is not in Targets (Targets lists Stocks, Bonds)',
    "Location!C4: Preferred Account Type must be one of Traditional IRA, Roth IRA, SEP IRA, SIMPLE IRA, Solo 401k, Taxable (found \"Brokerage\")",
    "Location!B5: Asset Class must not be empty",
  ]);
});

test("a missing header is the table's error, naming the header row", () => {
  const result = parsePortfolio(book(holdings, targets, range("Location", "Location", 2, 2, [["Asset Class", "Type"], ["Bonds", "Roth IRA"]])), OPTIONS);
  expect(result.ok ? [] : result.errors.map((e) => e.text)).toEqual([expect.stringContaining("Preferred Account Type")]);
});

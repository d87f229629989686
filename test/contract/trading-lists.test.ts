/**
 * The Models, Equivalents and LookThrough ranges (src/contract/models.ts, equivalents.ts,
 * lookthrough.ts, trading-checks.ts): read, and every problem cell-addressed at once.
 */
import { ParseOptions, parsePortfolio } from "../../src/contract/parse";
import { CellValue, RangeSnapshot, WorkbookSnapshot } from "../../src/contract/snapshot";

const OPTIONS: ParseOptions = { strategies: ["Full", "Cash Flow", "Tax Aware"], today: "2026-11-20" };
const range = (name: string, sheet: string, values: CellValue[][]): RangeSnapshot => ({ name, sheet, top: 1, left: 1, values, numberFormats: [] });
const book = (...ranges: RangeSnapshot[]): WorkbookSnapshot => ({ ranges: Object.fromEntries(ranges.map((r) => [r.name.toLowerCase(), r])), nameProblems: [] });
const holdings = (...extra: CellValue[][]) =>
  range("Holdings", "Holdings", [["Symbol", "Asset Class", "Quantity", "Price"], ["VTI", "Stocks", 100, 250], ["VXUS", "Stocks", 0, 60], ["BND", "Bonds", 200, 72.5], ...extra]);
const targets = range("Targets", "Targets", [["Asset Class", "Target"], ["Stocks", "60%"], ["Bonds", "40%"]]);
const models = (...rows: CellValue[][]) => range("Models", "Models", [["Asset Class", "Symbol", "Share"], ...rows]);
const equivalents = (...rows: CellValue[][]) => range("Equivalents", "Equivalents", [["Symbol", "Substitute"], ...rows]);
const lookThrough = (...rows: CellValue[][]) => range("LookThrough", "LookThrough", [["Symbol", "Asset Class", "Share"], ...rows]);
const texts = (snapshot: WorkbookSnapshot) => {
  const r = parsePortfolio(snapshot, OPTIONS);
  return r.ok ? [] : r.errors.map((e) => e.text);
};

test("read: a model, a substitute and a 60/40 fund whose Holdings Asset Class is a label", () => {
  const r = parsePortfolio(
    book(holdings(["BAL", "Balanced", 10, 30], ["VOO", "stocks", 0, 500]), targets, models(["stocks", "VTI", "60%"], ["Stocks", "VXUS", 0.4]), equivalents(["VTI", "VOO"]), lookThrough(["BAL", "Stocks", "60%"], ["BAL", "Bonds", "40%"])),
    OPTIONS,
  );
  if (!r.ok) throw new Error(r.errors.map((e) => e.text).join("\n"));
  expect(r.portfolio.models.map((m) => [m.assetClass, m.symbol, m.share])).toEqual([["Stocks", "VTI", 0.6], ["Stocks", "VXUS", 0.4]]);
  expect(r.portfolio.equivalents.map((e) => [e.symbol, e.substitute])).toEqual([["VTI", "VOO"]]);
  expect(r.portfolio.lookThrough.map((l) => [l.symbol, l.assetClass, l.share])).toEqual([["BAL", "Stocks", 0.6], ["BAL", "Bonds", 0.4]]);
  expect(r.portfolio.holdings.find((h) => h.symbol === "BAL")!.assetClass).toBe("Balanced");
});

test("shares that do not add up to 100%, a class not in Targets, a symbol twice: each at its cell, all at once", () => {
  expect(
    texts(book(holdings(["BAL", "", 10, 30]), targets, models(["Stocks", "VTI", "60%"], ["Stocks", "VXUS", "30%"], ["Gold", "GLD", "100%"], ["Bonds", "VTI", "100%"]), lookThrough(["BAL", "Stocks", "60%"], ["BAL", "Bonds", "50%"], ["BAL", "Cash", "0%"]))),
  ).toEqual([
    "LookThrough!B4: A fund's cash sleeve is counted in the class it is managed with (Bonds, say): Cash is what the accounts hold as CASH",
    "LookThrough!C4: Share must be a percent above 0% and at most 100%, like 60% or 0.6 (found \"0%\")",
    'Models!A4: Asset Class "Gold" is not in Targets (Targets lists Stocks, Bonds)',
    "Models!B5: VTI is already in the Stocks model (B2); a symbol is listed once",
    "Models!C3: The Stocks model's shares sum to 90.00%, expected 100%",
  ]);
  expect(texts(book(holdings(["BAL", "", 10, 30]), targets, lookThrough(["BAL", "Stocks", "60%"], ["BAL", "Bonds", "50%"])))).toEqual(["LookThrough!C3: BAL's look-through shares sum to 110.00%, expected 100%"]);
  // Without LookThrough the blank Asset Class is a problem as it always was.
  expect(texts(book(holdings(["BAL", "", 10, 30]), targets))).toEqual(["Holdings!B5: Asset Class must not be empty"]);
});

test("against Holdings: a model security of another class, a substitute of another class, a fund in a model", () => {
  expect(
    texts(book(holdings(["BAL", "Balanced", 10, 30]), targets, models(["Stocks", "BND", "50%"], ["Stocks", "BAL", "50%"]), equivalents(["VTI", "BND"], ["VTI", "BAL"], ["VTI", "VTI"]), lookThrough(["BAL", "Stocks", "60%"], ["BAL", "Bonds", "40%"]))),
  ).toEqual([
    "Equivalents!B4: VTI cannot be its own substitute",
    "Models!B2: BND is in the Stocks model but Holdings lists it as Bonds",
    "Models!B3: BAL is a look-through fund (LookThrough spreads it over several classes), so it cannot be in the Stocks model",
    "Equivalents!B2: BND (Bonds) cannot substitute for VTI (Stocks): a substitute must be of the same Asset Class",
    "Equivalents!B3: BAL is a look-through fund and VTI is not: a substitute must hold what its symbol holds",
  ]);
});

test("a model security or a held symbol's substitute that Holdings does not list: its price is unknown, so it is a problem at its cell", () => {
  expect(texts(book(holdings(), targets, models(["Bonds", "BND", "70%"], ["Bonds", "AGG", "30%"]), equivalents(["VTI", "ITOT"], ["SCHB", "ITOT"])))).toEqual([
    "Models!B3: AGG is in the Bonds model but Holdings does not list it, so its price is not known: add a Holdings row for it (Quantity 0 and its Price)",
    "Equivalents!B2: ITOT, the substitute for VTI, is not in Holdings, so its price is not known: add a Holdings row for it (Quantity 0 and its Price)",
  ]);
});

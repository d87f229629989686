/** The Returns and BacktestPolicies ranges (src/contract/returns.ts, backtest-policies.ts): read, aligned to Targets, every problem cell-addressed. */
import { parseBacktest } from "../../src/contract/parse-backtest";
import { periodsPerYearOf } from "../../src/contract/returns";
import { CellValue, RangeSnapshot, WorkbookSnapshot } from "../../src/contract/snapshot";

const range = (name: string, sheet: string, top: number, left: number, values: CellValue[][]): RangeSnapshot => ({ name, sheet, top, left, values, numberFormats: [] });
const book = (...ranges: RangeSnapshot[]): WorkbookSnapshot => ({ ranges: Object.fromEntries(ranges.map((r) => [r.name.toLowerCase(), r])), nameProblems: [] });
const targets = range("Targets", "Portfolio", 1, 1, [["Asset Class", "Target"], ["Stocks", "60%"], ["Bonds", "40%"], ["Gold", 0]]);
const policy = (rows: CellValue[][]) => range("Policy", "Portfolio", 10, 1, [["Setting", "Value"], ...rows]);
// Returns on sheet "History" at B2: Date in B, classes from C.
const returns = (header: CellValue[], rows: CellValue[][]) => range("Returns", "History", 2, 2, [header, ...rows]);
const STRATEGIES = ["Full"] as const;
const errorsOf = (snapshot: WorkbookSnapshot) => {
  const r = parseBacktest(snapshot, STRATEGIES);
  return r.ok ? [] : r.errors.map((e) => e.text);
};

test("returns in Targets' class order, percents as typed; periods per year from month-end dates; a 0% class may be left out", () => {
  const r = parseBacktest(book(targets, returns(["Date", "bonds", "Stocks", "Risk Free"], [["2020-01-31", "0.5%", 0.02, 0.001], ["2020-02-29", -0.01, "-3%", 0.001], ["2020-03-31", 0, 0.01, "0.1%"]])), STRATEGIES);
  if (!r.ok) throw new Error(r.errors.map((e) => e.text).join("\n"));
  const s = r.input.series;
  expect(s.classes).toEqual(["Stocks", "Bonds"]);
  expect(Array.from(s.returns)).toEqual([0.02, 0.005, -0.03, -0.01, 0.01, 0]);
  expect(Array.from(s.riskFree!)).toEqual([0.001, 0.001, 0.001]);
  expect(s.dates).toEqual(["2020-01-31", "2020-02-29", "2020-03-31"]);
  expect(s.periodsPerYear).toBe(12);
  expect(r.input.targets.map((t) => t.assetClass)).toEqual(["Stocks", "Bonds"]);
  expect(r.input.policies).toBeNull();
});

test("Returns Are = Prices: each period is the change from the row above; Periods Per Year from the Policy", () => {
  const r = parseBacktest(
    book(targets, policy([["Returns Are", "prices"], ["Periods Per Year", 4]]), returns(["Date", "Stocks", "Bonds"], [["2020-12-31", 100, 50], ["2021-12-31", 110, 50], ["2022-12-31", 99, 55]])),
    STRATEGIES,
  );
  if (!r.ok) throw new Error(r.errors.map((e) => e.text).join("\n"));
  expect(r.input.series.dates).toEqual(["2021-12-31", "2022-12-31"]);
  expect(Array.from(r.input.series.returns).map((x) => +x.toFixed(12))).toEqual([0.1, 0, -0.1, 0.1]);
  expect(r.input.series.periodsPerYear).toBe(4);
  expect(r.input.series.periodsFrom).toBe("policy");
});

test("periods per year read off the dates: annual, quarterly, trading days, and an unusual spacing rounded", () => {
  expect(periodsPerYearOf(["2001-12-31", "2002-12-31", "2003-12-31"])).toBe(1);
  expect(periodsPerYearOf(["2001-03-31", "2001-06-30", "2001-09-30", "2001-12-31"])).toBe(4);
  const trading: string[] = [];
  for (let d = Date.UTC(2021, 0, 4); trading.length < 505; d += 86400000) {
    const day = new Date(d).getUTCDay();
    if (day !== 0 && day !== 6 && trading.length % 50 !== 49) trading.push(new Date(d).toISOString().slice(0, 10));
    else if (day !== 0 && day !== 6) trading.push(new Date((d += 86400000)).toISOString().slice(0, 10));
  }
  expect(periodsPerYearOf(trading)).toBe(252);
  expect(periodsPerYearOf(["2001-01-01", "2001-01-11", "2001-01-21", "2001-01-31"])).toBe(37);
  expect(periodsPerYearOf(["2001-01-01"])).toBeNull();
});

test("bad input, all at once: a non-date, dates not increasing, a return of −100%, a class not in Targets, a missing class, an empty cell", () => {
  expect(
    errorsOf(
      book(
        targets,
        returns(["Date", "Stocks", "Real Estate"], [["2020-01-31", 0.01, 0], ["soon", 0.01, 0], ["2020-03-31", -1, 0], ["2020-02-29", "", 0.02], ["2020-02-29", "1,5%", 0]]),
      ),
    ),
  ).toEqual([
    'History!D2: Returns column "Real Estate" is not an asset class in Targets (Targets lists Stocks, Bonds, Gold)',
    'History!B2: Returns has no column for "Bonds", which Targets gives 40%; add its returns (a header cell "Bonds" in row 2)',
    'History!B4: Date must be a date (found "soon")',
    "History!C5: Stocks return must be above −100% (found -1): a class cannot lose more than everything in a period",
    "History!B6: Date 2020-02-29 is not after the date above it (2020-03-31 in B5); dates must increase down the range",
    "History!C6: Stocks needs a return in every row (found an empty cell)",
    "History!B7: Date 2020-02-29 is not after the date above it (2020-02-29 in B6); dates must increase down the range",
    'History!C7: Stocks must be a return for the period, like 1.2% or 0.012 (found "1,5%")',
  ]);
});

test("no Returns range, a price of 0, one period without Periods Per Year, an unreadable cell", () => {
  expect(errorsOf(book(targets))).toEqual([
    'The workbook has no named range "Returns" (a Date column, then one column of periodic returns per asset class of Targets; define Returns over it, header row included)',
  ]);
  expect(errorsOf(book(targets, policy([["Returns Are", "Prices"]]), returns(["Date", "Stocks", "Bonds"], [["2020-12-31", 100, 0], ["2021-12-31", "#N/A", 50]])))).toEqual([
    "History!D3: Bonds must be a price or index level above 0 (found 0)",
    "History!C4: Cell holds the error #N/A; fix it, or what its formula refers to",
  ]);
  expect(errorsOf(book(targets, returns(["Date", "Stocks", "Bonds"], [["2020-12-31", 0.1, 0]])))).toEqual([
    "History!B3: One period of returns does not tell how many periods make a year: set Policy Periods Per Year (12 for monthly, 1 for annual)",
  ]);
  expect(errorsOf(book(targets, policy([["Periods Per Year", 0.5], ["Returns Are", "Levels"]]), returns(["Stocks", "Bonds"], [[0.1, 0]])))).toEqual([
    "Portfolio!B11: Periods Per Year must be a whole number from 1 to 366, like 12 for monthly returns (found 0.5)",
    'Portfolio!B12: Returns Are must be one of Returns, Prices (found "Levels")',
    'History!B2: Returns needs a "Date" column (headers are read from row 2; case and spaces are ignored)',
  ]);
});

const policies = (rows: CellValue[][]) =>
  range("BacktestPolicies", "Backtest", 1, 1, [["Name", "Check", "Abs Band", "Rel Band", "Rebalance To", "Cost Bps", "Tax Rate"], ...rows]);
const ok = returns(["Date", "Stocks", "Bonds"], [["2020-12-31", 0.1, 0], ["2021-12-31", -0.1, 0.02]]);

test("BacktestPolicies: rows read with their defaults (Target, no cost, tax-free)", () => {
  const r = parseBacktest(book(targets, ok, policies([["Quarterly 5%", "quarterly", "5%"], ["Taxed", "Annual", null, 0.2, "Band Edge", 10, "15%"]])), STRATEGIES);
  if (!r.ok) throw new Error(r.errors.map((e) => e.text).join("\n"));
  expect(r.input.policies!.map(({ ref, ...p }) => p)).toEqual([
    { name: "Quarterly 5%", check: "Quarterly", absBand: 0.05, relBand: null, rebalanceTo: "Target", costBps: 0, taxRate: null },
    { name: "Taxed", check: "Annual", absBand: null, relBand: 0.2, rebalanceTo: "Band Edge", costBps: 10, taxRate: 0.15 },
  ]);
});

test("BacktestPolicies: every bad cell at once", () => {
  expect(errorsOf(book(targets, ok, policies([["A", "Weekly", "150%", "x", "Edge", -1, "100%"], ["a", "Never"], ["", "Never"]])))).toEqual([
    'Backtest!B2: Check must be one of Every Period, Monthly, Quarterly, Semiannual, Annual, Never (found "Weekly")',
    "Backtest!C2: Abs Band must be a percent from 0% to 100%, like 5% or 0.05, or None (found \"150%\")",
    'Backtest!D2: Rel Band must be a percent from 0% to 100%, like 5% or 0.05, or None (found "x")',
    'Backtest!E2: Rebalance To must be one of Target, Band Edge, Halfway (found "Edge")',
    "Backtest!F2: Cost Bps must be basis points from 0 to below 10000 (100%), like 10 (found -1)",
    'Backtest!G2: Tax Rate must be a percent from 0% to below 100%, like 15% (found "100%")',
    'Backtest!A3: Policy "a" is listed twice (also in A2)',
    "Backtest!A4: Name must not be empty: each policy needs a name to show in the results",
  ]);
});

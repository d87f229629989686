/** The backtest samples: the history arithmetic by hand, and the committed workbooks regenerate byte for byte. */
import * as fs from "fs";
import * as path from "path";
import { annualSdiraReturns, monthlyStockBondReturns, parseCsv, tenYearBondReturn } from "../../src/samples/history";
import { annualSample, sixtyFortySample } from "../../src/samples/backtest-samples";
import { backtestWorkbookBuffer } from "../../src/xlsx/backtest-samples";

const SAMPLES = path.join(__dirname, "..", "..", "samples");
const data = (name: string) => fs.readFileSync(path.join(SAMPLES, "data", name), "utf8");

test("a par bond whose rate does not move earns a month's coupon; a rise of one point loses about its duration", () => {
  expect(tenYearBondReturn(0.05, 0.05)).toBeCloseTo(0.05 / 12, 12);
  // Modified duration of a 10-year 5% par bond is about 7.7: +1 point ≈ −7.3% after convexity, plus the coupon.
  const r = tenYearBondReturn(0.05, 0.06);
  expect(r).toBeLessThan(-0.065);
  expect(r).toBeGreaterThan(-0.075);
  expect(tenYearBondReturn(0.05, 0)).toBeCloseTo(0.05 * (10 - 1 / 12) + 0.05 / 12, 12);
});

test("the monthly series: January 1926 from the December 1925 and January 1926 rows, by hand", () => {
  const rows = parseCsv(data("shiller-sp500-monthly.csv"));
  const dec = rows.find((r) => r.Date === "1925-12-01")!;
  const jan = rows.find((r) => r.Date === "1926-01-01")!;
  const [first] = monthlyStockBondReturns(data("shiller-sp500-monthly.csv"));
  expect(first.date).toBe("1926-01-31");
  expect(first.values.Stocks).toBeCloseTo((Number(jan.SP500) + Number(jan.Dividend) / 12) / Number(dec.SP500) - 1, 15);
  expect(first.values.Bonds).toBeCloseTo(tenYearBondReturn(Number(dec["Long Interest Rate"]) / 100, Number(jan["Long Interest Rate"]) / 100), 15);
});

test("the annual series: Damodaran's columns under the household's classes, T-bills as Risk Free", () => {
  const rows = annualSdiraReturns(data("damodaran-annual-returns-1928-2023.csv"));
  expect(rows).toHaveLength(96);
  expect(rows[0].date).toBe("1928-12-31");
  expect(rows[0].values.Stocks).toBeCloseTo(0.43811155152887893, 15);
  expect(rows[0].values.Cash).toBe(0.0308);
  expect(rows[0].values["Risk Free"]).toBe(0.0308);
  expect(rows[0].values.Alternatives).toBeCloseTo(0.0009689922480620172, 15);
});

test.each([
  ["backtest-sdira-annual.xlsx", () => annualSample(data("damodaran-annual-returns-1928-2023.csv"))],
  ["backtest-60-40-monthly.xlsx", () => sixtyFortySample(data("shiller-sp500-monthly.csv"))],
])("%s regenerates byte for byte (npm run sample)", async (file, sample) => {
  const committed = fs.readFileSync(path.join(SAMPLES, file));
  expect((await backtestWorkbookBuffer(sample())).equals(committed)).toBe(true);
});

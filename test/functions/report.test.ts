/**
 * REBAL.REPORT: the class table from the contract's ranges, and the proof that it equals the runner's:
 * over the sample workbook, REPORT's rows are exactly the classes of planWorkbook and of
 * `rebalance samples/sdira-sample.xlsx --json`.
 */
import * as fs from "fs";
import * as path from "path";
import { REPORT_HEADERS, reportFunction, reportSnapshot } from "../../src/functions/report";
import { readWorkbookSnapshot } from "../../src/xlsx/read";
import { planWorkbook } from "../../src/plans/plan-workbook";
import { PlanJson } from "../../src/plans/json";
import { CellValue, RangeSnapshot } from "../../src/contract/snapshot";
import { cellAddress } from "../../src/a1";
import { isoToSerial } from "../../src/dates/serial";
import { main } from "../../src/cli/main";
import { expectValueError } from "./helpers";

const ROOT = path.join(__dirname, "..", "..");
const SAMPLE = path.join(ROOT, "samples", "sdira-sample.xlsx");

const HOLDINGS = [
  ["Account", "Symbol", "Asset Class", "Quantity", "Price"],
  ["IRA", "VTI", "Stocks", 100, 200],
  ["IRA", "BND", "Bonds", 100, 50],
  ["", "", "", "", ""],
  ["IRA", "CASH", "Cash", 5000, ""],
];
const TARGETS = [
  ["Asset Class", "Target"],
  ["Stocks", 0.6],
  ["Bonds", "30%"],
  ["Cash", 0.1],
];
const POLICY = [
  ["Setting", "Value"],
  ["As Of", "2026-11-20"],
];

/** REPORT's rows back in the shape of the runner's JSON classes. */
function asJsonClasses(table: unknown[][]): PlanJson["classes"] {
  expect(table[0]).toEqual(REPORT_HEADERS);
  return table.slice(1).map((r) => ({
    assetClass: r[0] as string,
    value: (r[1] as number).toFixed(2),
    weight: r[2] as number,
    target: r[3] as number,
    drift: r[4] as number,
    relativeDrift: r[5] === "" ? null : (r[5] as number),
    bandLow: r[6] as number,
    bandHigh: r[7] as number,
    status: r[8] as string,
  }));
}

describe("REBAL.REPORT on small ranges", () => {
  test("the class table with headers: values, weights, drifts, bands, status", () => {
    // Total 30,000: Stocks 20,000 (66.67%, target 60%, band ±5 → Over), Bonds 5,000 (16.67%, target 30% → Under),
    // Cash 5,000 (16.67%, target 10%, band min(5, 25% × 10) = ±2.5 → Over).
    const out = reportFunction(HOLDINGS, TARGETS, POLICY);
    expect(out[0]).toEqual(["Asset Class", "Value", "Weight", "Target", "Drift", "Relative Drift", "Band Low", "Band High", "Status"]);
    expect(out.slice(1).map((r) => [r[0], r[1], r[3], r[8]])).toEqual([
      ["Stocks", 20000, 0.6, "Over"],
      ["Bonds", 5000, 0.3, "Under"],
      ["Cash", 5000, 0.1, "Over"],
    ]);
    expect(out[1][2]).toBeCloseTo(2 / 3, 9);
    expect(out[1][4]).toBeCloseTo(2 / 3 - 0.6, 9);
    expect(out[1][5]).toBeCloseTo((2 / 3 - 0.6) / 0.6, 9);
    expect([out[1][6], out[1][7]]).toEqual([0.55, 0.65]);
    expect([out[3][6], out[3][7]]).toEqual([0.075, 0.125]);
    // The same as the pipeline on the equivalent snapshot.
    const plan = planWorkbook(reportSnapshot(HOLDINGS, TARGETS, POLICY));
    expect(plan.ok && asJsonClasses(out)).toEqual(plan.ok && plan.plan.classes);
  });

  test("Policy is optional; without a Cash target the implicit Cash row has a blank relative drift", () => {
    const out = reportFunction(HOLDINGS.slice(0, 3), [["Asset Class", "Target"], ["Stocks", 0.8], ["Bonds", 0.2]]);
    expect(out.map((r) => r[0])).toEqual(["Asset Class", "Stocks", "Bonds", "Cash"]);
    const cash = out[3];
    expect([cash[1], cash[3], cash[5]]).toEqual([0, 0, 0]);
    const withCash = reportFunction(HOLDINGS, [["Asset Class", "Target"], ["Stocks", 0.8], ["Bonds", 0.2]]);
    expect(withCash[3][5]).toBe("");
  });

  test("the Accounts range is honoured (cash reserves move the implicit Cash band)", () => {
    const targets = [["Asset Class", "Target"], ["Stocks", 0.8], ["Bonds", 0.2]];
    const without = reportFunction(HOLDINGS, targets, POLICY);
    const accounts = [["Account", "Type", "Cash Reserve"], ["IRA", "Traditional IRA", 3000]];
    const withAccounts = reportFunction(HOLDINGS, targets, POLICY, accounts);
    // Reserve 3,000 of 30,000 = 10% allowed on top of the 5-point band.
    expect(without[3][7]).toBeCloseTo(0.05, 12);
    expect(withAccounts[3][7]).toBeCloseTo(0.15, 12);
  });

  test("contract problems: #VALUE! naming the row of the argument, or the real cell when Excel gives addresses", () => {
    const noPrice = HOLDINGS.map((r) => r.slice(0, 4));
    expectValueError(
      () => reportFunction(noPrice, TARGETS, POLICY),
      'holdings row 1: Holdings is missing the required column "Price" (headers are read from row 1, A1:D1; case and spaces are ignored)',
    );
    expectValueError(
      () => reportFunction(noPrice, TARGETS, POLICY, null, ["Portfolio!$A$3:$D$7", "Portfolio!$G$3:$H$6", "Settings!$A$1:$B$2"]),
      'Portfolio!A3: Holdings is missing the required column "Price" (headers are read from row 3, A3:D3; case and spaces are ignored)',
    );
    expectValueError(
      () => reportFunction(HOLDINGS, [["Asset Class", "Target"], ["Stocks", 0.6], ["Bonds", 0.25], ["Cash", 0.1]]),
      "targets row 1: Targets sum to 95.00%, expected 100%",
    );
    // Addresses with the workbook's name in front, quoted or not.
    expectValueError(
      () =>
        reportFunction(HOLDINGS, [["Asset Class", "Target"], ["Stocks", 0.6], ["Bonds", 0.25], ["Cash", 0.1]], POLICY, null, [
          "[Book1.xlsx]Data!A1:E5",
          "'[Book1.xlsx]My Sheet'!$G$10:$H$13",
        ]),
      "'My Sheet'!H10: Targets sum to 95.00%, expected 100%",
    );
  });

  test("only the first three problems are listed, then how many more", () => {
    const holdings = [
      ["Symbol", "Asset Class", "Quantity", "Price"],
      ["VTI", "Stocks", "x", -1],
      ["BND", "Gold", 1, 1],
      ["Q", "", 1, 1],
    ];
    expectValueError(
      () => reportFunction(holdings, TARGETS, [["Setting", "Value"], ["Trigger", "Sometimes"]]),
      'policy row 2: Trigger must be one of Band, Calendar, Hybrid (found "Sometimes"); holdings row 2: Quantity must be a number of 0 or more (found "x"); holdings row 2: Price must be a number greater than 0 (found -1) (and 2 more problems)',
    );
  });
});

/** A range's cells as Excel hands them to a function: dates as serial numbers, empty cells as "". */
function asExcelPasses(values: CellValue[][]): CellValue[][] {
  return values.map((r) => r.map((c) => (c instanceof Date ? isoToSerial(c.toISOString().slice(0, 10)) : c === null ? "" : c)));
}

function addressOf(r: RangeSnapshot): string {
  const width = Math.max(...r.values.map((row) => row.length));
  return `'${r.sheet}'!$${cellAddress(r.top, r.left).replace(/(\d+)$/, "$$$1")}:${cellAddress(r.top + r.values.length - 1, r.left + width - 1)}`;
}

test("REBAL.REPORT with a LookThrough range counts a fund in each of its classes", () => {
  const holdings = [["Symbol", "Asset Class", "Quantity", "Price"], ["VTI", "Stocks", 100, 100], ["BAL", "Balanced", 100, 100]];
  const targets = [["Asset Class", "Target"], ["Stocks", 0.8], ["Bonds", 0.2]];
  const lookThrough = [["Symbol", "Asset Class", "Share"], ["BAL", "Stocks", 0.6], ["BAL", "Bonds", 0.4]];
  const out = reportFunction(holdings, targets, null, null, undefined, 1900, null, lookThrough);
  // Stocks 10,000 + 6,000; Bonds 4,000: 80% / 20%, on target.
  expect(out.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual([["Stocks", 16000, 0.8], ["Bonds", 4000, 0.2], ["Cash", 0, 0]]);
  // Without it, BAL's Holdings class is not in Targets.
  expect(() => reportFunction(holdings, targets)).toThrow('Asset Class "Balanced" is not in Targets');
});

describe("REBAL.REPORT over the sample workbook equals the runner", () => {
  let snapshot: Awaited<ReturnType<typeof readWorkbookSnapshot>>;
  let expected: PlanJson["classes"];

  beforeAll(async () => {
    snapshot = await readWorkbookSnapshot(fs.readFileSync(SAMPLE));
    const plan = planWorkbook(snapshot);
    if (!plan.ok) throw new Error(plan.errors.map((e) => e.text).join("\n"));
    expected = plan.plan.classes;
  });

  const args = (convert: (v: CellValue[][]) => CellValue[][]) => {
    const r = snapshot.ranges;
    return [convert(r.holdings.values), convert(r.targets.values), r.policy ? convert(r.policy.values) : null, r.accounts ? convert(r.accounts.values) : null, r.owners ? convert(r.owners.values) : null] as const;
  };

  test("the sample has the ranges REPORT takes (and nothing else that shapes the classes)", () => {
    expect(Object.keys(snapshot.ranges).sort()).toEqual(expect.arrayContaining(["holdings", "targets"]));
    expect(Object.keys(snapshot.ranges).filter((k) => !["holdings", "targets", "policy", "accounts", "owners"].includes(k))).toEqual([]);
    expect(expected.length).toBeGreaterThanOrEqual(3);
  });

  test("equal to planWorkbook's classes on the same snapshot, with and without parameter addresses", () => {
    const [h, t, p, a, o] = args((v) => v);
    expect(asJsonClasses(reportFunction(h, t, p, a, undefined, 1900, o))).toEqual(expected);
    const r = snapshot.ranges;
    const addresses = [r.holdings, r.targets, r.policy, r.accounts, r.owners].map((x) => (x ? addressOf(x) : undefined));
    expect(asJsonClasses(reportFunction(h, t, p, a, addresses, 1900, o))).toEqual(expected);
  });

  test("equal when the cells arrive as Excel passes them (dates as serials, blanks as empty text)", () => {
    const [h, t, p, a, o] = args(asExcelPasses);
    expect(asJsonClasses(reportFunction(h, t, p, a, undefined, 1900, o))).toEqual(expected);
  });

  test("equal to the classes of `rebalance samples/sdira-sample.xlsx --json`", async () => {
    // The runner's entry point (bin/rebalance.js calls it with the command line), run in-process on the source.
    let stdout = "";
    let stderr = "";
    const code = await main([SAMPLE, "--json"], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    const runner = JSON.parse(stdout) as PlanJson;
    const [h, t, p, a, o] = args(asExcelPasses);
    expect(asJsonClasses(reportFunction(h, t, p, a, undefined, 1900, o))).toEqual(runner.classes);
    expect(runner.classes).toEqual(expected);
  });

  test("the sample's Cash Flow = RMD needs its Owners range: without it, #VALUE! says so", () => {
    const [h, t, p, a] = args((v) => v);
    expect(() => reportFunction(h, t, p, a)).toThrow("Cash Flow is RMD, but no owner's birth date is given");
  });
});

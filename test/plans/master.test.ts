/**
 * A master workbook (Holdings, Targets and Accounts with a Household column): each household planned
 * separately, its numbers equal to planning it as a workbook of its own; every problem of every
 * household at once, each naming its cell (and its household when the cell does not).
 */
import { CellValue, RangeSnapshot, WorkbookSnapshot } from "../../src/contract/snapshot";
import { planBook, planWorkbook } from "../../src/plans/plan-workbook";

const range = (name: string, top: number, values: CellValue[][]): RangeSnapshot => ({ name, sheet: name, top, left: 1, values, numberFormats: [] });

const POLICY: CellValue[][] = [
  ["Setting", "Value"],
  ["As Of", "2026-11-20"],
  ["Trigger", "Band"],
  ["Abs Band", 0.05],
  ["Rebalance To", "Target"],
  ["Fractional", "No"],
];

const HOLDINGS_HEADER = ["Household", "Account", "Symbol", "Asset Class", "Quantity", "Price", "Cost Basis", "Acquired"];
/** Smith: two accounts (one taxable), 60/30/10 against its own 50/40/10. Jones: one IRA, 80/10/10 against the shared 60/30/10. */
const SMITH: CellValue[][] = [
  ["Smith", "IRA", "VTI", "Stocks", 100, 300, 20000, "2020-01-15"],
  ["Smith", "Brokerage", "BND", "Bonds", 300, 50, 16000, "2021-03-01"],
  ["Smith", "Brokerage", "VTI", "Stocks", 20, 300, 3000, "2019-05-01"],
  ["Smith", "IRA", "CASH", "Cash", 3000, 1, null, null],
  ["Smith", "Brokerage", "CASH", "Cash", 3000, 1, null, null],
];
const JONES: CellValue[][] = [
  ["jones", "IRA", "VTI", "Stocks", 160, 250, 30000, "2018-01-15"],
  ["Jones", "IRA", "BND", "Bonds", 100, 50, 5200, "2020-03-01"],
  ["Jones", "IRA", "CASH", "Cash", 5000, 1, null, null],
];
const TARGETS: CellValue[][] = [
  ["Household", "Asset Class", "Target"],
  [null, "Stocks", 0.6],
  [null, "Bonds", 0.3],
  [null, "Cash", 0.1],
  ["Smith", "Stocks", 0.5],
  ["Smith", "Bonds", 0.4],
  ["Smith", "Cash", 0.1],
];
const ACCOUNTS: CellValue[][] = [
  ["Household", "Account", "Type"],
  [null, "IRA", "Traditional IRA"],
  ["Smith", "Brokerage", "Taxable"],
];

function master(holdings: CellValue[][] = [HOLDINGS_HEADER, ...SMITH, ...JONES], targets = TARGETS, accounts = ACCOUNTS, policy = POLICY): WorkbookSnapshot {
  return { ranges: { holdings: range("Holdings", 1, holdings), targets: range("Targets", 1, targets), accounts: range("Accounts", 1, accounts), policy: range("Policy", 1, policy) }, nameProblems: [] };
}

/** A household as a workbook of its own: its rows without the Household column. */
function alone(rows: CellValue[][], targets: CellValue[][], accounts: CellValue[][]): WorkbookSnapshot {
  const drop = (t: CellValue[][]) => t.map((r) => r.slice(1));
  return {
    ranges: { holdings: range("Holdings", 1, drop([HOLDINGS_HEADER, ...rows])), targets: range("Targets", 1, drop(targets)), accounts: range("Accounts", 1, drop(accounts)), policy: range("Policy", 1, POLICY) },
    nameProblems: [],
  };
}

/** A plan's numbers: everything but where its rows came from. */
const numbers = (p: { classes: unknown; trades: unknown; after: unknown; trigger: unknown; total: unknown; warnings: unknown }) => ({ total: p.total, classes: p.classes, trades: p.trades, after: p.after, trigger: p.trigger, warnings: p.warnings });

test("two households planned separately, each equal to planning it alone (its own targets, or the shared ones)", () => {
  const book = planBook(master());
  if (!book.ok) throw new Error(book.errors.map((e) => e.text).join("\n"));
  expect(book.master).toBe(true);
  expect(book.households.map((h) => h.household)).toEqual(["Smith", "jones"]);
  const smith = planWorkbook(alone(SMITH, [TARGETS[0], ...TARGETS.slice(4)], ACCOUNTS));
  const jones = planWorkbook(alone(JONES, TARGETS.slice(0, 4), ACCOUNTS.slice(0, 2)));
  if (!smith.ok || !jones.ok) throw new Error("the households alone break the contract");
  expect(numbers(book.households[0].plan)).toEqual(numbers(smith.plan));
  expect(numbers(book.households[1].plan)).toEqual(numbers(jones.plan));
  // Smith: $30,000 + $15,000 + $6,000 of VTI and BND, $6,000 cash, against its own 50/40/10.
  expect(book.households[0].plan.total).toBe("57000.00");
  expect(book.households[0].plan.classes.map((c) => c.target)).toEqual([0.5, 0.4, 0.1]);
  // Jones: $40,000 + $5,000 + $5,000 against the shared 60/30/10.
  expect(book.households[1].plan.total).toBe("50000.00");
  expect(book.households[1].plan.classes.map((c) => c.target)).toEqual([0.6, 0.3, 0.1]);
  // Jones has no taxable account: no realised gains counted.
  expect(book.households[1].plan.trades.every((t) => t.realizedLongTerm === null)).toBe(true);
});

test("a workbook without a Household column is one household, planned as before", () => {
  const single = alone(JONES, TARGETS.slice(0, 4), ACCOUNTS.slice(0, 2));
  const book = planBook(single);
  const plain = planWorkbook(single);
  if (!book.ok || !plain.ok) throw new Error("the single book breaks the contract");
  expect(book.master).toBe(false);
  expect(book.households).toHaveLength(1);
  expect(book.households[0].household).toBeNull();
  expect(book.households[0].plan).toEqual(plain.plan);
});

test("every problem of every household at once, by cell, with the household named where the cell does not say it", () => {
  const holdings = [HOLDINGS_HEADER, ...SMITH, ...JONES, [null, "IRA", "GLD", "Stocks", 1, 180, null, null], ["Jones", "IRA", "BND", "Bonds", "lots", 50, null, null]];
  const targets = [...TARGETS.slice(0, 4), ["Smith", "Stocks", 0.6], ["Smith", "Bonds", 0.4], ["Smith", "Cash", 0.1], ["Smyth", "Cash", 0.1]];
  const book = planBook(master(holdings, targets));
  expect(book.ok).toBe(false);
  if (book.ok) return;
  expect(book.errors.map((e) => e.text)).toEqual(
    expect.arrayContaining([
      "Holdings!A10: Household must not be empty: Holdings has a Household column, so every row names its household",
      'Targets!A8: Household "Smyth" holds nothing in Holdings (households: Smith, jones)',
      'Holdings!E11: Quantity must be a number of 0 or more (found "lots")',
      "Targets!C1: Targets sum to 110.00%, expected 100% (household Smith)",
    ]),
  );
  expect(book.errors).toHaveLength(4);
});

test("a problem every household shares is said once; a Cash Flow in a shared Policy is refused", () => {
  const policy = POLICY.map((r) => (r[0] === "Trigger" ? ["Trigger", "Sometimes"] : r));
  const book = planBook(master(undefined, undefined, undefined, policy));
  expect(book.ok).toBe(false);
  if (book.ok) return;
  expect(book.errors).toHaveLength(1);
  expect(book.errors[0].text).toMatch(/^Policy!B3: Trigger must be/);
  expect(book.errors[0].text).not.toContain("household");
  const flow = planBook(master(undefined, undefined, undefined, [...POLICY, ["Cash Flow", 1000]]));
  expect(flow.ok).toBe(false);
  if (flow.ok) return;
  expect(flow.errors.map((e) => e.text)).toEqual(["Policy!B7: Cash Flow goes to one household's account, but this master workbook's Policy is shared by 2 households; leave it at 0 here and plan the cash flow in that household's own workbook"]);
});

test("a Household column in Targets or Accounts needs one in Holdings", () => {
  const single = alone(JONES, TARGETS.slice(0, 4), ACCOUNTS.slice(0, 2));
  single.ranges.targets = range("Targets", 1, TARGETS);
  const book = planBook(single);
  expect(book.ok).toBe(false);
  if (book.ok) return;
  expect(book.errors[0].text).toBe("Targets!A1: Targets has a Household column but Holdings has none: add a Household column to Holdings naming each row's household, or remove this one");
});

/**
 * The Owners range, the Accounts RMD columns and Policy Cash Flow = RMD / Owner Birth Date
 * (src/contract/owners.ts, accounts.ts, owner-checks.ts): read, and every problem cell-addressed at once.
 */
import { ParseOptions, parsePortfolio } from "../../src/contract/parse";
import { CellValue, RangeSnapshot, WorkbookSnapshot } from "../../src/contract/snapshot";

const OPTIONS: ParseOptions = { strategies: ["Full", "Cash Flow", "Tax Aware"], today: "2026-11-20" };
const range = (name: string, sheet: string, top: number, left: number, values: CellValue[][]): RangeSnapshot => ({ name, sheet, top, left, values, numberFormats: [] });
const book = (...ranges: (RangeSnapshot | undefined)[]): WorkbookSnapshot => ({ ranges: Object.fromEntries(ranges.filter((r) => r).map((r) => [r!.name.toLowerCase(), r!])), nameProblems: [] });
const holdings = range("Holdings", "Portfolio", 1, 1, [
  ["Account", "Symbol", "Asset Class", "Quantity", "Price"],
  ["Trad", "VTI", "Stocks", 100, 250],
  ["Roth", "BND", "Bonds", 200, 72.5],
]);
const targets = range("Targets", "Portfolio", 1, 8, [["Asset Class", "Target"], ["Stocks", "60%"], ["Bonds", "40%"]]);
const accounts = (rows: CellValue[][], header: CellValue[] = ["Account", "Type", "Owner", "Prior Year End Value", "Distributed This Year"]) => range("Accounts", "Accounts", 1, 1, [header, ...rows]);
const owners = (rows: CellValue[][]) => range("Owners", "Owners", 1, 1, [["Owner", "Birth Date", "Spouse Birth Date", "Spouse Sole Beneficiary"], ...rows]);
const policy = (rows: CellValue[][]) => range("Policy", "Policy", 1, 1, [["Setting", "Value"], ...rows]);
const texts = (snapshot: WorkbookSnapshot) => {
  const r = parsePortfolio(snapshot, OPTIONS);
  return r.ok ? [] : r.errors.map((e) => e.text);
};

test("read: owners with their dates, accounts with owner and RMD columns, Cash Flow = RMD", () => {
  const r = parsePortfolio(
    book(holdings, targets, accounts([["Trad", "Traditional IRA", "Pat", 255000, 500], ["Roth", "Roth IRA", "Pat", 30000, null]]), owners([["Pat", "1952-05-10", "1955-01-02", "Yes"]]), policy([["Cash Flow", "rmd"]])),
    OPTIONS,
  );
  if (!r.ok) throw new Error(r.errors.map((e) => e.text).join("\n"));
  expect(r.portfolio.owners).toMatchObject([{ owner: "Pat", birthDate: "1952-05-10", spouseBirthDate: "1955-01-02", spouseSoleBeneficiary: true }]);
  expect(r.portfolio.accounts.map((a) => [a.account, a.owner, a.priorYearEnd?.toString(), a.distributedThisYear.toString()])).toEqual([
    ["Trad", "Pat", "255000", "500"],
    ["Roth", "Pat", "30000", "0"],
  ]);
  expect(r.portfolio.policy.rmdFlow).toBe(true);
  expect(r.portfolio.policy.cashFlow.toNumber()).toBe(0);
});

test("a birth date in the future, a negative prior year-end value, an unknown owner: each at its cell, all at once, nothing planned", () => {
  expect(
    texts(book(holdings, targets, accounts([["Trad", "Traditional IRA", "Pat", -5, null], ["Roth", "Roth IRA", "Sam", 30000, "lots"]]), owners([["Pat", "2030-01-01"], ["Lee", "1950-02-03"]]))),
  ).toEqual([
    "Accounts!D2: Prior Year End Value must be a dollar amount of 0 or more, below $1,000,000,000,000 (found -5)",
    'Accounts!E3: Distributed This Year must be a dollar amount of 0 or more, below $1,000,000,000,000 (found "lots")',
    "Owners!B2: Birth Date 2030-01-01 is after As Of (2026-11-20): a birth date cannot be in the future",
  ]);
  expect(texts(book(holdings, targets, accounts([["Trad", "Traditional IRA", "Sam", 1, null], ["Roth", "Roth IRA", "", 1, null]]), owners([["Pat", "1950-01-01"], ["Lee", "1950-02-03"]])))).toEqual([
    'Accounts!C2: Owner "Sam" is not in Owners (Owners lists Pat, Lee)',
    "Accounts!C3: Owner must name one of the Owners (Owners lists Pat, Lee); with more than one owner each account says whose it is",
  ]);
  expect(texts(book(holdings, targets, policy([["Owner Birth Date", "2027-03-01"]])))).toEqual([
    "Policy!B2: Owner Birth Date 2027-03-01 is after As Of (2026-11-20): a birth date cannot be in the future",
  ]);
  expect(texts(book(holdings, targets, policy([["Owner Birth Date", "1960-03-01"], ["Owner Age", 66]])))).toEqual([
    "Policy!B3: Owner Age is derived from Owner Birth Date when that is given; leave Owner Age blank",
  ]);
});

test("Cash Flow = RMD with no account that bears an RMD, with no birth date, without a prior year-end value, with a Cash Flow Account", () => {
  const rothOnly = accounts([["Trad", "Roth IRA", null, 1, null], ["Roth", "Roth IRA", null, 1, null]]);
  expect(texts(book(holdings, targets, rothOnly, policy([["Cash Flow", "RMD"], ["Owner Birth Date", "1950-01-01"]])))).toEqual([
    "Policy!B2: Cash Flow is RMD, but no account bears a required minimum distribution (Traditional IRA, SEP IRA, SIMPLE IRA, Solo 401k); the accounts are Trad (Roth IRA), Roth (Roth IRA)",
  ]);
  expect(texts(book(holdings, targets, accounts([["Trad", "Traditional IRA", null, 1, null], ["Roth", "Roth IRA", null, 1, null]]), policy([["Cash Flow", "RMD"]])))).toEqual([
    "Policy!B2: Cash Flow is RMD, but no owner's birth date is given: add Policy Owner Birth Date (one owner) or an Owners range (Owner, Birth Date)",
  ]);
  expect(texts(book(holdings, targets, accounts([["Trad", "Traditional IRA", null, null, null], ["Roth", "Roth IRA", null, null, null]]), policy([["Cash Flow", "RMD"], ["Owner Birth Date", "1950-01-01"], ["Cash Flow Account", "Trad"]])))).toEqual([
    "Policy!B4: Cash Flow Account must be blank when Cash Flow is RMD: the plan chooses which of the owner's IRAs distribute",
    "Accounts!D2: Prior Year End Value of Trad is needed for its RMD (Cash Flow = RMD): the account's fair market value on December 31 of last year",
  ]);
  // Without an Accounts range every account is a Traditional IRA with no prior year-end value.
  expect(texts(book(holdings, targets, policy([["Cash Flow", "RMD"], ["Owner Birth Date", "1950-01-01"]])))[0]).toBe(
    "Policy!B2: Cash Flow is RMD, but Trad is not in an Accounts range: list it with its Type and Prior Year End Value (the December 31 value its RMD is computed from)",
  );
  expect(texts(book(holdings, targets, policy([["Cash Flow", "RMD please"]])))).toEqual([
    'Policy!B2: Cash Flow must be a dollar amount (positive to contribute, negative to withdraw) or RMD (found "RMD please")',
  ]);
});

test("Valuation Deadline: a month and day in any usual spelling", () => {
  const deadline = (v: CellValue) => {
    const r = parsePortfolio(book(holdings, targets, policy([["Valuation Deadline", v]])), OPTIONS);
    return r.ok ? r.portfolio.policy.valuationDeadline : r.errors.map((e) => e.text);
  };
  expect([deadline("12-31"), deadline("1/31"), deadline("Jan 31"), deadline("2027-03-15"), deadline(null)]).toEqual(["12-31", "01-31", "01-31", "03-15", "12-31"]);
  expect(deadline("02-30")).toEqual(['Policy!B2: Valuation Deadline must be a month and day, like 12-31 or 1/31 (found "02-30")']);
});

test("Holdings Trade Fee, Settle Days and Divisible: read, and bad values cell-addressed", () => {
  const h = (fee: CellValue, days: CellValue, div: CellValue) =>
    range("Holdings", "Portfolio", 1, 1, [
      ["Account", "Symbol", "Asset Class", "Quantity", "Price", "Trade Fee", "Settle Days", "Divisible"],
      ["Trad", "VTI", "Stocks", 100, 250, fee, days, div],
      ["Roth", "BND", "Bonds", 200, 72.5, null, null, null],
    ]);
  const r = parsePortfolio(book(h(150, 20, "Yes"), targets), OPTIONS);
  if (!r.ok) throw new Error(r.errors.map((e) => e.text).join("\n"));
  expect(r.portfolio.holdings.map((x) => [x.tradeFee?.toNumber() ?? null, x.settleDays, x.divisible])).toEqual([
    [150, 20, true],
    [null, null, false],
  ]);
  expect(texts(book(h(-1, 2.5, "maybe"), targets))).toEqual([
    "Portfolio!H2: Divisible must be Yes or No (found \"maybe\")",
    "Portfolio!F2: Trade Fee must be a dollar amount of 0 or more, below $1,000,000,000,000 (found -1)",
    "Portfolio!G2: Settle Days must be a whole number of business days from 0 to 365 (found 2.5)",
  ]);
});

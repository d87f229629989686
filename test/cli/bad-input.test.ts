/**
 * The runner on workbooks that break the contract: real .xlsx files written to a temp folder
 * (test/support/workbook.ts), run in-process through main() with a captured Io, plus one real
 * `node bin/rebalance.js` process. Every case must exit 2, list exactly the cell-addressed
 * problems on stderr (nothing on stdout), and write no --out file.
 *
 * sampleBook() layout (see test/support/workbook.ts), which the addresses below refer to:
 *   Holdings  A Account | B Symbol | C Asset Class | D Quantity | E Price | F Cost Basis | G Acquired |
 *             H Tradable | I Lot Size | J Valued On;  row 2 VTI (Stocks), row 3 BND (Bonds), row 4 CASH
 *   Targets   A Asset Class | B Target | C Abs Band | D Rel Band;  row 2 Stocks 50%, 3 Bonds 40%, 4 Cash 10%
 *   Policy    A Setting | B Value;  2 As Of, 3 Trigger, 4 Abs Band, 5 Rel Band, 6 Rebalance To,
 *             7 Min Trade, 8 Cash Reserve, 9 Fractional
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { run } from "../support/runner";
import { KNOWN_SETTINGS } from "../../src/contract/policy";
import { addRow, BookSpec, CellInput, date, deleteColumn, pct, renameColumn, Rows, sampleBook, setCell, tempDir, usd, writeWorkbook } from "../support/workbook";

const ROOT = path.join(__dirname, "..", "..");


/** What the runner must print for these problems, in this order. */
function expectedStderr(file: string, problems: string[]): string {
  const n = problems.length;
  return `${file}: ${n} problem${n > 1 ? "s" : ""} found, nothing written:\n${problems.map((p) => `${p}\n`).join("")}`;
}

/** The settings the unknown-setting message must list: every setting the contract reads, in its order. */
const KNOWN = KNOWN_SETTINGS.join(", ");
/** Settings documented from the first version; the list may grow but must keep these. */
const CORE_SETTINGS = ["As Of", "Trigger", "Frequency", "Last Rebalanced", "Abs Band", "Rel Band", "Rebalance To", "Strategy", "Min Trade", "Fee Per Trade", "Fee Bps", "Cash Reserve", "Limit Offset Bps", "Fractional"];

interface Case {
  name: string;
  /** Breaks a fresh sampleBook() (or returns a different book). */
  book: () => BookSpec;
  problems: string[];
}

function broken(mutate: (b: BookSpec) => void): () => BookSpec {
  return () => {
    const b = sampleBook();
    mutate(b);
    return b;
  };
}

/** sampleBook() plus an Accounts sheet and name. */
function withAccounts(rows: Rows): () => BookSpec {
  return () => {
    const b = sampleBook({
      names: { Holdings: { table: "Holdings" }, Targets: { table: "Targets" }, Policy: { table: "Policy" }, Accounts: { table: "Accounts" } },
    });
    b.sheets.Accounts = rows;
    return b;
  };
}

const CASES: Case[] = [
  // ---- names ----
  {
    name: "no Holdings name",
    book: () => sampleBook({ names: { Targets: { table: "Targets" }, Policy: { table: "Policy" } } }),
    problems: ['The workbook has no named range "Holdings" (Formulas > Name Manager: define Holdings over the holdings table, header row included)'],
  },
  {
    name: "no Targets name",
    book: () => sampleBook({ names: { Holdings: { table: "Holdings" }, Policy: { table: "Policy" } } }),
    problems: ['The workbook has no named range "Targets" (Formulas > Name Manager: define Targets over the targets table, header row included)'],
  },
  {
    name: "no names at all",
    book: () => sampleBook({ names: {} }),
    problems: [
      'The workbook has no named range "Holdings" (Formulas > Name Manager: define Holdings over the holdings table, header row included)',
      'The workbook has no named range "Targets" (Formulas > Name Manager: define Targets over the targets table, header row included)',
    ],
  },
  {
    name: "Holdings defined as a constant",
    book: () => sampleBook({ names: { Holdings: "0.05", Targets: { table: "Targets" }, Policy: { table: "Policy" } } }),
    problems: ['The name "Holdings" does not refer to a single range of cells (it refers to 0.05)'],
  },
  {
    name: "Targets is #REF!",
    book: () => sampleBook({ names: { Holdings: { table: "Holdings" }, Targets: "#REF!", Policy: { table: "Policy" } } }),
    problems: ['The name "Targets" does not refer to a single range of cells (it refers to #REF!)'],
  },
  {
    name: "Policy spans two areas",
    book: () => sampleBook({ names: { Holdings: { table: "Holdings" }, Targets: { table: "Targets" }, Policy: "Policy!$A$1:$B$3,Policy!$A$5:$B$9" } }),
    problems: ['The name "Policy" does not refer to a single range of cells (it refers to Policy!$A$1:$B$3,Policy!$A$5:$B$9)'],
  },
  {
    name: "Holdings on a sheet that is not there",
    book: () => sampleBook({ names: { Holdings: "Gone!$A$1:$J$4", Targets: { table: "Targets" }, Policy: { table: "Policy" } } }),
    problems: ['The name "Holdings" refers to the sheet "Gone", which is not in the workbook'],
  },

  // ---- Holdings columns ----
  {
    name: "missing required column Price",
    book: broken((b) => deleteColumn(b, "Holdings", "Price")),
    // Nine headers remain, A1:I1.
    problems: ['Holdings!A1: Holdings is missing the required column "Price" (headers are read from row 1, A1:I1; case and spaces are ignored)'],
  },
  {
    name: "two required columns missing (one renamed)",
    book: broken((b) => {
      renameColumn(b, "Holdings", "Symbol", "Ticker");
      renameColumn(b, "Holdings", "Quantity", "Shares");
    }),
    problems: ['Holdings!A1: Holdings is missing the required columns "Symbol", "Quantity" (headers are read from row 1, A1:J1; case and spaces are ignored)'],
  },
  {
    name: "duplicate column",
    book: broken((b) => setCell(b, "Holdings!K1", " price ")),
    problems: ['Holdings!K1: Holdings has the column "price" twice (also in E1)'],
  },

  // ---- Holdings cells ----
  {
    name: "empty Symbol",
    book: broken((b) => setCell(b, "Holdings!B3", "   ")),
    problems: ["Holdings!B3: Symbol must not be empty"],
  },
  {
    name: "Asset Class not in Targets",
    book: broken((b) => setCell(b, "Holdings!C3", "Gold")),
    problems: ['Holdings!C3: Asset Class "Gold" is not in Targets (known: Stocks, Bonds, Cash)'],
  },
  {
    name: "empty Asset Class",
    book: broken((b) => setCell(b, "Holdings!C2", null)),
    problems: ["Holdings!C2: Asset Class must not be empty"],
  },
  {
    name: "negative Quantity",
    book: broken((b) => setCell(b, "Holdings!D2", -5)),
    problems: ["Holdings!D2: Quantity must be a number of 0 or more (found -5)"],
  },
  {
    name: "text Quantity",
    book: broken((b) => setCell(b, "Holdings!D3", "lots")),
    problems: ['Holdings!D3: Quantity must be a number of 0 or more (found "lots")'],
  },
  {
    name: "zero Price",
    book: broken((b) => setCell(b, "Holdings!E2", usd(0))),
    problems: ["Holdings!E2: Price must be a number greater than 0 (found 0)"],
  },
  {
    name: "text Price",
    book: broken((b) => setCell(b, "Holdings!E3", "abc")),
    problems: ['Holdings!E3: Price must be a number greater than 0 (found "abc")'],
  },
  {
    name: "CASH priced other than 1",
    book: broken((b) => setCell(b, "Holdings!E4", 1.01)),
    problems: ["Holdings!E4: The price of CASH is 1 (found 1.01)"],
  },
  {
    name: "CASH in a non-Cash class",
    book: broken((b) => setCell(b, "Holdings!C4", "Bonds")),
    problems: ['Holdings!C4: CASH rows belong to Asset Class "Cash" (found "Bonds")'],
  },
  {
    name: "bad Cost Basis",
    book: broken((b) => {
      setCell(b, "Holdings!F2", "n/a");
      setCell(b, "Holdings!F3", usd(-100));
    }),
    problems: ['Holdings!F2: Cost Basis must be a dollar amount of 0 or more (found "n/a")', "Holdings!F3: Cost Basis must be a dollar amount of 0 or more (found -100)"],
  },
  {
    name: "bad Acquired date",
    book: broken((b) => {
      setCell(b, "Holdings!G2", "last spring");
      setCell(b, "Holdings!G3", "2021-02-30");
    }),
    problems: ['Holdings!G2: Acquired must be a date (found "last spring")', 'Holdings!G3: Acquired must be a date (found "2021-02-30")'],
  },
  {
    name: "bad Valued On date",
    book: broken((b) => setCell(b, "Holdings!J2", "13/45/2026")),
    problems: ['Holdings!J2: Valued On must be a date (found "13/45/2026")'],
  },
  {
    name: "bad Tradable",
    book: broken((b) => setCell(b, "Holdings!H2", "Maybe")),
    problems: ['Holdings!H2: Tradable must be Yes or No (found "Maybe")'],
  },
  {
    name: "negative Lot Size",
    book: broken((b) => setCell(b, "Holdings!I3", -1)),
    problems: ["Holdings!I3: Lot Size must be a number of 0 or more (0 = fractional; found -1)"],
  },
  {
    name: "lots of one position with different prices",
    book: broken((b) => addRow(b, "Holdings", { Account: "IRA", Symbol: "VTI", "Asset Class": "Stocks", Quantity: 10, Price: usd(251.5) })),
    problems: ["Holdings!E5: Lots of VTI in IRA must share one Price (250 in row 2)"],
  },
  {
    name: "lots of one position in different classes",
    book: broken((b) => addRow(b, "Holdings", { Account: "IRA", Symbol: "VTI", "Asset Class": "Bonds", Quantity: 10, Price: usd(250) })),
    problems: ['Holdings!C5: Lots of VTI in IRA must share one Asset Class ("Stocks" in row 2)'],
  },
  {
    name: "Holdings with a header and no rows",
    book: broken((b) => b.sheets.Holdings.splice(1)),
    problems: ["Holdings!A1: Holdings has no rows; list each position (and a CASH row per account)"],
  },
  {
    name: "problem on a sheet whose name needs quotes",
    book: () => {
      const b = sampleBook({ names: { Holdings: { table: "My Holdings" }, Targets: { table: "Targets" }, Policy: { table: "Policy" } } });
      b.sheets = { "My Holdings": b.sheets.Holdings, Targets: b.sheets.Targets, Policy: b.sheets.Policy };
      setCell(b, "'My Holdings'!E2", "abc");
      return b;
    },
    problems: [`'My Holdings'!E2: Price must be a number greater than 0 (found "abc")`],
  },

  // ---- Targets ----
  {
    name: "duplicate Asset Class in Targets",
    book: broken((b) => addRow(b, "Targets", ["stocks", pct(0)])),
    problems: ['Targets!A5: Asset Class "stocks" is listed twice in Targets (also in A2)'],
  },
  {
    name: "Target over 100%",
    book: broken((b) => setCell(b, "Targets!B2", pct(1.5))),
    // Only the bad cell: Stocks *is* listed in Targets, so VTI's class must not be reported as unknown.
    problems: ["Targets!B2: Target must be a percent from 0% to 100%, like 5% or 0.05 (found 1.5)"],
  },
  {
    name: "Target text that is not a percent",
    book: broken((b) => setCell(b, "Targets!B4", "ten")),
    problems: ['Targets!B4: Target must be a percent from 0% to 100%, like 5% or 0.05 (found "ten")'],
  },
  {
    name: "targets summing to 95%",
    book: broken((b) => setCell(b, "Targets!B3", pct(0.35))),
    problems: ["Targets!B1: Targets sum to 95.00%, expected 100%"],
  },
  {
    name: "targets as text summing to 100.5%",
    book: broken((b) => {
      setCell(b, "Targets!B2", "50%");
      setCell(b, "Targets!B3", "40.5%");
      setCell(b, "Targets!B4", "10%");
    }),
    problems: ["Targets!B1: Targets sum to 100.50%, expected 100%"],
  },
  {
    name: "bad Abs Band and Rel Band overrides",
    book: broken((b) => {
      setCell(b, "Targets!C2", "wide");
      setCell(b, "Targets!D3", -0.1);
    }),
    problems: [
      'Targets!C2: Abs Band must be a percent from 0% to 100%, like 5% or 0.05 (found "wide")',
      "Targets!D3: Rel Band must be a percent from 0% to 100%, like 5% or 0.05 (found -0.1)",
    ],
  },
  {
    name: "Targets missing the Target column",
    book: broken((b) => renameColumn(b, "Targets", "Target", "Weight")),
    problems: ['Targets!A1: Targets is missing the required column "Target" (headers are read from row 1, A1:D1; case and spaces are ignored)'],
  },

  // ---- Policy ----
  {
    name: "unknown Policy setting",
    book: broken((b) => addRow(b, "Policy", ["Drift Band", pct(0.05)])),
    problems: [`Policy!A10: Unknown policy setting "Drift Band"; known settings: ${KNOWN}`],
  },
  {
    name: "bad Trigger",
    book: broken((b) => setCell(b, "Policy!B3", "Sometimes")),
    problems: ['Policy!B3: Trigger must be one of Band, Calendar, Hybrid (found "Sometimes")'],
  },
  {
    name: "bad Frequency",
    book: broken((b) => addRow(b, "Policy", ["Frequency", "Weekly"])),
    problems: ['Policy!B10: Frequency must be one of Monthly, Quarterly, Semiannual, Annual (found "Weekly")'],
  },
  {
    name: "bad Rebalance To",
    book: broken((b) => setCell(b, "Policy!B6", "Midpoint")),
    problems: ['Policy!B6: Rebalance To must be one of Target, Band Edge, Halfway (found "Midpoint")'],
  },
  {
    name: "bad As Of",
    book: broken((b) => setCell(b, "Policy!B2", "2026-13-01")),
    problems: ['Policy!B2: As Of must be a date (found "2026-13-01")'],
  },
  {
    name: "bad Last Rebalanced",
    book: broken((b) => addRow(b, "Policy", ["Last Rebalanced", -3])),
    problems: ["Policy!B10: Last Rebalanced must be a date (found -3)"],
  },
  {
    name: "duplicate Policy setting",
    book: broken((b) => addRow(b, "Policy", [" trigger", "Calendar"])),
    problems: ['Policy!A10: Policy setting "Trigger" is given twice (also in A3)'],
  },
  {
    name: "negative Min Trade",
    book: broken((b) => setCell(b, "Policy!B7", usd(-50))),
    problems: ["Policy!B7: Min Trade must be a dollar amount of 0 or more (found -50)"],
  },
  {
    name: "Fee Bps as text",
    book: broken((b) => addRow(b, "Policy", ["Fee Bps", "cheap"])),
    problems: ['Policy!B10: Fee Bps must be basis points from 0 to below 10000 (100%) (found "cheap")'],
  },
  {
    name: "Limit Offset Bps above 10000",
    book: broken((b) => addRow(b, "Policy", ["Limit Offset Bps", 10001])),
    problems: ["Policy!B10: Limit Offset Bps must be basis points from 0 to below 10000 (100%) (found 10001)"],
  },
  {
    name: "bad Policy Abs Band",
    book: broken((b) => setCell(b, "Policy!B4", "5 pct")),
    problems: ['Policy!B4: Abs Band must be a percent from 0% to 100%, like 5% or 0.05, or None (found "5 pct")'],
  },
  {
    name: "bad Fractional",
    book: broken((b) => setCell(b, "Policy!B9", "Sometimes")),
    problems: ['Policy!B9: Fractional must be Yes or No (found "Sometimes")'],
  },
  {
    name: "Policy without a Value column",
    book: broken((b) => renameColumn(b, "Policy", "Value", "Amount")),
    problems: ['Policy!A1: Policy is missing the required column "Value" (headers are read from row 1, A1:B1; case and spaces are ignored)'],
  },

  // ---- Accounts and checks across ranges ----
  {
    name: "bad account Type",
    book: withAccounts([
      ["Account", "Type"],
      ["IRA", "Roth"],
    ]),
    problems: ['Accounts!B2: Type must be one of Traditional IRA, Roth IRA, SEP IRA, SIMPLE IRA, Solo 401k, Taxable (found "Roth")'],
  },
  {
    name: "Holdings account not listed in Accounts",
    book: withAccounts([
      ["Account", "Type"],
      ["Roth", "Roth IRA"],
    ]),
    // Reported once per account, at its first row.
    problems: ['Holdings!A2: Account "IRA" is not listed in Accounts (known: Roth)'],
  },
  {
    name: "withdrawal larger than the account can raise",
    // IRA can raise 30,000 + 15,000 + 5,000 = 50,000 (no reserve).
    book: broken((b) => addRow(b, "Policy", ["Cash Flow", usd(-60000)])),
    problems: ["Policy!B10: Cash Flow withdraws $60,000.00 from IRA, which can raise at most $50,000.00 (its cash and tradable holdings, less the $0.00 reserve)"],
  },
  {
    name: "error values in Symbol, Account, Asset Class and Target",
    book: broken((b) => {
      setCell(b, "Holdings!B2", { error: "#REF!" });
      setCell(b, "Holdings!A3", { error: "#N/A" });
      setCell(b, "Holdings!C4", { formula: "VLOOKUP(B4,Map!A:B,2,FALSE)", result: { error: "#N/A" } });
      setCell(b, "Targets!B3", { formula: "Model!B3", result: { error: "#REF!" } });
    }),
    problems: [
      "Targets!B3: Cell holds the error #REF!; fix it, or what its formula refers to",
      "Holdings!B2: Cell holds the error #REF!; fix it, or what its formula refers to",
      "Holdings!A3: Cell holds the error #N/A; fix it, or what its formula refers to",
      "Holdings!C4: Cell holds the error #N/A; fix it, or what its formula refers to",
    ],
  },
  {
    name: "a formula saved without its computed value",
    book: broken((b) => setCell(b, "Holdings!D3", { formula: "150*2" })),
    problems: ["Holdings!D3: Cell is a formula with no computed value (=150*2): open and save the workbook in Excel first"],
  },
  {
    name: "out-of-range numbers: a huge quantity, a sub-cent price, an offset of 100%",
    book: broken((b) => {
      setCell(b, "Holdings!D2", 1e300);
      setCell(b, "Holdings!E3", 0.004);
      addRow(b, "Policy", ["Limit Offset Bps", 10000]);
    }),
    problems: [
      "Policy!B10: Limit Offset Bps must be basis points from 0 to below 10000 (100%) (found 10000)",
      "Holdings!D2: Quantity must be below 1,000,000,000,000 (found 1e+300)",
      "Holdings!E3: Price must be at least $0.01 for a tradable row: orders are priced to the cent (found 0.004)",
    ],
  },
  {
    name: "dates after As Of: Acquired, Valued On and Last Rebalanced",
    book: broken((b) => {
      setCell(b, "Holdings!G2", date("2027-01-04"));
      setCell(b, "Holdings!J3", date("2026-12-31"));
      addRow(b, "Policy", ["Last Rebalanced", date("2026-12-01")]);
    }),
    problems: [
      "Policy!B10: Last Rebalanced (2026-12-01) is after As Of (2026-11-20)",
      "Holdings!G2: Acquired (2027-01-04) is after As Of (2026-11-20)",
      "Holdings!J3: Valued On (2026-12-31) is after As Of (2026-11-20)",
    ],
  },
  {
    name: "a household worth nothing",
    book: broken((b) => {
      setCell(b, "Holdings!D2", 0);
      setCell(b, "Holdings!D3", 0);
      setCell(b, "Holdings!D4", 0);
    }),
    problems: ["Holdings!A1: Holdings adds up to $0.00: every row's Quantity × Price is 0, so there is nothing to weigh or rebalance"],
  },
  {
    name: "cell problems and cross-range problems, all in one pass",
    // A bad Quantity and a Cash Flow Account that holds nothing: both reported on the first run.
    book: broken((b) => {
      setCell(b, "Holdings!D3", "lots");
      addRow(b, "Policy", ["Cash Flow", usd(1000)]);
      addRow(b, "Policy", ["Cash Flow Account", "Roth"]);
    }),
    problems: ['Holdings!D3: Quantity must be a number of 0 or more (found "lots")', 'Policy!B11: Cash Flow Account "Roth" holds nothing in Holdings (accounts: IRA)'],
  },
  {
    name: "Cash Flow Account that holds nothing",
    book: broken((b) => {
      addRow(b, "Policy", ["Cash Flow", usd(1000)]);
      addRow(b, "Policy", ["Cash Flow Account", "Roth"]);
    }),
    problems: ['Policy!B11: Cash Flow Account "Roth" holds nothing in Holdings (accounts: IRA)'],
  },

  // ---- several at once ----
  {
    name: "several problems on every sheet",
    book: broken((b) => {
      setCell(b, "Holdings!E3", "abc");
      setCell(b, "Holdings!D2", -1);
      setCell(b, "Holdings!H3", "Maybe");
      addRow(b, "Holdings", { Account: "Roth", Symbol: "GLD", "Asset Class": "Gold", Quantity: 5, Price: 380 });
      setCell(b, "Targets!B4", pct(0.05));
      setCell(b, "Policy!B3", "Whenever");
      addRow(b, "Policy", ["Fee Bps", "cheap"]);
    }),
    // Policy first, then Targets, then Holdings row by row, left to right.
    problems: [
      'Policy!B3: Trigger must be one of Band, Calendar, Hybrid (found "Whenever")',
      'Policy!B10: Fee Bps must be basis points from 0 to below 10000 (100%) (found "cheap")',
      "Targets!B1: Targets sum to 95.00%, expected 100%",
      "Holdings!D2: Quantity must be a number of 0 or more (found -1)",
      'Holdings!E3: Price must be a number greater than 0 (found "abc")',
      'Holdings!H3: Tradable must be Yes or No (found "Maybe")',
      'Holdings!C5: Asset Class "Gold" is not in Targets (known: Stocks, Bonds, Cash)',
    ],
  },
];

/** Stable file name for a case. */
const slug = (name: string) => name.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase();

describe("runner on workbooks that break the contract", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir("sdira-bad-input-");
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("the unknown-setting message lists every known setting, the documented ones included", () => {
    expect(KNOWN_SETTINGS).toEqual(expect.arrayContaining(CORE_SETTINGS));
    expect(new Set(KNOWN_SETTINGS.map((k) => k.toLowerCase())).size).toBe(KNOWN_SETTINGS.length);
  });

  test("has enough cases, each with a distinct file", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(24);
    expect(new Set(CASES.map((c) => slug(c.name))).size).toBe(CASES.length);
  });

  test("the unbroken book plans and writes --out (so each case below fails because of its break)", async () => {
    const file = await writeWorkbook(path.join(dir, "control.xlsx"), sampleBook());
    const out = path.join(dir, "control-out.xlsx");
    const r = await run([file, "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
  });

  test.each(CASES.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const base = slug(c.name);
    const file = await writeWorkbook(path.join(dir, `${base}.xlsx`), c.book());
    const out = path.join(dir, `${base}-out.xlsx`);
    const r = await run([file, "--json", "--out", out]);
    expect(r.stderr).toBe(expectedStderr(`${base}.xlsx`, c.problems));
    expect(r.stdout).toBe("");
    expect(r.code).toBe(2);
    expect(fs.existsSync(out)).toBe(false);
  });

  test("the summary form (no --json) reports the same problems and writes nothing", async () => {
    const c = CASES.find((x) => x.name === "several problems on every sheet")!;
    const file = await writeWorkbook(path.join(dir, "summary-form.xlsx"), c.book());
    const out = path.join(dir, "summary-form-out.xlsx");
    const r = await run([`--out=${out}`, file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(expectedStderr("summary-form.xlsx", c.problems));
    expect(r.stdout).toBe("");
    expect(fs.existsSync(out)).toBe(false);
  });

  test("cells beside Targets that hold the advisor's own data stop --out before anything is written", async () => {
    const b = sampleBook({ names: { Holdings: { table: "Holdings" }, Targets: "Targets!$A$1:$D$4", Policy: { table: "Policy" } } });
    setCell(b, "Targets!G3", "call client");
    const file = await writeWorkbook(path.join(dir, "owned-cells.xlsx"), b);
    const out = path.join(dir, "owned-cells-out.xlsx");
    const r = await run([file, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('Targets!G3: the add-in writes its columns here but the cell already holds "call client"; clear or move it (nothing was written)\n');
    expect(r.stdout).toBe("");
    expect(fs.existsSync(out)).toBe(false);
  });

  test("Holdings on a sheet the add-in owns (Rebalance Log) stops --out before anything is written", async () => {
    const b = sampleBook({ names: { Holdings: { table: "Rebalance Log" }, Targets: { table: "Targets" }, Policy: { table: "Policy" } } });
    b.sheets = { "Rebalance Log": b.sheets.Holdings, Targets: b.sheets.Targets, Policy: b.sheets.Policy };
    const file = await writeWorkbook(path.join(dir, "holdings-on-log.xlsx"), b);
    const out = path.join(dir, "holdings-on-log-out.xlsx");
    const r = await run([file, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'The named range "Holdings" is on the sheet "Rebalance Log", which the add-in keeps its Rebalance Log on; move Holdings to a sheet of its own (nothing was written)\n',
    );
    expect(fs.existsSync(out)).toBe(false);
  });

  test("Targets on a sheet named like today's Rebalance sheet stops --out (replacing it would delete Targets)", async () => {
    const b = sampleBook({ names: { Holdings: { table: "Holdings" }, Targets: { table: "Rebalance 2026-11-20" }, Policy: { table: "Policy" } } });
    b.sheets = { Holdings: b.sheets.Holdings, "Rebalance 2026-11-20": b.sheets.Targets, Policy: b.sheets.Policy };
    const file = await writeWorkbook(path.join(dir, "targets-on-sheet.xlsx"), b);
    const out = path.join(dir, "targets-on-sheet-out.xlsx");
    const r = await run([file, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'The named range "Targets" is on the sheet "Rebalance 2026-11-20", which the add-in replaces on every run; move Targets to a sheet of its own (nothing was written)\n',
    );
    expect(fs.existsSync(out)).toBe(false);
  });

  test("Targets ending at column XFD: the drift columns do not fit, a clear error and nothing written", async () => {
    const b = sampleBook({ names: { Holdings: { table: "Holdings" }, Targets: "Targets!$XFA$1:$XFD$4", Policy: { table: "Policy" } } });
    const pad = (row: CellInput[]) => [...new Array(16380).fill(null), ...row];
    b.sheets.Targets = b.sheets.Targets.map(pad);
    const file = await writeWorkbook(path.join(dir, "targets-at-xfd.xlsx"), b);
    const out = path.join(dir, "targets-at-xfd-out.xlsx");
    const plain = await run([file, "--json"]);
    expect(plain.code).toBe(0);
    const r = await run([file, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'On the sheet "Targets" the add-in would write at column XFE, past Excel\'s last column XFD; move the range left or up so the add-in\'s columns fit beside it (nothing was written)\n',
    );
    expect(fs.existsSync(out)).toBe(false);
  });

  test("a sheet name with a comma ('Q4, 2026') is read and planned", async () => {
    const b = sampleBook({ names: { Holdings: { table: "Q4, 2026" }, Targets: { table: "Targets" }, Policy: { table: "Policy" } } });
    b.sheets = { "Q4, 2026": b.sheets.Holdings, Targets: b.sheets.Targets, Policy: b.sheets.Policy };
    const file = await writeWorkbook(path.join(dir, "comma-sheet.xlsx"), b);
    const r = await run([file, "--json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { total: string }).total).toBe("50000.00");
  });

  test("a merged Account cell over four rows is an error naming the area, not the account on every row", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await writeWorkbook(path.join(dir, "merged-src.xlsx"), sampleBook()));
    wb.getWorksheet("Holdings")!.mergeCells("A2:A4");
    const file = path.join(dir, "merged.xlsx");
    await wb.xlsx.writeFile(file);
    const r = await run([file, "--json"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Holdings!A2: A2:A4 is merged inside Holdings; unmerge it and fill each row (only A2 holds the value, the other cells read as blank)\n");
  });

  test("a missing file and a file that is not a workbook exit 2", async () => {
    const missing = path.join(dir, "nope.xlsx");
    const out = path.join(dir, "nope-out.xlsx");
    let r = await run([missing, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`Cannot read ${missing}: no such file\n`);
    expect(fs.existsSync(out)).toBe(false);

    const junk = path.join(dir, "junk.xlsx");
    fs.writeFileSync(junk, "Symbol,Quantity\nVTI,10\n");
    r = await run([junk, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^${junk.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} is not a readable \\.xlsx workbook \\(.+\\)\\n$`));
    expect(r.stdout).toBe("");
    expect(fs.existsSync(out)).toBe(false);
  });

  test("bad arguments exit 2 with the usage", async () => {
    for (const [argv, message] of [
      [[], "Name the workbook to rebalance"],
      [["a.xlsx", "--out"], "--out needs a file name"],
      [["a.xlsx", "--csv"], "Unknown option --csv"],
      [["a.xlsx", "b.xlsx"], "Only one workbook at a time (got a.xlsx and b.xlsx)"],
    ] as const) {
      const r = await run([...argv]);
      expect(r.code).toBe(2);
      expect(r.stderr.startsWith(`${message}\n\nUsage: rebalance <book.xlsx>`)).toBe(true);
      expect(r.stdout).toBe("");
    }
  });
});

// ---------------------------------------------------------------------------------------------
// One real process: bin/rebalance.js runs lib/, compiled from src.

/** Newest modification time of the .ts files under src that tsconfig.lib.json compiles. */
function newestSource(d: string): number {
  let newest = 0;
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) {
      if (["taskpane", "commands"].includes(e.name) && d === path.join(ROOT, "src")) continue;
      newest = Math.max(newest, newestSource(p));
    } else if (/\.tsx?$/.test(e.name) && !e.name.endsWith(".test.ts")) {
      newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  }
  return newest;
}

describe("bin/rebalance.js as a process", () => {
  beforeAll(() => {
    const compiled = path.join(ROOT, "lib", "cli", "main.js");
    if (!fs.existsSync(compiled) || fs.statSync(compiled).mtimeMs < newestSource(path.join(ROOT, "src"))) {
      try {
        execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.lib.json"], { cwd: ROOT, stdio: "pipe" });
      } catch (e) {
        // tsc still emits on type errors elsewhere in the tree (others edit src concurrently); only a missing runner is fatal.
        if (!fs.existsSync(compiled)) throw e;
      }
    }
  });

  test("exits 2 with every problem on stderr and writes no --out file", async () => {
    const dir = tempDir("sdira-bad-process-");
    const b = sampleBook();
    setCell(b, "Holdings!E3", "abc");
    setCell(b, "Targets!B3", pct(0.35));
    const file = await writeWorkbook(path.join(dir, "broken.xlsx"), b);
    const out = path.join(dir, "broken-out.xlsx");
    const p = spawnSync(process.execPath, [path.join(ROOT, "bin", "rebalance.js"), file, "--out", out], { encoding: "utf8" });
    expect(p.stderr).toBe(
      expectedStderr("broken.xlsx", ["Targets!B1: Targets sum to 95.00%, expected 100%", 'Holdings!E3: Price must be a number greater than 0 (found "abc")']),
    );
    expect(p.stdout).toBe("");
    expect(p.status).toBe(2);
    expect(fs.existsSync(out)).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

/** The contract parser end to end (src/contract/parse.ts) on hand-built snapshots: ranges, cross-checks, every problem at once. */
import { ParseOptions, parsePortfolio } from "../../src/contract/parse";
import { Portfolio } from "../../src/contract/portfolio";
import { CellValue, NameProblem, RangeSnapshot, WorkbookSnapshot } from "../../src/contract/snapshot";

const OPTIONS: ParseOptions = { strategies: ["Full", "Cash Flow", "Tax Aware"], today: "2026-11-20" };

const range = (name: string, sheet: string, top: number, left: number, values: CellValue[][]): RangeSnapshot => ({ name, sheet, top, left, values, numberFormats: [] });

const book = (ranges: (RangeSnapshot | undefined)[], nameProblems: NameProblem[] = []): WorkbookSnapshot => ({
  ranges: Object.fromEntries(ranges.filter((r): r is RangeSnapshot => r !== undefined).map((r) => [r.name.toLowerCase(), r])),
  nameProblems,
});

// Sheet "Portfolio": Holdings at A1 (Account A, Symbol B, Asset Class C, Quantity D, Price E), Targets at H1 (Asset Class H, Target I).
const HOLDINGS_HEADER = ["Account", "Symbol", "Asset Class", "Quantity", "Price"];
const BASE_HOLDINGS: CellValue[][] = [
  ["IRA", "VTI", "Stocks", 100, 250],
  ["IRA", "BND", "Bonds", 200, "$72.50"],
  ["IRA", "CASH", "", 1000, ""],
];
const holdings = (rows: CellValue[][] = BASE_HOLDINGS, header: CellValue[] = HOLDINGS_HEADER) => range("Holdings", "Portfolio", 1, 1, [header, ...rows]);
const targets = (rows: CellValue[][] = [["Stocks", "60%"], ["Bonds", 0.35], ["Cash", "5%"]], header: CellValue[] = ["Asset Class", "Target"]) =>
  range("Targets", "Portfolio", 1, 8, [header, ...rows]);
const policy = (rows: CellValue[][]) => range("Policy", "Policy", 1, 1, [["Setting", "Value"], ...rows]);
const accounts = (rows: CellValue[][]) => range("Accounts", "Accounts", 1, 1, [["Account", "Type", "Cash Reserve"], ...rows]);

function parsed(snapshot: WorkbookSnapshot): Portfolio {
  const result = parsePortfolio(snapshot, OPTIONS);
  if (!result.ok) throw new Error(`expected a portfolio, got:\n${result.errors.map((e) => e.text).join("\n")}`);
  return result.portfolio;
}

function problems(snapshot: WorkbookSnapshot): string[] {
  const result = parsePortfolio(snapshot, OPTIONS);
  return result.ok ? [] : result.errors.map((e) => e.text);
}

describe("a clean workbook", () => {
  test("parses to holdings, targets, the default policy and no accounts", () => {
    const p = parsed(book([holdings(), targets()]));
    expect(
      p.holdings.map((h) => [h.index, h.account, h.symbol, h.assetClass, h.quantity.toString(), h.price.toString(), h.lotSize.toString(), h.isCash, h.ref.cell, h.accountRef.cell]),
    ).toEqual([
      [0, "IRA", "VTI", "Stocks", "100", "250", "1", false, "B2", "A2"],
      [1, "IRA", "BND", "Bonds", "200", "72.5", "1", false, "B3", "A3"],
      [2, "IRA", "CASH", "Cash", "1000", "1", "0", true, "B4", "A4"],
    ]);
    expect(p.holdings[0]).toMatchObject({ costBasis: null, acquired: null, valuedOn: null, tradable: true, ref: { sheet: "Portfolio", cell: "B2" } });
    expect(p.targets).toEqual([
      { assetClass: "Stocks", target: 0.6, absBand: null, relBand: null, ref: { sheet: "Portfolio", cell: "H2" } },
      { assetClass: "Bonds", target: 0.35, absBand: null, relBand: null, ref: { sheet: "Portfolio", cell: "H3" } },
      { assetClass: "Cash", target: 0.05, absBand: null, relBand: null, ref: { sheet: "Portfolio", cell: "H4" } },
    ]);
    expect([p.policy.strategy, p.policy.asOf, p.policy.trigger]).toEqual(["Full", "2026-11-20", "Band"]);
    expect(p.accounts).toEqual([]);
  });

  test("every optional Holdings column is read", () => {
    const header = ["Symbol", "Asset Class", "Quantity", "Price", "Account", "Cost Basis", "Acquired", "Tradable", "Lot Size", "Valued On"];
    const p = parsed(book([holdings([["RENTAL-1", "Stocks", 1, "250,000", "Roth", "$180,000", "3/15/2019", "No", 0, 46053]], header), targets([["Stocks", 1]])]));
    expect(p.holdings).toHaveLength(1);
    const h = p.holdings[0];
    expect([h.account, h.costBasis?.toString(), h.acquired, h.tradable, h.lotSize.toString(), h.valuedOn, h.price.toString()]).toEqual([
      "Roth",
      "180000",
      "2019-03-15",
      false,
      "0",
      "2026-01-31",
      "250000",
    ]);
  });

  test("without an Account column every row is in IRA; Fractional makes lots default to 0", () => {
    const header = ["Symbol", "Asset Class", "Quantity", "Price"];
    const p = parsed(book([holdings([["VTI", "stocks", 1.5, 250]], header), targets([["Stocks", 1]]), policy([["Fractional", "Yes"]])]));
    expect(p.holdings.map((h) => [h.account, h.assetClass, h.lotSize.toString(), h.accountRef.cell])).toEqual([["IRA", "Stocks", "0", "A2"]]);
  });
});

describe("names", () => {
  test("missing Holdings and Targets", () => {
    const result = parsePortfolio(book([]), OPTIONS);
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          sheet: "",
          cell: "",
          message: 'The workbook has no named range "Holdings" (Formulas > Name Manager: define Holdings over the holdings table, header row included)',
          text: 'The workbook has no named range "Holdings" (Formulas > Name Manager: define Holdings over the holdings table, header row included)',
        },
        {
          sheet: "",
          cell: "",
          message: 'The workbook has no named range "Targets" (Formulas > Name Manager: define Targets over the targets table, header row included)',
          text: 'The workbook has no named range "Targets" (Formulas > Name Manager: define Targets over the targets table, header row included)',
        },
      ],
    });
    expect(problems(book([holdings()]))).toEqual([
      'The workbook has no named range "Targets" (Formulas > Name Manager: define Targets over the targets table, header row included)',
    ]);
  });

  test("a name the reader found broken is reported instead of missing", () => {
    expect(problems(book([targets()], [{ name: "HOLDINGS", message: "refers to #REF!" }]))).toEqual(['The name "HOLDINGS" refers to #REF!']);
  });

  test("name problems come first and fail an otherwise good workbook", () => {
    expect(problems(book([holdings(), targets()], [{ name: "Policy", message: "spans several areas" }]))).toEqual(['The name "Policy" spans several areas']);
  });
});

describe("Holdings against Targets", () => {
  test("a class not in Targets, with the classes known", () => {
    expect(problems(book([holdings([...BASE_HOLDINGS, ["IRA", "GLD", "Gold", 10, 180]]), targets()]))).toEqual([
      'Portfolio!C5: Asset Class "Gold" is not in Targets (known: Stocks, Bonds, Cash)',
    ]);
  });

  test("classes are matched ignoring case and take Targets' spelling; Cash may be left out of Targets", () => {
    const p = parsed(
      book([
        holdings([
          ["IRA", "VTI", "STOCKS", 100, 250],
          ["IRA", "SPAXX", "cash", 50, 1],
          ["IRA", "CASH", "", 1000, ""],
        ]),
        targets([["Stocks", 1]]),
      ]),
    );
    expect(p.holdings.map((h) => h.assetClass)).toEqual(["Stocks", "Cash", "Cash"]);
  });

  test("when Targets cannot be read, classes are not checked", () => {
    expect(problems(book([holdings([["IRA", "GLD", "Gold", 10, 180]]), targets([["Gold", 1]], ["Class", "Target"])]))).toEqual([
      'Portfolio!H1: Targets is missing the required column "Asset Class" (headers are read from row 1, H1:I1; case and spaces are ignored)',
    ]);
  });
});

describe("CASH rows", () => {
  test("any case, class Cash or blank, price blank or 1, fractional", () => {
    const p = parsed(
      book([
        holdings([
          ["IRA", "cash", "CASH", 1000, 1],
          ["Roth", " Cash ", "", 250.75, ""],
        ]),
        targets([["Cash", 1]]),
      ]),
    );
    expect(p.holdings.map((h) => [h.symbol, h.assetClass, h.price.toString(), h.lotSize.toString(), h.isCash])).toEqual([
      ["CASH", "Cash", "1", "0", true],
      ["CASH", "Cash", "1", "0", true],
    ]);
  });

  test("another class or price is refused", () => {
    expect(problems(book([holdings([["IRA", "CASH", "Stocks", 1000, 2]]), targets()]))).toEqual([
      'Portfolio!C2: CASH rows belong to Asset Class "Cash" (found "Stocks")',
      "Portfolio!E2: The price of CASH is 1 (found 2)",
    ]);
  });
});

describe("lots of one position", () => {
  test("rows with the same Account and Symbol are lots; another account is another position", () => {
    const p = parsed(
      book([
        holdings([
          ["IRA", "VTI", "Stocks", 60, 250],
          ["IRA", "VTI", "Stocks", 40, 250],
          ["Roth", "VTI", "Bonds", 10, 251],
          ["IRA", "BND", "Bonds", 1, 72.5],
        ]),
        targets([["Stocks", 0.6], ["Bonds", 0.4]]),
      ]),
    );
    expect(p.holdings.map((h) => `${h.account} ${h.symbol} ${h.quantity}`)).toEqual(["IRA VTI 60", "IRA VTI 40", "Roth VTI 10", "IRA BND 1"]);
  });

  test("must share class and price", () => {
    expect(
      problems(
        book([
          holdings([
            ["IRA", "VTI", "Stocks", 60, 250],
            ["IRA", "VTI", "Bonds", 40, 250],
            ["IRA", "VTI", "Stocks", 40, 251.5],
          ]),
          targets(),
        ]),
      ),
    ).toEqual([
      'Portfolio!C3: Lots of VTI in IRA must share one Asset Class ("Stocks" in row 2)',
      "Portfolio!E4: Lots of VTI in IRA must share one Price (250 in row 2)",
    ]);
  });
});

describe("row problems", () => {
  test("each bad cell of a row is reported (the dates before Tradable and Lot Size)", () => {
    const header = ["Symbol", "Asset Class", "Quantity", "Price", "Account", "Cost Basis", "Acquired", "Tradable", "Lot Size", "Valued On"];
    expect(problems(book([holdings([["VTI", "Stocks", -5, 0, "IRA", "abc", "yesterday", "sometimes", -1, "2026-02-30"]], header), targets()]))).toEqual([
      "Portfolio!C2: Quantity must be a number of 0 or more (found -5)",
      "Portfolio!D2: Price must be a number greater than 0 (found 0)",
      'Portfolio!F2: Cost Basis must be a dollar amount of 0 or more (found "abc")',
      'Portfolio!G2: Acquired must be a date (found "yesterday")',
      'Portfolio!J2: Valued On must be a date (found "2026-02-30")',
      'Portfolio!H2: Tradable must be Yes or No (found "sometimes")',
      "Portfolio!I2: Lot Size must be a number of 0 or more (0 = fractional; found -1)",
    ]);
  });

  test("empty Symbol, empty Asset Class, and ranges without rows", () => {
    expect(problems(book([holdings([["IRA", "", "Stocks", 1, 1], ["IRA", "VTI", " ", 1, 1]]), targets()]))).toEqual([
      "Portfolio!B2: Symbol must not be empty",
      "Portfolio!C3: Asset Class must not be empty",
    ]);
    expect(problems(book([holdings([]), targets([])]))).toEqual([
      "Portfolio!H1: Targets has no rows; list each asset class with its target",
      "Portfolio!A1: Holdings has no rows; list each position (and a CASH row per account)",
    ]);
  });
});

describe("Targets", () => {
  test("targets summing to 95% are reported at the Target header", () => {
    expect(problems(book([holdings(), targets([["Stocks", "60%"], ["Bonds", "30%"], ["Cash", "5%"]])]))).toEqual([
      "Portfolio!I1: Targets sum to 95.00%, expected 100%",
    ]);
  });

  test("the sum is allowed 0.01% either way", () => {
    expect(problems(book([holdings(), targets([["Stocks", 0.6], ["Bonds", 0.35], ["Cash", 0.04995]])]))).toEqual([]);
    expect(problems(book([holdings(), targets([["Stocks", 0.6], ["Bonds", 0.35], ["Cash", 0.0502]])]))).toEqual(["Portfolio!I1: Targets sum to 100.02%, expected 100%"]);
  });

  test("bad rows are reported and the sum is then not checked", () => {
    const header = ["Asset Class", "Target", "Abs Band", "Rel Band"];
    expect(problems(book([holdings(), targets([["Stocks", "60%", "3%", 1.5], ["stocks", "10%"], ["", "5%"], ["Bonds", "lots"], ["Cash", "5%"]], header)]))).toEqual([
      "Portfolio!K2: Rel Band must be a percent from 0% to 100%, like 5% or 0.05 (found 1.5)",
      'Portfolio!H3: Asset Class "stocks" is listed twice in Targets (also in H2)',
      "Portfolio!H4: Asset Class must not be empty",
      'Portfolio!I5: Target must be a percent from 0% to 100%, like 5% or 0.05 (found "lots")',
    ]);
  });

  test("per-class bands are read", () => {
    const header = ["Asset Class", "Target", "Abs Band", "Rel Band"];
    const p = parsed(book([holdings(), targets([["Stocks", "60%", "3%", ""], ["Bonds", 0.35, "", 0.2], ["Cash", "5%"]], header)]));
    expect(p.targets.map((t) => [t.assetClass, t.absBand, t.relBand])).toEqual([
      ["Stocks", 0.03, null],
      ["Bonds", null, 0.2],
      ["Cash", null, null],
    ]);
  });
});

describe("Accounts", () => {
  test("types are matched ignoring case and spaces; Cash Reserve is read", () => {
    const p = parsed(book([holdings([...BASE_HOLDINGS, ["Roth", "CASH", "", 10, ""]]), targets(), accounts([["IRA", "traditional ira", ""], ["Roth", "ROTHIRA", "$500"]])]));
    expect(p.accounts.map((a) => [a.account, a.type, a.cashReserve?.toString() ?? null, a.ref.cell])).toEqual([
      ["IRA", "Traditional IRA", null, "A2"],
      ["Roth", "Roth IRA", "500", "A3"],
    ]);
  });

  test("an unknown Type, a duplicate and a bad reserve", () => {
    expect(problems(book([holdings(), targets(), accounts([["IRA", "Traditional IRA"], ["Brokerage", "401k"], ["IRA", "Roth IRA"], ["Roth", "Roth IRA", -1]])]))).toEqual([
      'Accounts!B3: Type must be one of Traditional IRA, Roth IRA, SEP IRA, SIMPLE IRA, Solo 401k, Taxable (found "401k")',
      'Accounts!A4: Account "IRA" is listed twice in Accounts (also in A2)',
      "Accounts!C5: Cash Reserve must be a dollar amount of 0 or more, below $1,000,000,000,000 (found -1)",
    ]);
  });

  test("a Holdings account missing from Accounts is reported once, at its first row", () => {
    const rows = [...BASE_HOLDINGS, ["HSA", "VTI", "Stocks", 1, 250], ["HSA", "CASH", "", 5, ""]];
    expect(problems(book([holdings(rows), targets(), accounts([["IRA", "Traditional IRA"]])]))).toEqual([
      'Portfolio!A5: Account "HSA" is not listed in Accounts (known: IRA)',
    ]);
  });

  test("without an Account column the Symbol cell is pointed at", () => {
    const header = ["Symbol", "Asset Class", "Quantity", "Price"];
    expect(problems(book([holdings([["VTI", "Stocks", 1, 250]], header), targets([["Stocks", 1]]), accounts([["Roth", "Roth IRA"]])]))).toEqual([
      'Portfolio!A2: Account "IRA" is not listed in Accounts (known: Roth)',
    ]);
  });
});

describe("cash flow", () => {
  // BASE_HOLDINGS: VTI 100 × 250 = 25,000, BND 200 × 72.50 = 14,500, CASH 1,000: the IRA can raise 40,500.
  test("a withdrawal the account can raise, less the reserve, is accepted", () => {
    const p = parsed(book([holdings(), targets(), policy([["Cash Flow", -40000], ["Cash Reserve", 500]])]));
    expect(p.policy.cashFlow.toString()).toBe("-40000");
  });

  test("a larger withdrawal is refused at the Cash Flow cell", () => {
    expect(problems(book([holdings(), targets(), policy([["Cash Flow", "-$50,000"], ["Cash Reserve", 500]])]))).toEqual([
      "Policy!B2: Cash Flow withdraws $50,000.00 from IRA, which can raise at most $40,000.00 (its cash and tradable holdings, less the $500.00 reserve)",
    ]);
  });

  test("only tradable lots count, in whole lots, less the account's own reserve", () => {
    const header = [...HOLDINGS_HEADER, "Tradable", "Lot Size"];
    const rows = [
      ["IRA", "VTI", "Stocks", 100, 250, "Yes", 30], // 90 units can be sold: 22,500
      ["IRA", "BND", "Bonds", 200, 72.5, "No", ""], // locked
      ["IRA", "CASH", "", 1000, "", "", ""],
      ["Roth", "CASH", "", 99999, "", "", ""], // another account's cash does not count
    ];
    const snapshot = book([
      holdings(rows, header),
      targets(),
      policy([["Cash Flow", -25000], ["Cash Reserve", 500]]),
      accounts([["IRA", "Traditional IRA", 1500], ["Roth", "Roth IRA"]]),
    ]);
    expect(problems(snapshot)).toEqual([
      "Policy!B2: Cash Flow withdraws $25,000.00 from IRA, which can raise at most $22,000.00 (its cash and tradable holdings, less the $1,500.00 reserve)",
    ]);
  });

  test("Do Not Sell lots raise nothing, and the refusal names them as the constraint that binds", () => {
    const header = [...HOLDINGS_HEADER, "Do Not Sell"];
    const rows = [
      ["IRA", "VTI", "Stocks", 100, 250, "Yes"], // kept: 25,000
      ["IRA", "BND", "Bonds", 200, 72.5, "No"], // 14,500 can be sold
      ["IRA", "CASH", "", 1000, "", ""],
    ];
    expect(problems(book([holdings(rows, header), targets(), policy([["Cash Flow", -30000], ["Cash Reserve", 500]])]))).toEqual([
      "Policy!B2: Cash Flow withdraws $30,000.00 from IRA, which can raise at most $15,000.00 (its cash and tradable holdings, less the $500.00 reserve; Do Not Sell keeps VTI ($25,000.00, Portfolio!B2))",
    ]);
    // The same withdrawal with nothing held back is raised.
    expect(problems(book([holdings(rows.map((r, i) => (i === 0 ? [...r.slice(0, 5), "No"] : r)), header), targets(), policy([["Cash Flow", -30000], ["Cash Reserve", 500]])]))).toEqual([]);
  });

  test("a reserve above what the account holds can raise nothing", () => {
    expect(problems(book([holdings([["IRA", "CASH", "", 100, ""]]), targets(), policy([["Cash Flow", -50], ["Cash Reserve", 500]])]))).toEqual([
      "Policy!B2: Cash Flow withdraws $50.00 from IRA, which can raise at most $0.00 (its cash and tradable holdings, less the $500.00 reserve)",
    ]);
  });

  test("the Cash Flow Account must hold something", () => {
    expect(problems(book([holdings(), targets(), policy([["Cash Flow", 1000], ["Cash Flow Account", "Roth"]])]))).toEqual([
      'Policy!B3: Cash Flow Account "Roth" holds nothing in Holdings (accounts: IRA)',
    ]);
  });
});

describe("every problem at once", () => {
  test("name problems, then Policy, Targets, Holdings and Accounts, each in row order", () => {
    const snapshot = book(
      [
        holdings([
          ["IRA", "VTI", "Stocks", "many", 0],
          ["IRA", "GLD", "Gold", 1, 180],
          ["HSA", "CASH", "", 5, ""],
        ]),
        targets([["Stocks", "60%"], ["Bonds", "forty"]]),
        policy([["Trigger", "Drift"]]),
        accounts([["IRA", "IRA"]]),
      ],
      [{ name: "Returns", message: "refers to a constant" }],
    );
    expect(problems(snapshot)).toEqual([
      'The name "Returns" refers to a constant',
      'Policy!B2: Trigger must be one of Band, Calendar, Hybrid (found "Drift")',
      'Portfolio!I3: Target must be a percent from 0% to 100%, like 5% or 0.05 (found "forty")',
      'Portfolio!D2: Quantity must be a number of 0 or more (found "many")',
      'Portfolio!E2: Price must be a number greater than 0 (found 0)',
      'Portfolio!C3: Asset Class "Gold" is not in Targets (known: Stocks, Bonds)',
      'Accounts!B2: Type must be one of Traditional IRA, Roth IRA, SEP IRA, SIMPLE IRA, Solo 401k, Taxable (found "IRA")',
      // Cross-checks come last, in the same pass.
      'Portfolio!A4: Account "HSA" is not listed in Accounts (known: IRA)',
    ]);
  });

  test("cross-checks run in the same pass as the cell checks", () => {
    // HSA is not in Accounts: reported together with the bad Target, not only after it is fixed.
    const rows = [...BASE_HOLDINGS, ["HSA", "CASH", "", 5, ""]];
    const withAccounts = (t: CellValue[][]) => book([holdings(rows), targets(t), accounts([["IRA", "Traditional IRA"]])]);
    expect(problems(withAccounts([["Stocks", "60%"], ["Bonds", "35%"], ["Cash", "x"]]))).toEqual([
      'Portfolio!I4: Target must be a percent from 0% to 100%, like 5% or 0.05 (found "x")',
      'Portfolio!A5: Account "HSA" is not listed in Accounts (known: IRA)',
    ]);
    expect(problems(withAccounts([["Stocks", "60%"], ["Bonds", "35%"], ["Cash", "5%"]]))).toEqual(['Portfolio!A5: Account "HSA" is not listed in Accounts (known: IRA)']);
  });

  test("a cross-check that depends on a failed cell is skipped, not reported as a second problem", () => {
    // The Accounts row of IRA has a bad Type: its holdings are not "missing from Accounts".
    expect(problems(book([holdings(BASE_HOLDINGS), targets(), accounts([["IRA", "Brokerage"]])]))).toEqual([
      'Accounts!B2: Type must be one of Traditional IRA, Roth IRA, SEP IRA, SIMPLE IRA, Solo 401k, Taxable (found "Brokerage")',
    ]);
    // A Holdings row of the flow account has a bad Quantity: whether the withdrawal can be raised is not judged.
    const broken = [...BASE_HOLDINGS.slice(0, -1), ["IRA", "BND", "Bonds", "lots", 50], BASE_HOLDINGS[BASE_HOLDINGS.length - 1]];
    const withdrawal = problems(book([holdings(broken), targets(), policy([["Cash Flow", -1_000_000]])]));
    expect(withdrawal).toHaveLength(1);
    expect(withdrawal[0]).toMatch(/Quantity must be a number of 0 or more \(found "lots"\)$/);
    // A bad Cash Reserve: the withdrawal is not judged against a reserve the advisor did not mean.
    expect(problems(book([holdings(BASE_HOLDINGS), targets(), policy([["Cash Flow", -1_000_000], ["Cash Reserve", "some"]])]))).toEqual([
      'Policy!B3: Cash Reserve must be a dollar amount of 0 or more (found "some")',
    ]);
  });
});

describe("Do Not Buy / Do Not Sell", () => {
  test("Yes/No per row; anything else is an error naming the cell; ignored on CASH", () => {
    const holdings = {
      name: "Holdings",
      sheet: "Holdings",
      top: 1,
      left: 1,
      values: [
        ["Symbol", "Asset Class", "Quantity", "Price", "Do Not Buy", "Do Not Sell"],
        ["VTI", "Stocks", 10, 100, "Yes", "no"],
        ["BND", "Bonds", 10, 100, null, "YES"],
        ["CASH", "Cash", 100, 1, "Yes", "Yes"],
        ["GLD", "Gold", 1, 100, "perhaps", 2],
      ],
      numberFormats: [],
    };
    const targets = { name: "Targets", sheet: "Targets", top: 1, left: 1, values: [["Asset Class", "Target"], ["Stocks", 0.4], ["Bonds", 0.4], ["Gold", 0.1], ["Cash", 0.1]], numberFormats: [] };
    const bad = parsePortfolio({ ranges: { holdings, targets }, nameProblems: [] }, { strategies: ["Full"], today: "2026-11-20" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => e.text)).toEqual(['Holdings!E5: Do Not Buy must be Yes or No (found "perhaps")', "Holdings!F5: Do Not Sell must be Yes or No (found 2)"]);
    holdings.values.pop();
    const ok = parsePortfolio({ ranges: { holdings, targets }, nameProblems: [] }, { strategies: ["Full"], today: "2026-11-20" });
    expect(ok.ok).toBe(true);
    if (ok.ok) expect(ok.portfolio.holdings.map((h) => [h.symbol, h.doNotBuy, h.doNotSell])).toEqual([["VTI", true, false], ["BND", false, true], ["CASH", false, false]]);
  });
});

/** The strategies' additions to the contract, through the runner on real .xlsx files: good and bad input. */
import { existsSync } from "fs";
import path from "path";
import { main } from "../../src/cli/main";
import { addRow, BookSpec, sampleBook, setCell, usd, writeTemp } from "../support/workbook";

async function run(book: BookSpec, ...extra: string[]): Promise<{ code: number; out: string; err: string; outFile: string }> {
  const file = await writeTemp(book);
  const outFile = path.join(path.dirname(file), "out.xlsx");
  let out = "";
  let err = "";
  const code = await main([file, "--out", outFile, ...extra], { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err, outFile };
}

/** The sample book with an Accounts range listing IRA as a Traditional IRA. */
function withAccounts(rows: (string | number | null)[][] = [["IRA", "Traditional IRA", null]]): BookSpec {
  const book = sampleBook();
  book.sheets.Accounts = [["Account", "Type", "Cash Reserve"], ...rows];
  book.names = { ...(book.names as Record<string, { table: string }>), Accounts: { table: "Accounts" } };
  return book;
}

describe("strategies: bad input names the cell and writes nothing", () => {
  test("an Accounts row with an unknown Type", async () => {
    const r = await run(withAccounts([["IRA", "Brokerage IRA", null]]));
    expect(r.code).toBe(2);
    expect(r.err).toContain('Accounts!B2: Type must be one of Traditional IRA, Roth IRA, SEP IRA, SIMPLE IRA, Solo 401k, Taxable (found "Brokerage IRA")');
    expect(existsSync(r.outFile)).toBe(false);
  });

  test("a Holdings account missing from Accounts", async () => {
    const book = withAccounts();
    setCell(book, "Holdings!A3", "Roth");
    const r = await run(book);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Holdings!A3: Account "Roth" is not listed in Accounts (known: IRA)');
    expect(existsSync(r.outFile)).toBe(false);
  });

  test("a withdrawal larger than the account can raise", async () => {
    const book = sampleBook();
    addRow(book, "Policy", ["Cash Flow", usd(-60000)]);
    const r = await run(book);
    expect(r.code).toBe(2);
    // The IRA holds 120 VTI × 250 + 300 BND × 50 + 5,000 cash = 50,000.
    expect(r.err).toContain("Policy!B10: Cash Flow withdraws $60,000.00 from IRA, which can raise at most $50,000.00 (its cash and tradable holdings, less the $0.00 reserve)");
    expect(existsSync(r.outFile)).toBe(false);
  });

  test("bad strategy settings, all reported at once", async () => {
    const book = sampleBook();
    addRow(book, "Policy", ["Strategy", "Aggressive"]);
    addRow(book, "Policy", ["Sell Order", "Random"]);
    addRow(book, "Policy", ["Lot Order", "LIFO"]);
    addRow(book, "Policy", ["Max Valuation Age", "a year"]);
    addRow(book, "Policy", ["Owner Age", -3]);
    addRow(book, "Policy", ["Cash Flow Account", "Nowhere"]);
    const r = await run(book);
    expect(r.code).toBe(2);
    for (const line of [
      'Policy!B10: Strategy must be one of Full, Cash Flow, Tax Aware (found "Aggressive")',
      'Policy!B11: Sell Order must be one of Most Overweight, Highest Gain First, Lowest Gain First (found "Random")',
      'Policy!B12: Lot Order must be one of HIFO, FIFO, Min Tax (found "LIFO")',
      'Policy!B13: Max Valuation Age must be a whole number of days, 1 or more (found "a year")',
      "Policy!B14: Owner Age must be a whole number of years (found -3)",
    ]) {
      expect(r.err).toContain(line);
    }
    expect(existsSync(r.outFile)).toBe(false);
  });

  test("a Cash Flow Account that holds nothing", async () => {
    const book = sampleBook();
    addRow(book, "Policy", ["Cash Flow", usd(1000)]);
    addRow(book, "Policy", ["Cash Flow Account", "Nowhere"]);
    const r = await run(book);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Policy!B11: Cash Flow Account "Nowhere" holds nothing in Holdings (accounts: IRA)');
  });
});

describe("strategies: good input", () => {
  test("Cash Flow contribution through the runner only buys, and the JSON says so", async () => {
    const book = withAccounts([["IRA", "Roth IRA", 100]]);
    addRow(book, "Policy", ["Strategy", "Cash Flow"]);
    addRow(book, "Policy", ["Cash Flow", usd(2000)]);
    const r = await run(book, "--json");
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.out);
    expect(plan.cashFlow).toEqual({ account: "IRA", amount: "2000.00" });
    expect(plan.trades.length).toBeGreaterThan(0);
    expect(plan.trades.every((t: { side: string }) => t.side === "buy")).toBe(true);
  });

  test("--compare prints every strategy; --compare --json is an array of plans", async () => {
    const text = await run(sampleBook(), "--compare");
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/Full\s+Target/);
    expect(text.out).toMatch(/Tax Aware\s+Band Edge/);
    expect(text.out).toMatch(/Cash Flow\s+\(flow only\)/);
    const json = await run(sampleBook(), "--compare", "--json");
    const arr = JSON.parse(json.out);
    expect(arr.map((c: { strategy: string; rebalanceTo: string; optimizer: string | null }) => `${c.strategy}/${c.rebalanceTo}/${c.optimizer}`)).toEqual([
      "Full/Target/Optimal",
      "Full/Target/Greedy",
      "Full/Band Edge/Optimal",
      "Full/Band Edge/Greedy",
      "Full/Halfway/Optimal",
      "Full/Halfway/Greedy",
      "Tax Aware/Target/Optimal",
      "Tax Aware/Target/Greedy",
      "Tax Aware/Band Edge/Optimal",
      "Tax Aware/Band Edge/Greedy",
      "Tax Aware/Halfway/Optimal",
      "Tax Aware/Halfway/Greedy",
      "Cash Flow/Target/Optimal",
      "Cash Flow/Target/Greedy",
    ]);
    expect(text.out).toMatch(/^Full\s+Target\s+Optimal\s/m);
    expect(text.out).toMatch(/^Full\s+Target\s+Greedy\s/m);
    expect(arr[0].plan.classes.length).toBe(3);
  });
});

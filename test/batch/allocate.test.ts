/** Block fills allocated to accounts (src/batch/allocate.ts) and `rebalance allocate`: hand-computed largest-remainder cases and every problem at once. */
import fs from "fs";
import os from "os";
import path from "path";
import Decimal from "decimal.js";
import fc from "fast-check";
import { AllocationRow, allocateFills } from "../../src/batch/allocate";
import { allocateMain } from "../../src/cli/allocate";
import ExcelJS from "exceljs";

const order = (block: string, account: string, quantity: number, line: number, side = "BUY", symbol = "VTI"): AllocationRow => ({
  block,
  household: "Smith",
  account,
  symbol,
  side,
  quantity: new Decimal(quantity),
  line,
});
const fill = (block: string, filled: number, price: number, line: number) => ({ block, filled: new Decimal(filled), averagePrice: new Decimal(price), line });
const ONE = new Decimal(1);

test("a partial fill: whole shares of each exact share, then the remainders largest first (hand-computed)", () => {
  // 33 of 100 filled: exact 16.5, 9.9, 6.6 → floors 16, 9, 6 (31); the 2 left go to .9 (B) and .6 (C).
  const problems: string[] = [];
  const r = allocateFills([order("B1", "A", 50, 2), order("B1", "B", 30, 3), order("B1", "C", 20, 4)], [fill("B1", 33, 250.1234, 2)], ONE, problems);
  expect(problems).toEqual([]);
  expect(r.rows.map((x) => [x.account, x.allocated.toNumber(), x.amount.toFixed(2)])).toEqual([
    ["A", 16, "4001.97"],
    ["B", 10, "2501.23"],
    ["C", 7, "1750.86"],
  ]);
});

test("equal remainders go to the larger order, then the earlier row; a full fill gives each its order; no fill row gives nothing", () => {
  const problems: string[] = [];
  const r = allocateFills(
    [order("T", "X", 1, 2), order("T", "Y", 1, 3), order("T", "Z", 1, 4), order("L", "P", 10, 5, "SELL", "BND"), order("L", "Q", 30, 6, "SELL", "BND"), order("N", "R", 5, 7, "BUY", "GLD")],
    [fill("T", 2, 10, 2), fill("L", 40, 70, 3)],
    ONE,
    problems,
  );
  expect(problems).toEqual([]);
  expect(r.rows.map((x) => x.allocated.toNumber())).toEqual([1, 1, 0, 10, 30, 0]);
  expect(r.unfilled).toEqual(["N"]);
  // 2 of (3 + 1): exact 1.5 and 0.5, equal remainders: the larger order wins.
  const tie = allocateFills([order("B", "small", 1, 2), order("B", "large", 3, 3)], [fill("B", 2, 1, 2)], ONE, []);
  expect(tie.rows.map((x) => x.allocated.toNumber())).toEqual([0, 2]);
});

test("property: allocations add up to the fill, never exceed an order, and are within one lot of the exact share", () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 12 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 3 }), (qs, share, lot) => {
      const orders = qs.map((q, i) => order("B", `A${i}`, q * lot, i + 2));
      const total = qs.reduce((s, q) => s + q, 0);
      const filledLots = Math.floor(total * share);
      const r = allocateFills(orders, [fill("B", filledLots * lot, 1, 2)], new Decimal(lot), []);
      const got = r.rows.map((x) => x.allocated.toNumber());
      expect(got.reduce((s, x) => s + x, 0)).toBe(filledLots * lot);
      got.forEach((g, i) => {
        expect(g).toBeLessThanOrEqual(qs[i] * lot);
        expect(g % lot).toBe(0);
        if (total > 0) expect(Math.abs(g - (filledLots * lot * qs[i]) / total)).toBeLessThan(lot);
      });
    }),
    { numRuns: Number(process.env.PROP_RUNS ?? 200) },
  );
});

describe("rebalance allocate", () => {
  let dir: string;
  const out: string[] = [];
  const err: string[] = [];
  const io = { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s) };
  const write = (name: string, text: string) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, text);
    return f;
  };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "allocate-"));
    out.length = 0;
    err.length = 0;
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("writes the per-account result as CSV (headers in any case and order, formulas neutralised)", async () => {
    const allocation = write("blocks.allocation.csv", "block,household,account,symbol,side,quantity\r\nB1,=HYPERLINK(1),Trad IRA,VTI,BUY,50\r\nB1,Jones,Roth IRA,VTI,BUY,30\r\nB1,Lee,IRA,VTI,BUY,20\r\n");
    const fills = write("fills.csv", "Average Price,Filled Quantity,Block\n250.1234,33,B1\n");
    const result = path.join(dir, "result.csv");
    expect(await allocateMain([allocation, fills, "--out", result], io)).toBe(0);
    expect(fs.readFileSync(result, "utf8").split("\r\n")).toEqual([
      "Block,Household,Account,Symbol,Side,Ordered,Allocated,Average Price,Amount",
      "B1,'=HYPERLINK(1),Trad IRA,VTI,BUY,50,16,250.1234,4001.97",
      "B1,Jones,Roth IRA,VTI,BUY,30,10,250.1234,2501.23",
      "B1,Lee,IRA,VTI,BUY,20,7,250.1234,1750.86",
      "",
    ]);
  });

  test("--sheet writes the same result as an Allocation table with totals; an output naming an input is refused", async () => {
    const allocation = write("blocks.allocation.csv", "Block,Household,Account,Symbol,Side,Quantity\nB1,Smith,Trad IRA,VTI,BUY,50\nB1,Jones,Roth IRA,VTI,BUY,30\nB1,Lee,IRA,VTI,BUY,20\n");
    const fills = write("fills.csv", "Block,Filled Quantity,Average Price\nB1,33,250.1234\n");
    const sheet = path.join(dir, "result.xlsx");
    expect(await allocateMain([allocation, fills, "--sheet", sheet], io)).toBe(0);
    // Without --out the CSV still goes to standard output.
    expect(out.join("")).toContain("B1,Lee,IRA,VTI,BUY,20,7,250.1234,1750.86");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sheet);
    const ws = wb.getWorksheet("Allocation")!;
    const row = (r: number) => (ws.getRow(r).values as unknown[]).slice(1);
    expect(row(1)).toEqual(["Block", "Household", "Account", "Symbol", "Side", "Ordered", "Allocated", "Average Price", "Amount"]);
    expect(row(2)).toEqual(["B1", "Smith", "Trad IRA", "VTI", "BUY", 50, 16, 250.1234, 4001.97]);
    expect(row(4)).toEqual(["B1", "Lee", "IRA", "VTI", "BUY", 20, 7, 250.1234, 1750.86]);
    expect(ws.getCell("G5").value).toEqual({ formula: "SUM(G2:G4)", result: 33 });
    expect(ws.getCell("I5").value).toEqual({ formula: "SUM(I2:I4)", result: 8254.06 });

    err.length = 0;
    expect(await allocateMain([allocation, fills, "--out", fills], io)).toBe(2);
    expect(err.join("")).toContain(`--out ${fills} is one of the input files`);
    expect(fs.readFileSync(fills, "utf8")).toBe("Block,Filled Quantity,Average Price\nB1,33,250.1234\n");
  });

  test("every problem of both files at once, with file and line; nothing written", async () => {
    const allocation = write("a.csv", "Block,Household,Account,Symbol,Side,Quantity\nB1,H,IRA,VTI,BUY,ten\nB1,H,Roth,VTI,SELL,5\nB2,H,IRA,BND,HOLD,5\n");
    const fills = write("f.csv", "Block,Filled Quantity,Average Price\nB1,100,10\nB9,1,1\nB2,1.5,abc\n");
    const result = path.join(dir, "result.csv");
    expect(await allocateMain([allocation, fills, "--out", result], io)).toBe(2);
    const text = err.join("");
    expect(text).toContain(`${allocation}:2: Quantity must be a number ≥ 0 (found "ten")`);
    expect(text).toContain(`${allocation}:4: Side must be BUY or SELL (found "HOLD")`);
    expect(text).toContain(`${fills}:2: block B1 filled 100, more than the 5 ordered`);
    expect(text).toContain(`${fills}:3: block B9 is not in ${allocation}`);
    expect(text).toContain(`${fills}:4: Average Price must be a number ≥ 0 (found "abc")`);
    expect(text).toContain("(nothing was written)");
    expect(fs.existsSync(result)).toBe(false);
  });

  test("a missing column, a missing file and a wrong number of files are reported", async () => {
    const allocation = write("a.csv", "Block,Account,Symbol,Side,Quantity\nB1,IRA,VTI,BUY,1\n");
    expect(await allocateMain([allocation, path.join(dir, "none.csv")], io)).toBe(2);
    expect(err.join("")).toContain(`${allocation}:1: missing column Household`);
    expect(err.join("")).toContain("none.csv: cannot be read (ENOENT)");
    expect(await allocateMain([allocation], io)).toBe(2);
    expect(err.join("")).toContain("allocate takes two files");
  });
});

/**
 * `rebalance batch` on a folder of five households (one broken, one in band, three out of band):
 * the summary's rows and problems, outputs only for the good ones, exit 2, block orders with their
 * limits (hand-computed), the same outputs with 1 and with 2 workers, and a re-run that changes
 * nothing but the run's timestamps. Workers run the TypeScript source (test/support/ts-worker.js).
 */
import { promises as fs } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import Decimal from "decimal.js";
import { batchMain } from "../../src/cli/batch";
import { blockOrders } from "../../src/plans/blocks";
import { FirmTrade } from "../../src/plans/household-row";
import { BookSpec, Rows, date, pct, sampleBook, setCell, tempDir, usd, writeWorkbook } from "../support/workbook";

const WORKER = path.join(__dirname, "..", "support", "ts-worker.js");
const NOW = new Date("2026-11-20T15:30:00Z");

jest.setTimeout(120_000);

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

async function batch(argv: string[], now = NOW): Promise<Ran> {
  let stdout = "";
  let stderr = "";
  const code = await batchMain(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), now: () => now }, { workerFile: WORKER });
  return { code, stdout, stderr };
}

const HEADERS = ["Account", "Symbol", "Asset Class", "Quantity", "Price", "Cost Basis", "Acquired", "Tradable", "Lot Size", "Valued On"];
const holdings = (vti: [number, number], bnd: [number, number]): Rows => [
  HEADERS,
  ["IRA", "VTI", "Stocks", vti[0], usd(vti[1]), usd(20000), date("2020-01-15"), "Yes", 1, null],
  ["IRA", "BND", "Bonds", bnd[0], usd(bnd[1]), usd(16500), date("2021-03-01"), "Yes", 1, null],
  ["IRA", "CASH", "Cash", 5000, usd(1), null, null, null, null, null],
];

/**
 * Targets 50/40/10 on $50,000 each, bands 5 points:
 *   alpha   VTI 120 @ 250, BND 300 @ 50: Stocks 60%  → sell 20 VTI, buy 100 BND
 *   charlie VTI 150 @ 200, BND 375 @ 40: Stocks 60%  → sell 25 VTI, buy 125 BND
 *   delta   VTI 160 @ 250, BND 100 @ 50: Stocks 80%  → sell 60 VTI, buy 300 BND
 *   bravo   VTI 100 @ 250, BND 400 @ 50: on target   → no trades
 *   broken  a quantity that is text, and targets adding up to 110%
 */
function households(): Record<string, BookSpec> {
  const broken = sampleBook();
  setCell(broken, "Holdings!D3", "lots");
  setCell(broken, "Targets!B2", pct(0.6));
  return {
    alpha: sampleBook({ holdings: holdings([120, 250], [300, 50]) }),
    bravo: sampleBook({ holdings: holdings([100, 250], [400, 50]) }),
    broken,
    charlie: sampleBook({ holdings: holdings([150, 200], [375, 40]) }),
    delta: sampleBook({ holdings: holdings([160, 250], [100, 50]) }),
  };
}

async function firmFolder(): Promise<string> {
  const dir = tempDir("sdira-batch-");
  const books = path.join(dir, "books");
  await fs.mkdir(books);
  for (const [name, book] of Object.entries(households())) await writeWorkbook(path.join(books, `${name}.xlsx`), book);
  return books;
}

/** Every cell of every sheet as [sheet, address, value] (timestamps left out when asked), for comparing outputs. */
async function contents(file: string, withoutTimestamps = false): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: string[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const timestamp = cell.numFmt === "yyyy-mm-dd hh:mm:ss" || (typeof cell.value === "string" && cell.value.includes(" Ran "));
        if (!(withoutTimestamps && timestamp)) out.push(`${ws.name}!${cell.address}=${JSON.stringify(cell.value)}`);
      }),
    ),
  );
  return out;
}

async function table(file: string, sheet: string): Promise<Record<string, unknown>[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet)!;
  const t = Object.values((ws as unknown as { tables: Record<string, { table: { tableRef?: string; ref?: string } }> }).tables)[0].table;
  const ref = (t.tableRef ?? t.ref)!;
  const [from, to] = ref.split(":").map((a) => ws.getCell(a));
  const headers: string[] = [];
  for (let c = Number(from.col); c <= Number(to.col); c++) headers.push(String(ws.getCell(Number(from.row), c).value));
  const rows: Record<string, unknown>[] = [];
  for (let r = Number(from.row) + 1; r <= Number(to.row); r++) rows.push(Object.fromEntries(headers.map((h, i) => [h, ws.getCell(r, Number(from.col) + i).value])));
  return rows;
}

describe("a folder of five households", () => {
  let books: string;
  let out: string;
  let ran: Ran;
  beforeAll(async () => {
    books = await firmFolder();
    out = path.join(path.dirname(books), "out");
    ran = await batch([books, "--out-dir", out, "--orders", path.join(out, "blocks.csv"), "--jobs", "2"]);
  });

  test("exits 2 because one household failed, and lists its problems by sheet and cell", () => {
    expect(ran.code).toBe(2);
    expect(ran.stdout).toContain("5 households: 3 out of band, 1 in band, 1 failed");
    expect(ran.stdout).toMatch(/broken \(.*broken\.xlsx\):\n(\s+\S+!\S+: .*\n){2}\n?Wrote/);
    expect(ran.stdout).toContain('    Holdings!D3: Quantity must be a number of 0 or more (found "lots")\n');
    expect(ran.stdout).toContain("    Targets!B1: Targets sum to 110.00%, expected 100%\n");
    // Plain progress lines when stderr is not a terminal, one per household.
    expect(ran.stderr.split("\n").filter((l) => /^\[\d\/5\] /.test(l))).toHaveLength(5);
  });

  test("writes the good households' workbooks only, never over the inputs", async () => {
    const written = (await fs.readdir(out)).sort();
    expect(written).toEqual(["alpha.xlsx", "blocks.allocation.csv", "blocks.csv", "bravo.xlsx", "charlie.xlsx", "delta.xlsx", "firm-summary.xlsx"]);
    const alpha = new ExcelJS.Workbook();
    await alpha.xlsx.readFile(path.join(out, "alpha.xlsx"));
    expect(alpha.getWorksheet("Rebalance 2026-11-20")).toBeDefined();
    expect(alpha.getWorksheet("Rebalance Log")).toBeDefined();
    // The inputs are as they were: no Rebalance sheet.
    const input = new ExcelJS.Workbook();
    await input.xlsx.readFile(path.join(books, "alpha.xlsx"));
    expect(input.getWorksheet("Rebalance 2026-11-20")).toBeUndefined();
  });

  test("firm-summary.xlsx: out of band first (largest drift first), then failed, then in band; every trade; every problem", async () => {
    const summary = path.join(out, "firm-summary.xlsx");
    const rows = await table(summary, "Summary");
    expect(rows.map((r) => [r.Household, r.Status, r.Decision, r.Trades])).toEqual([
      ["delta", "Out of band", "Rebalance", 2],
      ["alpha", "Out of band", "Rebalance", 2],
      ["charlie", "Out of band", "Rebalance", 2],
      ["broken", "Failed", null, null],
      ["bravo", "In band", "No rebalance", 0],
    ]);
    const delta = rows[0];
    expect(delta.Total).toBe(50000);
    // Weights 80/10/10 against 50/40/10: half of (30 + 30 + 0) points.
    expect(delta["Portfolio Drift"]).toBeCloseTo(0.3, 10);
    expect([delta["Largest Drift Class"], delta["Largest Drift"]]).toEqual(["Stocks", 0.3]);
    // Sold 60 × $250 and bought 300 × $50.
    expect([delta.Buys, delta.Sells, delta.Turnover]).toEqual([15000, 15000, 30000]);
    expect(String(rows[3].Errors)).toContain("Holdings!D3");

    const trades = await table(summary, "Trades");
    expect(trades.map((t) => [t.Household, t.Symbol, t.Side, t.Quantity])).toEqual([
      ["alpha", "VTI", "sell", 20],
      ["alpha", "BND", "buy", 100],
      ["charlie", "VTI", "sell", 25],
      ["charlie", "BND", "buy", 125],
      ["delta", "VTI", "sell", 60],
      ["delta", "BND", "buy", 300],
    ]);
    const problems = await table(summary, "Problems");
    expect(problems.length).toBeGreaterThanOrEqual(2);
    expect(problems.every((p) => p.Household === "broken")).toBe(true);

    // The status column's conditional formats.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(summary);
    const rules = (wb.getWorksheet("Summary") as unknown as { conditionalFormattings: { ref: string; rules: { formulae?: string[] }[] }[] }).conditionalFormattings;
    expect(rules.map((r) => r.rules[0].formulae?.[0] ?? "")).toEqual(expect.arrayContaining([expect.stringContaining('"Out of band"'), expect.stringContaining('"Failed"')]));
  });

  test("block orders: one per symbol and side, sells first, the most conservative limit (hand-computed)", async () => {
    // VTI sells: 20 @ 250 (alpha), 25 @ 200 (charlie), 60 @ 250 (delta): 105, limit the highest, 250.
    // BND buys: 100 @ 50, 125 @ 40, 300 @ 50: 525, limit the lowest, 40.
    expect(await fs.readFile(path.join(out, "blocks.csv"), "utf8")).toBe(
      "Block,Symbol,Side,Quantity,Limit Price,Accounts\r\nB001,VTI,SELL,105,250.00,3\r\nB002,BND,BUY,525,40.00,3\r\n",
    );
    expect(await fs.readFile(path.join(out, "blocks.allocation.csv"), "utf8")).toBe(
      [
        "Block,Household,Account,Symbol,Side,Quantity",
        "B001,alpha,IRA,VTI,SELL,20",
        "B001,charlie,IRA,VTI,SELL,25",
        "B001,delta,IRA,VTI,SELL,60",
        "B002,alpha,IRA,BND,BUY,100",
        "B002,charlie,IRA,BND,BUY,125",
        "B002,delta,IRA,BND,BUY,300",
        "",
      ].join("\r\n"),
    );
  });

  test("one worker writes exactly what two wrote", async () => {
    const single = path.join(path.dirname(books), "single");
    const again = await batch([books, "--out-dir", single, "--orders", path.join(single, "blocks.csv"), "--jobs", "1"]);
    expect(again.code).toBe(2);
    expect(again.stdout).toBe(ran.stdout.replace(new RegExp(out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "g"), single));
    for (const f of ["alpha.xlsx", "bravo.xlsx", "charlie.xlsx", "delta.xlsx", "firm-summary.xlsx"]) {
      const a = await contents(path.join(out, f));
      const b = (await contents(path.join(single, f))).map((s) => s.split(single).join(out));
      expect(b).toEqual(a);
    }
    for (const f of ["blocks.csv", "blocks.allocation.csv"]) expect(await fs.readFile(path.join(single, f), "utf8")).toBe(await fs.readFile(path.join(out, f), "utf8"));
  });

  test("a re-run a day later writes the same outputs apart from its timestamps, with one log row per household", async () => {
    const rerun = await batch([books, "--out-dir", out, "--orders", path.join(out, "blocks.csv")], new Date("2026-11-21T09:00:00Z"));
    expect(rerun.code).toBe(2);
    for (const f of ["alpha.xlsx", "bravo.xlsx", "firm-summary.xlsx"]) {
      const before = await contents(path.join(path.dirname(books), "single", f), true);
      expect((await contents(path.join(out, f), true)).map((s) => s.split(out).join(path.join(path.dirname(books), "single")))).toEqual(before);
    }
    const log = await table(path.join(out, "alpha.xlsx"), "Rebalance Log");
    expect(log).toHaveLength(1);
  });
});

test("duplicate names from two folders, an unreadable file, a lock file and a hidden file are each handled and reported", async () => {
  const dir = tempDir("sdira-batch-");
  for (const sub of ["east", "west"]) {
    await fs.mkdir(path.join(dir, sub));
    await writeWorkbook(path.join(dir, sub, "smith.xlsx"), sampleBook());
  }
  await fs.writeFile(path.join(dir, "east", "notes.xlsx"), "not a workbook");
  await fs.copyFile(path.join(dir, "east", "smith.xlsx"), path.join(dir, "east", "~$smith.xlsx"));
  await fs.writeFile(path.join(dir, "east", ".hidden.xlsx"), "");
  const out = path.join(dir, "out");
  const r = await batch([path.join(dir, "east"), path.join(dir, "west"), path.join(dir, "west", "smith.xlsx"), "--out-dir", out, "--json"]);
  expect(r.code).toBe(2);
  const json = JSON.parse(r.stdout) as { households: { household: string; status: string; errors: string[]; warnings: string[]; output: string | null }[]; skipped: { file: string; reason: string }[] };
  // West's smith.xlsx named twice is planned once.
  expect(json.households.map((h) => [h.household, h.status])).toEqual([
    ["east/smith", "Out of band"],
    ["west/smith", "Out of band"],
    ["notes", "Failed"],
  ]);
  expect(json.households[2].errors[0]).toMatch(/notes\.xlsx is not a readable \.xlsx workbook/);
  expect(json.households[0].warnings[0]).toBe("smith.xlsx is open in Excel (its lock file is there): the last saved version was planned");
  expect(json.skipped.map((s) => path.basename(s.file))).toEqual(["~$smith.xlsx", ".hidden.xlsx"].sort());
  expect(r.stderr).toContain("Skipped");
  // The two smiths keep their own name, each in its folder's subfolder.
  expect(json.households[0].output).toBe(path.join(out, "east", "smith.xlsx"));
  await expect(fs.stat(path.join(out, "west", "smith.xlsx"))).resolves.toBeTruthy();
});

test("an --out-dir that would write over the inputs, or an --orders file that is an input, stops the batch before anything is planned", async () => {
  const dir = tempDir("sdira-batch-");
  await writeWorkbook(path.join(dir, "smith.xlsx"), sampleBook());
  const over = await batch([dir, "--out-dir", dir]);
  expect(over.code).toBe(2);
  expect(over.stderr).toContain(`would write smith.xlsx over its input`);
  expect(over.stderr).toContain("(nothing was planned)");
  const orders = await batch([path.join(dir, "smith.xlsx"), "--orders", path.join(dir, "smith.xlsx")]);
  expect(orders.code).toBe(2);
  expect(orders.stderr).toContain("is one of the workbooks to plan");
  expect((await fs.readdir(dir)).sort()).toEqual(["smith.xlsx"]);
  expect((await batch(["--jobs", "0", dir])).stderr).toContain("--jobs must be a whole number ≥ 1");
  expect((await batch([path.join(dir, "empty-folder-that-is-not-there")])).code).toBe(2);
});

test("blockOrders: several trades of one account in a block are one allocation line; decimal quantities add exactly", () => {
  const trade = (household: string, account: string, side: "buy" | "sell", quantity: string, limitPrice: string): FirmTrade => ({
    household, account, symbol: "XYZ", assetClass: "Stocks", side, quantity, price: limitPrice, limitPrice, amount: "0", fee: "0", realizedShortTerm: null, realizedLongTerm: null, settlesOn: "2026-11-23",
  });
  const { blocks, allocation } = blockOrders([trade("h", "A", "buy", "0.1", "10.05"), trade("h", "A", "buy", "0.2", "10.01"), trade("g", "B", "sell", "1.5", "9.99"), trade("g", "C", "sell", "2", "10.02")]);
  expect(blocks.map((b) => [b.block, b.side, b.quantity.toString(), b.limitPrice.toFixed(2), b.accounts])).toEqual([
    ["B001", "SELL", "3.5", "10.02", 2],
    ["B002", "BUY", "0.3", "10.01", 1],
  ]);
  expect(allocation.map((l) => [l.block, l.household, l.account, l.quantity.toString()])).toEqual([
    ["B001", "g", "B", "1.5"],
    ["B001", "g", "C", "2"],
    ["B002", "h", "A", "0.3"],
  ]);
  expect(new Decimal(allocation[2].quantity).equals("0.3")).toBe(true);
});

/**
 * A master workbook on real .xlsx files: the runner plans each household separately (numbers equal to
 * running it on each household's own workbook), --out writes one Rebalance sheet with a table per
 * part whose first column is the household and a log row per household, --orders writes block
 * orders; `rebalance batch` lists each household of it.
 */
import { promises as fs } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { run } from "../support/runner";
import { batchMain } from "../../src/cli/batch";
import { BookSpec, Rows, date, pct, tempDir, usd, writeWorkbook } from "../support/workbook";

jest.setTimeout(60_000);

const HEADER = ["Household", "Account", "Symbol", "Asset Class", "Quantity", "Price", "Cost Basis", "Acquired"];
const SMITH: Rows = [
  ["Smith", "IRA", "VTI", "Stocks", 120, usd(250), usd(20000), date("2020-01-15")],
  ["Smith", "IRA", "BND", "Bonds", 300, usd(50), usd(16500), date("2021-03-01")],
  ["Smith", "IRA", "CASH", "Cash", 5000, usd(1), null, null],
];
const JONES: Rows = [
  ["Jones", "IRA", "VTI", "Stocks", 160, usd(250), usd(30000), date("2018-01-15")],
  ["Jones", "IRA", "BND", "Bonds", 100, usd(50), usd(5200), date("2020-03-01")],
  ["Jones", "Roth", "CASH", "Cash", 5000, usd(1), null, null],
  ["Jones", "IRA", "CASH", "Cash", 0, usd(1), null, null],
];
const POLICY: Rows = [
  ["Setting", "Value"],
  ["As Of", date("2026-11-20")],
  ["Trigger", "Band"],
  ["Abs Band", pct(0.05)],
  ["Rebalance To", "Target"],
  ["Fractional", "No"],
];
/** Shared 50/40/10; Jones has its own 60/30/10. */
const TARGETS: Rows = [
  ["Household", "Asset Class", "Target"],
  [null, "Stocks", pct(0.5)],
  [null, "Bonds", pct(0.4)],
  [null, "Cash", pct(0.1)],
  ["Jones", "Stocks", pct(0.6)],
  ["Jones", "Bonds", pct(0.3)],
  ["Jones", "Cash", pct(0.1)],
];
const ACCOUNTS: Rows = [
  ["Household", "Account", "Type"],
  [null, "IRA", "Traditional IRA"],
  ["Jones", "Roth", "Roth IRA"],
];

const names = { Holdings: { table: "Holdings" }, Targets: { table: "Targets" }, Policy: { table: "Policy" }, Accounts: { table: "Accounts" } };
const masterBook = (): BookSpec => ({ sheets: { Holdings: [HEADER, ...SMITH, ...JONES], Targets: TARGETS, Policy: POLICY, Accounts: ACCOUNTS }, names });
/** One household's own workbook: its rows and targets without the Household column. */
const own = (rows: Rows, targets: Rows, accounts: Rows): BookSpec => ({
  sheets: { Holdings: [HEADER.slice(1), ...rows.map((r) => r.slice(1))], Targets: [["Asset Class", "Target"], ...targets.map((r) => r.slice(1))], Policy: POLICY, Accounts: [["Account", "Type"], ...accounts.map((r) => r.slice(1))] },
  names,
});

interface PlanOut {
  total: string;
  classes: unknown;
  trades: { account: string; symbol: string; side: string; quantity: string; limitPrice: string }[];
  after: unknown;
  trigger: unknown;
}

async function json(file: string): Promise<unknown> {
  const r = await run([file, "--json"]);
  if (r.code !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

const numbers = (p: PlanOut) => ({ total: p.total, classes: p.classes, trades: p.trades, after: p.after, trigger: p.trigger });

describe("a master workbook of two households", () => {
  let dir: string;
  let master: string;
  beforeAll(async () => {
    dir = tempDir("sdira-master-");
    master = await writeWorkbook(path.join(dir, "firm.xlsx"), masterBook());
  });

  test("--json: each household planned separately, its numbers equal to its own workbook's", async () => {
    const out = (await json(master)) as { households: { household: string; plan: PlanOut }[] };
    expect(out.households.map((h) => h.household)).toEqual(["Smith", "Jones"]);
    const smith = (await json(await writeWorkbook(path.join(dir, "smith.xlsx"), own(SMITH, TARGETS.slice(1, 4), ACCOUNTS.slice(1, 2))))) as PlanOut;
    const jones = (await json(await writeWorkbook(path.join(dir, "jones.xlsx"), own(JONES, TARGETS.slice(4), ACCOUNTS.slice(1))))) as PlanOut;
    expect(numbers(out.households[0].plan)).toEqual(numbers(smith));
    expect(numbers(out.households[1].plan)).toEqual(numbers(jones));
    // Hand-computed: Smith $50,000 at 60/30/10 against 50/40/10 sells 20 VTI and buys 100 BND.
    expect(out.households[0].plan.trades.map((t) => `${t.side} ${t.quantity} ${t.symbol}`)).toEqual(["sell 20 VTI", "buy 100 BND"]);
  });

  test("the summary lists the households, then each plan", async () => {
    const r = await run([master]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Master workbook firm\.xlsx: 2 households: 2 out of band, 0 in band, 0 failed/);
    expect(r.stdout).toContain("Rebalance plan for firm.xlsx, household Smith as of 2026-11-20");
    expect(r.stdout).toContain("Rebalance plan for firm.xlsx, household Jones as of 2026-11-20");
  });

  test("--out: one Rebalance sheet with a household column in each table and a summary per household; a log row each", async () => {
    const out = path.join(dir, "firm-out.xlsx");
    const blocks = path.join(dir, "blocks.csv");
    const r = await run([master, "--out", out, "--orders", blocks]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Rebalance 2026-11-20")!;
    const tables = (ws as unknown as { tables: Record<string, { table: { name: string; tableRef?: string; ref?: string } }> }).tables;
    expect(Object.keys(tables).sort()).toEqual(["HouseholdClasses_20261120", "HouseholdTrades_20261120", "Households_20261120"]);
    const rowsOf = (name: string) => {
      const ref = (tables[name].table.tableRef ?? tables[name].table.ref)!;
      const [a, b] = ref.split(":").map((x) => ws.getCell(x));
      const out: unknown[][] = [];
      for (let row = Number(a.row); row <= Number(b.row); row++) out.push((ws.getRow(row).values as unknown[]).slice(1, Number(b.col) + 1));
      return out;
    };
    const summary = rowsOf("Households_20261120");
    expect(summary[0].slice(0, 8)).toEqual(["Household", "Total", "Portfolio Drift", "Largest Drift Class", "Largest Drift", "Out of Band", "Decision", "Trades"]);
    expect(summary.slice(1).map((r) => [r[0], r[1], r[6], r[7]])).toEqual([
      ["Smith", 50000, "Rebalance", 2],
      ["Jones", 50000, "Rebalance", 2],
    ]);
    const trades = rowsOf("HouseholdTrades_20261120");
    expect(trades.slice(1).map((r) => [r[0], r[2], r[4], r[5]])).toEqual([
      ["Smith", "VTI", "sell", 20],
      ["Smith", "BND", "buy", 100],
      ["Jones", "VTI", "sell", 40],
      ["Jones", "BND", "buy", 200],
    ]);
    expect(rowsOf("HouseholdClasses_20261120").slice(1).map((r) => r[0])).toEqual(["Smith", "Smith", "Smith", "Jones", "Jones", "Jones"]);
    const log = wb.getWorksheet("Rebalance Log")!;
    expect([log.getCell("L2").value, log.getCell("L3").value]).toEqual(["Household Smith", "Household Jones"]);
    // Block orders across both households: VTI sold 20 + 40, BND bought 100 + 200.
    expect(await fs.readFile(blocks, "utf8")).toBe("Block,Symbol,Side,Quantity,Limit Price,Accounts\r\nB001,VTI,SELL,60,250.00,2\r\nB002,BND,BUY,300,50.00,2\r\n");
    expect((await fs.readFile(path.join(dir, "blocks.allocation.csv"), "utf8")).split("\r\n")[1]).toBe("B001,Jones,IRA,VTI,SELL,40");
  });

  test("rebalance batch lists each household of a master workbook", async () => {
    const folder = path.join(dir, "batch");
    await fs.mkdir(folder);
    await fs.copyFile(master, path.join(folder, "firm.xlsx"));
    let stdout = "";
    const code = await batchMain([folder, "--json"], { stdout: (s) => (stdout += s), stderr: () => {} }, { workerFile: path.join(__dirname, "..", "support", "ts-worker.js") });
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { households: { household: string }[] }).households.map((h) => h.household).sort()).toEqual(["firm: Jones", "firm: Smith"]);
  });
});

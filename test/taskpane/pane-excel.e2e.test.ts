/**
 * The built task pane (dist/) in real headless Chromium as if inside Excel: the page loads with the Excel
 * stand-in of the adapter tests (test/excel/support/fake-excel) behind the `Excel` and `Office` globals, so
 * the pane's Excel path runs in a browser — Rebalance reads the workbook, plans and writes the sheets, and
 * a problem's address selects its cell. The harness is support/excel-page.ts (office.js answered with the
 * stand-in); pane.e2e.test.ts covers standalone mode.
 *
 * Needs Chromium at /usr/bin/chromium (Debian: apt-get install -y chromium) or $CHROMIUM_PATH.
 */
import fs from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { ExcelPage } from "./support/excel-page";
import { ROOT } from "./support/dist";
import { accountRows, tradeRows } from "./support/rows";
import { dumpFake, dumpXlsx, fakeFromXlsx, xlsxFromFake } from "../excel/support/books";
import { writeWithExceljs } from "../excel/support/pipeline";
import { run } from "../support/runner";
import { readWorkbookSnapshot } from "../../src/xlsx/read";
import { planBook } from "../../src/plans/plan-workbook";
import type { PlanJson } from "../../src/plans/json";
import { money, percent, pp, quantity, relative } from "../../src/display";
import { reviewLine, strategyLine } from "../../src/plans/describe";
import { statusFunction } from "../../src/functions/bands";
import { weightsFunction } from "../../src/functions/weights";
import { reportFunction } from "../../src/functions/report";

const SAMPLE = path.join(ROOT, "samples", "sdira-sample.xlsx");
const SCREENSHOT = process.env.PANE_SCREENSHOT || "/tmp/pane.png";
const shot = (name: string) => SCREENSHOT.replace(/\.png$/, `-excel-${name}.png`);
/** Excel's Black theme: its body background (Office.context.officeTheme) is dark. */
const EXCEL_DARK = { bodyBackgroundColor: "#262626", bodyForegroundColor: "#FFFFFF", controlBackgroundColor: "#404040", controlForegroundColor: "#FFFFFF" };

// ---------------------------------------------------------------- workbooks

type Row = (string | number)[];

/** A workbook of the given sheets, each a range named after its sheet; `notes` are cells typed outside the ranges (sheet → address → text). */
async function workbook(sheets: Record<string, Row[]>, notes: Record<string, Record<string, string>> = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(sheet);
    rows.forEach((r) => ws.addRow(r));
    wb.definedNames.add(`${sheet}!$A$1:$${String.fromCharCode(64 + rows[0].length)}$${rows.length}`, sheet);
  }
  for (const [sheet, cells] of Object.entries(notes)) {
    const ws = wb.getWorksheet(sheet) ?? wb.addWorksheet(sheet);
    for (const [address, text] of Object.entries(cells)) ws.getCell(address).value = text;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The cells (Sheet!A1) whose value, formula or format differ between two dumps of a book. */
function changedCells(before: ReturnType<typeof dumpFake>, after: ReturnType<typeof dumpFake>): string[] {
  const sheets = [...new Set([...Object.keys(before.sheets), ...Object.keys(after.sheets)])];
  return sheets.flatMap((sheet) => {
    const a = before.sheets[sheet] ?? {};
    const b = after.sheets[sheet] ?? {};
    return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).map((k) => `${sheet}!${k}`);
  }).sort();
}

/** A planned workbook's single household plan, planned by the engine straight from the bytes (as the runner does). */
async function planOf(data: Buffer): Promise<PlanJson> {
  const book = planBook(await readWorkbookSnapshot(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer));
  if (!book.ok || book.households.length !== 1) throw new Error("the workbook should plan one household");
  return book.households[0].plan;
}

const POLICY: Row[] = [["Setting", "Value"], ["As Of", "2025-06-30"], ["Trigger", "Band"], ["Abs Band", 0.05]];

/** A word for a quantity (Holdings!D3) and targets summing to 105% (Targets!B1). */
const broken = () =>
  workbook({
    Holdings: [["Account", "Symbol", "Asset Class", "Quantity", "Price"], ["IRA", "VTI", "US Stocks", 500, 250], ["IRA", "VXUS", "Intl Stocks", "three hundred", 60], ["IRA", "BND", "Bonds", 1000, 72], ["IRA", "CASH", "Cash", 5000, 1]],
    Targets: [["Asset Class", "Target"], ["US Stocks", 0.5], ["Intl Stocks", 0.2], ["Bonds", 0.3], ["Cash", 0.05]],
    Policy: POLICY,
  });

/** What the command-line runner plans for a file (`rebalance <file> --json`). */
async function runnerPlan(file: string, extra: string[] = []): Promise<PlanJson> {
  const r = await run([file, "--json", ...extra]);
  if (r.code !== 0) throw new Error(`the runner failed on ${file}: ${r.stderr}`);
  return JSON.parse(r.stdout) as PlanJson;
}

async function runnerErrors(data: Buffer): Promise<string[]> {
  const book = planBook(await readWorkbookSnapshot(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer));
  if (book.ok) throw new Error("the workbook should break the contract");
  return book.errors.map((e) => e.text);
}

// ---------------------------------------------------------------- the page

let excel: ExcelPage;

beforeAll(async () => {
  excel = await ExcelPage.start();
}, 600_000);

afterAll(async () => {
  await excel?.close();
});

afterEach(() => {
  // Nothing the pane did inside "Excel" threw in the page, or tried to leave 127.0.0.1.
  expect(excel.pageErrors.splice(0)).toEqual([]);
  expect(excel.blocked.splice(0)).toEqual([]);
});

test("inside Excel: Office.onReady reports Excel, the pane shows its Excel views, the ribbon command and every REBAL function are registered", async () => {
  await excel.open(fs.readFileSync(SAMPLE));
  expect(await excel.page.textContent('[data-testid="mode"]')).toBe("In Excel");
  expect(await excel.page.getAttribute('[data-testid="rebalance-result"]', "data-state")).toBe("idle");
  const registered = await excel.page.evaluate(() => {
    const s = (self as unknown as { __standIn: { functions(): string[]; actions(): string[] } }).__standIn;
    return { functions: s.functions(), actions: s.actions() };
  });
  expect(registered).toEqual({ functions: ["WEIGHTS", "DRIFT", "BAND", "STATUS", "NEEDED", "TRADES", "SHARES", "NEXTREVIEW", "REPORT"], actions: ["rebalance"] });
  // Before it is asked the pane only looks (one Excel.run: whether the workbook has the contract's names, to offer the
  // starter sheets) and writes nothing: the stand-in's workbook is the one opened.
  const opened = JSON.stringify(await excel.book());
  await excel.page.waitForFunction(() => (self as unknown as { __standIn: { runs(): number } }).__standIn.runs() >= 1);
  await excel.page.waitForTimeout(500);
  expect(await excel.runs()).toBe(1);
  expect(JSON.stringify(await excel.book())).toBe(opened);
});

test("the REBAL functions the page registered work in the browser, their code fetched with the first call, not with the page", async () => {
  await excel.open(fs.readFileSync(SAMPLE));
  // The starter offer's one look at the workbook first (see the case above).
  await excel.page.waitForFunction(() => (self as unknown as { __standIn: { runs(): number } }).__standIn.runs() >= 1);
  const runsBefore = await excel.runs();
  const loaded = () => excel.fetched.filter((f) => f.startsWith("/functions-engine"));
  const fetchedBefore = excel.fetched.length;
  expect(loaded()).toEqual([]);
  const call = (id: string, ...args: unknown[]) =>
    excel.page.evaluate(({ id, args }) => (self as unknown as { __standIn: { callFunction(id: string, ...a: unknown[]): Promise<unknown> } }).__standIn.callFunction(id, ...args), { id, args });
  const values = [[70000], [25000], [5000]];
  const targets = [[0.6], [0.3], [0.1]];
  expect(await call("WEIGHTS", values)).toEqual(weightsFunction(values));
  expect(loaded()).toEqual(["/functions-engine.js"]);
  expect(excel.fetched.length).toBeGreaterThan(fetchedBefore);
  expect(await call("STATUS", values, targets, null, null)).toEqual(statusFunction(values, targets));
  const holdings = [["Symbol", "Asset Class", "Quantity", "Price"], ["VTI", "Stocks", 10, 100], ["CASH", "Cash", 1000, ""]];
  const halves = [["Asset Class", "Target"], ["Stocks", 0.5], ["Cash", 0.5]];
  expect(await call("REPORT", holdings, halves, null, null, null, null, { parameterAddresses: [] })).toEqual(reportFunction(holdings, halves));
  // Asked once per session: the workbook's date system, through Excel.run on the stand-in.
  expect((await excel.runs()) - runsBefore).toBe(1);
  // Still loaded once.
  expect(loaded()).toEqual(["/functions-engine.js"]);
});

/**
 * The sample with a Solver Time Limit of 60 s (in place of its Fee Per Trade row, 0, the default): the pane's
 * worker and the runner must both reach the optimum to plan alike, and on a loaded 2-core CI machine the
 * browser's HiGHS once stopped at the 2 s default with a different (feasible, reported) plan.
 */
async function unhurriedSample(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(SAMPLE) as unknown as ArrayBuffer);
  const policy = wb.getWorksheet("Policy")!;
  expect(policy.getCell("A14").value).toBe("Fee Per Trade");
  expect(policy.getCell("B14").value).toBe(0);
  policy.getCell("A14").value = "Solver Time Limit";
  policy.getCell("B14").value = 60;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pane-excel-")), "sdira-sample.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

test("the sample workbook, read and planned inside Excel: the pane shows the runner's plan of the same workbook", async () => {
  const SAMPLE = await unhurriedSample();
  const plan = await runnerPlan(SAMPLE);
  expect(plan.trades.length).toBeGreaterThan(0);
  await excel.open(fs.readFileSync(SAMPLE));
  expect(await excel.rebalance()).toBe("written");
  const page = excel.page;
  expect(await page.textContent('[data-testid="rebalance-result"]')).toContain(`Wrote “Rebalance ${plan.asOf}”`);
  expect(await page.textContent('[data-testid="decision"]')).toBe(plan.trigger.rebalance ? "Rebalance now" : "No rebalance needed");
  expect(await page.$$eval('ul[aria-label="Reasons"] li', (li) => li.map((l) => l.textContent))).toEqual(plan.trigger.reasons);
  expect(await excel.tableRows("Asset classes")).toEqual(
    plan.classes.map((c) => [c.assetClass, money(c.value), percent(c.weight), percent(c.target), pp(c.drift), relative(c.relativeDrift), `${percent(c.bandLow)} – ${percent(c.bandHigh)}`, c.status]),
  );
  expect(await excel.tableRows("Trades")).toEqual(
    tradeRows(plan),
  );
  expect(await excel.tableRows("After trades")).toEqual(plan.after.classes.map((c) => [c.assetClass, money(c.value), percent(c.weight), pp(c.drift), `${percent(c.bandLow)} – ${percent(c.bandHigh)}`, c.status]));
  expect(await excel.tableRows("Trades by account")).toEqual(accountRows(plan));
  expect(await page.textContent('[data-testid="strategy"]')).toBe(`Strategy: ${strategyLine(plan)}`);
  expect(await page.textContent('[data-testid="review"]')).toBe(`Review ${reviewLine(plan)}`);
  expect(await page.textContent('[data-testid="export-orders"]')).toBe("Export orders (CSV)");
  await page.screenshot({ path: shot("sample"), fullPage: true });

  // Unticking a trade's Keep box rebalances again with its position held still: the runner's plan with --exclude.
  const first = plan.trades[0];
  const held = await runnerPlan(SAMPLE, ["--exclude", `${first.account}:${first.symbol}`]);
  expect(held.doNotTrade).toEqual([{ account: first.account, symbol: first.symbol }]);
  const line = (t: { account: string; symbol: string; side: string; quantity: string }) => `${t.account} ${t.symbol} ${t.side === "buy" ? "Buy" : "Sell"} ${quantity(t.quantity)}`;
  const runsBefore = await excel.runs();
  await page.click(`input[aria-label^="Keep ${first.side} ${first.symbol} in ${first.account} "]`);
  await page.waitForSelector('[data-testid="held-still"]');
  await page.waitForSelector('[data-testid="rebalance-result"][data-state="written"]');
  expect(await excel.runs()).toBeGreaterThan(runsBefore);
  expect((await excel.tableRows("Trades")).map((r) => `${r[0]} ${r[1]} ${r[3]} ${r[4]}`)).toEqual(held.trades.map(line));
  expect(await page.textContent('[data-testid="held-still"]')).toContain(`${first.account} · ${first.symbol}: held still`);
  // Compare holds it still too: each variant's trades as the runner's --compare --exclude plans them.
  const r = await run([SAMPLE, "--compare", "--json", "--exclude", `${first.account}:${first.symbol}`]);
  expect(r.code).toBe(0);
  const compared = JSON.parse(r.stdout) as { plan: PlanJson }[];
  await page.click('[data-testid="tab-compare"]');
  await page.waitForSelector('[data-testid="compare"][data-state="done"]', { timeout: 60_000 });
  expect(await page.textContent('[data-testid="compare-held-still"]')).toContain(`${first.account} · ${first.symbol}`);
  expect((await excel.tableRows("Strategies compared")).map((row) => row[1])).toEqual(compared.map((c) => String(c.plan.trades.length)));
  await page.click('[data-testid="tab-rebalance"]');
});

test("Rebalance writes the Rebalance sheet, the drift columns and the log row: the stand-in's cells equal the exceljs adapter's output, on a first click and a second", async () => {
  const data = fs.readFileSync(SAMPLE);
  await excel.open(data);
  const before = dumpFake(await fakeFromXlsx(data));
  expect(await excel.rebalance()).toBe("written");
  // The runner's --out path (exceljs) on the same bytes at the same time as the page's clock.
  const file1 = await writeWithExceljs(data, excel.now);
  const expected1 = await dumpXlsx(file1.out);
  const office1 = dumpFake(await excel.book());
  expect(Object.keys(office1.sheets).sort()).toEqual(Object.keys(expected1.sheets).sort());
  for (const sheet of Object.keys(expected1.sheets)) expect({ sheet, cells: office1.sheets[sheet] }).toEqual({ sheet, cells: expected1.sheets[sheet] });
  expect(office1.tables).toEqual(expected1.tables);
  expect(office1.names).toEqual(expected1.names);
  // Really written (not two unchanged books agreeing): a new Rebalance sheet with the plan's trades, and the log.
  const written = `Rebalance ${file1.plan.asOf}`;
  expect(Object.keys(before.sheets)).not.toContain(written);
  expect(Object.keys(office1.sheets)).toEqual(expect.arrayContaining([written, "Rebalance Log"]));
  const texts = Object.values(office1.sheets[written]).map((c) => c.value);
  for (const t of file1.plan.trades) expect(texts).toContain(t.symbol);
  expect(Object.keys(office1.sheets[written]).length).toBeGreaterThan(50);
  // The plan was made in the pane's worker: the page never fetched the chunk that plans on the page (the ribbon's).
  expect(excel.fetched).toContain("/pane-worker.js");
  expect(excel.fetched).toContain("/excel-rebalance.js");
  expect(excel.fetched).not.toContain("/plan-here.js");

  // A second click works on the pane's own output: the sheet is replaced and the log gains a row, as exceljs does.
  expect(await excel.rebalance()).toBe("written");
  const expected2 = await dumpXlsx((await writeWithExceljs(file1.out, excel.now)).out);
  const office2 = dumpFake(await excel.book());
  for (const sheet of Object.keys(expected2.sheets)) expect({ sheet, cells: office2.sheets[sheet] }).toEqual({ sheet, cells: expected2.sheets[sheet] });
  expect(office2.tables).toEqual(expected2.tables);
  expect(office2.tables["RebalanceLog"].range).not.toBe(office1.tables["RebalanceLog"].range);
});

test("a broken workbook: Rebalance lists every problem by Sheet!Cell, writes nothing, and clicking a problem selects its sheet and cell", async () => {
  const data = await broken();
  const errors = await runnerErrors(data);
  const wb = await fakeFromXlsx(data);
  // Excel shows another sheet than the problems' ones: a click must activate the problem's sheet first.
  wb.active = "Policy";
  await excel.open(wb);
  expect(await excel.rebalance()).toBe("problems");
  const page = excel.page;
  const items = await page.$$eval('[data-testid="rebalance-result"] ul[aria-label="Workbook problems"] li', (li) => li.map((l) => l.textContent));
  expect(items).toEqual(errors);
  expect(items.some((t) => t?.startsWith("Holdings!D3: Quantity"))).toBe(true);
  expect(items.some((t) => t?.startsWith("Targets!B1: Targets sum to 105.00%"))).toBe(true);
  expect(await page.textContent('[data-testid="rebalance-result"]')).toContain("Nothing was written");
  expect(Object.keys(dumpFake(await excel.book()).sheets)).toEqual(["Holdings", "Targets", "Policy"]);

  const select = async (where: string) => {
    const runs = await excel.runs();
    await page.click(`[data-testid="rebalance-result"] button:text-is("${where}")`);
    await page.waitForFunction((n) => (self as unknown as { __standIn: { runs(): number } }).__standIn.runs() > n, runs);
    // The selection is made in the same batch; wait until the stand-in holds it.
    await page.waitForFunction((w) => {
      const book = (self as unknown as { __standIn: { book(): { selection: { sheet: string; address: string } | null } } }).__standIn.book();
      return book.selection !== null && `${book.selection.sheet}!${book.selection.address}` === w;
    }, where);
    const book = await excel.book();
    return { active: book.active, selection: book.selection };
  };
  expect(await select("Holdings!D3")).toEqual({ active: "Holdings", selection: { sheet: "Holdings", address: "D3" } });
  expect(await select("Targets!B1")).toEqual({ active: "Targets", selection: { sheet: "Targets", address: "B1" } });
  await page.screenshot({ path: shot("problems"), fullPage: true });
});

describe.each([
  ["light (no Office theme)", null, "light"],
  ["Excel's dark theme", EXCEL_DARK, "dark"],
] as const)("%s: axe finds no serious or critical violation", (_label, officeTheme, theme) => {
  test("with the problems listed, and with the plan written", async () => {
    await excel.open(await broken(), { officeTheme });
    expect(await excel.page.evaluate(() => document.body.dataset.theme)).toBe(theme);
    expect(await excel.rebalance()).toBe("problems");
    const problems = await excel.axeProblems();
    await excel.open(fs.readFileSync(SAMPLE), { officeTheme });
    expect(await excel.rebalance()).toBe("written");
    const written = await excel.axeProblems();
    expect({ problems, written }).toEqual({ problems: [], written: [] });
    await excel.page.screenshot({ path: shot(`axe-${theme}`), fullPage: true });
  });
});

// ---------------------------------------------------------------- Policy edits and the starter sheets, inside Excel

const HOLDINGS: Row[] = [["Account", "Symbol", "Asset Class", "Quantity", "Price"], ["IRA", "VTI", "US Stocks", 500, 250], ["IRA", "VXUS", "Intl Stocks", 300, 60], ["IRA", "BND", "Bonds", 1000, 72], ["IRA", "CASH", "Cash", 5000, 1]];
const TARGETS: Row[] = [["Asset Class", "Target"], ["US Stocks", 0.5], ["Intl Stocks", 0.2], ["Bonds", 0.25], ["Cash", 0.05]];

test("Policy tab inside Excel: Save writes the edits into the Policy range (grown by a row for a new setting) and the Targets range, and no other cell; the plan is the one of the workbook edited by hand", async () => {
  // The advisor's own notes beside the ranges, on their sheets and on a sheet of their own: none may change (not beside Targets, where Rebalance writes its drift columns).
  const notes = { Policy: { D2: "reviewed with client", A7: "next: add Max Turnover" }, Targets: { A8: "IPS 2025" }, Notes: { A1: "call Pat in June" } };
  const data = await workbook({ Holdings: HOLDINGS, Targets: TARGETS, Policy: POLICY }, notes);
  // The same edits typed by hand, planned as the runner plans a file: what the pane must show after Save.
  const byHand = await workbook(
    { Holdings: HOLDINGS, Targets: [["Asset Class", "Target"], ["US Stocks", 0.5], ["Intl Stocks", 0.15], ["Bonds", 0.3], ["Cash", 0.05]], Policy: [...POLICY.slice(0, 3), ["Abs Band", 0.04], ["Rebalance To", "Band Edge"]] },
    notes,
  );
  const expected = await planOf(byHand);
  const original = await planOf(data);
  expect(expected.trades.map((t) => `${t.symbol} ${t.quantity}`)).not.toEqual(original.trades.map((t) => `${t.symbol} ${t.quantity}`));

  await excel.open(data);
  const page = excel.page;
  const before = dumpFake(await excel.book());
  await page.click('[data-testid="tab-policy"]');
  await page.waitForSelector('[data-testid="policy-view"]');
  await page.fill("#policy-abs-band", "4");
  await page.selectOption("#policy-rebalance-to", "Band Edge");
  await page.fill('[data-testid="target-input-Intl Stocks-Target"]', "15");
  await page.waitForSelector('[data-testid="targets-sum"] >> text=Sum 95.00%');
  // A sum off 100% blocks Save, as the contract would refuse it.
  expect(await page.isDisabled('[data-testid="policy-save"]')).toBe(true);
  await page.fill('[data-testid="target-input-Bonds-Target"]', "30");
  await page.waitForSelector('[data-testid="targets-sum"] >> text=Sum 100.00% ✓');
  expect(changedCells(before, dumpFake(await excel.book()))).toEqual([]);
  await page.click('[data-testid="policy-save"]');
  await page.waitForSelector('[data-testid="policy-result"][data-state="saved"]', { timeout: 30_000 });

  const after = dumpFake(await excel.book());
  expect(changedCells(before, after)).toEqual(["Policy!A5", "Policy!B4", "Policy!B5", "Targets!B3", "Targets!B4"]);
  expect([after.sheets.Policy.B4.value, after.sheets.Policy.A5.value, after.sheets.Policy.B5.value, after.sheets.Targets.B3.value, after.sheets.Targets.B4.value]).toEqual([0.04, "Rebalance To", "Band Edge", 0.15, 0.3]);
  expect(after.names).toEqual({ ...before.names, Policy: "Policy!A1:B5" });
  expect(after.tables).toEqual(before.tables);
  // The pane's plan of the saved workbook is the hand-edited workbook's, under Save and on the Rebalance tab once it writes.
  expect(await excel.tableRows("Trades", "#panel-policy")).toEqual(tradeRows(expected));
  await page.click('[data-testid="tab-rebalance"]');
  expect(await excel.rebalance()).toBe("written");
  expect(await excel.tableRows("Trades", "#panel-rebalance")).toEqual(tradeRows(expected));
  expect(await page.textContent('#panel-rebalance [data-testid="strategy"]')).toBe(`Strategy: ${strategyLine(expected)}`);
  await page.screenshot({ path: shot("policy"), fullPage: true });
});

/** A workbook with none of the contract's names: a sheet of the advisor's notes (and `more` sheets). */
async function emptyWorkbook(more: string[] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Sheet1").getCell("A1").value = "my notes";
  for (const name of more) wb.addWorksheet(name).getCell("A1").value = "mine";
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test("Starter inside Excel: an empty workbook gets Holdings, Targets, Policy, Accounts and Owners under their names, planning exactly as the sample; a sheet in the way is listed and nothing is written", async () => {
  const sample = await planOf(fs.readFileSync(SAMPLE));
  await excel.open(await emptyWorkbook());
  const page = excel.page;
  await page.waitForSelector('[data-testid="starter"][data-state="idle"]');
  await page.click('[data-testid="create-starter"]');
  await page.waitForSelector('[data-testid="starter"][data-state="written"]', { timeout: 30_000 });
  expect(await page.textContent('[data-testid="starter-done"]')).toContain("Wrote the sheets");
  const book = await excel.book();
  const dump = dumpFake(book);
  expect(dump.sheets.Sheet1).toEqual({ A1: { value: "my notes", formula: null, format: "General" } });
  expect(Object.keys(dump.names)).toEqual(expect.arrayContaining(["Holdings", "Targets", "Policy", "Accounts", "Owners"]));
  // Read back from what the pane wrote into "Excel", the book plans as the sample does.
  expect(await planOf(await xlsxFromFake(book))).toEqual(sample);
  expect(await excel.rebalance()).toBe("written");
  expect(await excel.tableRows("Trades", "#panel-rebalance")).toEqual(tradeRows(sample));
  await page.screenshot({ path: shot("starter"), fullPage: true });

  // A sheet called Holdings (not named) is in the way: the card lists it, and the book is left as it was.
  await excel.open(await emptyWorkbook(["Holdings"]));
  const untouched = dumpFake(await excel.book());
  await page.waitForSelector('[data-testid="starter"][data-state="idle"]');
  await page.click('[data-testid="create-starter"]');
  await page.waitForSelector('[data-testid="starter"][data-state="blocked"]', { timeout: 30_000 });
  expect(await page.textContent('[data-testid="starter"]')).toContain("Holdings");
  expect(dumpFake(await excel.book())).toEqual(untouched);
});

/**
 * The built task pane (dist/) in real headless Chromium, outside Office: standalone mode.
 * dist/ is rebuilt with webpack first when it is missing or older than its sources.
 * Office.js is served from node_modules/@microsoft/office-js in place of Microsoft's CDN; every
 * other request that leaves 127.0.0.1 is aborted, so the test needs no network.
 *
 * Needs Chromium at /usr/bin/chromium (Debian: apt-get install -y chromium) or $CHROMIUM_PATH.
 */
import fs from "fs";
import type http from "http";
import os from "os";
import path from "path";
import { AddressInfo } from "net";
import ExcelJS from "exceljs";
import { chromium, BrowserContext, Page } from "playwright-core";
import { readWorkbookSnapshot } from "../../src/xlsx/read";
import { planBook, planWorkbook } from "../../src/plans/plan-workbook";
import { money, percent, pp, quantity, relative } from "../../src/display";
import { reviewLine, strategyLine } from "../../src/plans/describe";
import type { PlanJson } from "../../src/plans/json";
import { DIST, ROOT, ensureBuilt, serve } from "./support/dist";
import { accountRows, tradeRows } from "./support/rows";
import { householdSnapshot } from "../../src/samples/synthetic";
import { positionsOf } from "../../src/plans/positions";
import { snapshotWorkbookBytes } from "../../src/xlsx/snapshot-workbook";
import { axeProblems as axeOf } from "./support/axe";

const OFFICE_JS = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const OFFICE_TELEMETRY = "https://telemetryservice.firstpartyapps.oaspapps.com/";
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const SAMPLE = path.join(ROOT, "samples", "sdira-sample.xlsx");
const SCREENSHOT = process.env.PANE_SCREENSHOT || "/tmp/pane.png";

// ---------------------------------------------------------------- workbooks

type Row = (string | number)[];

async function workbook(holdings: Row[], targets: Row[], policy: Row[], more: Record<string, Row[]> = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const add = (sheet: string, rows: Row[]) => {
    const ws = wb.addWorksheet(sheet);
    rows.forEach((r) => ws.addRow(r));
    const lastCol = String.fromCharCode(64 + rows[0].length);
    wb.definedNames.add(`${sheet}!$A$1:$${lastCol}$${rows.length}`, sheet);
  };
  add("Holdings", holdings);
  add("Targets", targets);
  add("Policy", policy);
  for (const [name, rows] of Object.entries(more)) add(name, rows);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const HOLDINGS: Row[] = [
  ["Account", "Symbol", "Asset Class", "Quantity", "Price"],
  ["IRA", "VTI", "US Stocks", 500, 250],
  ["IRA", "VXUS", "Intl Stocks", 300, 60],
  ["IRA", "BND", "Bonds", 1000, 72],
  ["IRA", "CASH", "Cash", 5000, 1],
];
const TARGETS: Row[] = [
  ["Asset Class", "Target"],
  ["US Stocks", 0.5],
  ["Intl Stocks", 0.2],
  ["Bonds", 0.25],
  ["Cash", 0.05],
];
const POLICY: Row[] = [
  ["Setting", "Value"],
  ["As Of", "2025-06-30"],
  ["Trigger", "Band"],
  ["Abs Band", 0.05],
  ["Limit Offset Bps", 10],
];

/** The same workbook with a word for a quantity (Holdings!D3) and targets summing to 105% (Bonds 30%). */
function badRows(): { holdings: Row[]; targets: Row[] } {
  const holdings = HOLDINGS.map((r) => [...r]);
  holdings[2][3] = "three hundred";
  const targets = TARGETS.map((r) => [...r]);
  targets[3][1] = 0.3;
  return { holdings, targets };
}

async function expectedPlan(data: Buffer, doNotTrade: { account: string; symbol: string }[] = []) {
  const ab = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
  return planWorkbook(await readWorkbookSnapshot(ab), { doNotTrade });
}

// ---------------------------------------------------------------- browser

let server: http.Server;
let base: string;
let context: BrowserContext;
let page: Page;
let tmp: string;
const pageErrors: string[] = [];
const blocked: string[] = [];

/** The rows of a table's page, once all of them are mounted (a long page mounts a chunk of rows a frame). */
async function tableRows(label: string): Promise<string[][]> {
  await page.waitForFunction((label) => {
    const t = document.querySelector<HTMLElement>(`table[aria-label="${label}"]`);
    return !!t && t.dataset.shown === t.dataset.pageRows;
  }, label);
  return page.$$eval(`table[aria-label="${label}"] tbody tr`, (rows) =>
    rows.map((r) => Array.from(r.querySelectorAll("td")).map((td) => (td.textContent ?? "").replace(/\s+/g, " ").trim()))
  );
}

/** Opens a file through the picker and waits until the pane has finished with that file (not an earlier one). */
async function openFile(name: string, buffer: Buffer): Promise<void> {
  const before = Number(await page.getAttribute('[data-testid="result"]', "data-run"));
  await page.setInputFiles('input[aria-label="Workbook file"]', {
    name,
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer,
  });
  await page.waitForFunction((n) => {
    const result = document.querySelector<HTMLElement>('[data-testid="result"]');
    return Number(result?.dataset.run) > n && (result?.dataset.state === "done" || result?.dataset.state === "failed");
  }, before);
  expect(await page.textContent('[data-testid="file-name"]')).toBe(name);
}

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH`);
  }
  await ensureBuilt();
  server = await serve(DIST);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pane-e2e-"));
  fs.mkdirSync(path.join(tmp, "home"));
  context = await chromium.launchPersistentContext(path.join(tmp, "profile"), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    env: { ...process.env, HOME: path.join(tmp, "home") },
    viewport: { width: 1180, height: 900 },
  });
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(CDN)) {
      const file = path.normalize(path.join(OFFICE_JS, new URL(url).pathname.slice(new URL(CDN).pathname.length)));
      if (file.startsWith(OFFICE_JS + path.sep) && fs.existsSync(file)) {
        await route.fulfill({ path: file, contentType: "text/javascript; charset=utf-8" });
      } else {
        await route.fulfill({ status: 404, body: "not in @microsoft/office-js" });
      }
    } else if (url.startsWith(base + "/") || url.startsWith("data:") || url.startsWith("blob:")) {
      await route.continue();
    } else {
      blocked.push(url);
      await route.abort();
    }
  });
  // Every Content-Security-Policy violation of the page, for the last test.
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (err) => pageErrors.push(String(err)));
  await page.goto(`${base}/taskpane.html`);
}, 600_000);

afterAll(async () => {
  await context?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test("the pane starts in standalone mode outside Office, with Office.js loaded from the (routed) CDN", async () => {
  await page.waitForSelector('body[data-mode="standalone"]');
  expect(await page.textContent("h1")).toBe("SDIRA Rebalancer");
  expect(await page.textContent('[data-testid="mode"]')).toContain("Standalone mode");
  expect(await page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).toBe("object");
  expect(await page.isVisible('[data-testid="drop-zone"]')).toBe(true);
  expect(pageErrors).toEqual([]);
});

test("opening a workbook shows the decision, the class table, the trades and the after-trade table", async () => {
  const data = await workbook(HOLDINGS, TARGETS, POLICY);
  const expected = await expectedPlan(data);
  if (!expected.ok) throw new Error(`test workbook should plan: ${expected.errors.map((e) => e.text).join("; ")}`);
  const plan = expected.plan;
  expect(plan.trades.length).toBeGreaterThan(0);

  await openFile("balanced-fund.xlsx", data);
  expect(await page.isVisible('[data-testid="errors"]')).toBe(false);

  expect(await page.textContent('[data-testid="decision"]')).toBe(plan.trigger.rebalance ? "Rebalance now" : "No rebalance needed");
  const reasons = await page.$$eval('ul[aria-label="Reasons"] li', (li) => li.map((l) => l.textContent));
  expect(reasons).toEqual(plan.trigger.reasons);

  const classes = await tableRows("Asset classes");
  expect(classes).toEqual(
    plan.classes.map((c) => [
      c.assetClass,
      money(c.value),
      percent(c.weight),
      percent(c.target),
      pp(c.drift),
      relative(c.relativeDrift),
      `${percent(c.bandLow)} – ${percent(c.bandHigh)}`,
      c.status,
    ])
  );
  // One bar per class, coloured by its status; the portfolio drift as one number (half the sum of |weight − target|).
  expect(await page.$$eval('[data-testid="class-bars"] li', (li) => li.map((l) => l.getAttribute("data-status")))).toEqual(plan.classes.map((c) => c.status));
  expect(await page.textContent('[data-testid="portfolio-drift"]')).toBe(`Portfolio drift ${percent(plan.classes.reduce((sum, c) => sum + Math.abs(c.weight - c.target), 0) / 2)}`);
  // Hand-checked: US Stocks 125,000 of 220,000 = 56.82% against 50% ± 5 pp is over its band.
  expect(classes.find((r) => r[0] === "US Stocks")).toEqual(expect.arrayContaining(["$125,000.00", "56.82%", "50.00%", "+6.82 pp", "Over"]));
  expect(classes.find((r) => r[0] === "Intl Stocks")?.[7]).toBe("Under");

  const trades = await tableRows("Trades");
  expect(trades).toEqual(
    tradeRows(plan)
  );
  expect(trades.some((r) => r[1] === "VTI" && r[3] === "Sell")).toBe(true);
  expect(trades.some((r) => r[1] === "VXUS" && r[3] === "Buy")).toBe(true);

  const after = await tableRows("After trades");
  expect(after).toEqual(
    plan.after.classes.map((c) => [c.assetClass, money(c.value), percent(c.weight), pp(c.drift), `${percent(c.bandLow)} – ${percent(c.bandHigh)}`, c.status]),
  );
  expect(await page.textContent('[data-testid="strategy"]')).toBe(`Strategy: ${strategyLine(plan)}`);
  expect(await page.textContent('[data-testid="review"]')).toBe(`Review ${reviewLine(plan)}`);
  expect(await tableRows("Trades by account")).toEqual(accountRows(plan));

  await page.screenshot({ path: SCREENSHOT, fullPage: true });
  expect(pageErrors).toEqual([]);
});

test("a look-through fund and a model: the classes count the fund by its shares, and Bonds buys follow the model", async () => {
  const holdings = [...HOLDINGS, ["IRA", "BAL", "Balanced", 200, 50], ["IRA", "AGG", "Bonds", 0, 100]];
  const more = {
    LookThrough: [["Symbol", "Asset Class", "Share"], ["BAL", "US Stocks", 0.6], ["BAL", "Bonds", 0.4]],
    Models: [["Asset Class", "Symbol", "Share"], ["Bonds", "BND", 0.5], ["Bonds", "AGG", 0.5]],
  };
  const targets = [["Asset Class", "Target"], ["US Stocks", 0.4], ["Intl Stocks", 0.15], ["Bonds", 0.4], ["Cash", 0.05]];
  const data = await workbook(holdings, targets, POLICY, more);
  const expected = await expectedPlan(data);
  if (!expected.ok) throw new Error(expected.errors.map((e) => e.text).join("; "));
  await openFile("look-through.xlsx", data);
  expect(await page.isVisible('[data-testid="errors"]')).toBe(false);
  expect(await page.textContent('[data-testid="look-through"]')).toBe("Look-through funds (counted in each class by share): BAL = US Stocks 60% + Bonds 40%");
  // US Stocks 125,000 + 60% of BAL's 10,000; Bonds 72,000 + 40% of it.
  const classes = await tableRows("Asset classes");
  expect(classes.find((r) => r[0] === "US Stocks")?.[1]).toBe("$131,000.00");
  expect(classes.find((r) => r[0] === "Bonds")?.[1]).toBe("$76,000.00");
  expect(classes.map((r) => r[1])).toEqual(expected.plan.classes.map((c) => money(c.value)));
  const trades = await tableRows("Trades");
  expect(trades.map((r) => `${r[1]} ${r[3]} ${r[4]}`)).toEqual(expected.plan.trades.map((t) => `${t.symbol} ${t.side === "buy" ? "Buy" : "Sell"} ${quantity(t.quantity)}`));
  const bondBuys = expected.plan.trades.filter((t) => t.assetClass === "Bonds" && t.side === "buy");
  expect(bondBuys.map((t) => t.symbol).sort()).toEqual(["AGG", "BND"]);
  const after = await tableRows("After trades");
  expect(after.map((r) => r[1])).toEqual(expected.plan.after.classes.map((c) => money(c.value)));
  await page.screenshot({ path: SCREENSHOT.replace(/\.png$/, "-look-through.png"), fullPage: true });
  expect(pageErrors).toEqual([]);
});

test("a master workbook shows a line per household and the plan of the household chosen", async () => {
  const holdings: Row[] = [["Household", ...HOLDINGS[0]], ...HOLDINGS.slice(1).map((r) => ["Smith", ...r]), ["Jones", "IRA", "VTI", "US Stocks", 100, 250], ["Jones", "IRA", "BND", "Bonds", 500, 72], ["Jones", "IRA", "CASH", "Cash", 2000, 1]];
  const targets: Row[] = [["Household", ...TARGETS[0]], ...TARGETS.slice(1).map((r) => ["", ...r]), ["Jones", "US Stocks", 0.6], ["Jones", "Bonds", 0.35], ["Jones", "Cash", 0.05]];
  const data = await workbook(holdings, targets, POLICY);
  const ab = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
  const book = planBook(await readWorkbookSnapshot(ab));
  if (!book.ok) throw new Error(book.errors.map((e) => e.text).join("; "));
  const jones = book.households[1].plan;

  await openFile("firm.xlsx", data);
  // The households view is a chunk of its own, fetched for the first master workbook.
  await page.waitForSelector('[data-testid="household-plan"]');
  expect((await tableRows("Households")).map((r) => [r[0], r[1], r[6]])).toEqual(book.households.map((h) => [h.household, h.plan.classes.some((c) => c.status === "Over" || c.status === "Under") ? "Out of band" : "In band", String(h.plan.trades.length)]));
  expect(await page.getAttribute('[data-testid="household-plan"]', "data-household")).toBe("Smith");
  await page.selectOption('[data-testid="household-select"]', { label: "Jones" });
  await page.waitForSelector('[data-testid="household-plan"][data-household="Jones"]');
  expect((await tableRows("Trades")).map((r) => [r[1], r[3], r[4]])).toEqual(jones.trades.map((t) => [t.symbol, t.side === "buy" ? "Buy" : "Sell", quantity(t.quantity)]));
  expect((await tableRows("Asset classes")).map((r) => r[3])).toEqual(["60.00%", "35.00%", "5.00%"]);
  expect(await page.textContent('[data-testid="export-orders"]')).toBe("Export orders (CSV) for Jones");
  // At 320 px: no page scroll sideways (the households table scrolls in its own box).
  await page.setViewportSize({ width: 320, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: SCREENSHOT.replace(/\.png$/, "-master.png"), fullPage: true });
  await page.setViewportSize({ width: 1180, height: 900 });
  expect(pageErrors).toEqual([]);
});

test("a workbook that breaks the contract shows every problem as Sheet!Cell: message", async () => {
  const { holdings, targets } = badRows();
  const data = await workbook(holdings, targets, POLICY);
  const expected = await expectedPlan(data);
  if (expected.ok) throw new Error("the bad workbook should not plan");

  await openFile("broken.xlsx", data);
  expect(await page.isVisible('[data-testid="plan"]')).toBe(false);
  const items = await page.$$eval('ul[aria-label="Workbook problems"] li', (li) => li.map((l) => l.textContent));
  expect(items).toEqual(expected.errors.map((e) => e.text));
  expect(items.some((t) => t?.startsWith("Holdings!D3: Quantity"))).toBe(true);
  expect(items.some((t) => t?.startsWith("Targets!B1: Targets sum to 105.00%"))).toBe(true);
  expect(await page.textContent('[data-testid="errors"]')).toContain(`${expected.errors.length} problems in this workbook`);
  await page.screenshot({ path: SCREENSHOT.replace(/\.png$/, "-errors.png"), fullPage: true });
  expect(pageErrors).toEqual([]);
});

test("at 800 px every trade column is in view without scrolling the table: the sample (Realised gain left out: no taxable account, said so) and the sample with its Roth made taxable (Realised gain shown)", async () => {
  await page.setViewportSize({ width: 800, height: 900 });
  const sample = fs.readFileSync(path.join(ROOT, "samples", "sdira-sample.xlsx"));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(sample as unknown as ArrayBuffer);
  wb.getWorksheet("Accounts")!.getCell("B3").value = "Taxable";
  const taxable = Buffer.from(await wb.xlsx.writeBuffer());
  const fits = () => page.$eval('table[aria-label="Trades"]', (t) => ({ table: t.scrollWidth, box: t.parentElement!.clientWidth, headers: Array.from(t.querySelectorAll("th")).map((h) => h.textContent) }));
  for (const [name, data, gains] of [["sample.xlsx", sample, false], ["taxable.xlsx", taxable, true]] as const) {
    await openFile(name, data);
    const f = await fits();
    expect(f.table).toBeLessThanOrEqual(f.box);
    expect(f.headers.includes("Realised gain")).toBe(gains);
    expect(f.headers).toContain("Settles");
    expect(await page.isVisible('[data-testid="no-realized"]')).toBe(!gains);
    await page.screenshot({ path: SCREENSHOT.replace(/\.png$/, `-trades-800-${gains ? "taxable" : "sdira"}.png`), fullPage: true });
  }
  expect(pageErrors).toEqual([]);
});

test("a file that is not a workbook is reported, not planned", async () => {
  await openFile("not-really.xlsx", Buffer.from("this is plain text, not a zip"));
  const items = await page.$$eval('ul[aria-label="Workbook problems"] li', (li) => li.map((l) => l.textContent));
  expect(items).toHaveLength(1);
  expect(items[0]).toContain('"not-really.xlsx" could not be read as an Excel workbook');
  expect(pageErrors).toEqual([]);
});

test("a file that is not an .xlsx is turned away with advice", async () => {
  await openFile("holdings.csv", Buffer.from("Account,Symbol\nIRA,VTI\n"));
  expect(await page.textContent('[data-testid="failure"]')).toContain("Could not plan holdings.csv");
  expect(await page.textContent('[data-testid="failure"]')).toContain("Excel Workbook (.xlsx)");
  expect(await page.isVisible('[data-testid="plan"]')).toBe(false);
  expect(pageErrors).toEqual([]);
});

// samples/sdira-sample.xlsx comes from `npm run sample`; without it this one is reported as skipped.
(fs.existsSync(SAMPLE) ? test : test.skip)("the sample workbook (samples/sdira-sample.xlsx) plans in the pane", async () => {
  const data = fs.readFileSync(SAMPLE);
  const expected = await expectedPlan(data);
  await openFile("sdira-sample.xlsx", data);
  if (expected.ok) {
    expect((await tableRows("Asset classes")).map((r) => r[0])).toEqual(expected.plan.classes.map((c) => c.assetClass));
    await page.screenshot({ path: SCREENSHOT.replace(/\.png$/, "-sample.png"), fullPage: true });
  } else {
    const items = await page.$$eval('ul[aria-label="Workbook problems"] li', (li) => li.map((l) => l.textContent));
    expect(items).toEqual(expected.errors.map((e) => e.text));
  }
  expect(pageErrors).toEqual([]);
});

test("Try the sample plans the sample served beside the page; Download updated workbook gives it back with its Rebalance sheet", async () => {
  const before = Number(await page.getAttribute('[data-testid="result"]', "data-run"));
  await page.click('[data-testid="try-sample"]');
  await page.waitForFunction((n) => {
    const r = document.querySelector<HTMLElement>('[data-testid="result"]');
    return Number(r?.dataset.run) > n && r?.dataset.state === "done";
  }, before);
  const expected = await expectedPlan(fs.readFileSync(SAMPLE));
  if (!expected.ok) throw new Error("the sample should plan");
  expect(await page.textContent('[data-testid="file-name"]')).toBe("sdira-sample.xlsx");
  expect((await tableRows("Trades")).map((r) => [r[0], r[1], r[3], r[4]])).toEqual(expected.plan.trades.map((t) => [t.account, t.symbol, t.side === "buy" ? "Buy" : "Sell", quantity(t.quantity)]));
  // The sample's owner is 74: the RMD table shows the year's RMD, what was taken, what remains and what is planned now.
  const g = expected.plan.rmd[0].groups[0];
  expect(await tableRows("Required minimum distributions")).toEqual([
    ["Pat Rivera (74)", "IRAs: Traditional SDIRA", money(g.required), money(g.distributed), money(g.remaining), `${money(g.remaining)} Traditional SDIRA`, g.deadline],
  ]);
  expect(await page.textContent('[data-testid="strategy"]')).toBe("Strategy: Full, to Target · RMD $28,700.00 from Traditional SDIRA");
  await page.locator('section[aria-labelledby="section-required-minimum-distributions"]').screenshot({ path: path.join(os.tmpdir(), "pane-rmd.png") });

  const downloading = page.waitForEvent("download", { timeout: 20_000 }).catch(async (e) => {
    throw new Error(`${(e as Error).message}; the pane says: ${await page.textContent('[data-testid="result"]')}; page errors: ${pageErrors.join(" | ")}`);
  });
  await page.click('[data-testid="download-updated"]');
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("sdira-sample-rebalanced.xlsx");
  const file = path.join(tmp, "updated.xlsx");
  await download.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheet = wb.getWorksheet(`Rebalance ${expected.plan.asOf}`);
  expect(sheet).toBeDefined();
  expect(wb.getWorksheet("Rebalance Log")).toBeDefined();
  // The trades table on the sheet holds the plan's trades (Account and Symbol columns, after the header).
  const symbols: string[] = [];
  sheet!.eachRow((row) => {
    const account = String(row.getCell(1).value ?? "");
    if (expected.plan.trades.some((t) => t.account === account && t.symbol === row.getCell(2).value)) symbols.push(`${account} ${row.getCell(2).value}`);
  });
  expect(symbols).toEqual(expected.plan.trades.map((t) => `${t.account} ${t.symbol}`));
  expect(await page.textContent('[data-testid="download-updated-done"]')).toMatch(/^Saved sdira-sample-rebalanced\.xlsx/);
  expect(pageErrors).toEqual([]);
});

test("the file work runs in the pane's worker: a large workbook's plan shows a progress bar and Cancel, Cancel stops it, the next file plans in a fresh worker; its trades are paged", async () => {
  // Planned by the greedy pass: HiGHS's plan of 10,000 holdings depends on how far it gets within its 2 s limit, which
  // on a loaded machine differs between the page's worker and jest (CI once saw 634 trades against 985); this test is about the worker.
  const household = householdSnapshot(10_000);
  household.ranges.policy!.values.push(["Optimizer", "Greedy"]);
  const big = await snapshotWorkbookBytes(household);
  const before = Number(await page.getAttribute('[data-testid="result"]', "data-run"));
  await page.setInputFiles('input[aria-label="Workbook file"]', { name: "household-10000.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: big });
  await page.waitForSelector('[data-testid="cancel-plan"]');
  expect(await page.isVisible('[role="progressbar"][aria-label="Reading and planning household-10000.xlsx"]')).toBe(true);
  await page.click('[data-testid="cancel-plan"]');
  await page.waitForFunction((n) => {
    const r = document.querySelector<HTMLElement>('[data-testid="result"]');
    return Number(r?.dataset.run) > n && r?.dataset.state !== "reading";
  }, before);
  expect(await page.getAttribute('[data-testid="result"]', "data-state")).toBe("cancelled");
  expect(await page.textContent('[data-testid="cancelled"]')).toBe("Cancelled: household-10000.xlsx was not planned.");
  // The page asked for the worker's script; exceljs and the solver were never the page's (its scripts are the bundles and views).
  const scripts = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname));
  expect(scripts).toContain("/pane-worker.js");

  // The same file again, planned to the end in a fresh worker: the runner's plan, its trades a hundred at a time.
  const expected = await expectedPlan(big);
  if (!expected.ok) throw new Error("the generated household should plan");
  await openFile("household-10000.xlsx", big);
  const trades = tradeRows(expected.plan);
  expect(trades.length).toBeGreaterThan(200);
  expect(await page.getAttribute('table[aria-label="Trades"]', "data-rows")).toBe(String(trades.length));
  expect(await tableRows("Trades")).toEqual(trades.slice(0, 100));
  expect(await page.textContent('[data-testid="pager"]')).toContain(`Trades: rows 1–100 of ${trades.length}`);
  await page.click('button[aria-label="Trades: next 100 rows"]');
  await page.waitForFunction(() => /rows 101–200/.test(document.querySelector('[data-testid="pager"]')?.textContent ?? ""));
  expect(await tableRows("Trades")).toEqual(trades.slice(100, 200));
  expect(pageErrors).toEqual([]);
}, 120_000);

test("in a narrow task pane the tables scroll sideways instead of squeezing the page", async () => {
  await page.setViewportSize({ width: 360, height: 800 });
  await openFile("balanced-fund.xlsx", await workbook(HOLDINGS, TARGETS, POLICY));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  // No figure spills over into the next column.
  const spilled = await page.$$eval("table td", (cells) =>
    cells.filter((td) => td.scrollWidth > td.clientWidth + 1).map((td) => td.textContent)
  );
  expect(spilled).toEqual([]);
  await page.screenshot({ path: SCREENSHOT.replace(/\.png$/, "-narrow.png"), fullPage: false });
  // Office.js reaches for its telemetry frame; anything else leaving 127.0.0.1 would be the pane's own doing.
  expect(blocked.filter((u) => !u.startsWith(OFFICE_TELEMETRY))).toEqual([]);
});

// ---------------------------------------------------------------- Backtest and History tabs

const BACKTEST_SAMPLE = path.join(ROOT, "samples", "backtest-sdira-annual.xlsx");

/** A Returns workbook too large to read in a blink: `periods` daily rows × `classes` classes (for Cancel). */
async function largeReturnsBook(periods: number, classes: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const names = Array.from({ length: classes }, (_, i) => `Class ${i + 1}`);
  const targets = wb.addWorksheet("Targets");
  targets.addRow(["Asset Class", "Target"]);
  names.forEach((n) => targets.addRow([n, 1 / classes]));
  wb.definedNames.add(`Targets!$A$1:$B$${classes + 1}`, "Targets");
  const returns = wb.addWorksheet("Returns");
  returns.addRow(["Date", ...names]);
  const start = Date.UTC(2000, 0, 3);
  for (let p = 0; p < periods; p++) returns.addRow([new Date(start + p * 86400000), ...names.map((_, i) => Math.sin(p * (i + 1)) * 0.01)]);
  wb.definedNames.add(`Returns!$A$1:$${String.fromCharCode(65 + classes)}$${periods + 1}`, "Returns");
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function runBacktestTab(): Promise<string> {
  await page.click('[data-testid="tab-backtest"]');
  await page.click('[data-testid="backtest-run"]');
  await page.waitForFunction(() => ["done", "problems", "failed", "cancelled"].includes(document.querySelector<HTMLElement>('[data-testid="backtest-result"]')?.dataset.state ?? ""));
  return (await page.getAttribute('[data-testid="backtest-result"]', "data-state"))!;
}

test("Backtest tab: the sample's backtest runs in the pane's worker and shows the runner's metrics and a growth chart per policy", async () => {
  await page.setViewportSize({ width: 800, height: 900 });
  const data = fs.readFileSync(BACKTEST_SAMPLE);
  const { backtestWorkbook } = await import("../../src/backtest/run");
  const expected = backtestWorkbook(await readWorkbookSnapshot(data));
  if (!expected.ok) throw new Error("the backtest sample should run");
  await openFile("backtest-sdira-annual.xlsx", data);
  // The sample has no Holdings: the Rebalance view lists that, the Backtest tab still runs.
  expect(await runBacktestTab()).toBe("done");
  const rows = await tableRows("Backtest metrics");
  expect(rows.map((r) => r[0])).toEqual(expected.results.map((r) => r.policy.name));
  expect(rows.map((r) => r[r.length - 1])).toEqual(expected.results.map((r) => r.metrics.finalValue.toFixed(4)));
  expect(rows.map((r) => r[2])).toEqual(expected.results.map((r) => percent(r.metrics.annualReturn)));
  expect(rows.map((r) => r[6])).toEqual(expected.results.map((r) => String(r.metrics.events)));
  // The chart library is fetched with the first chart, and draws one line per policy.
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="line-chart"] svg path[d]').length > 0);
  expect(await page.getAttribute('[data-testid="line-chart"]', "data-series")).toBe(String(expected.results.length));
  const legends = await page.$$eval('[data-testid="line-chart"] button', (b) => b.map((x) => (x.textContent ?? "").trim()).filter(Boolean));
  expect(legends.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: SCREENSHOT.replace(/\.png$/, "-backtest.png"), fullPage: true });
  await page.setViewportSize({ width: 320, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  // The chart follows the narrower pane instead of being cut off at its right.
  await page.waitForFunction(() => {
    const svg = document.querySelector('[data-testid="line-chart"] svg');
    return svg !== null && svg.getBoundingClientRect().right <= document.documentElement.clientWidth;
  });
  // Scrolled sideways, the metrics table keeps its Policy column in view (sticky), not scrolled away.
  const policyStays = await page.evaluate(() => {
    const table = document.querySelector('table[aria-label="Backtest metrics"]')!;
    const box = table.parentElement!;
    box.scrollLeft = box.scrollWidth;
    const cell = table.querySelector("tbody td")!.getBoundingClientRect();
    return box.scrollLeft > 0 && Math.abs(cell.left - box.getBoundingClientRect().left) <= 1;
  });
  expect(policyStays).toBe(true);
  await page.screenshot({ path: SCREENSHOT.replace(/\.png$/, "-backtest-320.png"), fullPage: true });
  await page.setViewportSize({ width: 1180, height: 900 });
  expect(pageErrors).toEqual([]);
});

test("Backtest tab: Cancel stops a long run (the worker is ended), and the next run starts a fresh worker", async () => {
  await openFile("daily-25000x10.xlsx", await largeReturnsBook(25_000, 10));
  await page.click('[data-testid="tab-backtest"]');
  await page.click('[data-testid="backtest-run"]');
  await page.waitForSelector('[data-testid="backtest-cancel"]');
  expect(await page.isVisible('[role="progressbar"]')).toBe(true);
  await page.click('[data-testid="backtest-cancel"]');
  await page.waitForSelector('[data-testid="backtest-result"][data-state="cancelled"]');
  expect(await page.textContent('[data-testid="backtest-result"]')).toContain("Cancelled");
  await openFile("backtest-sdira-annual.xlsx", fs.readFileSync(BACKTEST_SAMPLE));
  expect(await runBacktestTab()).toBe("done");
  expect(pageErrors).toEqual([]);
});

test("Backtest tab: a workbook without Returns lists the problems by name, nothing run", async () => {
  await openFile("balanced-fund.xlsx", await workbook(HOLDINGS, TARGETS, POLICY));
  expect(await runBacktestTab()).toBe("problems");
  const items = await page.$$eval('[data-testid="backtest"] ul[aria-label="Workbook problems"] li', (li) => li.map((l) => l.textContent ?? ""));
  expect(items.some((t) => t.includes("Returns"))).toBe(true);
  expect(pageErrors).toEqual([]);
});

test("History tab: drift over time from the Drift History of a workbook rebalanced twice", async () => {
  const { writeWithExceljs } = await import("../excel/support/pipeline");
  const { readDriftHistory } = await import("../../src/contract/drift-history");
  const { sampleBook, workbookBuffer } = await import("../support/workbook");
  const once = await writeWithExceljs(await workbookBuffer(sampleBook()));
  const twice = await writeWithExceljs(once.out, new Date(2026, 10, 21, 9, 0, 0));
  const snapshot = await readWorkbookSnapshot(twice.out.buffer.slice(twice.out.byteOffset, twice.out.byteOffset + twice.out.byteLength) as ArrayBuffer);
  const history = readDriftHistory(snapshot.ranges.drifthistory, snapshot.dateSystem);
  const classes = new Set(history.rows.map((r) => r.assetClass));
  expect(history.rows.length).toBe(2 * classes.size);

  await openFile("rebalanced-twice.xlsx", twice.out);
  await page.click('[data-testid="tab-history"]');
  await page.waitForSelector('[data-testid="history"][data-state="done"]');
  expect(await page.textContent('[data-testid="history-summary"]')).toContain(`1 rebalance date, ${classes.size} classes`);
  const latest = await tableRows("Latest drift");
  const lastDate = history.rows[history.rows.length - 1].asOf;
  expect(latest.map((r) => [r[0], r[4]])).toEqual(history.rows.slice(classes.size).filter((r) => r.asOf === lastDate).map((r) => [r.assetClass, pp(r.drift)]));
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="history"] [data-testid="line-chart"] svg path[d]').length > 0);
  await page.screenshot({ path: SCREENSHOT.replace(/\.png$/, "-history.png"), fullPage: true });

  // A workbook never rebalanced has no history yet.
  await openFile("balanced-fund.xlsx", await workbook(HOLDINGS, TARGETS, POLICY));
  await page.click('[data-testid="tab-history"]');
  await page.waitForSelector('[data-testid="history"][data-state="done"]');
  expect(await page.isVisible('[data-testid="history-empty"]')).toBe(true);
  expect(pageErrors).toEqual([]);
});

// ---------------------------------------------------------------- Policy tab

/** A table's rows inside one tab's panel (every tab's panel stays in the page once drawn). */
async function panelRows(panel: string, label: string): Promise<string[][]> {
  return page.$$eval(`#panel-${panel} table[aria-label="${label}"] tbody tr`, (rows) =>
    rows.map((r) => Array.from(r.querySelectorAll("td")).map((td) => (td.textContent ?? "").replace(/\s+/g, " ").trim()))
  );
}

const tradeLine = (t: { account: string; symbol: string; side: string; quantity: string }) => `${t.account} ${t.symbol} ${t.side === "buy" ? "Buy" : "Sell"} ${quantity(t.quantity)}`;

test("exclude a trade: unticking its Keep box re-plans with its position held still, as the runner plans it with --exclude; the download carries it", async () => {
  await page.setViewportSize({ width: 800, height: 900 });
  const data = await workbook(HOLDINGS, TARGETS, POLICY);
  const free = await expectedPlan(data);
  if (!free.ok) throw new Error("the test workbook should plan");
  const first = free.plan.trades[0];
  const held = await expectedPlan(data, [{ account: first.account, symbol: first.symbol }]);
  if (!held.ok) throw new Error("the test workbook should plan");
  expect(held.plan.trades.map(tradeLine)).not.toEqual(free.plan.trades.map(tradeLine));
  await openFile("exclude.xlsx", data);
  const shown = (rows: string[][]) => rows.map((r) => `${r[0]} ${r[1]} ${r[3]} ${r[4]}`);
  expect(shown(await tableRows("Trades"))).toEqual(free.plan.trades.map(tradeLine));
  await page.click(`input[aria-label^="Keep ${first.side} ${first.symbol} in ${first.account} "]`);
  await page.waitForSelector('[data-testid="held-still"]');
  await page.waitForFunction(() => !document.querySelector('[data-testid="replanning"]'));
  expect(shown(await tableRows("Trades"))).toEqual(held.plan.trades.map(tradeLine));
  expect(await page.textContent('[data-testid="held-still"]')).toContain(`${first.account} · ${first.symbol}: held still`);
  // The downloaded workbook's Rebalance sheet is the re-made plan's (its warnings say what was held still).
  const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="download-updated"]')]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await download.path())!);
  const sheet = wb.worksheets.find((w) => w.name.startsWith("Rebalance 2"))!;
  const text: string[] = [];
  sheet.eachRow((row) => text.push(row.values ? (row.values as unknown[]).map((v) => String(v ?? "")).join(" ") : ""));
  expect(text.join("\n")).toContain(`Do Not Trade for this plan: ${first.account} · ${first.symbol} is neither bought nor sold`);

  // Compare holds it still too: every variant as the runner's --compare --exclude plans it (and not as without the exclusion).
  const file = path.join(tmp, "exclude.xlsx");
  fs.writeFileSync(file, data);
  const compared = await runnerCompare(file, ["--exclude", `${first.account}:${first.symbol}`]);
  const unexcluded = await runnerCompare(file);
  const lines = (c: typeof compared) => c.map(({ plan }) => plan.trades.map(tradeLine).join("; "));
  expect(lines(compared)).not.toEqual(lines(unexcluded));
  await page.click('[data-testid="tab-compare"]');
  await page.waitForSelector('[data-testid="compare"][data-state="done"]', { timeout: 60_000 });
  expect(await page.textContent('[data-testid="compare-held-still"]')).toContain(`${first.account} · ${first.symbol}`);
  const rows = await tableRows("Strategies compared");
  expect(rows.map((r) => [r[1], r[2]])).toEqual(compared.map(({ plan }) => [String(plan.trades.length), money(plan.trades.reduce((s, t) => s + Number(t.amount), 0).toFixed(2))]));
  await page.click('[data-testid="tab-rebalance"]');
});

test("hold a holding the plan does not trade: typed into the picker, chosen, held; the plan is the runner's with --exclude of it", async () => {
  await page.setViewportSize({ width: 320, height: 900 });
  const data = fs.readFileSync(SAMPLE);
  const free = await expectedPlan(data);
  if (!free.ok) throw new Error("the sample should plan");
  const traded = new Set(free.plan.trades.map((t) => `${t.account} ${t.symbol}`));
  const still = positionsOf(free.portfolio).find((p) => !traded.has(`${p.account} ${p.symbol}`));
  if (!still) throw new Error("the sample should hold a position the plan does not trade");
  const held = await expectedPlan(data, [{ account: still.account, symbol: still.symbol }]);
  if (!held.ok) throw new Error("the test workbook should plan");
  await openFile("sdira-sample.xlsx", data);
  await page.click('[data-testid="hold-search"]');
  await page.keyboard.type(still.symbol);
  const label = `${still.account} · ${still.symbol} (${still.assetClass})`;
  await page.click(`[role="option"]:has-text("${label}")`);
  await page.click('[data-testid="hold-button"]');
  await page.waitForSelector('[data-testid="held-still"]');
  await page.waitForFunction(() => !document.querySelector('[data-testid="replanning"]'));
  expect(await page.textContent('[data-testid="held-still"]')).toContain(`${still.account} · ${still.symbol}: held still`);
  const shown = (rows: string[][]) => rows.map((r) => `${r[0]} ${r[1]} ${r[3]} ${r[4]}`);
  expect(shown(await tableRows("Trades"))).toEqual(held.plan.trades.map(tradeLine));
  expect(held.plan.doNotTrade).toEqual([{ account: still.account, symbol: still.symbol }]);
  // At 320 px the picker fits: no sideways page scroll.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await page.setViewportSize({ width: 800, height: 900 });
});

test("Policy tab: a changed setting re-plans as the runner plans the edited workbook, by mouse and by keyboard; the downloaded workbook carries the edit; 320 px", async () => {
  await page.setViewportSize({ width: 800, height: 900 });
  const data = await workbook(HOLDINGS, TARGETS, POLICY);
  const original = await expectedPlan(data);
  // The workbook as an advisor would type the edit into it, planned the runner's way (not through the pane's edit code).
  const editedPolicy: Row[] = [["Setting", "Value"], ["As Of", "2025-06-30"], ["Trigger", "Band"], ["Abs Band", 0.04], ["Limit Offset Bps", 10], ["Rebalance To", "Band Edge"]];
  const expected = await expectedPlan(await workbook(HOLDINGS, TARGETS, editedPolicy));
  if (!original.ok || !expected.ok) throw new Error("the test workbooks should plan");
  expect(expected.plan.trades.map(tradeLine)).not.toEqual(original.plan.trades.map(tradeLine));

  await openFile("policy.xlsx", data);
  await page.click('[data-testid="tab-policy"]');
  await page.waitForSelector('[data-testid="policy-view"]');
  // A bad entry shows the contract's message on its field, and nothing can be saved.
  await page.fill("#policy-abs-band", "lots");
  await page.waitForSelector('[data-testid="policy-field-Abs Band"] >> text=Abs Band must be a percent from 0% to 100%, like 5% or 0.05, or None (found "lots")');
  expect(await page.isDisabled('[data-testid="policy-save"]')).toBe(true);
  await page.fill("#policy-abs-band", "4");
  await page.selectOption("#policy-rebalance-to", "Band Edge");
  expect(await page.textContent('[data-testid="policy-changes"]')).toBe("2 changes:Abs Band: 5% → 4%Rebalance To: default (Target) → Band Edge");
  // Every control of the view fits a 320 px pane: no sideways page scroll.
  await page.setViewportSize({ width: 320, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: SCREENSHOT.replace(/\.png$/, "-policy-320.png"), fullPage: true });
  await page.setViewportSize({ width: 800, height: 900 });
  await page.click('[data-testid="policy-save"]');
  await page.waitForSelector('[data-testid="policy-result"][data-state="saved"]');
  expect(await page.textContent('[data-testid="policy-result"]')).toContain("Wrote Abs Band (Policy!B4), Rebalance To (Policy!B6).");
  // The plan shown under Save, and the Rebalance tab's, are the edited workbook's as the runner plans it.
  const shown = (rows: string[][]) => rows.map((r) => `${r[0]} ${r[1]} ${r[3]} ${r[4]}`);
  expect(shown(await panelRows("policy", "Trades"))).toEqual(expected.plan.trades.map(tradeLine));
  expect(shown(await panelRows("rebalance", "Trades"))).toEqual(expected.plan.trades.map(tradeLine));
  expect(await page.$eval('#panel-rebalance [data-testid="strategy"]', (e) => e.textContent)).toBe(`Strategy: ${strategyLine(expected.plan)}`);

  // Download updated workbook carries the edit: the Policy range holds it, and the Rebalance sheet the edited plan's trades.
  await page.click('[data-testid="tab-rebalance"]');
  const downloading = page.waitForEvent("download", { timeout: 20_000 });
  await page.click('[data-testid="download-updated"]');
  const file = path.join(tmp, "policy-updated.xlsx");
  await (await downloading).saveAs(file);
  const bytes = fs.readFileSync(file);
  const snapshot = await readWorkbookSnapshot(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  expect(snapshot.ranges.policy.values).toEqual(editedPolicy.map((r) => [...r]));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheet = wb.getWorksheet(`Rebalance ${expected.plan.asOf}`)!;
  const written: string[] = [];
  sheet.eachRow((row) => {
    if (expected.plan.trades.some((t) => t.account === row.getCell(1).value && t.symbol === row.getCell(2).value)) written.push(`${row.getCell(1).value} ${row.getCell(2).value}`);
  });
  expect(written).toEqual(expected.plan.trades.map((t) => `${t.account} ${t.symbol}`));

  // By keyboard alone: type-ahead in the Strategy dropdown, Tab to Save, Enter.
  const taxAware = await expectedPlan(await workbook(HOLDINGS, TARGETS, [...editedPolicy, ["Strategy", "Tax Aware"]]));
  if (!taxAware.ok) throw new Error("the Tax Aware workbook should plan");
  await page.click('[data-testid="tab-policy"]');
  await page.waitForSelector('[data-testid="policy-changes"][data-count="0"]');
  await page.focus("#policy-strategy");
  await page.keyboard.type("Tax");
  expect(await page.$eval("#policy-strategy", (e) => (e as HTMLSelectElement).value)).toBe("Tax Aware");
  let onSave = false;
  for (let i = 0; i < 80 && !onSave; i++) {
    await page.keyboard.press("Tab");
    onSave = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid === "policy-save");
  }
  expect(onSave).toBe(true);
  await page.keyboard.press("Enter");
  await page.waitForSelector('[data-testid="policy-result"][data-state="saved"] >> text=Wrote Strategy (Policy!B7).');
  expect(await page.$eval('#panel-rebalance [data-testid="strategy"]', (e) => e.textContent)).toBe(`Strategy: ${strategyLine(taxAware.plan)}`);
  expect(shown(await panelRows("rebalance", "Trades"))).toEqual(taxAware.plan.trades.map(tradeLine));
  await page.screenshot({ path: SCREENSHOT.replace(/\.png$/, "-policy.png"), fullPage: true });
});

test("Policy tab: a Targets class added (Gold, with a GLD row held at 0 in Holdings) and removed; the plan is the runner's of the edited workbook, the download carries the new row; 320 px", async () => {
  await page.setViewportSize({ width: 800, height: 900 });
  // Holdings lists a gold fund held at 0, so the class can be bought once Targets lists it.
  const holdings: Row[] = [...HOLDINGS.slice(0, 4), ["IRA", "GLD", "Gold", 0, 180], HOLDINGS[4]];
  const targets: Row[] = [...TARGETS, ["Gold", 0]];
  const data = await workbook(holdings, targets, POLICY);
  const editedTargets: Row[] = [["Asset Class", "Target"], ["US Stocks", 0.45], ["Intl Stocks", 0.2], ["Bonds", 0.25], ["Cash", 0.05], ["Gold", 0], ["Real Estate", 0.05]];
  await openFile("targets.xlsx", data);
  await page.click('[data-testid="tab-policy"]');
  await page.waitForSelector('[data-testid="targets-editor"]');
  // Removing Gold while Holdings names it: the contract's problem at the GLD row's Asset Class, Save held back.
  await page.click('[data-testid="target-remove-Gold"]');
  await page.waitForSelector('[data-testid="policy-view"] >> text=Asset Class "Gold" is not in Targets');
  expect(await page.isDisabled('[data-testid="policy-save"]')).toBe(true);
  await page.click('[data-testid="target-remove-Gold"]');
  // Add Real Estate at 5% by keyboard (Enter in the name field), US Stocks down to 45%.
  await page.fill('[data-testid="target-new-class"]', "Real Estate");
  await page.press('[data-testid="target-new-class"]', "Enter");
  await page.fill('[data-testid="target-input-Real Estate-Target"]', "5");
  await page.fill('[data-testid="target-input-US Stocks-Target"]', "45");
  await page.waitForSelector('[data-testid="targets-sum"] >> text=Sum 100.00% ✓');
  await page.setViewportSize({ width: 320, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: SCREENSHOT.replace(/\.png$/, "-targets-320.png"), fullPage: true });
  await page.setViewportSize({ width: 800, height: 900 });
  await page.waitForFunction(() => !(document.querySelector('[data-testid="policy-save"]') as HTMLButtonElement).disabled);
  await page.click('[data-testid="policy-save"]');
  await page.waitForSelector('[data-testid="policy-result"][data-state="saved"]');
  expect(await page.textContent('[data-testid="policy-result"]')).toContain("Wrote US Stocks Target (Targets!B2), new class Real Estate (Targets!A7:B7).");
  // The plan is the runner's of the workbook typed with the edited Targets (a class no account can buy says so).
  const expected = await expectedPlan(await workbook(holdings, editedTargets, POLICY));
  if (!expected.ok) throw new Error("the edited workbook should plan");
  const shown = (rows: string[][]) => rows.map((r) => `${r[0]} ${r[1]} ${r[3]} ${r[4]}`);
  expect(shown(await panelRows("rebalance", "Trades"))).toEqual(expected.plan.trades.map(tradeLine));
  // The download's Targets range holds the new row.
  await page.click('[data-testid="tab-rebalance"]');
  const downloading = page.waitForEvent("download", { timeout: 20_000 });
  await page.click('[data-testid="download-updated"]');
  const file = path.join(tmp, "targets-updated.xlsx");
  await (await downloading).saveAs(file);
  const bytes = fs.readFileSync(file);
  const snapshot = await readWorkbookSnapshot(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  expect(snapshot.ranges.targets.values).toEqual(editedTargets.map((r) => [...r]));
});

// ---------------------------------------------------------------- Compare tab and the starter sheets

/** The runner's `rebalance <file> --compare --json`, run in-process: what the Compare tab must show. */
async function runnerCompare(file: string, extra: string[] = []): Promise<{ strategy: string; rebalanceTo: string; optimizer: string | null; plan: PlanJson }[]> {
  const { main } = await import("../../src/cli/main");
  let out = "";
  const code = await main([file, "--compare", "--json", ...extra], { stdout: (t) => (out += t), stderr: () => undefined });
  expect(code).toBe(0);
  return JSON.parse(out);
}

test("Compare shows every strategy: the runner's --compare --json, row for row, with a chart; at 320 px the page does not scroll sideways", async () => {
  await page.setViewportSize({ width: 800, height: 900 });
  const expected = await runnerCompare(SAMPLE);
  await openFile("sdira-sample.xlsx", fs.readFileSync(SAMPLE));
  await page.click('[data-testid="tab-compare"]');
  await page.waitForSelector('[data-testid="compare"][data-state="done"]', { timeout: 60_000 });
  const rows = await tableRows("Strategies compared");
  expect(rows).toHaveLength(expected.length);
  // Each figure computed here from the runner's plans, not from the engine's metrics the pane shows.
  const sum = (values: (string | null)[]) => values.reduce((s, v) => s + Number(v ?? 0), 0);
  // The last column is each row's "Use this" button.
  expect(rows.every((r) => r[9] === "Use this")).toBe(true);
  expect(rows.map((r) => r.slice(1, 9))).toEqual(
    expected.map(({ plan }) => {
      const total = plan.after.classes.reduce((s, c) => s + Number(c.value), 0);
      const misplaced = plan.after.classes.reduce((s, c, i) => s + Math.abs(Number(c.value) - plan.classes[i].target * total), 0) / total;
      return [
        String(plan.trades.length),
        money(sum(plan.trades.map((t) => t.amount)).toFixed(2)),
        money(sum(plan.trades.map((t) => t.fee)).toFixed(2)),
        money(sum(plan.trades.map((t) => t.realizedShortTerm)).toFixed(2)),
        money(sum(plan.trades.map((t) => t.realizedLongTerm)).toFixed(2)),
        percent(misplaced),
        `${(Math.max(0, ...plan.after.classes.map((c) => Math.abs(c.drift))) * 100).toFixed(2)} pp`,
        plan.after.classes.filter((c) => c.status !== "In band").map((c) => c.assetClass).join(", ") || "none",
      ];
    }),
  );
  // The Variant column names the runner's strategy and optimizer, in the runner's order.
  rows.forEach((r, i) => {
    expect(r[0].startsWith(`${expected[i].strategy} · `)).toBe(true);
    if (expected[i].optimizer) expect(r[0]).toContain(` · ${expected[i].optimizer}`);
  });
  expect(new Set(rows.map((r) => r[0].replace(/ Policy$/, ""))).size).toBe(rows.length);
  expect([...new Set(expected.map((e) => e.strategy))].every((name) => rows.some((r) => r[0].startsWith(`${name} · `)))).toBe(true);
  // The chart library draws a bar per variant.
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="bar-chart"] svg rect').length >= n, expected.length);
  expect(await page.getAttribute('[data-testid="bar-chart"]', "data-bars")).toBe(String(expected.length));
  // Each bar is labelled with its variant, the first row's at the top.
  const labels = await page.$$eval('[data-testid="bar-chart"] svg text', (t) => t.map((x) => ({ text: x.textContent ?? "", top: x.getBoundingClientRect().top })));
  // A label longer than 24 characters is cut there (the whole of it on hover), e.g. "Cash Flow · (flow only) · Greedy".
  const label = (name: string) => labels.find((l) => l.text === name || (name.length > 24 && l.text !== name && l.text.startsWith(name.slice(0, 24))));
  const first = rows[0][0].replace(/ Policy$/, "");
  const last = rows[rows.length - 1][0];
  expect([first, last].every((n) => label(n) !== undefined)).toBe(true);
  expect(label(first)!.top).toBeLessThan(label(last)!.top);
  await page.screenshot({ path: SCREENSHOT.replace(/\.png$/, "-compare.png"), fullPage: true });

  await page.setViewportSize({ width: 320, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await page.waitForFunction(() => {
    const svg = document.querySelector('[data-testid="bar-chart"] svg');
    return svg !== null && svg.getBoundingClientRect().right <= document.documentElement.clientWidth;
  });
  // Scrolled sideways inside its own box, the table keeps its Variant column in view.
  const variantStays = await page.evaluate(() => {
    const table = document.querySelector('table[aria-label="Strategies compared"]')!;
    const box = table.parentElement!;
    box.scrollLeft = box.scrollWidth;
    const cell = table.querySelector("tbody td")!.getBoundingClientRect();
    return box.scrollLeft > 0 && Math.abs(cell.left - box.getBoundingClientRect().left) <= 1;
  });
  expect(variantStays).toBe(true);
  await page.screenshot({ path: SCREENSHOT.replace(/\.png$/, "-compare-320.png"), fullPage: true });
  await page.setViewportSize({ width: 1180, height: 900 });
  // "Use this" writes the variant into the file's Policy (Strategy, Rebalance To, Optimizer) and plans it again: the
  // Rebalance tab then shows the plan the runner made of that variant.
  const chosen = expected.find((e) => e.strategy === "Tax Aware" && e.rebalanceTo === "Band Edge" && e.optimizer === "Optimal")!;
  await page.click('[data-testid="use-variant"][aria-label="Use this: Tax Aware · Band Edge · Optimal"]');
  await page.waitForFunction((line) => document.querySelector('#panel-rebalance [data-testid="strategy"]')?.textContent === line, `Strategy: ${strategyLine(chosen.plan)}`, { timeout: 60_000 });
  expect((await panelRows("rebalance", "Trades")).map((r) => `${r[0]} ${r[1]} ${r[3]} ${r[4]}`)).toEqual(chosen.plan.trades.map(tradeLine));
  expect(pageErrors).toEqual([]);
});

/** An .xlsx with one sheet and no names: what a new user has. */
async function emptyWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Sheet1").getCell("A1").value = "my notes";
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test("Starter: a workbook without the contract's names offers the starter sheets; the download reads back and plans exactly as the sample", async () => {
  await openFile("empty.xlsx", await emptyWorkbook());
  await page.waitForSelector('[data-testid="starter"][data-state="idle"]');
  const downloading = page.waitForEvent("download", { timeout: 30_000 });
  await page.click('[data-testid="create-starter"]');
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("sdira-starter.xlsx");
  const file = path.join(tmp, "starter.xlsx");
  await download.saveAs(file);
  expect(await page.textContent('[data-testid="starter-done"]')).toMatch(/^Saved sdira-starter\.xlsx/);
  const bytes = fs.readFileSync(file);
  const got = planBook(await readWorkbookSnapshot(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer));
  const sample = await expectedPlan(fs.readFileSync(SAMPLE));
  if (!got.ok || !sample.ok) throw new Error("both should plan");
  expect(got.households.map((h) => h.plan)).toEqual([sample.plan]);
  // Opened in the pane, it plans: the names are there, the starter is no longer offered.
  await openFile("sdira-starter.xlsx", bytes);
  expect(await page.isVisible('[data-testid="errors"]')).toBe(false);
  expect(await page.$('[data-testid="starter"]')).toBeNull();
  expect((await tableRows("Trades")).length).toBe(sample.plan.trades.length);
  expect(pageErrors).toEqual([]);
});

test.each(["light", "dark"] as const)("Compare and Starter, %s theme: axe finds no serious or critical violation; every control has a name and a focus ring", async (scheme) => {
  await page.setViewportSize({ width: 800, height: 900 });
  await page.emulateMedia({ colorScheme: scheme });
  await page.waitForFunction((s) => document.body.dataset.theme === s, scheme);
  const views: Record<string, string[]> = {};
  await openFile("sdira-sample.xlsx", fs.readFileSync(SAMPLE));
  await page.click('[data-testid="tab-compare"]');
  await page.waitForSelector('[data-testid="compare"][data-state="done"]', { timeout: 60_000 });
  await page.waitForSelector('[data-testid="bar-chart"] svg');
  views.compare = await axeProblems();
  await openFile("empty.xlsx", await emptyWorkbook());
  await page.waitForSelector('[data-testid="starter"]');
  views.starter = await axeProblems();
  expect(views).toEqual({ compare: [], starter: [] });
  // Every button of the two views has an accessible name.
  const unnamed = await page.$$eval('[data-testid="starter"] button, [data-testid="compare"] button', (b) => b.filter((x) => !(x.getAttribute("aria-label") || x.textContent || "").trim()).length);
  expect(unnamed).toBe(0);
  await page.emulateMedia({ colorScheme: "light" });
  expect(pageErrors).toEqual([]);
});

test("keyboard only: the Compare tab is reached with the arrows, its button and table by Tab; the starter's button by Tab, with a focus ring", async () => {
  await page.setViewportSize({ width: 800, height: 900 });
  const ringOn = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      const after = getComputedStyle(el, "::after");
      // A text field (Fluent's Input, Combobox) marks focus on its frame: the underline of the frame's ::after grows to full width.
      const frame = el.closest(".fui-Combobox, .fui-Input");
      const line = frame ? getComputedStyle(frame, "::after") : null;
      const underlined = !!line && line.borderBottomStyle !== "none" && parseFloat(line.borderBottomWidth) >= 2 && !/^matrix\(0,/.test(line.transform);
      const ring = (style.outlineStyle !== "none" && style.outlineWidth !== "0px") || style.boxShadow !== "none" || (after.borderStyle !== "none" && after.borderWidth !== "0px") || after.outlineStyle !== "none" || underlined;
      return { what: el.dataset.testid ?? `${el.getAttribute("role") ?? el.tagName.toLowerCase()}:${el.getAttribute("aria-label") ?? ""}`, ring };
    });
  await openFile("sdira-sample.xlsx", fs.readFileSync(SAMPLE));
  await page.click('[data-testid="tab-rebalance"]');
  await page.focus('[data-testid="tab-rebalance"]');
  // Rebalance, Policy, Backtest, History, Compare.
  for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  await page.waitForSelector('[data-testid="compare"][data-state="done"]', { timeout: 60_000 });
  expect(await page.getAttribute('[data-testid="tab-compare"]', "aria-selected")).toBe("true");
  const seen: { what: string; ring: boolean }[] = [];
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press("Tab");
    seen.push(await ringOn());
  }
  expect(seen.map((f) => f.what)).toEqual(expect.arrayContaining(["compare-refresh", "region:Strategies compared (scrolls sideways in a narrow pane)"]));
  const stops = seen.slice(0, seen.findIndex((f) => f.what.startsWith("region:Strategies")) + 1);
  expect(stops.filter((f) => !f.ring)).toEqual([]);
  await page.keyboard.press("Shift+Tab");

  await openFile("empty.xlsx", await emptyWorkbook());
  await page.waitForSelector('[data-testid="starter"][data-state="idle"]');
  await page.click("h1");
  let starter: { what: string; ring: boolean } | null = null;
  for (let i = 0; i < 12 && !starter; i++) {
    await page.keyboard.press("Tab");
    const f = await ringOn();
    if (f.what === "create-starter") starter = f;
  }
  expect(starter).toEqual({ what: "create-starter", ring: true });
  expect(pageErrors).toEqual([]);
});

const axeProblems = () => axeOf(page);

test.each(["light", "dark"] as const)("%s theme (the browser's preference): axe finds no serious or critical violation in any view", async (scheme) => {
  await page.setViewportSize({ width: 800, height: 900 });
  await page.emulateMedia({ colorScheme: scheme });
  await page.waitForFunction((s) => document.body.dataset.theme === s, scheme);
  // The theme reaches the page: a dark background in the dark theme, a light one in the light.
  const background = await page.$eval('[data-testid="theme"]', (el) => getComputedStyle(el).backgroundColor);
  const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
  expect(scheme === "dark" ? r + g + b < 200 : r + g + b > 600).toBe(true);

  const views: Record<string, string[]> = {};
  await openFile("sdira-sample.xlsx", fs.readFileSync(SAMPLE));
  views.rebalance = await axeProblems();
  await openFile("backtest-sdira-annual.xlsx", fs.readFileSync(BACKTEST_SAMPLE));
  expect(await runBacktestTab()).toBe("done");
  await page.waitForSelector('[data-testid="line-chart"] svg');
  views.backtest = await axeProblems();
  await page.click('[data-testid="tab-history"]');
  await page.waitForSelector('[data-testid="history"][data-state="done"]');
  views.history = await axeProblems();
  const holdings: Row[] = [["Household", ...HOLDINGS[0]], ...HOLDINGS.slice(1).map((row) => ["Smith", ...row]), ...HOLDINGS.slice(1).map((row) => ["Jones", ...row])];
  await openFile("firm.xlsx", await workbook(holdings, TARGETS, POLICY));
  await page.waitForSelector('[data-testid="household-plan"]');
  views.households = await axeProblems();
  await openFile("broken.xlsx", await workbook(badRows().holdings, badRows().targets, POLICY));
  views.problems = await axeProblems();
  // The Policy view, with a field the contract rejects and a change listed.
  await openFile("policy.xlsx", await workbook(HOLDINGS, TARGETS, POLICY));
  await page.click('[data-testid="tab-policy"]');
  await page.waitForSelector('[data-testid="policy-view"]');
  await page.fill("#policy-min-trade", "-5");
  await page.waitForSelector('[data-testid="policy-field-Min Trade"] >> text=Min Trade must be a dollar amount of 0 or more (found -5)');
  views.policy = await axeProblems();
  expect(views).toEqual({ rebalance: [], backtest: [], history: [], households: [], problems: [], policy: [] });
  await page.screenshot({ path: SCREENSHOT.replace(/\.png$/, `-${scheme}.png`), fullPage: true });
  await page.emulateMedia({ colorScheme: "light" });
  expect(pageErrors).toEqual([]);
  // Five views and five axe runs: about 2 minutes on two busy cores, past jest's default of 120 s.
}, 300_000);

test("keyboard only: Tab reaches every control with a visible focus ring, arrows and Enter switch the views", async () => {
  await page.setViewportSize({ width: 800, height: 900 });
  await openFile("sdira-sample.xlsx", fs.readFileSync(SAMPLE));
  await page.click('[data-testid="tab-rebalance"]');
  // Start from the top: a click on the title (not focusable) sets where Tab begins.
  await page.click("h1");
  /** What has the focus: its test id, else its role and name; and whether something marks it (outline or box shadow). */
  const focused = () =>
    page.evaluate(async () => {
      // A focus indicator may be drawn by a transition (a text field's underline grows): read it once the transitions end.
      await Promise.all(document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity).map((a) => a.finished.catch(() => undefined)));
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return { what: "body", ring: false };
      const style = getComputedStyle(el);
      const after = getComputedStyle(el, "::after");
      // A text field (Fluent's Input, Combobox) marks focus on its frame: the underline of the frame's ::after grows to full width.
      const frame = el.closest(".fui-Combobox, .fui-Input");
      const line = frame ? getComputedStyle(frame, "::after") : null;
      const underlined = !!line && line.borderBottomStyle !== "none" && parseFloat(line.borderBottomWidth) >= 2 && !/^matrix\(0,/.test(line.transform);
      const ring = (style.outlineStyle !== "none" && style.outlineWidth !== "0px") || style.boxShadow !== "none" || (after.borderStyle !== "none" && after.borderWidth !== "0px") || after.outlineStyle !== "none" || underlined;
      return { what: el.dataset.testid ?? `${el.getAttribute("role") ?? el.tagName.toLowerCase()}:${el.getAttribute("aria-label") ?? el.textContent?.trim().slice(0, 30)}`, ring };
    });
  const seen: { what: string; ring: boolean }[] = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    const f = await focused();
    // Past the last control the focus leaves the page (to the browser): the walk is done.
    if (f.what === "body" || seen.some((x) => x.what === f.what)) break;
    seen.push(f);
  }
  const names = seen.map((f) => f.what);
  for (const want of ["try-sample", "tab-rebalance", "download-updated", "export-orders"]) expect(names).toContain(want);
  expect(names.some((n) => n.startsWith("button:Open workbook"))).toBe(true);
  expect(names.some((n) => n.startsWith("region:Asset classes"))).toBe(true);
  // Every stop shows where the focus is (Fluent draws its ring only for keyboard focus, as here).
  expect(seen.filter((f) => !f.ring).map((f) => f.what)).toEqual([]);
  // The views: focus the tab list, move right to Policy, then to Backtest, each shown on Enter.
  await page.focus('[data-testid="tab-rebalance"]');
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  await page.waitForSelector('[data-testid="policy-view"]');
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  await page.waitForSelector('[data-testid="backtest-run"]');
  await page.focus('[data-testid="backtest-run"]');
  await page.keyboard.press("Enter");
  // The sample has no Returns: the backtest answers with its problems, reached without a mouse.
  await page.waitForFunction(() => ["done", "problems"].includes(document.querySelector<HTMLElement>('[data-testid="backtest-result"]')?.dataset.state ?? ""));
  expect(pageErrors).toEqual([]);
});

test("the page's Content-Security-Policy held through every test above, Office.js included, with nothing blocked", async () => {
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
  expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com 'wasm-unsafe-eval'");
  expect(csp).not.toContain("'unsafe-eval'");
  for (const d of ["connect-src 'self'", "object-src 'none'", "base-uri 'self'"]) expect(csp).toContain(d);
  // Office.js ran under it (it reported no host: standalone mode), and so did the charts; exceljs and HiGHS run in the pane's worker.
  expect(await page.evaluate(() => typeof (window as unknown as { Office?: { onReady?: unknown } }).Office?.onReady)).toBe("function");
  // The one thing refused is Office.js's telemetry frame (a frame of Microsoft's telemetry host, not a
  // script of the page); Office.js loads and works without it.
  const violations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
  expect(violations.filter((v) => !v.startsWith(`frame-src ${new URL(OFFICE_TELEMETRY).origin}`))).toEqual([]);
  expect(pageErrors).toEqual([]);
});

/**
 * The production pane (dist/) in headless Chromium as if inside Excel: Microsoft's office.js address is
 * answered with office-stand-in.ts (bundled here with the project's webpack, test-only), which puts the
 * Excel stand-in of the adapter tests (test/excel/support/fake-excel) behind the Excel and Office globals.
 * Office.onReady reports host Excel, Excel.run runs against the stand-in's workbook, and the pane's own
 * code is the production build, unchanged. Every other request that leaves 127.0.0.1 is aborted.
 *
 *   const excel = await ExcelPage.start();            // once (beforeAll); excel.close() in afterAll
 *   await excel.open(xlsxBytes);                       // the page loaded with that workbook in "Excel"
 *   await excel.rebalance();                           // clicks Rebalance; "written" | "problems" | "failed"
 *   const book = await excel.book();                   // the stand-in's workbook now (fake-excel Workbook)
 *
 * The clock of the page is fixed (options.now, default pipeline.ts' NOW) so that what the pane writes
 * (the log row's time, a default As Of) can be compared with the exceljs adapter's output for that time.
 */
import fs from "fs";
import type http from "http";
import os from "os";
import path from "path";
import { AddressInfo } from "net";
import { BrowserContext, Page, chromium } from "playwright-core";
import { axeProblems } from "./axe";
import { Workbook } from "../../excel/support/fake-excel";
import { fakeFromXlsx } from "../../excel/support/books";
import { NOW } from "../../excel/support/pipeline";
import { DIST, ROOT, ensureBuilt, serve } from "./dist";
import { bookFromJson, bookToJson } from "./stand-in-book";
import type { StandInHandle, StandInOptions } from "./office-stand-in";

export const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/** Bundles office-stand-in.ts (and the stand-in it installs) for the browser into `out`; returns the script. */
async function buildStandIn(out: string): Promise<string> {
  const webpack = require("webpack");
  const config = {
    mode: "development",
    // No eval-based source maps: the page's Content-Security-Policy forbids eval.
    devtool: false,
    target: "web",
    context: ROOT,
    entry: path.join(__dirname, "office-stand-in.ts"),
    output: { path: out, filename: "office-stand-in.js", uniqueName: "officeStandIn", iife: true },
    resolve: {
      extensions: [".ts", ".js"],
      // office-addin-mock needs only office-addin-manifest's OfficeApp enum (as in jest.config.js).
      alias: { "office-addin-manifest$": require.resolve("office-addin-manifest/lib/officeApp.js") },
    },
    module: { rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "es2020", sourceMap: false } } } }] },
    optimization: { splitChunks: false, runtimeChunk: false },
    performance: { hints: false },
  };
  const stats = await new Promise<{ hasErrors(): boolean; toString(o: unknown): string }>((resolve, reject) =>
    webpack(config, (err: Error | null, s: { hasErrors(): boolean; toString(o: unknown): string }) => (err ? reject(err) : resolve(s))),
  );
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
  return fs.readFileSync(path.join(out, "office-stand-in.js"), "utf8");
}

export interface StartOptions {
  /** The page's fixed clock (default NOW of test/excel/support/pipeline.ts). */
  now?: Date;
  viewport?: { width: number; height: number };
}

export class ExcelPage {
  /** Uncaught errors of the page ("pageerror"), for `expect(excel.pageErrors).toEqual([])`. */
  readonly pageErrors: string[] = [];
  /** Requests that tried to leave 127.0.0.1 (aborted). */
  readonly blocked: string[] = [];
  /** Paths of the files the page fetched from dist/, in order (since start). */
  readonly fetched: string[] = [];
  private book0: { json: string; options: string } | null = null;

  private constructor(
    readonly page: Page,
    private readonly context: BrowserContext,
    private readonly server: http.Server,
    private readonly tmp: string,
    readonly base: string,
    readonly now: Date,
  ) {}

  /** Builds dist/ when stale and the stand-in, serves dist/, starts Chromium with the routes in place. */
  static async start(options: StartOptions = {}): Promise<ExcelPage> {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH`);
    await ensureBuilt();
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pane-excel-e2e-"));
    const script = await buildStandIn(path.join(tmp, "stand-in"));
    const server = await serve(DIST);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    fs.mkdirSync(path.join(tmp, "home"));
    const context = await chromium.launchPersistentContext(path.join(tmp, "profile"), {
      executablePath: CHROMIUM,
      headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
      env: { ...process.env, HOME: path.join(tmp, "home") },
      viewport: options.viewport ?? { width: 800, height: 900 },
      // The same time zone as jest's, so the fixed clock means the same local time on both sides.
      timezoneId: Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const excel = new ExcelPage(page, context, server, tmp, base, options.now ?? NOW);
    page.on("pageerror", (err) => excel.pageErrors.push(String(err)));
    await context.route("**/*", async (route) => {
      const url = route.request().url();
      if (url.startsWith(CDN)) {
        // office.js is the stand-in, with the workbook of the moment; Office.js's other files do not exist here.
        if (new URL(url).pathname.endsWith("/office.js") && excel.book0) {
          const body = `self.__standInBook = ${excel.book0.json};\nself.__standInOptions = ${excel.book0.options};\n${script}`;
          await route.fulfill({ body, contentType: "text/javascript; charset=utf-8" });
        } else {
          await route.fulfill({ status: 404, body: "not in the Office.js stand-in" });
        }
      } else if (url.startsWith(base + "/") || url.startsWith("data:") || url.startsWith("blob:")) {
        if (url.startsWith(base + "/")) excel.fetched.push(new URL(url).pathname);
        await route.continue();
      } else {
        excel.blocked.push(url);
        await route.abort();
      }
    });
    await page.clock.setFixedTime(excel.now);
    return excel;
  }

  /**
   * Loads the pane afresh with `workbook` open in "Excel": .xlsx bytes (read as the adapter tests read
   * them, books.ts' fakeFromXlsx) or a stand-in Workbook. Resolves when the pane shows its Excel views.
   */
  async open(workbook: Buffer | Workbook, options: StandInOptions = {}): Promise<void> {
    const wb = Buffer.isBuffer(workbook) ? await fakeFromXlsx(workbook) : workbook;
    this.book0 = { json: JSON.stringify(bookToJson(wb)), options: JSON.stringify(options) };
    await this.page.goto(`${this.base}/taskpane.html`);
    await this.page.waitForSelector('body[data-mode="excel"]');
    await this.page.waitForSelector('[data-testid="rebalance-button"]');
  }

  /** The stand-in's workbook as it is now, as a fake-excel Workbook (books.ts' dumpFake compares it). */
  async book(): Promise<Workbook> {
    return bookFromJson(await this.page.evaluate(() => (self as unknown as { __standIn: StandInHandle }).__standIn.book()));
  }

  /** How many Excel.run batches the page has run. */
  runs(): Promise<number> {
    return this.page.evaluate(() => (self as unknown as { __standIn: StandInHandle }).__standIn.runs());
  }

  /** Clicks the pane's Rebalance button and waits for its outcome: "written", "problems" or "failed". */
  async rebalance(): Promise<string> {
    const before = await this.runs();
    await this.page.click('[data-testid="rebalance-button"]');
    await this.page.waitForFunction((n) => {
      const standIn = (self as unknown as { __standIn: StandInHandle }).__standIn;
      const state = document.querySelector<HTMLElement>('[data-testid="rebalance-result"]')?.dataset.state ?? "";
      return standIn.runs() > n && !["idle", "running"].includes(state);
    }, before);
    return (await this.page.getAttribute('[data-testid="rebalance-result"]', "data-state"))!;
  }

  /** Rows of the pane's table labelled `label` (its cells' text, whitespace collapsed); `within` narrows the search. */
  tableRows(label: string, within = "body"): Promise<string[][]> {
    return this.page.$$eval(`${within} table[aria-label="${label}"] tbody tr`, (rows) =>
      rows.map((r) => Array.from(r.querySelectorAll("td")).map((td) => (td.textContent ?? "").replace(/\s+/g, " ").trim())),
    );
  }

  /** axe-core's serious and critical violations (WCAG 2.0–2.2 A and AA) of the page as it is, as "rule: target (why)". */
  async axeProblems(): Promise<string[]> {
    return axeProblems(this.page);
  }

  async close(): Promise<void> {
    await this.context.close();
    await new Promise((resolve) => this.server.close(resolve));
    fs.rmSync(this.tmp, { recursive: true, force: true });
  }
}

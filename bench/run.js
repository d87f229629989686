#!/usr/bin/env node
/**
 * Benchmarks: `npm run bench` (compiles lib/ first, then runs this file).
 *
 *   - plan time (planRebalance) for generated households of 1,000, 10,000 and 20,000 holdings
 *     over 5 accounts and 12 asset classes, out of band so trades are planned, with lots,
 *     illiquid rows, fees, a limit offset, a cash reserve, a Min Trade and mixed lot sizes;
 *   - the 20k / 10k ratio (linear growth ≈ 2.0); goal: 10,000 holdings planned in ≤ 100 ms;
 *   - the full file path (read .xlsx → snapshot → parse → plan) for the committed sample and
 *     for generated workbooks;
 *   - rows from bench/functions.js, excel.js, optimizer.js, backtest.js, batch.js, pane.js and pane-load.js.
 *
 * Households are generated as plain workbook snapshots (the data a sheet holds) and parsed by
 * the real contract parser in lib/, so the Portfolio objects are exactly what the runner builds.
 * Times are medians of RUNS runs after WARMUP runs; memory is the heap retained by the result
 * (heapUsed after a forced GC, result held, minus before).
 *
 * Options: BENCH_RUNS (default 7), BENCH_WARMUP (default 2), BENCH_SIZES (e.g. "1000,10000").
 */
"use strict";
const fs = require("fs");
const path = require("path");
const v8 = require("v8");
const vm = require("vm");

const ROOT = path.join(__dirname, "..");
const LIB = path.join(ROOT, "lib");
const SAMPLE = path.join(ROOT, "samples", "sdira-sample.xlsx");

const RUNS = Math.max(5, Number(process.env.BENCH_RUNS || 7));
const WARMUP = Math.max(1, Number(process.env.BENCH_WARMUP || 2));
const SIZES = (process.env.BENCH_SIZES || "1000,10000,20000").split(",").map(Number);
const GOAL_10K_MS = 100;
const GOAL_STRATEGY_MS = 150;

function lib(rel) {
  const file = path.join(LIB, rel);
  if (!fs.existsSync(file)) {
    console.error(`bench: ${path.relative(ROOT, file)} is missing; compile first (npm run bench does: tsc -p tsconfig.lib.json)`);
    process.exit(1);
  }
  return require(file);
}

const { planRebalance } = lib("engine/plan.js");
const { compareStrategies } = lib("engine/compare.js");
const Decimal = require("decimal.js");
const { parseWorkbook, planWorkbook } = lib("plans/plan-workbook.js");
const { loadWorkbook, readWorkbookSnapshot, snapshotWorkbook } = lib("xlsx/read.js");

// A forced GC for the memory figures (node was not started with --expose-gc).
v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc");

// ---------------------------------------------------------------------------------------------
// Timing

const timing = require("./timing");
const { median } = timing;
/** Median of RUNS runs (at least 5) after WARMUP runs, unless the call says otherwise. */
const time = (fn, { runs = RUNS, warmup = WARMUP } = {}) => timing.time(fn, { runs, warmup });

/** Heap retained by fn()'s result, in bytes. */
async function retained(fn) {
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  const keep = await fn();
  gc();
  gc();
  const after = process.memoryUsage().heapUsed;
  if (keep === undefined) throw new Error("nothing retained");
  return after - before;
}

// ---------------------------------------------------------------------------------------------
// Generated households

const { householdSnapshot, HOUSEHOLD_ACCOUNTS: ACCOUNTS } = lib("samples/synthetic.js");

function parse(snapshot) {
  const parsed = parseWorkbook(snapshot);
  if (!parsed.ok) {
    console.error(`bench: the generated household breaks the contract:\n${parsed.errors.slice(0, 10).map((e) => e.text).join("\n")}`);
    process.exit(1);
  }
  return parsed.portfolio;
}

/** The same household as an .xlsx file (workbook-scoped names over each table). */
async function householdXlsx(snapshot, file) {
  const ExcelJS = require("exceljs");
  const wb = new ExcelJS.Workbook();
  for (const key of ["holdings", "targets", "policy"]) {
    const r = snapshot.ranges[key];
    const ws = wb.addWorksheet(r.sheet);
    for (const row of r.values) ws.addRow(row);
    const width = r.values[0].length;
    wb.definedNames.add(`${r.sheet}!$A$1:$${String.fromCharCode(64 + width)}$${r.values.length}`, r.name);
  }
  await wb.xlsx.writeFile(file);
  return file;
}

/** The committed sample with one more sheet of `rows` rows (three columns) that no name refers to. */
async function junkSheetXlsx(file, rows) {
  const ExcelJS = require("exceljs");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  const ws = wb.addWorksheet("Junk");
  for (let i = 0; i < rows; i++) ws.addRow([`row ${i}`, i, i * 2]);
  await wb.xlsx.writeFile(file);
  return file;
}

/** read → snapshot → parse → plan, as the runner does (no output written). */
async function fullFilePath(file) {
  const data = fs.readFileSync(file);
  const wb = await loadWorkbook(data, true);
  const snapshot = await snapshotWorkbook(wb, data);
  const result = planWorkbook(snapshot, { today: "2026-11-20" });
  if (!result.ok) throw new Error(`${path.basename(file)}: ${result.errors.map((e) => e.text).join("; ")}`);
  return result;
}

// ---------------------------------------------------------------------------------------------
// Rows from the other benches (bench/functions.js by helper-3, bench/excel.js by helper-4)

/**
 * Requires bench/<name>.js if present and asks it for rows. Accepts module.exports = fn, or an
 * object whose bench<Name> / default / run / bench / rows / benchRows / collect (or only) function returns
 * rows (or a promise of rows) shaped { name, size, ms | value, note } (case/label/n also read).
 */
async function extraRows(name) {
  const file = path.join(__dirname, `${name}.js`);
  if (!fs.existsSync(file)) return { rows: [], note: `bench/${name}.js not present` };
  let mod;
  try {
    mod = require(file);
  } catch (e) {
    return { rows: [], note: `bench/${name}.js failed to load: ${e.message.split("\n")[0]}` };
  }
  if (Array.isArray(mod)) return { rows: normalize(mod, name) };
  // bench/functions.js exports benchFunctions(options); bench/excel.js is expected to follow suit (benchExcel).
  const named = `bench${name[0].toUpperCase()}${name.slice(1)}`;
  const candidates = typeof mod === "function" ? [mod] : [named, "default", "run", "bench", "rows", "benchRows", "collect"].map((k) => mod && mod[k]);
  let fn = candidates.find((f) => typeof f === "function");
  if (!fn && mod && typeof mod === "object") {
    const fns = Object.values(mod).filter((f) => typeof f === "function");
    if (fns.length === 1) fn = fns[0];
  }
  if (!fn) {
    const rows = mod && (mod.rows || mod.results);
    if (Array.isArray(rows)) return { rows: normalize(rows, name) };
    return { rows: [], note: `bench/${name}.js exports no row function (exports: ${Object.keys(mod || {}).join(", ") || "nothing"})` };
  }
  try {
    const rows = await fn({ lib: LIB, root: ROOT, runs: RUNS, warmup: WARMUP, median, time });
    return { rows: normalize(Array.isArray(rows) ? rows : (rows && rows.rows) || [], name) };
  } catch (e) {
    return { rows: [], note: `bench/${name}.js failed: ${e.message.split("\n")[0]}` };
  }
}

function normalize(rows, source) {
  return rows.map((row) => {
    const ms = typeof row.ms === "number" ? row.ms : typeof row.medianMs === "number" ? row.medianMs : null;
    const value = ms !== null ? `${ms.toFixed(2)}` : row.value !== undefined ? String(row.value) : "";
    return {
      name: String(row.name ?? row.case ?? row.label ?? source),
      size: row.size ?? row.n ?? "",
      value,
      memory: typeof row.heapBytes === "number" ? mb(row.heapBytes) : row.memory ?? "",
      note: row.note ?? (ms === null && row.unit ? row.unit : ""),
      source,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Output

const mb = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;
const fmtSize = (n) => (typeof n === "number" ? n.toLocaleString("en-US") : String(n));

function printTable(headers, rows, right) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => (right.includes(i) ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join(" | ")} |`;
  console.log(line(headers));
  console.log(`|${widths.map((w, i) => (right.includes(i) ? `${"-".repeat(w + 1)}:` : `${"-".repeat(w + 2)}`)).join("|")}|`);
  for (const r of rows) console.log(line(r));
}

async function main() {
  console.log(`node ${process.version}, ${process.platform}/${process.arch}; median of ${RUNS} runs after ${WARMUP} warm-up runs\n`);
  const rows = [];
  const plans = {};

  for (const n of SIZES) {
    const snapshot = householdSnapshot(n);
    const parsed = await time(() => parse(snapshot));
    const portfolio = parsed.result;
    const plan = await time(() => planRebalance(portfolio));
    const p = plan.result;
    plans[n] = plan.ms;
    const heapInput = await retained(() => parse(snapshot));
    const heapPlan = await retained(() => planRebalance(portfolio));
    const out = p.classes.filter((c) => c.status === "Over" || c.status === "Under").length;
    const illiquid = portfolio.holdings.filter((h) => !h.tradable && !h.isCash).length;
    const positions = new Set(portfolio.holdings.map((h) => `${h.account}\u0000${h.symbol}`)).size;
    if (!p.trigger.rebalance || p.trades.length === 0) {
      console.error(`bench: the ${n}-holding household planned no trades (rebalance ${p.trigger.rebalance}); the benchmark would not exercise the engine`);
      process.exit(1);
    }
    rows.push([
      "plan (planRebalance)",
      fmtSize(portfolio.holdings.length),
      plan.ms.toFixed(2),
      `${plan.min.toFixed(1)}–${plan.max.toFixed(1)}`,
      mb(heapPlan),
      `${positions} positions, ${p.classes.length} classes (${out} out of band), ${illiquid} illiquid, ${p.trades.length} trades`,
    ]);
    rows.push(["parse (snapshot → Portfolio)", fmtSize(portfolio.holdings.length), parsed.ms.toFixed(2), `${parsed.min.toFixed(1)}–${parsed.max.toFixed(1)}`, mb(heapInput), "contract parser, not in the plan time"]);
  }
  if (plans[10000] && plans[20000]) {
    rows.push(["ratio plan 20k / 10k", "", (plans[20000] / plans[10000]).toFixed(2), "", "", "linear growth ≈ 2.00"]);
  }
  if (plans[10000]) {
    rows.push(["goal: plan 10k ≤ 100 ms", "10,000", plans[10000].toFixed(2), "", "", plans[10000] <= GOAL_10K_MS ? "met" : "NOT MET"]);
  }

  // Strategies on the 10,000-holding household, with two of its five accounts taxable so Tax Aware
  // orders lots and computes realised gains, and a cash flow for Cash Flow.
  {
    const snapshot = householdSnapshot(10000);
    const accountsRows = [["Account", "Type"], ...ACCOUNTS.map((a, i) => [a, i < 2 ? "Taxable" : i === 2 ? "Roth IRA" : "Traditional IRA"])];
    snapshot.ranges.accounts = { name: "Accounts", sheet: "Accounts", top: 1, left: 1, values: accountsRows, numberFormats: [] };
    const base = parse(snapshot);
    const variants = [
      ["plan: Tax Aware", { ...base, policy: { ...base.policy, strategy: "Tax Aware" } }],
      ["plan: Cash Flow, $10,000,000 contribution", { ...base, policy: { ...base.policy, strategy: "Cash Flow", cashFlow: new Decimal(10000000), cashFlowAccount: ACCOUNTS[2] } }],
      ["plan: Cash Flow, $100,000 withdrawal", { ...base, policy: { ...base.policy, strategy: "Cash Flow", cashFlow: new Decimal(-100000), cashFlowAccount: ACCOUNTS[0] } }],
    ];
    for (const [name, portfolio] of variants) {
      const t = await time(() => planRebalance(portfolio));
      const gains = t.result.trades.filter((x) => x.realized).length;
      rows.push([
        name,
        "10,000",
        t.ms.toFixed(2),
        `${t.min.toFixed(1)}–${t.max.toFixed(1)}`,
        "",
        `${t.result.trades.length} trades${gains ? `, ${gains} with realised gains` : ""}; goal ≤ ${GOAL_STRATEGY_MS} ms: ${t.ms <= GOAL_STRATEGY_MS ? "met" : "NOT MET"}`,
      ]);
    }
    const c = await time(() => compareStrategies(base), { runs: 3, warmup: 1 });
    rows.push([`compare: all ${c.result.length} strategy variants`, "10,000", c.ms.toFixed(2), `${c.min.toFixed(1)}–${c.max.toFixed(1)}`, "", "--compare"]);
  }

  // Full file path: the committed sample, then generated workbooks.
  const sample = await time(() => fullFilePath(SAMPLE));
  const sampleHeap = await retained(() => fullFilePath(SAMPLE));
  rows.push([
    "file: read xlsx → plan (sample)",
    fmtSize(sample.result.portfolio.holdings.length),
    sample.ms.toFixed(2),
    `${sample.min.toFixed(1)}–${sample.max.toFixed(1)}`,
    mb(sampleHeap),
    `samples/sdira-sample.xlsx, ${(fs.statSync(SAMPLE).size / 1024).toFixed(0)} KB`,
  ]);
  const tmp = fs.mkdtempSync(path.join(require("os").tmpdir(), "sdira-bench-"));
  try {
    for (const n of [1000, 10000]) {
      const file = await householdXlsx(householdSnapshot(n), path.join(tmp, `household-${n}.xlsx`));
      // Seconds per run at 10k: the minimum of 5 runs after 1 warm-up.
      const t = await time(() => fullFilePath(file), { runs: 5, warmup: 1 });
      rows.push([
        "file: read xlsx → plan (generated)",
        fmtSize(n),
        t.ms.toFixed(2),
        `${t.min.toFixed(1)}–${t.max.toFixed(1)}`,
        "",
        `${(fs.statSync(file).size / 1024).toFixed(0)} KB; plan alone ${plans[n] ? plans[n].toFixed(1) : "?"} ms`,
      ]);
    }
    // A sheet of 300,000 rows outside every range: a read that writes nothing parses only the contract's sheets.
    const junk = await junkSheetXlsx(path.join(tmp, "junk-sheet.xlsx"), 300000);
    const junkData = fs.readFileSync(junk);
    const readOnly = await time(() => readWorkbookSnapshot(junkData), { runs: 5, warmup: 1 });
    const readAll = await time(async () => snapshotWorkbook(await loadWorkbook(junkData), junkData), { runs: 5, warmup: 1 });
    const heapOnly = await retained(() => loadWorkbook(junkData, true));
    const heapAll = await retained(() => loadWorkbook(junkData));
    rows.push(["file: read, 300k-row sheet outside the ranges", "sample", readOnly.ms.toFixed(2), `${readOnly.min.toFixed(1)}–${readOnly.max.toFixed(1)}`, mb(heapOnly), `contract sheets only (--json, the pane); ${(fs.statSync(junk).size / 1024 / 1024).toFixed(1)} MB file`]);
    rows.push(["file: read, same book, every sheet parsed", "sample", readAll.ms.toFixed(2), `${readAll.min.toFixed(1)}–${readAll.max.toFixed(1)}`, mb(heapAll), `as --out must; ratio ${(readAll.ms / readOnly.ms).toFixed(1)}×`]);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }

  const notes = [];
  for (const name of ["functions", "excel", "optimizer", "backtest", "batch", "pane", "pane-load"]) {
    const extra = await extraRows(name);
    if (extra.note) notes.push(extra.note);
    for (const r of extra.rows) rows.push([`${name}: ${r.name}`, fmtSize(r.size), r.value, "", r.memory, r.note]);
  }

  printTable(["case", "size", "median ms", "range ms", "heap Δ (retained)", "note"], rows, [1, 2, 3, 4]);
  for (const n of notes) console.log(`\nnote: ${n}`);
  if (plans[10000] && plans[10000] > GOAL_10K_MS) {
    console.log(`\nPlanning 10,000 holdings took ${plans[10000].toFixed(1)} ms, above the ${GOAL_10K_MS} ms goal: profile with`);
    console.log(`  BENCH_SIZES=10000 node --cpu-prof --cpu-prof-dir=/tmp/sdira-prof bench/run.js`);
  }
}

module.exports = { householdSnapshot, parse, fullFilePath, median, time };

if (require.main === module) {
  main().catch((e) => {
    console.error(e && e.stack ? e.stack : e);
    process.exit(1);
  });
}

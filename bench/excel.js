/**
 * Excel-integration rows for bench/run.js (`node bench/excel.js` prints them alone): for generated
 * households of 1,000 / 10,000 / 50,000 holdings (one account per five Holdings rows, every
 * account out of band), the Office.js write of the rebalance — its estimated request payload and
 * the context.sync() calls it takes (one to look at the workbook, one per batch below 4 MB) — and
 * the syncs the contract read takes. A last row sizes a 60,000-trade Rebalance sheet, which has
 * to be split into several batches.
 *
 * Uses the compiled lib/ (npm run bench compiles it first). Sizes: BENCH_EXCEL_SIZES="1000,10000".
 */
"use strict";
/* global require, module, process, __dirname, console */
const fs = require("fs");
const path = require("path");
const { elapsed } = require("./timing");

const SIZES = (process.env.BENCH_EXCEL_SIZES || "1000,10000,50000").split(",").map(Number);
const TRADES_FOR_SPLIT = 60000;

function lib(root, rel) {
  const file = path.join(root, "lib", rel);
  if (!fs.existsSync(file)) throw new Error(`${path.relative(root, file)} is missing; compile first (tsc -p tsconfig.lib.json)`);
  return require(file);
}

const fmt = (n) => n.toLocaleString("en-US");
const mbytes = (b) => `${(b / 1e6).toFixed(2)} MB`;

function benchExcel(options = {}) {
  const root = (options && options.root) || path.join(__dirname, "..");
  const { syntheticSnapshot } = lib(root, "samples/synthetic.js");
  const { estimateWrite, CHUNK_BYTES } = lib(root, "excel/ops.js");
  const { READ_CELLS_PER_SYNC } = lib(root, "excel/read.js");
  const { planWorkbook } = lib(root, "plans/plan-workbook.js");
  const { buildWritePlan } = lib(root, "plans/write-plan.js");
  const { rebalanceSheetPlan } = lib(root, "plans/rebalance-sheet.js");
  const now = new Date(2026, 10, 20, 9, 30);
  const rows = [];
  let sample = null;

  for (const n of SIZES) {
    const snapshot = syntheticSnapshot(n);
    const result = planWorkbook(snapshot);
    if (!result.ok) throw new Error(`generated workbook of ${n} holdings is invalid: ${result.errors[0].text}`);
    if (!sample) sample = result.raw;
    const { ms, result: est } = elapsed(() => estimateWrite(buildWritePlan(result.raw, result.portfolio, snapshot, { now })));
    // As src/excel/read.ts reads: names first; then the names that fit one sync, with the used range of
    // each larger name's sheet; then the larger names, clipped, in slices of at most READ_CELLS_PER_SYNC.
    const sizes = Object.values(snapshot.ranges).map((r) => r.values.length * Math.max(...r.values.map((v) => v.length)));
    const cells = sizes.reduce((a, b) => a + b, 0);
    const large = sizes.filter((c) => c > READ_CELLS_PER_SYNC);
    const small = sizes.filter((c) => c <= READ_CELLS_PER_SYNC).reduce((a, b) => a + b, 0);
    const readSyncs = 1 + Math.max(1, Math.ceil(small / READ_CELLS_PER_SYNC)) + large.reduce((n, c) => n + Math.ceil(c / READ_CELLS_PER_SYNC), 0);
    rows.push({
      name: "Office.js write payload (estimated)",
      size: n,
      value: `${fmt(est.bytes)} B`,
      note: `${fmt(result.raw.trades.length)} trades, ${est.ops} actions in ${est.batches.length} batch${est.batches.length > 1 ? "es" : ""} of ≤ ${mbytes(CHUNK_BYTES)}; sheet plans + sizing ${ms.toFixed(0)} ms`,
    });
    rows.push({
      name: "Office.js syncs: write / read",
      size: n,
      value: `${est.syncs} / ${readSyncs}`,
      note: `write: 1 look + ${est.batches.length} batch${est.batches.length > 1 ? "es" : ""}; read: names + ${readSyncs - 1} (${fmt(cells)} cells, ≤ ${fmt(READ_CELLS_PER_SYNC)} per sync)`,
    });
  }

  if (sample && sample.trades.length > 0) {
    const trades = Array.from({ length: TRADES_FOR_SPLIT }, (_, i) => ({ ...sample.trades[i % sample.trades.length], account: `IRA ${i}` }));
    const est = estimateWrite({ sheets: [rebalanceSheetPlan({ ...sample, trades })] });
    rows.push({
      name: "Office.js write, split into batches",
      size: `${fmt(TRADES_FOR_SPLIT)} trades`,
      value: `${fmt(est.bytes)} B`,
      note: `${est.syncs} syncs: batches of ${est.batches.map(mbytes).join(", ")}`,
    });
  }
  return rows;
}

module.exports = { benchExcel };

if (require.main === module) {
  for (const r of benchExcel()) console.log(`${r.name.padEnd(38)} ${String(r.size).padStart(16)}  ${String(r.value).padStart(14)}  ${r.note}`);
}

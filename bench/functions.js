/**
 * Benchmarks of the REBAL.* custom functions (rows for bench/run.js; `node bench/functions.js` prints
 * them alone). Runs the compiled entry points in lib/functions/functions.js — what Excel calls — on
 * arguments shaped as Excel passes them (2-D arrays of numbers and text):
 *
 *   - 10,000 REBAL.DRIFT evaluations over 20-row ranges (goal ≤ 200 ms), and the same for
 *     REBAL.STATUS; 1,000 REBAL.TRADES in cashflow mode (Decimal arithmetic), for comparison;
 *   - 1,000 REBAL.REPORT evaluations over a 500-row Holdings range.
 *
 * Times are medians of several runs after a warm-up (bench/timing.js).
 */
"use strict";
/* global require, module, process, __dirname, console */
const fs = require("fs");
const path = require("path");

const DRIFT_GOAL_MS = 200;

const { time } = require("./timing");

/** 20-row values (whole cents) and targets in basis points summing to 100%. */
function driftArgs(rng, seed, rows = 20) {
  const r = rng(seed);
  const values = Array.from({ length: rows }, () => [Math.round(r() * 50_000_000) / 100]);
  const bps = Array.from({ length: rows }, () => 1 + Math.floor(r() * 100));
  const sum = bps.reduce((s, b) => s + b, 0);
  const scaled = bps.map((b) => Math.floor((b / sum) * 10000));
  scaled[0] += 10000 - scaled.reduce((s, b) => s + b, 0);
  return { values, targets: scaled.map((b) => [b / 10000]) };
}

const CLASSES = [
  ["US Stocks", 0.35],
  ["Intl Stocks", 0.15],
  ["Bonds", 0.2],
  ["TIPS", 0.05],
  ["Real Estate", 0.1],
  ["Gold", 0.05],
  ["Private Notes", 0.05],
  ["Cash", 0.05],
];
const ACCOUNTS = ["Traditional SDIRA", "Roth SDIRA", "SEP IRA"];

/** Holdings / Targets / Policy ranges (header rows included) with n Holdings rows, as Excel passes them. */
function reportArgs(rng, n, seed = 20261120) {
  const r = rng(seed + n);
  const invested = CLASSES.filter(([c]) => c !== "Cash").map(([c]) => c);
  const holdings = [["Account", "Symbol", "Asset Class", "Quantity", "Price", "Cost Basis", "Acquired", "Tradable", "Lot Size", "Valued On"]];
  let position = 0;
  while (holdings.length - 1 < n - ACCOUNTS.length) {
    const price = Math.round((5 + r() * 495) * 100) / 100;
    const lots = Math.min(1 + Math.floor(r() * 3), n - ACCOUNTS.length - (holdings.length - 1));
    const account = ACCOUNTS[position % ACCOUNTS.length];
    const symbol = `S${String(position).padStart(4, "0")}`;
    const assetClass = invested[Math.floor(r() * r() * invested.length)];
    for (let l = 0; l < lots; l++) {
      const quantity = 1 + Math.floor(r() * 2000);
      // Dates arrive as serial numbers; empty cells as "".
      holdings.push([account, symbol, assetClass, quantity, price, Math.round(quantity * price * (0.5 + r()) * 100) / 100, 42000 + Math.floor(r() * 4000), "Yes", 1, ""]);
    }
    position++;
  }
  for (const account of ACCOUNTS) holdings.push([account, "CASH", "Cash", Math.round(r() * 5_000_000) / 100, "", "", "", "", "", ""]);
  const targets = [["Asset Class", "Target"], ...CLASSES.map(([c, t]) => [c, t])];
  const policy = [
    ["Setting", "Value"],
    ["As Of", 46346],
    ["Trigger", "Band"],
    ["Abs Band", 0.05],
    ["Rel Band", 0.25],
  ];
  return { holdings, targets, policy };
}

/**
 * Rows { name, size, ms, note } for bench/run.js. Options (all optional): lib (the compiled lib/
 * folder), runs and warmup (run.js passes its own).
 */
async function benchFunctions(options = {}) {
  const lib = path.resolve(options.lib || path.join(__dirname, "..", "lib"));
  const { rng } = require(path.join(lib, "samples", "rng.js"));
  const file = path.join(lib, "functions", "functions.js");
  if (!fs.existsSync(file)) throw new Error(`${path.relative(process.cwd(), file)} is missing; compile first (tsc -p tsconfig.lib.json)`);
  const fns = require(file);
  const runs = Math.max(5, options.runs || 7);
  const warmup = Math.max(1, options.warmup || 2);
  const rows = [];

  // 10,000 evaluations over 20-row ranges: 100 different argument sets, each evaluated 100 times.
  const sets = Array.from({ length: 100 }, (_, i) => driftArgs(rng, 1000 + i));
  const EVALS = 10_000;
  // The entry points are async (their code loads on first use, the first warm-up call loads it): each
  // evaluation is awaited, as Excel awaits it.
  const evaluations = (count, call) => async () => {
    for (let i = 0; i < count; i++) {
      const a = sets[i % sets.length];
      await call(a.values, a.targets);
    }
  };
  const drift = await time(evaluations(EVALS, (v, t) => fns.drift(v, t)), { runs, warmup });
  rows.push({
    name: "REBAL.DRIFT × 10,000",
    size: "20 rows",
    ms: drift.ms,
    note: `goal ≤ ${DRIFT_GOAL_MS} ms: ${drift.ms <= DRIFT_GOAL_MS ? "met" : "NOT MET"} (${((drift.ms / EVALS) * 1000).toFixed(1)} µs each)`,
  });
  const status = await time(evaluations(EVALS, (v, t) => fns.status(v, t)), { runs, warmup });
  rows.push({ name: "REBAL.STATUS × 10,000", size: "20 rows", ms: status.ms, note: `${((status.ms / EVALS) * 1000).toFixed(1)} µs each` });
  // TRADES works in Decimal to the cent: 1,000 evaluations.
  const lazy = await time(evaluations(1000, (v, t) => fns.trades(v, t, 25000, "cashflow")), { runs, warmup });
  rows.push({ name: "REBAL.TRADES cashflow × 1,000", size: "20 rows", ms: lazy.ms, note: `${lazy.ms.toFixed(1)} µs each (Decimal, to the cent)` });

  // 1,000 REPORT evaluations over a 500-row Holdings range.
  const { holdings, targets, policy } = reportArgs(rng, 500);
  // REPORT asks Excel for the workbook's date system once (outside Excel it answers at once).
  const table = await fns.report(holdings, targets, policy);
  if (!Array.isArray(table) || table.length < 2) throw new Error("REBAL.REPORT returned no class table");
  const REPORTS = 1000;
  for (let i = 0; i < 50; i++) await fns.report(holdings, targets, policy); // warm-up
  const report = await time(
    async () => {
      for (let i = 0; i < REPORTS; i++) await fns.report(holdings, targets, policy);
    },
    { runs: Math.min(runs, 3), warmup: 0 },
  );
  rows.push({
    name: "REBAL.REPORT × 1,000",
    size: "500-row Holdings",
    ms: report.ms,
    note: `${(report.ms / REPORTS).toFixed(2)} ms each (parse + plan, as the pane); ${table.length - 1} classes`,
  });
  return rows;
}

module.exports = { benchFunctions };

if (require.main === module) {
  benchFunctions().then((rows) => rows.forEach((row) => console.log(`${row.name.padEnd(32)} ${String(row.size).padEnd(18)} ${row.ms.toFixed(2).padStart(10)} ms  ${row.note}`)));
}

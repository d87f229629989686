/**
 * Backtest rows for bench/run.js (`node bench/backtest.js` prints them alone): the standard policy
 * set (16 policies) over 1,008 monthly periods × 2 classes and over 25,000 daily periods × 10
 * classes (seeded random returns), next to a plain Float64Array loop doing the core arithmetic of
 * the same policies in the same run (grow, weigh, check the band, rebalance to target, value path,
 * drawdown, mean and deviation of the period returns). Goal: within 3× of that loop.
 *
 * Uses the compiled lib/ (npm run bench compiles it first).
 */
"use strict";
/* global require, module, process, __dirname, console */
const fs = require("fs");
const path = require("path");
const { performance } = require("perf_hooks");

const GOAL_RATIO = 3;

function lib(root, rel) {
  const file = path.join(root, "lib", rel);
  if (!fs.existsSync(file)) throw new Error(`${path.relative(root, file)} is missing; compile first (tsc -p tsconfig.lib.json)`);
  return require(file);
}

/** n periods × m classes of returns: a drift and a volatility per class, seeded. */
function series(rng, n, m, periodsPerYear) {
  const returns = new Float64Array(n * m);
  for (let p = 0; p < n; p++) {
    for (let i = 0; i < m; i++) {
      const mu = (0.02 + 0.08 * (i / Math.max(1, m - 1))) / periodsPerYear;
      const sigma = (0.04 + 0.16 * (i / Math.max(1, m - 1))) / Math.sqrt(periodsPerYear);
      // Sum of uniforms: a cheap, bounded near-normal draw.
      const z = (rng() + rng() + rng() + rng() - 2) * Math.sqrt(3);
      returns[p * m + i] = Math.max(-0.9, mu + sigma * z);
    }
  }
  const start = Date.UTC(1926, 0, 31);
  const step = periodsPerYear === 12 ? 30.44 : 1.45;
  const dates = Array.from({ length: n }, (_, p) => new Date(start + p * step * 86400000).toISOString().slice(0, 10));
  return { dates, classes: Array.from({ length: m }, (_, i) => `C${i}`), returns, riskFree: null, periodsPerYear, periodsFrom: "policy" };
}

/** The plain loop: every policy's growth, weights, band check and rebalance to target, and the metrics' sums. */
function plainLoop(s, targets, policies, checkInterval) {
  const m = s.classes.length;
  const n = s.dates.length;
  const r = s.returns;
  const h = new Float64Array(m);
  const bands = new Float64Array(m);
  let checksum = 0;
  for (const p of policies) {
    const k = checkInterval(p.check, s.periodsPerYear);
    for (let i = 0; i < m; i++) {
      h[i] = targets[i];
      const abs = p.absBand === null ? Infinity : p.absBand;
      const rel = p.relBand === null ? Infinity : p.relBand * targets[i];
      bands[i] = Math.min(abs, rel) === Infinity ? 0 : Math.min(abs, rel);
    }
    const values = new Float64Array(n + 1);
    const weightSums = new Float64Array(m);
    values[0] = 1;
    let peak = 1;
    let drawdown = 0;
    for (let t = 0; t < n; t++) {
      let v = 0;
      for (let i = 0; i < m; i++) {
        h[i] *= 1 + r[t * m + i];
        v += h[i];
      }
      let out = false;
      for (let i = 0; i < m; i++) {
        const w = h[i] / v;
        weightSums[i] += w;
        if (Math.abs(w - targets[i]) - bands[i] > 1e-12) out = true;
      }
      if (k > 0 && out && (t + 1) % k === 0) for (let i = 0; i < m; i++) h[i] = targets[i] * v;
      values[t + 1] = v;
      if (v > peak) peak = v;
      if ((peak - v) / peak > drawdown) drawdown = (peak - v) / peak;
    }
    let sum = 0;
    for (let t = 0; t < n; t++) sum += values[t + 1] / values[t] - 1;
    const mean = sum / n;
    let sq = 0;
    for (let t = 0; t < n; t++) sq += (values[t + 1] / values[t] - 1 - mean) ** 2;
    checksum += values[n] + drawdown + Math.sqrt(sq / (n - 1)) + weightSums[0];
  }
  return checksum;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timed(fn, runs) {
  fn();
  const ms = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = fn();
    ms.push(performance.now() - t0);
  }
  return { ms: median(ms), result };
}

async function benchBacktest(options = {}) {
  const root = (options && options.root) || path.join(__dirname, "..");
  const { rng } = lib(root, "samples/rng.js");
  const { runBacktests } = lib(root, "backtest/run.js");
  const { STANDARD_POLICIES } = lib(root, "backtest/standard-policies.js");
  const { checkInterval } = lib(root, "backtest/schedule.js");
  const { backtestSheetPlan } = lib(root, "plans/backtest-sheet.js");
  const { estimateWrite } = lib(root, "excel/ops.js");
  const rows = [];
  for (const [n, m, ppy, label] of [[1008, 2, 12, "monthly"], [25000, 10, 252, "daily"]]) {
    const s = series(rng(20261202 + n), n, m, ppy);
    const targets = Array.from({ length: m }, () => 1 / m);
    const input = { series: s, targets: s.classes.map((c, i) => ({ assetClass: c, target: targets[i], absBand: null, relBand: null, ref: { sheet: "", cell: "" } })), policies: null };
    const runs = n > 5000 ? 7 : 21;
    const ours = timed(() => runBacktests(input), runs);
    const plain = timed(() => plainLoop(s, Float64Array.from(targets), STANDARD_POLICIES, checkInterval), runs);
    const ratio = ours.ms / plain.ms;
    const events = ours.result.reduce((e, x) => e + x.metrics.events, 0);
    rows.push({ name: `standard set (${STANDARD_POLICIES.length} policies), ${label}`, size: `${n.toLocaleString("en-US")} × ${m}`, ms: ours.ms, note: `${events.toLocaleString("en-US")} rebalances in all` });
    rows.push({
      name: `plain Float64Array loop, same policies`,
      size: `${n.toLocaleString("en-US")} × ${m}`,
      ms: plain.ms,
      note: `ratio ${ratio.toFixed(2)}×; goal ≤ ${GOAL_RATIO}×: ${ratio <= GOAL_RATIO ? "met" : "NOT MET"}`,
    });
    // The Backtest sheet of that run: the plan's cells, and what writing it inside Excel costs.
    const sheet = timed(() => backtestSheetPlan(input, ours.result), 3);
    const estimate = estimateWrite({ sheets: [sheet.result] });
    rows.push({
      name: `Backtest sheet plan + Office.js write estimate`,
      size: `${n.toLocaleString("en-US")} × ${m}`,
      ms: sheet.ms,
      note: `${sheet.result.cells.length.toLocaleString("en-US")} cells; ${(estimate.bytes / 1e6).toFixed(1)} MB in ${estimate.batches.length} batch(es), ${estimate.syncs} syncs`,
    });
  }
  return rows;
}

module.exports = { benchBacktest };

if (require.main === module) {
  benchBacktest().then(
    (rows) => {
      for (const r of rows) console.log(`${r.name.padEnd(44)} ${String(r.size).padStart(12)} ${r.ms.toFixed(2).padStart(10)} ms  ${r.note}`);
    },
    (e) => {
      console.error(e && e.stack ? e.stack : e);
      process.exit(1);
    },
  );
}

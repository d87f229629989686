/**
 * Batch rows for bench/run.js (`node bench/batch.js` prints them alone): 100 and 1,000 generated
 * household workbooks of 50 holdings over 3 accounts (src/samples/firm.ts), each planned by
 * `rebalance batch --out-dir --orders` as a user runs it (read, plan, write the updated workbook, the
 * firm summary and the block orders), with 1 worker and with one per core. Reported: wall time,
 * households per second, the main thread's peak heap over its start (sampled after a forced GC
 * every 250 ms, so it is what the main thread holds: one summary row and the trades per household,
 * never a workbook; it grows with the households only while firm-summary.xlsx is built) and the
 * process's peak RSS (the workers' heaps included, and whatever earlier rows of bench/run.js left). Goal on a 2-core machine: 1,000 households ≤ 60 s with all workers.
 *
 * Uses the compiled lib/ (npm run bench compiles it first).
 */
"use strict";
/* global require, module, process, __dirname, console */
const fs = require("fs");
const os = require("os");
const path = require("path");
const { performance } = require("perf_hooks");
const v8 = require("v8");
const vm = require("vm");

// A forced GC, so the heap sampled is what the main thread holds, not garbage waiting to be collected.
v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc");

const GOAL_1000_S = 60;
const SIZES = (process.env.BENCH_BATCH_SIZES || "100,1000").split(",").map(Number);

function lib(root, rel) {
  const file = path.join(root, "lib", rel);
  if (!fs.existsSync(file)) throw new Error(`${path.relative(root, file)} is missing; compile first (tsc -p tsconfig.lib.json)`);
  return require(file);
}

async function benchBatch(options = {}) {
  const root = (options && options.root) || path.join(__dirname, "..");
  const { firmHouseholdSnapshot } = lib(root, "samples/firm.js");
  const { snapshotWorkbookBytes } = lib(root, "xlsx/snapshot-workbook.js");
  const { batchMain } = lib(root, "cli/batch.js");
  const { defaultJobs } = lib(root, "batch/pool.js");
  const cores = defaultJobs();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sdira-bench-batch-"));
  const rows = [];
  try {
    const firm = path.join(tmp, "firm");
    fs.mkdirSync(firm);
    let written = 0;
    for (const n of SIZES) {
      for (; written < n; written++) {
        fs.writeFileSync(path.join(firm, `household-${String(written + 1).padStart(5, "0")}.xlsx`), await snapshotWorkbookBytes(firmHouseholdSnapshot(written)));
      }
      // The first n households only: a folder of exactly n.
      const folder = path.join(tmp, `firm-${n}`);
      fs.mkdirSync(folder);
      for (let i = 0; i < n; i++) {
        const name = `household-${String(i + 1).padStart(5, "0")}.xlsx`;
        fs.linkSync(path.join(firm, name), path.join(folder, name));
      }
      const perJobs = {};
      for (const jobs of [...new Set([1, cores])]) {
        const out = path.join(tmp, `out-${n}-${jobs}`);
        gc();
        const heapBefore = process.memoryUsage().heapUsed;
        let heapPeak = heapBefore;
        let rssPeak = process.memoryUsage().rss;
        const sampler = setInterval(() => {
          rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
          gc();
          heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
        }, 250);
        let stdout = "";
        const t0 = performance.now();
        const code = await batchMain([folder, "--out-dir", out, "--orders", path.join(out, "blocks.csv"), "--jobs", String(jobs)], { stdout: (s) => (stdout += s), stderr: () => {} });
        const seconds = (performance.now() - t0) / 1000;
        clearInterval(sampler);
        if (code !== 0) throw new Error(`batch of ${n} exited ${code}: ${stdout.slice(0, 400)}`);
        const summary = /^(\d+) households: (\d+) out of band/.exec(stdout);
        perJobs[jobs] = seconds;
        rows.push({
          name: `batch --out-dir --orders, ${jobs} worker${jobs === 1 ? "" : "s"}`,
          size: n,
          value: `${(seconds * 1000).toFixed(0)}`,
          memory: `main heap +${((heapPeak - heapBefore) / 1048576).toFixed(1)} MB, process RSS ${(rssPeak / 1048576).toFixed(0)} MB`,
          note: `${(n / seconds).toFixed(1)} households/s (${Math.round((n / seconds) * 3600).toLocaleString("en-US")}/hour); ${summary ? `${summary[2]} out of band` : ""}`,
        });
        fs.rmSync(out, { recursive: true, force: true });
      }
      if (cores > 1) rows.push({ name: `batch speed-up, ${cores} workers / 1`, size: n, value: (perJobs[1] / perJobs[cores]).toFixed(2), note: `ideal ${cores}.00` });
      if (n === 1000) rows.push({ name: `goal: 1,000 households ≤ ${GOAL_1000_S} s, all workers`, size: n, value: `${(perJobs[cores] * 1000).toFixed(0)}`, note: perJobs[cores] <= GOAL_1000_S ? "met" : "NOT MET" });
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return rows;
}

module.exports = { benchBatch };

if (require.main === module) {
  benchBatch().then(
    (rows) => {
      for (const r of rows) console.log(`${r.name.padEnd(44)} ${String(r.size).padStart(6)} ${String(r.value).padStart(9)}  ${r.memory || ""}  ${r.note || ""}`);
    },
    (e) => {
      console.error(e && e.stack ? e.stack : e);
      process.exit(1);
    },
  );
}

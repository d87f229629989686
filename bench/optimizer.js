/**
 * Optimizer rows for bench/run.js (`node bench/optimizer.js` prints them alone): households of 50,
 * 500 and 5,000 holdings over 3 accounts and 8 classes, each class listed in about a third of the accounts,
 * fractional shares and no fees — the optimal plan (HiGHS) and the greedy pass side by side: time,
 * misplacement after the trades (Σ |value − target × total| ÷ total) and trade count; then the same households
 * with Fee Per Trade $4.95 and Min Trade $500, where each trade has a 0/1 indicator and every level is a
 * mixed-integer program (status, gap, fees paid).
 *
 * Uses the compiled lib/ (npm run bench compiles it first). Sizes: BENCH_OPTIMIZER_SIZES="50,500".
 */
"use strict";
/* global require, module, process, __dirname, console */
const fs = require("fs");
const path = require("path");
const { performance } = require("perf_hooks");

const SIZES = (process.env.BENCH_OPTIMIZER_SIZES || "50,500,5000").split(",").map(Number);
const GOALS_MS = { 50: 100, 500: 1000, 5000: 5000 };
const ACCOUNTS = ["Trad SDIRA", "Roth SDIRA", "SEP SDIRA"];
const CLASSES = [
  ["US Stocks", 0.3], ["Intl Stocks", 0.15], ["Bonds", 0.2], ["TIPS", 0.05],
  ["Real Estate", 0.1], ["Gold", 0.05], ["Private Notes", 0.1], ["Cash", 0.05],
];

function lib(root, rel) {
  const file = path.join(root, "lib", rel);
  if (!fs.existsSync(file)) throw new Error(`${path.relative(root, file)} is missing; compile first (tsc -p tsconfig.lib.json)`);
  return require(file);
}

/** A household snapshot of `n` Holdings rows: which classes an account lists is drawn at random (seeded). */
function household(rng, n) {
  const r = rng(20261201 + n);
  // Sparse listings (each class in about a third of the accounts), as in the households where the greedy pass falls short.
  const listed = ACCOUNTS.map(() => CLASSES.slice(0, -1).map(() => r() < 0.35));
  // Every class is listed somewhere.
  CLASSES.slice(0, -1).forEach((_, k) => { if (!listed.some((l) => l[k])) listed[k % ACCOUNTS.length][k] = true; });
  const rows = [["Account", "Symbol", "Asset Class", "Quantity", "Price", "Tradable", "Lot Size"]];
  const slots = [];
  ACCOUNTS.forEach((a, i) => CLASSES.slice(0, -1).forEach(([c], k) => { if (listed[i][k]) slots.push([a, c, k]); }));
  for (let p = 0; rows.length - 1 < n - ACCOUNTS.length; p++) {
    const [account, assetClass, k] = slots[p % slots.length];
    const price = Math.round((20 + r() * 300) * 100) / 100;
    // Skewed: the first classes overweight, the last ones under; most of the money in the first account.
    const value = (2000 + r() * 20000) * (k < 3 ? 2 : 0.5) * (account === ACCOUNTS[0] ? 3 : 1);
    rows.push([account, `S${k}_${p}`, assetClass, Math.round((value / price) * 1e4) / 1e4, price, "Yes", 0]);
  }
  for (const a of ACCOUNTS) rows.push([a, "CASH", "Cash", a === ACCOUNTS[0] ? 0 : Math.round(r() * 5000), 1, null, null]);
  const range = (name, values) => ({ name, sheet: name, top: 1, left: 1, values, numberFormats: [] });
  return {
    ranges: {
      holdings: range("Holdings", rows),
      targets: range("Targets", [["Asset Class", "Target"], ...CLASSES]),
      policy: range("Policy", [["Setting", "Value"], ["As Of", "2026-11-20"], ["Trigger", "Band"], ["Fractional", "Yes"]]),
    },
    nameProblems: [],
  };
}

function misplacement(plan) {
  const total = plan.after.classes.reduce((s, c) => s + Number(c.value), 0);
  return plan.after.classes.reduce((s, c, i) => s + Math.abs(Number(c.value) - plan.classes[i].target * total), 0) / total;
}

async function benchOptimizer(options = {}) {
  const root = (options && options.root) || path.join(__dirname, "..");
  const { rng } = lib(root, "samples/rng.js");
  const { loadSolver } = lib(root, "solver/highs.js");
  const { activeSolver } = lib(root, "engine/optimizer/solver.js");
  const loadedBefore = activeSolver() !== null;
  const { planWorkbook } = lib(root, "plans/plan-workbook.js");
  const t0 = performance.now();
  await loadSolver();
  const loadMs = performance.now() - t0;
  const rows = [{ name: "HiGHS load (once per process)", size: "", ms: loadMs, note: loadedBefore ? "already loaded by an earlier row of this run (node bench/optimizer.js alone measures it)" : "WebAssembly compile + init" }];
  for (const n of SIZES) {
    const snapshot = household(rng, n);
    const withOptimizer = (o, extra = []) => ({ ...snapshot, ranges: { ...snapshot.ranges, policy: { ...snapshot.ranges.policy, values: [...snapshot.ranges.policy.values, ["Optimizer", o], ...extra] } } });
    const timed = (o, extra) => {
      // The first plan of a kind is timed apart: V8 compiles WebAssembly in tiers, so HiGHS's first
      // mixed-integer solves in a process run slower; the row is the median of the three after it.
      const runs = [];
      let result;
      for (let i = 0; i < 4; i++) {
        const s = performance.now();
        result = planWorkbook(withOptimizer(o, extra), { today: "2026-11-20" });
        runs.push(performance.now() - s);
      }
      if (!result.ok) throw new Error(`household of ${n}: ${result.errors[0].text}`);
      return { ms: runs.slice(1).sort((a, b) => a - b)[1], first: runs[0], plan: result.plan };
    };
    const opt = timed("Optimal");
    const greedy = timed("Greedy");
    const mo = misplacement(opt.plan);
    const mg = misplacement(greedy.plan);
    const goal = GOALS_MS[n];
    rows.push({
      name: "optimal plan",
      size: n,
      ms: opt.ms,
      note: `${opt.plan.optimizer.status}; first run ${opt.first.toFixed(0)} ms; misplacement ${(mo * 100).toFixed(3)}%, ${opt.plan.trades.length} trades${goal ? `; goal ≤ ${goal} ms: ${opt.ms <= goal ? "met" : "NOT MET"}` : ""}`,
    });
    rows.push({
      name: "greedy plan",
      size: n,
      ms: greedy.ms,
      note: `misplacement ${(mg * 100).toFixed(3)}%, ${greedy.plan.trades.length} trades; optimal ≤ greedy: ${mo <= mg + 1e-9 ? "yes" : "NO"} (${((mg - mo) * 100).toFixed(3)} points better)`,
    });
    const costs = [["Fee Per Trade", 4.95], ["Min Trade", 500]];
    const fees = (plan) => plan.trades.reduce((s, t) => s + Number(t.fee), 0);
    const optF = timed("Optimal", costs);
    const greedyF = timed("Greedy", costs);
    const moF = misplacement(optF.plan);
    const mgF = misplacement(greedyF.plan);
    rows.push({
      name: "optimal, $4.95 fee + $500 min (MIP)",
      size: n,
      ms: optF.ms,
      note: `${optF.plan.optimizer.status}, gap ${(optF.plan.optimizer.gap * 100).toFixed(2)}%; misplacement ${(moF * 100).toFixed(3)}%, ${optF.plan.trades.length} trades, fees $${fees(optF.plan).toFixed(2)}; first run ${optF.first.toFixed(0)} ms${goal ? `; goal ≤ ${goal} ms: ${optF.ms <= goal ? "met" : "NOT MET"}` : ""}`,
    });
    rows.push({
      name: "greedy, $4.95 fee + $500 min",
      size: n,
      ms: greedyF.ms,
      // Misplacement is not the optimizer's first aim: the band violations come before the goal (README, the model), so an
      // optimum with less outside the bands may sit further from target; the row says so with both band violations.
      note: `misplacement ${(mgF * 100).toFixed(3)}%, ${greedyF.plan.trades.length} trades, fees $${fees(greedyF.plan).toFixed(2)}; optimal ≤ greedy: ${moF <= mgF + 1e-9 ? "yes" : `NO on misplacement; outside the bands (the first level) optimal $${optF.plan.optimizer.objective.bandViolation} vs greedy $${greedyF.plan.optimizer.objective.bandViolation}`}`,
    });
  }
  return rows;
}

module.exports = { benchOptimizer };

if (require.main === module) {
  benchOptimizer().then((rows) => rows.forEach((r) => console.log(`${r.name.padEnd(34)} ${String(r.size).padStart(6)} ${r.ms.toFixed(1).padStart(9)} ms  ${r.note}`)));
}

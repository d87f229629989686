#!/usr/bin/env node
/**
 * A/B: the same cases on two compiled builds, interleaved in one process, so machine noise falls on
 * both alike (separate `npm run bench` runs on 2 cores differ by ±40% from each other).
 *
 *   git worktree add /tmp/base <commit> && ln -s "$PWD/node_modules" /tmp/base/node_modules
 *   (cd /tmp/base && npx tsc -p tsconfig.lib.json) && npx tsc -p tsconfig.lib.json
 *   node bench/ab.js /tmp/base/lib            # baseline lib/ vs this checkout's lib/
 *
 * Prints a table: case, baseline ms, this build's ms (medians), and the ratio. The households come
 * from this build's src/samples/synthetic.ts, so both builds plan the same data.
 */
"use strict";
/* global require, process, console */
const fs = require("fs");
const path = require("path");
const Decimal = require("decimal.js");
const { performance } = require("perf_hooks");
const { median, elapsed } = require("./timing");

const HERE = path.join(__dirname, "..", "lib");
const BASE = path.resolve(process.argv[2] || "");
if (!process.argv[2] || !fs.existsSync(path.join(BASE, "engine", "plan.js"))) {
  console.error("usage: node bench/ab.js <baseline lib/ folder>   (see the header of bench/ab.js)");
  process.exit(2);
}

/** A build's entry points (older builds kept the pipeline in lib/pipeline.js). */
function build(lib) {
  const first = (...rels) => require(path.join(lib, rels.find((r) => fs.existsSync(path.join(lib, r)))));
  const pipeline = first("plans/plan-workbook.js", "pipeline.js");
  const parse = pipeline.parseWorkbook ?? require(path.join(lib, "contract/parse.js")).parsePortfolio;
  return {
    parse: (s) => parse(s),
    planWorkbook: pipeline.planWorkbook,
    plan: require(path.join(lib, "engine/plan.js")).planRebalance,
    compare: require(path.join(lib, "engine/compare.js")).compareStrategies,
    // The functions' own code: the entry points (functions/functions.js) became async when their code moved
    // to a chunk loaded on first use, and a loop of synchronous calls cannot time them; older builds lack it.
    fn: fs.existsSync(path.join(lib, "functions/weights.js")) ? { drift: require(path.join(lib, "functions/weights.js")).driftFunction, trades: require(path.join(lib, "functions/trades.js")).tradesFunction } : require(path.join(lib, "functions/functions.js")),
    read: require(path.join(lib, "xlsx/read.js")).readWorkbookSnapshot,
  };
}

const A = build(BASE);
const B = build(HERE);
const { householdSnapshot, HOUSEHOLD_ACCOUNTS } = require(path.join(HERE, "samples/synthetic.js"));

function withAccounts(snapshot) {
  const values = [["Account", "Type"], ...HOUSEHOLD_ACCOUNTS.map((a, i) => [a, i < 2 ? "Taxable" : i === 2 ? "Roth IRA" : "Traditional IRA"])];
  snapshot.ranges.accounts = { name: "Accounts", sheet: "Accounts", top: 1, left: 1, values, numberFormats: [] };
  return snapshot;
}

const snapshots = Object.fromEntries([1000, 10000, 20000].map((n) => [n, householdSnapshot(n)]));
const taxed = withAccounts(householdSnapshot(10000));
const portfolio = (x, s) => x.parse(s).portfolio;
const strategy = (p, policy) => ({ ...p, policy: { ...p.policy, ...policy } });
const values = Array.from({ length: 20 }, (_, i) => [1000 + i * 37.5]);
const targets = Array.from({ length: 20 }, () => [0.05]);
const sample = fs.readFileSync(path.join(__dirname, "..", "samples", "sdira-sample.xlsx"));

/** Each case: a name, a size, and a function of a build returning the body to time. */
const cases = [
  ...[1000, 10000, 20000].flatMap((n) => [
    ["parse", n, (x) => () => x.parse(snapshots[n])],
    ["plan", n, (x) => ((p) => () => x.plan(p))(portfolio(x, snapshots[n]))],
  ]),
  ["plan: Tax Aware", 10000, (x) => ((p) => () => x.plan(p))(strategy(portfolio(x, taxed), { strategy: "Tax Aware" }))],
  ["plan: Cash Flow withdrawal", 10000, (x) => ((p) => () => x.plan(p))(strategy(portfolio(x, taxed), { strategy: "Cash Flow", cashFlow: new Decimal(-100000), cashFlowAccount: HOUSEHOLD_ACCOUNTS[0] }))],
  ["compare: every variant", 10000, (x) => ((p) => () => x.compare(p))(portfolio(x, taxed))],
  ["REBAL.DRIFT × 10,000", "20 rows", (x) => () => { for (let i = 0; i < 10000; i++) x.fn.drift(values, targets); }],
  ["REBAL.TRADES cashflow × 1,000", "20 rows", (x) => () => { for (let i = 0; i < 1000; i++) x.fn.trades(values, targets, 25000, "cashflow"); }],
];

async function main() {
  const rows = [];
  for (const [name, size, make] of cases) {
    const a = make(A);
    const b = make(B);
    a();
    const once = elapsed(b).ms;
    const ta = [];
    const tb = [];
    // About two seconds per build: many runs for the millisecond cases, where one GC pause is a lot.
    const runs = Math.min(201, Math.max(5, Math.ceil(2000 / Math.max(once, 0.1))));
    for (let i = 0; i < runs; i++) {
      // Alternate which build goes first.
      if (i % 2) { tb.push(elapsed(b).ms); ta.push(elapsed(a).ms); } else { ta.push(elapsed(a).ms); tb.push(elapsed(b).ms); }
    }
    rows.push([name, size, median(ta), median(tb)]);
  }
  const ta = [];
  const tb = [];
  for (let i = 0; i < 101; i++) {
    let t0 = performance.now();
    A.planWorkbook(await A.read(sample));
    ta.push(performance.now() - t0);
    t0 = performance.now();
    B.planWorkbook(await B.read(sample));
    tb.push(performance.now() - t0);
  }
  rows.push(["file: read xlsx → plan (sample)", 15, median(ta), median(tb)]);
  console.log(`baseline ${BASE} vs ${HERE}\n`);
  console.log("| case | size | baseline ms | this ms | this / baseline |");
  console.log("|---|---:|---:|---:|---:|");
  for (const [name, size, a, b] of rows) console.log(`| ${name} | ${typeof size === "number" ? size.toLocaleString("en-US") : size} | ${a.toFixed(1)} | ${b.toFixed(1)} | ${(b / a).toFixed(2)} |`);
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(1);
});

/**
 * Pane rows for bench/run.js (`node bench/pane.js` prints them alone): the JavaScript taskpane.html loads
 * before anything is asked of it (its <script> tags, Office.js from Microsoft's CDN left out), raw and
 * gzip (level 9), from the production build in dist/ (rebuilt first when older than src/). Goal ≤ 200 KB gzip; React and
 * Fluent alone were measured at 156 KB. The page's chunks loaded on first use and the pane's worker
 * (pane-worker*.js, started with the first file) are listed apart.
 */
"use strict";
/* global require, module, __dirname, console */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { ensureDist } = require("./dist");

const GOAL_KB = 200;

function benchPane(options = {}) {
  const root = (options && options.root) || path.join(__dirname, "..");
  const dist = ensureDist(root);
  const html = path.join(dist, "taskpane.html");
  const text = fs.readFileSync(html, "utf8");
  const initial = [...text.matchAll(/<script[^>]*\bsrc="?([^" >]+)"?/g)].map((m) => m[1]).filter((s) => !/^https?:/.test(s));
  const size = (files) =>
    files.reduce(
      (t, f) => {
        const b = fs.readFileSync(path.join(dist, f));
        return { raw: t.raw + b.length, gzip: t.gzip + zlib.gzipSync(b, { level: 9 }).length };
      },
      { raw: 0, gzip: 0 },
    );
  const first = size(initial);
  const js = fs.readdirSync(dist).filter((f) => f.endsWith(".js") && !initial.includes(f));
  const later = js.filter((f) => !/^pane-worker/.test(f));
  const worker = js.filter((f) => /^pane-worker/.test(f));
  const rest = size(later);
  const work = size(worker);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  return [
    { name: "initial JavaScript of taskpane.html, gzip", size: `${initial.length} files`, value: kb(first.gzip), note: `raw ${kb(first.raw)}; goal ≤ ${GOAL_KB} KB gzip: ${first.gzip / 1024 <= GOAL_KB ? "met" : "NOT MET"}` },
    { name: "page chunks loaded on first use, gzip", size: `${later.length} files`, value: kb(rest.gzip), note: `raw ${kb(rest.raw)} (views, charts; Excel's rebalance, backtest and edit paths with their solver loader)` },
    { name: "the pane's worker, gzip", size: `${worker.length} files`, value: kb(work.gzip), note: `raw ${kb(work.raw)}: pane-worker.js (exceljs, the engine, backtests) and its solver loader chunk, loaded with the first file` },
  ];
}

module.exports = { benchPane };

if (require.main === module) {
  for (const r of benchPane()) console.log(`${r.name.padEnd(44)} ${String(r.size).padStart(9)} ${String(r.value).padStart(10)}  ${r.note}`);
}

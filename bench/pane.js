/**
 * Pane rows for bench/run.js (`node bench/pane.js` prints them alone): the JavaScript taskpane.html loads
 * before anything is asked of it (its <script> tags, Office.js from Microsoft's CDN left out), raw and
 * gzip (level 9), from the production build in dist/ (npm run build). Goal ≤ 200 KB gzip; React and
 * Fluent alone were measured at 156 KB. The chunks loaded on first use (exceljs, the solver, the
 * charts, the Backtest, History and households views) are listed apart.
 */
"use strict";
/* global require, module, process, __dirname, console */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const GOAL_KB = 200;

function benchPane(options = {}) {
  const root = (options && options.root) || path.join(__dirname, "..");
  const dist = path.join(root, "dist");
  const html = path.join(dist, "taskpane.html");
  if (!fs.existsSync(html)) throw new Error("dist/taskpane.html is missing; build first (npm run build)");
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
  const later = fs.readdirSync(dist).filter((f) => f.endsWith(".js") && !initial.includes(f) && f !== "pane-worker.js");
  const rest = size(later);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  return [
    { name: "initial JavaScript of taskpane.html, gzip", size: `${initial.length} files`, value: kb(first.gzip), note: `raw ${kb(first.raw)}; goal ≤ ${GOAL_KB} KB gzip: ${first.gzip / 1024 <= GOAL_KB ? "met" : "NOT MET"}` },
    { name: "chunks loaded on first use, gzip", size: `${later.length} files`, value: kb(rest.gzip), note: `raw ${kb(rest.raw)} (exceljs, HiGHS loader, charts, views); plus pane-worker.js` },
  ];
}

module.exports = { benchPane };

if (require.main === module) {
  for (const r of benchPane()) console.log(`${r.name.padEnd(44)} ${String(r.size).padStart(9)} ${String(r.value).padStart(10)}  ${r.note}`);
}

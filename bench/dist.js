/**
 * The production build of the pane (dist/) for the pane benches: rebuilt with webpack when it is
 * missing or older than its sources (the rule test/taskpane/support/dist.ts applies for the browser
 * tests), so `npm run bench` from a clean checkout measures the pane as built from the sources.
 */
"use strict";
/* global require, module, process */
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return fs.readdirSync(p).reduce((m, f) => Math.max(m, newestMtime(path.join(p, f))), st.mtimeMs);
}

/** dist/ of `root`, built for production first unless it is up to date. */
function ensureDist(root) {
  const dist = path.join(root, "dist");
  const built = path.join(dist, "taskpane.html");
  const inputs = ["src", "assets", "manifest.xml", "webpack.config.js", "package.json"].map((p) => newestMtime(path.join(root, p)));
  if (!fs.existsSync(built) || fs.statSync(built).mtimeMs < Math.max(...inputs)) {
    execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js", { paths: [root] }), "--mode", "production"], { cwd: root, stdio: ["ignore", "ignore", "inherit"], timeout: 600_000 });
  }
  return dist;
}

module.exports = { ensureDist };

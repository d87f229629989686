#!/usr/bin/env node
"use strict";
// The runner is compiled from src/cli by `npm run prepare` (run automatically by npm install / npm ci).
require("../lib/cli/main.js").main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`Unexpected failure: ${err && err.stack ? err.stack : err}\n`); process.exitCode = 1; }
);

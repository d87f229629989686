"use strict";
/**
 * The one timing helper of the benches: medians of repeated runs after warm-up runs, measured with
 * performance.now(). `time` awaits async bodies; `measure` is the same for synchronous ones;
 * `elapsed` times a single call.
 */
/* global require, module */
const { performance } = require("perf_hooks");

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Milliseconds one call of body takes, and what it returned. */
function elapsed(body) {
  const t0 = performance.now();
  const result = body();
  return { ms: performance.now() - t0, result };
}

function summary(ms, result) {
  return { ms: median(ms), min: Math.min(...ms), max: Math.max(...ms), result };
}

/** Median ms of a synchronous body over `runs` runs after `warmup` runs; also min, max and the last result. */
function measure(body, runs, warmup = 0) {
  let result;
  for (let i = 0; i < warmup; i++) result = body();
  const ms = [];
  for (let i = 0; i < Math.max(1, runs); i++) {
    const t = elapsed(body);
    ms.push(t.ms);
    result = t.result;
  }
  return summary(ms, result);
}

/** Median ms of an async (or sync) fn over `runs` runs (never fewer than 5) after `warmup` runs (at least 1). */
async function time(fn, { runs = 7, warmup = 2 } = {}) {
  let result;
  for (let i = 0; i < Math.max(1, warmup); i++) result = await fn();
  const ms = [];
  for (let i = 0; i < Math.max(5, runs); i++) {
    const t0 = performance.now();
    result = await fn();
    ms.push(performance.now() - t0);
  }
  return summary(ms, result);
}

module.exports = { median, elapsed, measure, time };

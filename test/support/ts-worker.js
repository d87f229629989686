/**
 * The batch's worker thread run from the TypeScript source (jest compiles tests in-process; a worker
 * thread is a fresh Node that would otherwise need the compiled lib/). Registers a loader of .ts files
 * through the TypeScript compiler, then hands piscina the worker module.
 */
"use strict";
const fs = require("fs");
const ts = require("typescript");

require.extensions[".ts"] = (module, filename) => {
  const out = ts.transpileModule(fs.readFileSync(filename, "utf8"), {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true, sourceMap: false },
  });
  module._compile(out.outputText, filename);
};

module.exports = require("../../src/batch/worker.ts");

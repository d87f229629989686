/**
 * Builds the add-in into dist/:
 *   taskpane.html   the shared runtime page: Office.js from Microsoft's CDN + the taskpane, commands and functions bundles
 *   functions.json  custom functions metadata, generated from the JSDoc tags of src/functions/functions.ts
 *   manifest.xml, assets/
 *
 * `webpack serve` (used by `npm start`) serves the same on https://localhost:3000 with the
 * office-addin-dev-certs certificates from ~/.office-addin-dev-certs (created when missing).
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const webpack = require("webpack");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const PORT = 3000;
const FUNCTIONS = "./src/functions/functions.ts";

/** Paths of the office-addin-dev-certs files (the same ones `npx office-addin-dev-certs install` writes). */
function devCertPaths() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  return { dir, ca: path.join(dir, "ca.crt"), cert: path.join(dir, "localhost.crt"), key: path.join(dir, "localhost.key") };
}

/**
 * https options for the dev server. Reads the generated files directly: getHttpsServerOptions()
 * would try to install and trust the CA, which needs an administrator (or sudo on Linux).
 * Missing files are generated (locally, no network); an expired certificate is regenerated.
 */
async function devHttpsOptions() {
  const p = devCertPaths();
  const present = [p.ca, p.cert, p.key].every((f) => fs.existsSync(f));
  let expired = false;
  if (present) {
    const { X509Certificate } = require("crypto");
    expired = new Date(new X509Certificate(fs.readFileSync(p.cert)).validTo).getTime() < Date.now();
  }
  if (!present || expired) {
    if (expired) {
      console.warn(`The dev certificate in ${p.dir} has expired; generating a new one (trust the new CA again where you had trusted the old one).`);
      for (const f of [p.ca, p.cert, p.key]) fs.rmSync(f, { force: true });
    }
    const { generateCertificates } = require("office-addin-dev-certs/lib/generate");
    await generateCertificates(p.ca, p.cert, p.key);
  }
  return { ca: fs.readFileSync(p.ca), cert: fs.readFileSync(p.cert), key: fs.readFileSync(p.key) };
}

/** TypeScript for the bundles: ES modules so Fluent UI and friends tree-shake; tsc -p tsconfig.json still checks types. */
const TS_RULE = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "es2020", sourceMap: true } } },
};

const RESOLVE = {
  extensions: [".ts", ".tsx", ".js", ".json"],
  // exceljs' package.json "browser" field points at its self-contained browser build
  // (dist/exceljs.min.js); webpack honours it for targets "web" and "webworker". Node core modules that
  // other packages mention but the browser paths never call are left out of the bundle.
  aliasFields: ["browser"],
  fallback: { fs: false, path: false, os: false, crypto: false, stream: false, zlib: false, module: false },
};

/** highs.mjs imports "node:module" on its Node path only; in the page it resolves to nothing. */
const nodeSchemeStripped = () =>
  new webpack.NormalModuleReplacementPlugin(/^node:/, (resource) => {
    resource.request = resource.request.replace(/^node:/, "");
  });

/**
 * The pane's Web Worker (dist/pane-worker.js, started by src/taskpane/workers.ts): one file with its
 * own runtime, since a worker cannot load the page's runtime chunk.
 */
function workerConfig(dev) {
  return {
    name: "worker",
    devtool: dev ? "cheap-module-source-map" : "source-map",
    target: "webworker",
    entry: { "pane-worker": "./src/taskpane/worker/pane-worker.ts" },
    // Its chunks (the solver's loader, loaded with the first plan) are named apart from the page's.
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", chunkFilename: "pane-worker.[id].js", publicPath: "", clean: false },
    resolve: RESOLVE,
    module: { rules: [TS_RULE] },
    optimization: { splitChunks: false },
    performance: { hints: false },
    plugins: [nodeSchemeStripped()],
  };
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  const serving = Boolean(env.WEBPACK_SERVE);
  return [pageConfig(dev, serving, env.WEBPACK_SERVE ? await devHttpsOptions() : null), workerConfig(dev)];
};

function pageConfig(dev, serving, https) {
  return {
    name: "page",
    // Never an eval-based devtool: taskpane.html's Content-Security-Policy forbids eval, in development too.
    devtool: dev ? "cheap-module-source-map" : "source-map",
    target: "web",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      functions: FUNCTIONS,
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // Chunks (the solver, loaded with the first plan) and the HiGHS .wasm are fetched beside the page.
      publicPath: "",
      // The worker's configuration writes pane-worker.js, its chunks (pane-worker.*.js) and its copy of the
      // HiGHS .wasm into the same folder.
      clean: { keep: /^pane-worker|\.wasm$/ },
    },
    resolve: RESOLVE,
    module: { rules: [TS_RULE] },
    optimization: {
      // One webpack runtime for the three bundles on the shared runtime page: modules they share
      // (engine, contract, decimal.js) are instantiated once, and shared code is split out once.
      runtimeChunk: "single",
      splitChunks: { chunks: "all" },
    },
    performance: { hints: false },
    plugins: [
      nodeSchemeStripped(),
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTIONS }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane", "commands", "functions"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "manifest.xml", to: "manifest.xml" },
          { from: "assets/*.png", to: "assets/[name][ext]" },
          // Standalone mode's "Try the sample".
          { from: "samples/sdira-sample.xlsx", to: "assets/sdira-sample.xlsx" },
        ],
      }),
    ],
    devServer: serving
      ? {
          host: "localhost",
          port: PORT,
          server: { type: "https", options: https },
          headers: { "Access-Control-Allow-Origin": "*" },
          hot: false,
          liveReload: true,
          client: { overlay: { warnings: false, errors: true } },
          static: false,
        }
      : undefined,
  };
}

module.exports.devCertPaths = devCertPaths;
module.exports.devHttpsOptions = devHttpsOptions;
module.exports.PORT = PORT;

#!/usr/bin/env node
/**
 * `npm start`: build the add-in and serve it on https://localhost:3000 with the Office dev
 * certificates, then say how to load it into Excel.
 *
 *   Linux (or --web anywhere): webpack-dev-server, no network needed; sideload manifest.xml in Excel on the web.
 *   Windows / macOS:           trusts the dev CA (office-addin-dev-certs, prompts once), then hands off to
 *                              `npx office-addin-debugging start manifest.xml desktop`, which runs `webpack serve`
 *                              and sideloads into Excel (not a dependency of this project: npx fetches it).
 *
 * Option: --web serves on any platform (port 3000 always: manifest.xml names it).
 */
"use strict";
const path = require("path");
const { spawn } = require("child_process");

const ROOT = path.resolve(__dirname, "..");
const args = process.argv.slice(2);

async function desktop() {
  // Windows/macOS can trust the dev CA (with a prompt); Excel desktop refuses an untrusted https://localhost.
  const { ensureCertificatesAreInstalled } = require("office-addin-dev-certs");
  await ensureCertificatesAreInstalled();
  const command = ["office-addin-debugging", "start", "manifest.xml", "desktop", "--dev-server", "npx webpack serve --mode development", "--dev-server-port", "3000"];
  console.log(`Starting Excel desktop with the add-in sideloaded: npx ${command.join(" ")}`);
  console.log("(office-addin-debugging is fetched by npx, it is not a dependency of this project;");
  console.log(" `npm start -- --web` only serves https://localhost:3000, to sideload in Excel on the web instead)\n");
  const child = spawn("npx", command.map((a) => (process.platform === "win32" && a.includes(" ") ? `"${a}"` : a)), {
    cwd: ROOT,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  child.on("exit", (code) => process.exit(code ?? 1));
}

function instructions(port, certs) {
  const url = `https://localhost:${port}`;
  const manifest = path.join(ROOT, "manifest.xml");
  const sample = path.join(ROOT, "samples", "sdira-sample.xlsx");
  return [
    "",
    "SDIRA Rebalancer is served at " + url + "/taskpane.html",
    "",
    "The browser must trust the dev certificate first. The CA is " + certs.ca,
    "  - Chrome/Edge on Linux: Settings > Privacy and security > Security > Manage certificates >",
    "    Authorities > Import, pick ca.crt, tick 'Trust this certificate for identifying websites'.",
    "  - or open " + url + "/taskpane.html once and accept the warning (enough for some browsers).",
    "  Opening that page directly also runs the pane in standalone mode: open any .xlsx to plan it.",
    "",
    "Load the add-in in Excel on the web (Microsoft 365 account):",
    "  1. Open a workbook in Excel on the web (office.com > Excel).",
    "  2. Insert > Add-ins (or Home > Add-ins) > More Add-ins > Upload My Add-in.",
    "  3. Browse to " + manifest + " and Upload.",
    "  4. Home tab > Rebalancer group: 'Rebalancer' opens the pane; REBAL.* functions work in cells.",
    "",
    "The sample workbook: `npm run sample` writes " + sample + ";",
    "  upload it to OneDrive (onedrive.live.com > Upload) and open it in Excel on the web, then sideload as above.",
    "",
    "Excel desktop (Windows/macOS): npx office-addin-debugging start manifest.xml desktop",
    "  (fetched by npx, not a dependency of this project: it pulls a native build).",
    "",
    "Ctrl+C stops the server.",
    "",
  ].join("\n");
}

async function web() {
  const webpack = require("webpack");
  const WebpackDevServer = require("webpack-dev-server");
  const makeConfig = require(path.join(ROOT, "webpack.config.js"));
  process.chdir(ROOT);
  // The page and the pane's worker: one multi-compiler, served together (the page's devServer options).
  const configs = await makeConfig({ WEBPACK_SERVE: true }, { mode: "development" });
  for (const c of configs) {
    c.mode = "development";
    c.stats = "errors-warnings";
  }
  const config = configs[0];
  const compiler = webpack(configs);
  const server = new WebpackDevServer(config.devServer, compiler);
  let told = false;
  compiler.hooks.done.tap("sdira-start", (stats) => {
    if (stats.hasErrors()) {
      console.error("\nThe build has errors (see above); fix them and save, the server rebuilds.\n");
    } else if (!told) {
      told = true;
      // After webpack-dev-middleware's own report of the build.
      setTimeout(() => console.log(instructions(config.devServer.port, makeConfig.devCertPaths())), 100);
    }
  });
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  await server.start();
}

const forceWeb = args.includes("--web");
const fail = (err) => {
  console.error(err && err.stack ? err.stack : err);
  process.exit(1);
};
if (!forceWeb && (process.platform === "win32" || process.platform === "darwin")) {
  desktop().catch(fail);
} else {
  web().catch(fail);
}

/**
 * The production build of the pane (dist/) for the browser tests: rebuilt with webpack when it is
 * missing or older than its sources, and served on 127.0.0.1 at a free port.
 * The e2e files run in parallel jest workers; a lock (a directory beside dist/) makes one of them
 * build while the others wait, then each finds dist/ fresh and serves it.
 */
import { execFileSync } from "child_process";
import fs from "fs";
import http from "http";
import path from "path";

export const ROOT = path.resolve(__dirname, "..", "..", "..");
export const DIST = path.join(ROOT, "dist");
const LOCK = path.join(ROOT, ".dist-build.lock");
/** A lock older than this was left by a build that died. */
const STALE_MS = 15 * 60_000;

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return fs.readdirSync(p).reduce((m, f) => Math.max(m, newestMtime(path.join(p, f))), st.mtimeMs);
}

function fresh(): boolean {
  const built = path.join(DIST, "taskpane.html");
  const inputs = ["src", "assets", "manifest.xml", "webpack.config.js", "package.json"].map((p) => newestMtime(path.join(ROOT, p)));
  return fs.existsSync(built) && fs.statSync(built).mtimeMs >= Math.max(...inputs);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Builds dist/ for production unless it is up to date (one jest worker at a time). */
export async function ensureBuilt(): Promise<void> {
  if (fresh()) return;
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      if (Date.now() - fs.statSync(LOCK).mtimeMs > STALE_MS) fs.rmSync(LOCK, { recursive: true, force: true });
      else await sleep(500);
    }
  }
  try {
    if (fresh()) return;
    execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "inherit"],
      timeout: 600_000,
    });
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
  ".txt": "text/plain",
};

/** A static server for `dir` on 127.0.0.1 at a free port. */
export function serve(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const file = path.normalize(path.join(dir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

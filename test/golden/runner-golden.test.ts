/**
 * The runner's outputs, pinned: for the sample and for every workbook the test suite builds (captured
 * into test/golden/books by `npm run golden:capture`), the runner's `--json`, `--compare --json`,
 * summary and `--compare` summary — exit code, stdout and stderr — must equal what was recorded in
 * test/golden/outputs. Refactors prove with this that behaviour did not change, byte for byte.
 *
 * A deliberate change of output is recorded again with `npm run golden:update` and shows up as a
 * diff of test/golden/outputs in review. The clock is pinned, so books without an As Of are stable.
 */
import * as fs from "fs";
import * as path from "path";
import * as crypto from "crypto";
import { run } from "../support/runner";

const HERE = __dirname;
const BOOKS = path.join(HERE, "books");
const OUTPUTS = path.join(HERE, "outputs");
const SAMPLE = path.join(HERE, "..", "..", "samples", "sdira-sample.xlsx");
const UPDATE = process.env.UPDATE_GOLDEN === "1";
/** "Today" for books whose Policy has no As Of. */
const PINNED_NOW = new Date("2026-11-20T12:00:00Z");

const MODES: Record<string, string[]> = {
  json: ["--json"],
  compareJson: ["--compare", "--json"],
  summary: [],
  compare: ["--compare"],
};

/** Outputs longer than this are recorded by their SHA-256 (the 1,000-holding books), the rest in full. */
const FULL_LIMIT = 100_000;

type Output = { code: number; stdout: string; stderr: string } | { code: number; stdoutSha256: string; stdoutLength: number; stderr: string };
type Recorded = Record<string, Output>;

function recorded(code: number, stdout: string, stderr: string): Output {
  if (stdout.length <= FULL_LIMIT) return { code, stdout, stderr };
  return { code, stdoutSha256: crypto.createHash("sha256").update(stdout).digest("hex"), stdoutLength: stdout.length, stderr };
}

const books = [
  { id: "sdira-sample", file: SAMPLE },
  ...fs
    .readdirSync(BOOKS)
    .filter((f) => f.endsWith(".xlsx"))
    .sort()
    .map((f) => ({ id: f.replace(/\.xlsx$/, ""), file: path.join(BOOKS, f) })),
];

beforeAll(() => {
  // Only Date is faked: exceljs and jszip need real timers and ticks.
  jest.useFakeTimers({
    now: PINNED_NOW,
    doNotFake: ["nextTick", "setImmediate", "clearImmediate", "setInterval", "clearInterval", "setTimeout", "clearTimeout", "queueMicrotask", "hrtime", "performance"],
  });
  if (UPDATE) fs.mkdirSync(OUTPUTS, { recursive: true });
});

afterAll(() => jest.useRealTimers());

test("there are golden books (the suite's workbooks and the sample)", () => {
  expect(books.length).toBeGreaterThan(50);
});

describe.each(books)("$id", ({ id, file }) => {
  test("every runner output equals the recorded one", async () => {
    const got: Recorded = {};
    for (const [mode, flags] of Object.entries(MODES)) {
      // Paths are shown relative so the record does not depend on where the checkout lives.
      const r = await run([path.relative(process.cwd(), file), ...flags]);
      got[mode] = recorded(r.code, r.stdout, r.stderr);
    }
    const target = path.join(OUTPUTS, `${id}.json`);
    if (UPDATE) {
      fs.writeFileSync(target, `${JSON.stringify(got, null, 1)}\n`);
      return;
    }
    expect(fs.existsSync(target)).toBe(true);
    const want = JSON.parse(fs.readFileSync(target, "utf8")) as Recorded;
    for (const mode of Object.keys(MODES)) expect({ mode, ...got[mode] }).toEqual({ mode, ...want[mode] });
  });
});

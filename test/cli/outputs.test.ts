/** The runner's outputs are all or nothing: every path checked first, files written under temporary names, renamed at the end. */
import * as fs from "fs";
import * as path from "path";
import { run } from "../support/runner";
import { sampleBook, tempDir, writeWorkbook } from "../support/workbook";
import { writeOutputs } from "../../src/xlsx/outputs";

let dir: string;
let book: string;
beforeEach(async () => {
  dir = tempDir("outputs-");
  book = await writeWorkbook(path.join(dir, "book.xlsx"), sampleBook());
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const files = () => fs.readdirSync(dir).sort();

test("--out into a folder that does not exist: exit 2, a plain message, nothing written", async () => {
  const out = path.join(dir, "no-such-folder", "out.xlsx");
  const orders = path.join(dir, "orders.csv");
  const r = await run([book, "--out", out, "--orders", orders]);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe(`Cannot write ${out}: the folder ${path.dirname(out)} does not exist\n`);
  expect(files()).toEqual(["book.xlsx"]);
});

test("--orders that cannot be written stops --out too", async () => {
  const out = path.join(dir, "out.xlsx");
  const orders = path.join(dir, "missing", "orders.csv");
  const r = await run([book, "--out", out, "--orders", orders]);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/^Cannot write .*orders\.csv: the folder .* does not exist\n$/);
  expect(files()).toEqual(["book.xlsx"]);
});

test("--out naming the input is refused unless --in-place, which replaces it atomically", async () => {
  const before = fs.readFileSync(book);
  let r = await run([book, "--out", book]);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe(`--out ${book} is the input workbook; add --in-place to replace it (atomically), or name another file\n`);
  expect(fs.readFileSync(book).equals(before)).toBe(true);
  r = await run([book, "--out", book, "--in-place"]);
  expect(r.code).toBe(0);
  expect(files()).toEqual(["book.xlsx"]);
  expect(fs.readFileSync(book).equals(before)).toBe(false);
  const again = await run([book, "--json"]);
  expect(again.code).toBe(0);
});

test("--out and --orders naming the same file are refused", async () => {
  const same = path.join(dir, "both.xlsx");
  const r = await run([book, "--out", same, "--orders", same]);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe(`--orders and --out both name ${same}; give each its own file\n`);
  expect(files()).toEqual(["book.xlsx"]);
});

test("a failure while writing leaves no temporary file and no half of the outputs", async () => {
  const a = path.join(dir, "a.csv");
  const b = path.join(dir, "b.xlsx");
  await expect(
    writeOutputs([
      { option: "--orders", path: a, content: async () => "Account\r\n" },
      {
        option: "--out",
        path: b,
        content: async () => {
          throw new Error("disk full");
        },
      },
    ]),
  ).rejects.toThrow("disk full");
  expect(files()).toEqual(["book.xlsx"]);
});

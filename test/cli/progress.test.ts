/** The batch's progress line: redrawn in place on a terminal (bar, count, failures, rate, ETA), plain lines otherwise. */
import { duration, progressReporter } from "../../src/cli/progress";
import { failedRow } from "../../src/plans/household-row";

const planned = (name: string) => ({ ...failedRow(name, `${name}.xlsx`, []), status: "In band" as const, trades: 3 });

test("on a terminal: one line redrawn, with rate and ETA from the clock (hand-computed)", () => {
  let out = "";
  let now = 0;
  const p = progressReporter({ write: (s) => (out += s), terminal: true, clock: () => now }, 4);
  now = 2000;
  p.result([planned("a")], 1);
  // 1 done in 2 s: 0.5/s, 3 left → 6 s.
  expect(out).toBe("\r[######..................] 1/4 workbooks, 0.5/s, ETA 0:06  ");
  now = 4000;
  p.result([failedRow("b", "b.xlsx", ["Holdings!D3: bad"])], 2);
  expect(out.split("\r").pop()).toBe("[############............] 2/4 workbooks, 1 failed, 0.5/s, ETA 0:04  ");
  p.finish();
  expect(out.endsWith("\n")).toBe(true);
});

test("not a terminal: a plain line per household, a master workbook's households each on their own", () => {
  let out = "";
  const p = progressReporter({ write: (s) => (out += s), terminal: false }, 2);
  p.result([planned("firm: Smith"), planned("firm: Jones")], 1);
  p.result([failedRow("broken", "broken.xlsx", ["x", "y"])], 2);
  p.finish();
  expect(out).toBe("[1/2] firm: Smith: in band, 3 trades\n[1/2] firm: Jones: in band, 3 trades\n[2/2] broken: failed (2 problems)\n");
});

test("durations read as m:ss, or h:mm:ss past an hour", () => {
  expect([duration(5), duration(65), duration(3725)]).toEqual(["0:05", "1:05", "1:02:05"]);
});

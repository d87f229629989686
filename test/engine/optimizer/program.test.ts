/** Linear programs as data and their CPLEX LP text (src/engine/optimizer/program.ts), solved by HiGHS. */
import { LinearProgram, lpText } from "../../../src/engine/optimizer/program";
import { activeSolver } from "../../../src/engine/optimizer/solver";

const program: LinearProgram = {
  columns: [
    { name: "x", lower: 0, upper: Infinity },
    { name: "y", lower: 0, upper: 3 },
    { name: "z", lower: -Infinity, upper: Infinity },
    { name: "n", lower: 0, upper: 10, integer: true },
  ],
  rows: [
    { name: "c1", terms: [{ variable: "x", coefficient: 1 }, { variable: "y", coefficient: 2 }], lower: 4, upper: Infinity },
    { name: "c2", terms: [{ variable: "x", coefficient: 3 }, { variable: "y", coefficient: 1 }], lower: 6, upper: Infinity },
    { name: "c3", terms: [{ variable: "z", coefficient: 1 }, { variable: "x", coefficient: -1 }], lower: 0, upper: 0 },
    { name: "c4", terms: [{ variable: "n", coefficient: 2 }], lower: 3, upper: 7.5 },
    { name: "empty", terms: [], lower: -Infinity, upper: 1 },
  ],
  objective: [{ variable: "x", coefficient: 1 }, { variable: "y", coefficient: 1 }, { variable: "n", coefficient: 1 }],
};

test("the LP text has every row, bound and integer column", () => {
  const text = lpText(program);
  expect(text).toContain("Minimize\n obj: 1 x + 1 y + 1 n\nSubject To");
  expect(text).toContain(" c1_lo: 1 x + 2 y >= 4");
  expect(text).toContain(" c3: 1 z - 1 x = 0");
  expect(text).toContain(" c4_lo: 2 n >= 3\n c4_hi: 2 n <= 7.5");
  expect(text).toContain(" empty_hi: 0 x_zero <= 1");
  expect(text).toContain(" z free");
  expect(text).toContain(" 0 <= y <= 3");
  expect(text).toContain("General\n n");
  expect(() => lpText({ ...program, objective: [{ variable: "x", coefficient: NaN }] })).toThrow("not a finite coefficient");
});

test("HiGHS solves it: the LP optimum by hand (x = 1.6, y = 1.2) and the smallest integer n with 2n ≥ 3", () => {
  const solution = activeSolver()!.solve(program, { timeLimit: 5 });
  expect(solution.status).toBe("Optimal");
  expect(solution.values.get("x")).toBeCloseTo(1.6, 9);
  expect(solution.values.get("y")).toBeCloseTo(1.2, 9);
  expect(solution.values.get("z")).toBeCloseTo(1.6, 9);
  expect(solution.values.get("n")).toBe(2);
  expect(solution.objective).toBeCloseTo(4.8, 9);
});

/** REBAL.WEIGHTS and REBAL.DRIFT. */
import { driftFunction, weightsFunction } from "../../src/functions/weights";
import { FunctionError } from "../../src/functions/errors";
import { col, expectValueError, row } from "./helpers";

describe("REBAL.WEIGHTS", () => {
  test("each value's share of the total, laid out like the input", () => {
    expect(weightsFunction(col(600, 300, 100))).toEqual([[0.6], [0.3], [0.1]]);
    expect(weightsFunction(row(600, 300, 100))).toEqual([[0.6, 0.3, 0.1]]);
    expect(weightsFunction(col("$1,000.00", 3000))).toEqual([[0.25], [0.75]]);
  });

  test("blank rows are skipped and stay blank; all zeros give zero weights", () => {
    expect(weightsFunction(col(600, "", null, 400))).toEqual([[0.6], [""], [""], [0.4]]);
    expect(weightsFunction(col(0, 0))).toEqual([[0], [0]]);
  });

  test("errors name the row", () => {
    expectValueError(() => weightsFunction(col(100, "n/a")), 'values row 2 must be a number of 0 or more (found "n/a")');
    expectValueError(() => weightsFunction(col(100, 200, -5)), "values row 3 must be a number of 0 or more (found -5)");
    expectValueError(() => weightsFunction([[1, 2], [3, 4]]), "values must be a single column or row of cells (it has 2 rows and 2 columns)");
  });
});

describe("REBAL.DRIFT", () => {
  const values = col(70000, 25000, 5000);
  const targets = col(0.6, 0.3, 0.1);

  test("weight − target per row", () => {
    expect(driftFunction(values, targets)).toEqual([[0.7 - 0.6], [0.25 - 0.3], [0.05 - 0.1]]);
    expect(driftFunction(values, col("60%", "30%", "10%"))).toEqual(driftFunction(values, targets));
    expect(driftFunction(row(70000, 25000, 5000), targets)).toEqual([[0.7 - 0.6, 0.25 - 0.3, 0.05 - 0.1]]);
  });

  test("relative drift when relative is TRUE; #DIV/0! for a 0% target that has drift", () => {
    const rel = driftFunction(values, targets, true);
    expect(rel.map((r) => r[0])).toEqual([(0.7 - 0.6) / 0.6, (0.25 - 0.3) / 0.3, (0.05 - 0.1) / 0.1]);
    expect(driftFunction(values, targets, false)).toEqual(driftFunction(values, targets));
    const withZero = driftFunction(col(90, 10, 0), col(1, 0, 0), true);
    expect(withZero[0][0]).toBeCloseTo(-0.1, 12);
    expect(withZero[1][0]).toBeInstanceOf(FunctionError);
    expect((withZero[1][0] as FunctionError).code).toBe("#DIV/0!");
    expect(withZero[2][0]).toBe(0);
  });

  test("blank rows in both ranges are skipped together", () => {
    expect(driftFunction(col(70000, "", 30000), col(0.7, "", 0.3))).toEqual([[0.7 - 0.7], [""], [0.3 - 0.3]]);
  });

  test("errors: sizes, text, negative values, target sum, relative flag", () => {
    expectValueError(() => driftFunction(col(1, 2, 3), col(0.5, 0.5)), "values has 3 rows but targets has 2 rows; the ranges must be the same size");
    expectValueError(() => driftFunction(col(1, "abc"), col(0.5, 0.5)), 'values row 2 must be a number of 0 or more (found "abc")');
    expectValueError(() => driftFunction(col(-1, 2), col(0.5, 0.5)), "values row 1 must be a number of 0 or more (found -1)");
    expectValueError(() => driftFunction(col(1, 2), col(0.5, "half")), 'targets row 2 must be a percent from 0% to 100%, like 60% or 0.6 (found "half")');
    expectValueError(() => driftFunction(col(1, 2, 3), col(0.5, 0.25, 0.2)), "Targets sum to 95.00%, expected 100%");
    expectValueError(() => driftFunction(col(1, ""), col(0.5, 0.5)), "values row 2 must be a number of 0 or more (found an empty cell; a row is skipped only when it is blank in every range)");
    expectValueError(() => driftFunction(values, targets, "maybe"), 'relative must be TRUE or FALSE (found "maybe")');
  });
});

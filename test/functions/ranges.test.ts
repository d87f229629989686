/** Range arguments: shapes, orientation, blank rows skipped together, row-numbered messages. */
import { alignRows, isOmitted, perRow, readBandCell, readTargetWeights, readValues, spill, toMatrix, toVector } from "../../src/functions/ranges";
import { col, expectValueError, row } from "./helpers";

describe("toVector", () => {
  test("a column, a row, a single cell and a bare value", () => {
    expect(toVector(col(1, 2, 3), "values")).toEqual({ name: "values", cells: [1, 2, 3], orientation: "column" });
    expect(toVector(row(1, 2, 3), "values")).toEqual({ name: "values", cells: [1, 2, 3], orientation: "row" });
    expect(toVector([[7]], "values")).toEqual({ name: "values", cells: [7], orientation: "column" });
    expect(toVector(7, "values")).toEqual({ name: "values", cells: [7], orientation: "column" });
    expect(toVector([1, 2], "values").cells).toEqual([1, 2]);
  });

  test("undefined cells and linked data types become plain values", () => {
    expect(toVector([[undefined], [{ basicValue: 12, type: "Entity" }], [new Date("2026-01-02T00:00:00Z")]], "v").cells).toEqual([
      null,
      12,
      new Date("2026-01-02T00:00:00Z"),
    ]);
  });

  test("a block of several rows and columns is refused", () => {
    expectValueError(() => toVector([[1, 2], [3, 4], [5, 6]], "values"), "values must be a single column or row of cells (it has 3 rows and 2 columns)");
  });
});

describe("alignRows", () => {
  test("skips rows blank in every list, keeps the rest in order", () => {
    const rows = alignRows([toVector(col(1, "", null, 4), "values"), toVector(col(0.5, " ", null, 0.5), "targets")]);
    expect(rows).toEqual({ n: 4, active: [0, 3], orientation: "column" });
  });

  test("a row blank in only one list is used, and reading it says so", () => {
    const values = toVector(col(1, "", 3), "values");
    const targets = toVector(col(0.5, 0.2, 0.3), "targets");
    const rows = alignRows([values, targets]);
    expect(rows.active).toEqual([0, 1, 2]);
    expectValueError(
      () => readValues(values, rows),
      "values row 2 must be a number of 0 or more (found an empty cell; a row is skipped only when it is blank in every range)",
    );
  });

  test("different lengths are refused, naming both sizes", () => {
    expectValueError(
      () => alignRows([toVector(col(1, 2, 3), "values"), toVector(col(0.5, 0.5), "targets")]),
      "values has 3 rows but targets has 2 rows; the ranges must be the same size",
    );
    expectValueError(
      () => alignRows([toVector(row(1, 2), "values"), toVector(col(1), "targets")]),
      "values has 2 columns but targets has 1 row; the ranges must be the same size",
    );
  });

  test("a row range is numbered by column in messages", () => {
    const values = toVector(row(1, "x"), "values");
    expectValueError(() => readValues(values, alignRows([values])), 'values column 2 must be a number of 0 or more (found "x")');
  });
});

describe("readers", () => {
  test("values: numbers and numeric text; text, booleans and negatives are refused", () => {
    const v = toVector(col(100, "1,234.50", "$99"), "values");
    expect(readValues(v, alignRows([v]))).toEqual([100, 1234.5, 99]);
    for (const [cell, shown] of [["abc", '"abc"'], [true, "true"], [-500, "-500"]] as const) {
      const bad = toVector(col(1, cell), "values");
      expectValueError(() => readValues(bad, alignRows([bad])), `values row 2 must be a number of 0 or more (found ${shown})`);
    }
  });

  test("targets: fractions or percent text, summing to 100% within 0.01%", () => {
    const t = toVector(col("60%", 0.3, "10%"), "targets");
    expect(readTargetWeights(t, alignRows([t]))).toEqual([0.6, 0.3, 0.1]);
    const near = toVector(col(0.60005, 0.3, 0.1), "targets");
    expect(readTargetWeights(near, alignRows([near]))).toHaveLength(3);
    const short = toVector(col(0.6, 0.25, 0.1), "targets");
    expectValueError(() => readTargetWeights(short, alignRows([short])), "Targets sum to 95.00%, expected 100%");
    const over = toVector(col(0.6, 0.3, 0.1002), "targets");
    expectValueError(() => readTargetWeights(over, alignRows([over])), "Targets sum to 100.02%, expected 100%");
    const big = toVector(col(60, 40), "targets");
    expectValueError(() => readTargetWeights(big, alignRows([big])), "targets row 1 must be a percent from 0% to 100%, like 60% or 0.6 (found 60)");
  });

  test("band cells: percent, None/Off, blank = default", () => {
    expect(readBandCell("5%", "absBand", 0.1)).toBe(0.05);
    expect(readBandCell(0.02, "absBand", 0.1)).toBe(0.02);
    expect(readBandCell(" none ", "absBand", 0.1)).toBeNull();
    expect(readBandCell("OFF", "absBand", 0.1)).toBeNull();
    expect(readBandCell("", "absBand", 0.1)).toBe(0.1);
    expectValueError(() => readBandCell("wide", "absBand row 2", 0.1), 'absBand row 2 must be a percent from 0% to 100%, like 5% or 0.05, or None (found "wide")');
  });

  test("perRow: omitted, one value, or one per row", () => {
    const rows = alignRows([toVector(col(1, null, 3), "values")]);
    const read = (c: unknown) => Number(c);
    expect(perRow(null, "lotSize", rows, 9, read)).toEqual([9, 9]);
    expect(perRow(undefined, "lotSize", rows, 9, read)).toEqual([9, 9]);
    expect(perRow([[""]], "lotSize", rows, 9, read)).toEqual([9, 9]);
    expect(perRow([[5]], "lotSize", rows, 9, read)).toEqual([5, 5]);
    expect(perRow(col(1, 2, ""), "lotSize", rows, 9, read)).toEqual([1, 9]);
    expectValueError(() => perRow(col(1, 2), "lotSize", rows, 9, read), "lotSize must be one value or one per row (3); it has 2 cells");
  });

  test("isOmitted and toMatrix", () => {
    expect([null, undefined, [], [[null]], [[""]]].map(isOmitted)).toEqual([true, true, true, true, true]);
    expect([0, [[0]], [["x"]], col(null, null)].map(isOmitted)).toEqual([false, false, false, false]);
    expect(toMatrix(3)).toEqual([[3]]);
  });
});

describe("spill", () => {
  test("column input: one output row per input row, blank where skipped", () => {
    const rows = alignRows([toVector(col(1, "", 3), "values")]);
    expect(spill(rows, [[10, 11], [30, 31]], 2)).toEqual([[10, 11], ["", ""], [30, 31]]);
  });

  test("row input: the output is laid out in rows too", () => {
    const rows = alignRows([toVector(row(1, "", 3), "values")]);
    expect(spill(rows, [[10, 11], [30, 31]], 2)).toEqual([
      [10, "", 30],
      [11, "", 31],
    ]);
  });
});

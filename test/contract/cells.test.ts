/** Cell readers (src/contract/cells.ts): numbers, percents, dates, Yes/No and bands as an advisor types them. */
import { describe as describeCell, isBlank, normalizeKey, readBand, readDate, readNumber, readPercent, readYesNo, text } from "../../src/contract/cells";
import { CellValue } from "../../src/contract/snapshot";

/** The value of a read that must succeed, as a plain string or number. */
const value = <T>(r: { ok: true; value: T } | { ok: false; problem: string }): T => {
  if (!r.ok) throw new Error(`expected a value, got the problem "${r.problem}"`);
  return r.value;
};
const problem = (r: { ok: true; value: unknown } | { ok: false; problem: string }): string => (r.ok ? `a value: ${String(r.value)}` : r.problem);

describe("readNumber", () => {
  test.each<[CellValue, string]>([
    [1234.5, "1234.5"],
    [0.1, "0.1"],
    [-3, "-3"],
    ["42", "42"],
    [" 42 ", "42"],
    ["1,234.50", "1234.5"],
    ["$1,234.50", "1234.5"],
    ["12,345,678", "12345678"],
    ["-$3", "-3"],
    ["+$3", "3"],
    ["$-3", "-3"],
    [".5", "0.5"],
    ["-0.25", "-0.25"],
  ])("%p reads as %s", (cell, expected) => {
    expect(value(readNumber(cell)).toString()).toBe(expected);
  });

  test.each<[CellValue]>([["1,23"], ["1,2345"], ["12,34,567"], ["1e3"], ["5."], ["-"], ["$"], ["abc"], [""], ["  "], [null], [true], [new Date(Date.UTC(2026, 0, 1))]])(
    "%p is not a number",
    (cell) => {
      expect(problem(readNumber(cell))).toBe("not a number");
    },
  );

  test("infinite and NaN numbers are refused", () => {
    expect(problem(readNumber(Infinity))).toBe("not a finite number");
    expect(problem(readNumber(NaN))).toBe("not a finite number");
  });
});

describe("readPercent", () => {
  test.each<[CellValue, number]>([
    ["5%", 0.05],
    [" 12.5% ", 0.125],
    ["100%", 1],
    ["1,000%", 10],
    ["-5%", -0.05],
    [0.05, 0.05],
    ["0.05", 0.05],
    [1, 1],
  ])("%p reads as %p", (cell, expected) => {
    expect(value(readPercent(cell))).toBe(expected);
  });

  test("text ending in % that is not a number, and other non-numbers", () => {
    expect(problem(readPercent("abc%"))).toBe("not a percent");
    expect(problem(readPercent("%"))).toBe("not a percent");
    expect(problem(readPercent("abc"))).toBe("not a fraction or percent");
    expect(problem(readPercent(null))).toBe("not a fraction or percent");
    expect(problem(readPercent(true))).toBe("not a fraction or percent");
  });
});

describe("readDate", () => {
  test("real dates give their UTC day", () => {
    expect(value(readDate(new Date(Date.UTC(2026, 2, 15, 18, 0))))).toBe("2026-03-15");
    expect(problem(readDate(new Date(NaN)))).toBe("not a valid date");
  });

  test("Excel serials from 1 to 9999-12-31", () => {
    expect(value(readDate(46053))).toBe("2026-01-31");
    expect(value(readDate(46053.75))).toBe("2026-01-31");
    expect(value(readDate(2958465))).toBe("9999-12-31");
    // Excel calls serial 1 1900-01-01 (its 1900 leap-year bug counts a fictitious 1900-02-29 as serial 60).
    expect(value(readDate(1))).toBe("1900-01-01");
    expect(problem(readDate(0))).toBe("not a date serial");
    expect(problem(readDate(-5))).toBe("not a date serial");
    expect(problem(readDate(2958466))).toBe("not a date serial");
  });

  test("ISO text, with or without a time", () => {
    expect(value(readDate("2026-03-15"))).toBe("2026-03-15");
    expect(value(readDate(" 2026-03-15 "))).toBe("2026-03-15");
    expect(value(readDate("2026-03-15T10:00:00Z"))).toBe("2026-03-15");
    expect(value(readDate("2028-02-29"))).toBe("2028-02-29");
    expect(problem(readDate("2026-02-30"))).toBe("not a date");
    expect(problem(readDate("2026-3-15"))).toBe("not a date");
  });

  test("US text M/D/YYYY", () => {
    expect(value(readDate("3/15/2026"))).toBe("2026-03-15");
    expect(value(readDate("12/01/2026"))).toBe("2026-12-01");
    expect(value(readDate("2/29/2028"))).toBe("2028-02-29");
    expect(problem(readDate("2/29/2026"))).toBe("not a date");
    expect(problem(readDate("15/3/2026"))).toBe("not a date");
    expect(problem(readDate("3/15/26"))).toBe("not a date");
  });

  test("anything else", () => {
    expect(problem(readDate("soon"))).toBe("not a date");
    expect(problem(readDate(""))).toBe("not a date");
    expect(problem(readDate(null))).toBe("not a date");
    expect(problem(readDate(true))).toBe("not a date");
  });
});

describe("readYesNo", () => {
  test.each<[CellValue, boolean]>([
    [true, true],
    [false, false],
    [1, true],
    [0, false],
    ["Yes", true],
    ["y", true],
    ["TRUE", true],
    [" no ", false],
    ["N", false],
    ["false", false],
  ])("%p is %p", (cell, expected) => {
    expect(value(readYesNo(cell))).toBe(expected);
  });

  test.each<[CellValue]>([["maybe"], ["1"], [2], [null], [""]])("%p is not Yes or No", (cell) => {
    expect(problem(readYesNo(cell))).toBe("not Yes or No");
  });
});

describe("readBand", () => {
  const message = "must be a percent from 0% to 100%, like 5% or 0.05, or None";

  test("None and Off mean not applied", () => {
    expect(value(readBand("None"))).toBeNull();
    expect(value(readBand("off"))).toBeNull();
    expect(value(readBand(" OFF "))).toBeNull();
  });

  test("percents from 0% to 100%", () => {
    expect(value(readBand("5%"))).toBe(0.05);
    expect(value(readBand(0.05))).toBe(0.05);
    expect(value(readBand(0))).toBe(0);
    expect(value(readBand(1))).toBe(1);
    expect(value(readBand("100%"))).toBe(1);
  });

  test("out of range or not a percent", () => {
    expect(problem(readBand(1.5))).toBe(message);
    expect(problem(readBand("150%"))).toBe(message);
    expect(problem(readBand(-0.01))).toBe(message);
    expect(problem(readBand("wide"))).toBe(message);
  });
});

describe("keys and text", () => {
  test("normalizeKey ignores case, spaces and underscores", () => {
    expect(normalizeKey("Asset Class")).toBe("assetclass");
    expect(normalizeKey("  ASSET   class ")).toBe("assetclass");
    expect(normalizeKey("asset_class")).toBe("assetclass");
    expect(normalizeKey("Asset\tClass")).toBe("assetclass");
    expect(normalizeKey(5)).toBe("5");
    expect(normalizeKey(null)).toBe("");
  });

  test("isBlank", () => {
    expect(isBlank(null)).toBe(true);
    expect(isBlank("")).toBe(true);
    expect(isBlank(" \t ")).toBe(true);
    expect(isBlank(0)).toBe(false);
    expect(isBlank(false)).toBe(false);
    expect(isBlank("x")).toBe(false);
  });

  test("describe quotes text and shows numbers as typed", () => {
    expect(describeCell(null)).toBe("an empty cell");
    expect(describeCell("   ")).toBe("an empty cell");
    expect(describeCell("abc")).toBe('"abc"');
    expect(describeCell('say "hi"')).toBe('"say \\"hi\\""');
    expect(describeCell(1.5)).toBe("1.5");
    expect(describeCell(true)).toBe("true");
    expect(describeCell(new Date(Date.UTC(2026, 10, 20)))).toBe("2026-11-20");
    expect(describeCell(new Date(NaN))).toBe("an invalid date");
  });

  test("text trims and shows dates as ISO", () => {
    expect(text(null)).toBe("");
    expect(text("  VTI ")).toBe("VTI");
    expect(text(250)).toBe("250");
    expect(text(false)).toBe("false");
    expect(text(new Date(Date.UTC(2026, 10, 20, 9)))).toBe("2026-11-20");
  });
});

describe("negative zero", () => {
  test("-0 (a number, or the text -0) reads as 0, so a Quantity of -0 is valid", () => {
    const n = readNumber(-0);
    expect(n.ok && n.value.isNegative()).toBe(false);
    const t = readNumber("-0.00");
    expect(t.ok && t.value.isNegative()).toBe(false);
  });
});

describe("dates are bounded to 1900-01-01 … 9999-12-31", () => {
  test("a real date, a serial or a text outside the range is not a date", () => {
    expect(readDate(new Date(Date.UTC(10002, 6, 1)))).toEqual({ ok: false, problem: "outside 1900-01-01 to 9999-12-31" });
    expect(readDate(new Date(Date.UTC(1899, 0, 1)))).toEqual({ ok: false, problem: "outside 1900-01-01 to 9999-12-31" });
    expect(readDate(2958466).ok).toBe(false);
    expect(readDate("1899-06-30")).toEqual({ ok: false, problem: "outside 1900-01-01 to 9999-12-31" });
    expect(readDate("9999-12-31")).toEqual({ ok: true, value: "9999-12-31" });
  });
});

describe("serial numbers in a 1904-system workbook", () => {
  test("count from 1904-01-01 (serial 0) to 9999-12-31", () => {
    expect(readDate(39267, 1904)).toEqual({ ok: true, value: "2011-07-05" });
    expect(readDate(0, 1904)).toEqual({ ok: true, value: "1904-01-01" });
    expect(readDate(0, 1900).ok).toBe(false);
    expect(readDate(-1, 1904).ok).toBe(false);
    expect(readDate(2957003, 1904)).toEqual({ ok: true, value: "9999-12-31" });
    expect(readDate(2957004, 1904).ok).toBe(false);
    // Real dates and text are the same in either system.
    expect(readDate("2026-11-20", 1904)).toEqual({ ok: true, value: "2026-11-20" });
    expect(readDate(new Date(Date.UTC(2026, 10, 20)), 1904)).toEqual({ ok: true, value: "2026-11-20" });
  });
});

describe("ISO text with a time of day", () => {
  test("a time is accepted and dropped; anything else after the date is not a date", () => {
    expect(readDate("2026-11-20T09:30")).toEqual({ ok: true, value: "2026-11-20" });
    expect(readDate("2026-11-20T09:30:15.5Z")).toEqual({ ok: true, value: "2026-11-20" });
    expect(readDate("2026-11-20T23:59:59+01:00")).toEqual({ ok: true, value: "2026-11-20" });
    expect(readDate("2026-11-20Tgarbage").ok).toBe(false);
    expect(readDate("2026-11-20T25:00").ok).toBe(false);
    expect(readDate("2026-11-20 and more").ok).toBe(false);
  });
});

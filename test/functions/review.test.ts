/** REBAL.NEXTREVIEW. */
import { nextReviewFunction } from "../../src/functions/review";
import { isoToSerial } from "../../src/dates/serial";
import { expectValueError } from "./helpers";

describe("REBAL.NEXTREVIEW", () => {
  test("Excel date serials in and out (2026-01-31 is 46053)", () => {
    expect(isoToSerial("2026-01-31")).toBe(46053);
    // Jan 31 + 1 month = Feb 28 (2026 is not a leap year): 46053 + 28.
    expect(nextReviewFunction(46053, "Monthly")).toBe(46081);
  });

  test("in a 1904-system workbook serials count from 1904-01-01, in and out", () => {
    // 2026-01-31 is 44,591 in the 1904 system; + 1 month = 2026-02-28, 44,619. (Read as a 1900 serial, 44,591
    // would be 2022-01-30, whose month ends a day later: 29 days on, not 28.)
    expect(nextReviewFunction(44591, "Monthly", 1904)).toBe(44619);
    expect(nextReviewFunction(44591, "Monthly")).toBe(44591 + 29);
    expect(nextReviewFunction("2026-01-31", "Monthly", 1904)).toBe(44619);
  });

  test("each frequency, month ends clamped", () => {
    expect(nextReviewFunction("2026-11-30", "Quarterly")).toBe(isoToSerial("2027-02-28"));
    expect(nextReviewFunction("2027-08-31", "Semiannual")).toBe(isoToSerial("2028-02-29"));
    expect(nextReviewFunction("2026-03-15", "Annual")).toBe(isoToSerial("2027-03-15"));
  });

  test("dates as real dates, ISO text, US text, or a 1×1 range; frequency ignoring case", () => {
    expect(nextReviewFunction(new Date("2026-03-15T00:00:00Z"), "annual")).toBe(isoToSerial("2027-03-15"));
    expect(nextReviewFunction("3/15/2026", "ANNUAL")).toBe(isoToSerial("2027-03-15"));
    expect(nextReviewFunction([[46053]], [["monthly"]])).toBe(46081);
  });

  test("errors", () => {
    expectValueError(() => nextReviewFunction("", "Monthly"), "lastDate must be a date, like 2026-03-31 (found an empty cell)");
    expectValueError(() => nextReviewFunction("someday", "Monthly"), 'lastDate must be a date, like 2026-03-31 (found "someday")');
    expectValueError(() => nextReviewFunction(46053, "Weekly"), 'frequency must be one of Monthly, Quarterly, Semiannual, Annual (found "Weekly")');
    expectValueError(() => nextReviewFunction(null, "Monthly"), "lastDate must be a date, like 2026-03-31 (found an empty cell)");
  });
});

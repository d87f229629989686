/** Dates (src/dates): calendar arithmetic on ISO dates in UTC, and Excel date serials. */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import ts from "typescript";
import { FREQUENCIES, FREQUENCY_MONTHS, addMonths, daysBetween, isValidIso, isoOf, nextReviewDate, todayIso } from "../../src/dates/calendar";
import { firstSerial, isoToSerial, lastSerial, localSerial, serialToDate, serialToIso } from "../../src/dates/serial";

/**
 * Evaluates `body` (a function body that may use `calendar` and `serial`, the modules of src/dates) in a
 * child Node process whose time zone is `zone`, and returns its JSON result. A child is needed: jest's
 * sandbox copies process.env, so assigning TZ inside a test does not reach the engine's clock.
 */
function inZone(zone: string, body: string): unknown {
  const modules = ["calendar", "serial"].map((name) => {
    const source = fs.readFileSync(path.join(__dirname, "..", "..", "src", "dates", `${name}.ts`), "utf8");
    const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } }).outputText;
    return `const ${name} = (() => { const module = { exports: {} }; const exports = module.exports; ${js}\nreturn module.exports; })();`;
  });
  const script = `${modules.join("\n")}\nprocess.stdout.write(JSON.stringify((() => { ${body} })()));`;
  return JSON.parse(execFileSync(process.execPath, ["-e", script], { env: { ...process.env, TZ: zone }, encoding: "utf8" }));
}

describe("addMonths", () => {
  test("plain months and year ends", () => {
    expect(addMonths("2026-11-20", 0)).toBe("2026-11-20");
    expect(addMonths("2026-11-20", 1)).toBe("2026-12-20");
    expect(addMonths("2026-12-15", 1)).toBe("2027-01-15");
    expect(addMonths("2026-11-20", 12)).toBe("2027-11-20");
    expect(addMonths("2026-11-20", 25)).toBe("2028-12-20");
    expect(addMonths("2026-01-15", -1)).toBe("2025-12-15");
  });

  test("a day past the new month's end moves to its last day", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2027-08-31", 6)).toBe("2028-02-29");
    expect(addMonths("2026-05-31", 1)).toBe("2026-06-30");
    expect(addMonths("2026-03-31", -1)).toBe("2026-02-28");
    expect(addMonths("2028-02-29", 12)).toBe("2029-02-28");
    expect(addMonths("2028-02-29", 48)).toBe("2032-02-29");
  });

  test("the clamp does not carry over: Jan 31 + 1 + 1 is Mar 28, not Mar 31", () => {
    expect(addMonths(addMonths("2026-01-31", 1), 1)).toBe("2026-03-28");
    expect(addMonths("2026-01-31", 2)).toBe("2026-03-31");
  });
});

describe("review frequencies", () => {
  test("FREQUENCIES lists the choices in message order, with their months", () => {
    expect(FREQUENCIES).toEqual(["Monthly", "Quarterly", "Semiannual", "Annual"]);
    expect(FREQUENCY_MONTHS).toEqual({ Monthly: 1, Quarterly: 3, Semiannual: 6, Annual: 12 });
  });

  test.each([
    ["Monthly", "2026-02-28"],
    ["Quarterly", "2026-04-30"],
    ["Semiannual", "2026-07-31"],
    ["Annual", "2027-01-31"],
  ] as const)("nextReviewDate after 2026-01-31, %s", (frequency, next) => {
    expect(nextReviewDate("2026-01-31", frequency)).toBe(next);
  });

  test.each([
    ["Monthly", "2027-12-15"],
    ["Quarterly", "2028-02-15"],
    ["Semiannual", "2028-05-15"],
    ["Annual", "2028-11-15"],
  ] as const)("nextReviewDate after 2027-11-15, %s", (frequency, next) => {
    expect(nextReviewDate("2027-11-15", frequency)).toBe(next);
  });
});

describe("daysBetween", () => {
  test("whole days, b − a", () => {
    expect(daysBetween("2026-11-20", "2026-11-20")).toBe(0);
    expect(daysBetween("2026-11-20", "2026-11-21")).toBe(1);
    expect(daysBetween("2026-11-21", "2026-11-20")).toBe(-1);
    expect(daysBetween("2026-01-01", "2027-01-01")).toBe(365);
    expect(daysBetween("2028-01-01", "2029-01-01")).toBe(366);
    expect(daysBetween("2028-02-28", "2028-03-01")).toBe(2);
  });

  test("a daylight-saving change in the machine's zone does not matter", () => {
    // US clocks spring forward on 2026-03-08 and fall back on 2026-11-01; Europe's change is on 2026-03-29,
    // Sydney's on 2026-04-05 and 2026-10-04.
    const body = `return [
      new Date(2026, 2, 8, 3, 30).toISOString(),
      calendar.daysBetween("2026-03-07", "2026-03-09"),
      calendar.daysBetween("2026-10-31", "2026-11-02"),
      calendar.daysBetween("2026-03-28", "2026-03-30"),
      calendar.daysBetween("2026-04-04", "2026-04-06"),
      calendar.daysBetween("2026-01-01", "2026-07-01"),
      calendar.addMonths("2026-02-28", 1),
      calendar.addMonths("2026-10-31", 1),
    ];`;
    const ny = inZone("America/New_York", body) as unknown[];
    // The child really runs in New York: 03:30 local on the spring-forward day is 07:30 UTC.
    expect(ny[0]).toBe("2026-03-08T07:30:00.000Z");
    const expected = [2, 2, 2, 2, 181, "2026-03-28", "2026-11-30"];
    expect(ny.slice(1)).toEqual(expected);
    expect((inZone("Europe/Berlin", body) as unknown[]).slice(1)).toEqual(expected);
    expect((inZone("Australia/Sydney", body) as unknown[]).slice(1)).toEqual(expected);
  });
});

describe("ISO dates", () => {
  test("isValidIso accepts only real calendar dates in YYYY-MM-DD", () => {
    expect(isValidIso("2026-11-20")).toBe(true);
    expect(isValidIso("2028-02-29")).toBe(true);
    expect(isValidIso("2000-02-29")).toBe(true);
    expect(isValidIso("2026-02-30")).toBe(false);
    expect(isValidIso("2026-02-29")).toBe(false);
    expect(isValidIso("2100-02-29")).toBe(false);
    expect(isValidIso("2026-13-01")).toBe(false);
    expect(isValidIso("2026-04-31")).toBe(false);
    expect(isValidIso("2026-00-10")).toBe(false);
    expect(isValidIso("2026-1-5")).toBe(false);
    expect(isValidIso("2026-01-05T00:00:00Z")).toBe(false);
    expect(isValidIso("11/20/2026")).toBe(false);
    expect(isValidIso("")).toBe(false);
  });

  test("isoOf and todayIso give the UTC day", () => {
    expect(isoOf(new Date(Date.UTC(2026, 0, 31, 23, 59, 59)))).toBe("2026-01-31");
    expect(isoOf(new Date(Date.UTC(2026, 1, 1, 0, 0, 0)))).toBe("2026-02-01");
    expect(todayIso(new Date("2026-11-20T23:30:00-05:00"))).toBe("2026-11-21");
    // The machine's zone does not move the day (Auckland is 13 hours ahead of UTC in November).
    expect(inZone("Pacific/Auckland", `return [calendar.isoOf(new Date("2026-11-20T12:00:00Z")), new Date("2026-11-20T12:00:00Z").getDate()];`)).toEqual([
      "2026-11-20",
      21,
    ]);
  });
});

describe("Excel serials", () => {
  test.each([
    [46053, "2026-01-31"],
    [46346, "2026-11-20"],
    [25569, "1970-01-01"],
    [36526, "2000-01-01"],
    [61, "1900-03-01"],
    [2958465, "9999-12-31"],
  ])("serial %i is %s, both ways", (serial, iso) => {
    expect(serialToIso(serial)).toBe(iso);
    expect(isoToSerial(iso)).toBe(serial);
  });

  test("before 1900-03-01 the serials follow Excel's 1900 leap-year bug", () => {
    // Excel counts a fictitious 1900-02-29 as serial 60, so serial 1 is 1900-01-01 and serial 59 is 1900-02-28.
    expect(serialToIso(1)).toBe("1900-01-01");
    expect(isoToSerial("1900-01-01")).toBe(1);
    expect(serialToIso(59)).toBe("1900-02-28");
    expect(isoToSerial("1900-02-28")).toBe(59);
    // Serial 60, the day that never was, reads as the nearest real day.
    expect(serialToIso(60)).toBe("1900-02-28");
    expect(serialToIso(61)).toBe("1900-03-01");
    expect(isoToSerial("1900-03-01")).toBe(61);
    expect(serialToDate(1.5).toISOString()).toBe("1900-01-01T12:00:00.000Z");
  });

  test("serialToIso drops the time of day", () => {
    expect(serialToIso(46053.25)).toBe("2026-01-31");
    expect(serialToIso(46053.999)).toBe("2026-01-31");
  });

  test("every day of 2024 to 2030 round-trips", () => {
    const start = isoToSerial("2024-01-01");
    const end = isoToSerial("2030-12-31");
    expect(end - start).toBe(daysBetween("2024-01-01", "2030-12-31"));
    const wrong: number[] = [];
    for (let s = start; s <= end; s++) if (isoToSerial(serialToIso(s)) !== s) wrong.push(s);
    expect(wrong).toEqual([]);
  });

  test("serialToDate reads fractions as the time of day, in UTC, to the millisecond", () => {
    expect(serialToDate(25569).toISOString()).toBe("1970-01-01T00:00:00.000Z");
    expect(serialToDate(46053).toISOString()).toBe("2026-01-31T00:00:00.000Z");
    expect(serialToDate(46053.5).toISOString()).toBe("2026-01-31T12:00:00.000Z");
    expect(serialToDate(46053.25).toISOString()).toBe("2026-01-31T06:00:00.000Z");
    expect(serialToDate(46053 + 1 / 86400).toISOString()).toBe("2026-01-31T00:00:01.000Z");
    // 0.999999 of a day is 86,399,913.6 ms, rounded to 86,399,914.
    expect(serialToDate(46053.999999).toISOString()).toBe("2026-01-31T23:59:59.914Z");
  });

  test("localSerial reads the machine's clock, to the second", () => {
    // In this process's zone, whatever it is:
    expect(localSerial(new Date(2026, 0, 31, 12, 0, 0))).toBe(46053.5);
    expect(localSerial(new Date(2026, 0, 31, 0, 0, 0))).toBe(46053);
    // 06:30:15 is 23,415 seconds into the day; milliseconds are dropped.
    expect(localSerial(new Date(2026, 0, 31, 6, 30, 15, 999))).toBe((46053 * 86400 + 23415) / 86400);
    expect(localSerial(new Date(2026, 10, 20, 23, 59, 59))).toBe((46346 * 86400 + 86399) / 86400);
    // The same moment, 2026-01-31 12:00:00 UTC, on three machines' clocks.
    const body = `return serial.localSerial(new Date("2026-01-31T12:00:00Z")) * 86400;`;
    expect(inZone("UTC", body)).toBe(46053 * 86400 + 12 * 3600);
    expect(inZone("America/New_York", body)).toBe(46053 * 86400 + 7 * 3600);
    expect(inZone("Asia/Kolkata", body)).toBe(46053 * 86400 + 17.5 * 3600);
  });

  test("localSerial on a daylight-saving morning follows the wall clock", () => {
    // New York skips 02:00–03:00 on 2026-03-08 (serial 46089): 07:30 UTC is 03:30 local, 3.5 hours into the day.
    expect(inZone("America/New_York", `return serial.localSerial(new Date("2026-03-08T07:30:00Z")) * 86400;`)).toBe(46089 * 86400 + 3.5 * 3600);
  });
});

describe("dates stay within 1900–9999", () => {
  test("a review past 9999-12-31 is 9999-12-31, never a non-ISO year", () => {
    expect(addMonths("9999-06-30", 12)).toBe("9999-12-31");
    expect(nextReviewDate("9999-12-31", "Monthly")).toBe("9999-12-31");
  });
});

describe("the 1904 date system", () => {
  test("Microsoft's example: July 5, 2011 is 40729 in the 1900 system and 39267 in the 1904 system", () => {
    expect(isoToSerial("2011-07-05")).toBe(40729);
    expect(isoToSerial("2011-07-05", 1904)).toBe(39267);
    expect(serialToIso(39267, 1904)).toBe("2011-07-05");
    expect(serialToIso(40729, 1900)).toBe("2011-07-05");
  });

  test("serial 0 is 1904-01-01; no leap-year quirk; the last day is 9999-12-31", () => {
    expect(serialToIso(0, 1904)).toBe("1904-01-01");
    expect(isoToSerial("1904-01-01", 1904)).toBe(0);
    expect(serialToIso(59, 1904)).toBe("1904-02-29"); // 1904 was a leap year
    expect(serialToIso(60, 1904)).toBe("1904-03-01");
    expect(firstSerial(1904)).toBe(0);
    expect(firstSerial(1900)).toBe(1);
    expect(serialToIso(lastSerial(1904), 1904)).toBe("9999-12-31");
    expect(serialToIso(lastSerial(1900), 1900)).toBe("9999-12-31");
    expect(serialToDate(39267.5, 1904).toISOString()).toBe("2011-07-05T12:00:00.000Z");
  });

  test("every day of 2024 to 2030 round-trips, 1,462 serials below the 1900 system", () => {
    const wrong: number[] = [];
    for (let s = isoToSerial("2024-01-01", 1904); s <= isoToSerial("2030-12-31", 1904); s++) {
      if (isoToSerial(serialToIso(s, 1904), 1904) !== s || isoToSerial(serialToIso(s, 1904)) !== s + 1462) wrong.push(s);
    }
    expect(wrong).toEqual([]);
  });

  test("localSerial in the 1904 system is the 1900 serial less 1,462 days", () => {
    const now = new Date(2026, 0, 31, 6, 30, 15);
    expect(localSerial(now, 1904)).toBe((44591 * 86400 + 23415) / 86400);
    expect(localSerial(now, 1904)).toBeCloseTo(localSerial(now) - 1462, 9);
  });
});

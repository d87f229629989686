/**
 * The JSDoc entry points of src/functions/functions.ts: they return what the pure functions return,
 * and turn every problem into the cell error Excel expects (CustomFunctions.Error inside Excel).
 */
import * as fs from "fs";
import * as path from "path";
import * as entry from "../../src/functions/functions";
import { FunctionError, cellError, evaluateLoaded, toCellError } from "../../src/functions/errors";
import { weightsFunction, driftFunction } from "../../src/functions/weights";
import { bandFunction, neededFunction, statusFunction } from "../../src/functions/bands";
import { sharesFunction, tradesFunction } from "../../src/functions/trades";
import { nextReviewFunction } from "../../src/functions/review";
import { reportFunction } from "../../src/functions/report";
import { col } from "./helpers";
import { forgetDateSystem } from "../../src/excel/date-system";
import { Workbook, install } from "../excel/support/fake-excel";

/** A stand-in for the runtime's CustomFunctions global, recording what is constructed. */
class FakeRuntimeError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

async function withRuntime<T>(body: () => Promise<T>): Promise<T> {
  const g = globalThis as { CustomFunctions?: unknown };
  g.CustomFunctions = { Error: FakeRuntimeError, ErrorCode: { invalidValue: "#VALUE!", divisionByZero: "#DIV/0!" } };
  try {
    return await body();
  } finally {
    delete g.CustomFunctions;
  }
}

const values = col(70000, 25000, 5000);
const targets = col(0.6, 0.3, 0.1);
const HOLDINGS = [["Symbol", "Asset Class", "Quantity", "Price"], ["VTI", "Stocks", 10, 100], ["CASH", "Cash", 1000, ""]];
const TARGETS = [["Asset Class", "Target"], ["Stocks", 0.5], ["Cash", 0.5]];

describe("entry points return the pure functions' results", () => {
  test("every function", async () => {
    expect(await entry.weights(values)).toEqual(weightsFunction(values));
    expect(await entry.drift(values, targets, true)).toEqual(driftFunction(values, targets, true));
    expect(await entry.band(targets, [[0.04]], [["None"]])).toEqual(bandFunction(targets, [[0.04]], [["None"]]));
    expect(await entry.status(values, targets)).toEqual(statusFunction(values, targets));
    expect(await entry.needed(values, targets)).toBe(neededFunction(values, targets));
    expect(await entry.trades(values, targets, 1000, "cashflow")).toEqual(tradesFunction(values, targets, 1000, "cashflow"));
    expect(await entry.shares(col(1000), col(10), [[0]])).toEqual(sharesFunction(col(1000), col(10), [[0]]));
    expect(await entry.nextReview(46053, "Monthly")).toBe(nextReviewFunction(46053, "Monthly"));
    expect(await entry.report(HOLDINGS, TARGETS)).toEqual(reportFunction(HOLDINGS, TARGETS));
    // Optional arguments Excel leaves out arrive as null.
    expect(await entry.trades(values, targets, null, null as unknown as string)).toEqual(tradesFunction(values, targets));
    expect(await entry.band(targets, null as unknown as unknown[][], null as unknown as unknown[][])).toEqual(bandFunction(targets));
  });

  test("REPORT passes Excel's parameter addresses on, so messages name real cells", async () => {
    const invocation = { parameterAddresses: ["Book!A5:D7", "Book!F5:G6"] } as CustomFunctions.Invocation;
    await expect(entry.report(HOLDINGS, [["Asset Class", "Target"], ["Stocks", 0.5], ["Cash", 0.4]], undefined, undefined, undefined, undefined, invocation)).rejects.toThrow(
      "Book!G5: Targets sum to 90.00%, expected 100%",
    );
  });
});

describe("the workbook's date system", () => {
  afterEach(() => forgetDateSystem());

  test("inside a 1904-system workbook NEXTREVIEW and REPORT read serials in that system (asked of Excel once)", async () => {
    const wb = new Workbook();
    wb.addSheet("Sheet1");
    wb.date1904 = true;
    const installed = install(wb);
    try {
      expect(await entry.nextReview(44591, "Monthly")).toBe(44619); // 2026-01-31 → 2026-02-28, 1904 serials
      // As Of 2026-11-20 as a 1904 serial; an Acquired day after it (2026-11-30) is caught on the 1904 day.
      const holdings = [["Symbol", "Asset Class", "Quantity", "Price", "Acquired"], ["VTI", "Stocks", 10, 100, 44894], ["CASH", "Cash", 1000, "", ""]];
      await expect(entry.report(holdings, TARGETS, [["Setting", "Value"], ["As Of", 44884]])).rejects.toThrow("holdings row 2: Acquired (2026-11-30) is after As Of (2026-11-20)");
      expect(installed.runs).toBe(1);
    } finally {
      installed.restore();
    }
  });

  test("outside Excel the 1900 system is assumed", async () => {
    expect(await entry.nextReview(46053, "Monthly")).toBe(46081);
  });
});

describe("errors", () => {
  test("under node: FunctionError with code and message", async () => {
    try {
      await entry.drift(values, col(0.6, 0.3, 0.05));
      throw new Error("no error");
    } catch (e) {
      expect(e).toBeInstanceOf(FunctionError);
      expect({ code: (e as FunctionError).code, message: (e as Error).message }).toEqual({ code: "#VALUE!", message: "Targets sum to 95.00%, expected 100%" });
    }
  });

  test("inside Excel: CustomFunctions.Error, thrown and inside spilled arrays", async () => {
    await withRuntime(async () => {
      try {
        await entry.weights(col(1, "x"));
        throw new Error("no error");
      } catch (e) {
        expect(e).toBeInstanceOf(FakeRuntimeError);
        expect({ code: (e as FakeRuntimeError).code, message: (e as Error).message }).toEqual({
          code: "#VALUE!",
          message: 'values row 2 must be a number of 0 or more (found "x")',
        });
      }
      const rel = await entry.drift(col(1, 1), col(1, 0), true);
      expect(rel[1][0]).toBeInstanceOf(FakeRuntimeError);
      expect(rel[1][0].code).toBe("#DIV/0!");
      expect(cellError("#VALUE!", "m")).toBeInstanceOf(FakeRuntimeError);
    });
    expect(cellError("#VALUE!", "m")).toBeInstanceOf(FunctionError);
  });

  test("anything unexpected still becomes #VALUE! with its message", async () => {
    const evil = { toString: () => { throw new Error("boom"); } };
    try {
      await entry.weights([[evil]]);
      throw new Error("no error");
    } catch (e) {
      expect({ code: (e as FunctionError).code, message: (e as Error).message }).toEqual({ code: "#VALUE!", message: "Unexpected problem: boom" });
    }
    expect(toCellError("plain").message).toBe("Unexpected problem: plain");
  });

  test("code that cannot be loaded (a chunk the page could not fetch) is #VALUE! with the reason, not an unhandled failure", async () => {
    const failed = evaluateLoaded(() => Promise.reject(new Error("Loading chunk functions-engine failed.")), () => 1);
    await expect(failed).rejects.toBeInstanceOf(FunctionError);
    await expect(failed).rejects.toMatchObject({ code: "#VALUE!", message: "Unexpected problem: Loading chunk functions-engine failed." });
    expect(await evaluateLoaded(async () => ({ twice: (n: number) => 2 * n }), (m) => m.twice(21))).toBe(42);
  });
});

describe("purity", () => {
  const dir = path.join(__dirname, "..", "..", "src", "functions");
  const sources = fs.readdirSync(dir).filter((f) => f.endsWith(".ts")).map((f) => [f, fs.readFileSync(path.join(dir, f), "utf8")] as const);

  test("no Excel or Office API calls, and no hand-written associate calls", () => {
    expect(sources.length).toBeGreaterThanOrEqual(7);
    for (const [file, text] of sources) {
      const code = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
      expect({ file, excel: /\b(Excel|Office)\s*\./.test(code), associate: /\.associate\s*\(/.test(code) }).toEqual({ file, excel: false, associate: false });
    }
  });

  test("the same arguments always give the same result, and the arguments are not changed", async () => {
    const h = JSON.parse(JSON.stringify(HOLDINGS));
    const first = await entry.report(h, TARGETS);
    expect(await entry.report(h, TARGETS)).toEqual(first);
    expect(h).toEqual(HOLDINGS);
    const v = col(3, "", 1);
    await entry.weights(v);
    expect(v).toEqual(col(3, "", 1));
  });
});

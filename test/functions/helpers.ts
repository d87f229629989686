/** Shared helpers for the REBAL.* function tests. */
import { FunctionError } from "../../src/functions/errors";

/** A column range as Excel passes it: [[a], [b], ...]. */
export const col = (...xs: unknown[]): unknown[][] => xs.map((x) => [x]);

/** A row range as Excel passes it: [[a, b, ...]]. */
export const row = (...xs: unknown[]): unknown[][] => [xs];

/** The error thrown by f (fails the test when nothing is thrown). */
export function thrown(f: () => unknown): FunctionError {
  try {
    f();
  } catch (e) {
    return e as FunctionError;
  }
  throw new Error("expected an error, but the call returned normally");
}

/** Expects f to throw #VALUE! with exactly this message. */
export function expectValueError(f: () => unknown, message: string): void {
  const e = thrown(f);
  expect(e).toBeInstanceOf(FunctionError);
  expect({ code: e.code, message: e.message }).toEqual({ code: "#VALUE!", message });
}

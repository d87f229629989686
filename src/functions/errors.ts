/**
 * Errors returned to cells. Inside Excel the runtime defines the global `CustomFunctions`, and a
 * thrown (or returned) `CustomFunctions.Error` shows as #VALUE!, #DIV/0!, ... with our message in the
 * cell's error tooltip. Under node (jest, the bench) that global does not exist, so the same code
 * builds a `FunctionError` with the same `code` and `message`, and tests can check both.
 */

/** The error codes the REBAL.* functions use (values of CustomFunctions.ErrorCode). */
export type ErrorCodeText = "#VALUE!" | "#DIV/0!";

export const INVALID_VALUE: ErrorCodeText = "#VALUE!";
export const DIVISION_BY_ZERO: ErrorCodeText = "#DIV/0!";

/** A problem with a function's arguments: Excel shows `code` in the cell and `message` in its tooltip. */
export class FunctionError extends Error {
  constructor(
    readonly code: ErrorCodeText,
    message: string,
  ) {
    super(message);
    this.name = "FunctionError";
  }
}

/** #VALUE! with a message saying what is wrong and where. */
export function valueError(message: string): FunctionError {
  return new FunctionError(INVALID_VALUE, message);
}

interface RuntimeErrorConstructor {
  new (code: string, message?: string): Error & { code: string };
}

/** The runtime's CustomFunctions.Error constructor when running inside Excel, else undefined. */
function runtimeError(): RuntimeErrorConstructor | undefined {
  const cf = (globalThis as { CustomFunctions?: { Error?: unknown } }).CustomFunctions;
  return cf && typeof cf.Error === "function" ? (cf.Error as RuntimeErrorConstructor) : undefined;
}

/** An error value in the form Excel expects: CustomFunctions.Error in Excel, FunctionError elsewhere. */
export function cellError(code: ErrorCodeText, message?: string): Error & { code: string } {
  const Runtime = runtimeError();
  if (Runtime) return message === undefined ? new Runtime(code) : new Runtime(code, message);
  return new FunctionError(code, message ?? "");
}

/**
 * Anything thrown while evaluating a function, as the error to throw back to Excel: our own
 * FunctionErrors keep their code and message; anything else (a bug) becomes #VALUE! with its message.
 */
export function toCellError(e: unknown): Error & { code: string } {
  if (e instanceof FunctionError) return cellError(e.code, e.message);
  const message = e instanceof Error ? e.message : String(e);
  return cellError(INVALID_VALUE, `Unexpected problem: ${message}`);
}

/** Runs a function body, turning what it throws into a cell error. */
export function evaluate<T>(body: () => T): T {
  try {
    return body();
  } catch (e) {
    throw toCellError(e);
  }
}

/**
 * Loads a function's code (on its first use; later calls find it loaded), then runs the body as evaluate()
 * does: what the body throws, and a load that fails (a chunk the page could not fetch), become cell errors.
 */
export async function evaluateLoaded<M, T>(load: () => Promise<M>, body: (code: M) => T): Promise<T> {
  let code: M;
  try {
    code = await load();
  } catch (e) {
    throw toCellError(e);
  }
  return evaluate(() => body(code));
}

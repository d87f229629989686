/**
 * A stand-in for Excel behind Office.js, for tests: an in-memory workbook and request-context
 * proxies that behave like Office.js where the add-in depends on it.
 *
 *  - Every method call and property write is queued and runs only at `context.sync()`, in order.
 *  - `load()` captures properties when the sync runs; reading one that was not loaded (or before
 *    the sync) throws PropertyNotLoaded, as Office.js does.
 *  - Each sync's request size is measured (JSON of every action's arguments + a fixed cost per
 *    action); a request above 5 MB is rejected whole, like Excel on the web. Responses above 5 MB
 *    are rejected too.
 *  - An action that fails (missing sheet, duplicate table name, overlapping table, ...) rejects the
 *    sync; actions before it stay applied and the rest are dropped, as in Excel.
 *  - Writing a cell "types" it: "=..." becomes a formula, numeric or ISO-date text becomes a number,
 *    unless the cell is formatted as text ("@"); a leading apostrophe keeps text as text.
 *
 * office-addin-mock's OfficeMockObject provides the `Excel` and `Office` globals (see install()),
 * whose `run` hands this context to the code under test.
 *
 * The stand-in keeps its own copy of the A1 helpers (column letters, address parsing) on purpose,
 * instead of importing src/a1, so that it stays an independent check of the add-in's own A1 code.
 *
 * The pieces: model.ts (the in-memory workbook and the A1 helpers), context.ts (the request
 * context and its sync), proxies.ts (the Office.js objects the add-in calls) and install.ts (the
 * globals). This index re-exports their public names, so tests import everything from the folder.
 */
export { REQUEST_LIMIT, Sheet, Workbook, addr, colLetters, colNumber, parseRect, parseRef, serialOfDay, typeInto } from "./model";
export type { Cell, Chart, CondFormat, Name, Rect, Scalar, Style, Table } from "./model";
export { Context, RichApiError } from "./context";
export type { SyncRecord } from "./context";
export {
  ApplicationProxy,
  ChartCollectionProxy,
  ConditionalFormatCollectionProxy,
  FunctionResultProxy,
  NamedItemCollectionProxy,
  NamedItemProxy,
  RangeAreasProxy,
  RangeFormatProxy,
  RangeProxy,
  TableCollectionProxy,
  TableProxy,
  WorkbookFunctionsProxy,
  WorkbookProxy,
  WorksheetCollectionProxy,
  WorksheetProxy,
} from "./proxies";
export { install } from "./install";

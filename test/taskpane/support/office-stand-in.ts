/**
 * Office.js for the pane's Excel-path e2e (test/taskpane/pane-excel.e2e.test.ts), bundled for the browser
 * by excel-page.ts and served in place of Microsoft's office.js: the production pane (dist/) then runs
 * unchanged against the Excel stand-in the adapter tests use (test/excel/support/fake-excel).
 *
 * Before this script runs, the test puts the workbook (stand-in-book.ts' JSON) in self.__standInBook and
 * its options in self.__standInOptions. The script rebuilds the workbook and installs the same globals as
 * the adapter tests (fake-excel's install(): office-addin-mock objects whose Excel.run hands a request
 * context on that workbook to the batch), then adds what a page inside Excel also has:
 *  - Office.onReady() reporting host Excel (Office.HostType.Excel) and a platform;
 *  - Office.context.officeTheme when the options give one (Excel's theme), else none;
 *  - Office.actions.associate and Office.addin.showAsTaskpane for the ribbon commands (recorded);
 *  - CustomFunctions.associate (recorded) and CustomFunctions.Error, as the custom functions runtime has.
 * self.__standIn lets the test read the workbook back (as JSON), its selection and what was recorded.
 */
import { install } from "../../excel/support/fake-excel";
import { type BookJson, bookFromJson, bookToJson } from "./stand-in-book";

export interface StandInOptions {
  /** Office.context.platform and what onReady reports (default "OfficeOnline": Excel on the web). */
  platform?: string;
  /** Office.context.officeTheme (Excel's theme colours); none by default. */
  officeTheme?: { bodyBackgroundColor: string; bodyForegroundColor?: string; controlBackgroundColor?: string; controlForegroundColor?: string } | null;
  /** What Office.context.requirements.isSetSupported answers (default true). */
  supported?: boolean;
}

type Fn = (...args: unknown[]) => unknown;

export interface StandInHandle {
  /** The workbook as it is now. */
  book(): BookJson;
  /** How many Excel.run batches the page has run. */
  runs(): number;
  /** Ids passed to CustomFunctions.associate, in order. */
  functions(): string[];
  /** Calls a custom function the page registered (REBAL.WEIGHTS is "WEIGHTS"). */
  callFunction(id: string, ...args: unknown[]): Promise<unknown>;
  /** Ids passed to Office.actions.associate (the ribbon's commands). */
  actions(): string[];
  /** Runs a ribbon command as Excel does; resolves when the handler calls event.completed(). */
  runAction(id: string): Promise<void>;
  /** How many times Office.addin.showAsTaskpane was called. */
  paneShown(): number;
}

interface StandInWindow {
  __standInBook?: BookJson;
  __standInOptions?: StandInOptions;
  __standIn?: StandInHandle;
  CustomFunctions?: unknown;
}

const w = self as unknown as StandInWindow;
if (!w.__standInBook) throw new Error("office-stand-in: no workbook (self.__standInBook) was given before the script");
const options: StandInOptions = w.__standInOptions ?? {};
const wb = bookFromJson(w.__standInBook);
const installed = install(wb, options.supported ?? true);
const office = (globalThis as unknown as { Office: Record<string, unknown> & { context: Record<string, unknown> } }).Office;
const platform = options.platform ?? "OfficeOnline";

const HostType = { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint", Outlook: "Outlook", OneNote: "OneNote", Project: "Project", Access: "Access" };
const PlatformType = { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac", iOS: "iOS", Android: "Android", Universal: "Universal" };
const ready = { host: HostType.Excel, platform };
office.HostType = HostType;
office.PlatformType = PlatformType;
office.onReady = (callback?: (info: typeof ready) => void) => {
  const p = Promise.resolve(ready);
  if (callback) void p.then(callback);
  return p;
};
office.context.platform = platform;
office.context.host = HostType.Excel;
office.context.officeTheme = options.officeTheme ?? undefined;

const actions = new Map<string, Fn>();
let shown = 0;
office.actions = { associate: (id: string, fn: Fn) => actions.set(id, fn) };
office.addin = { showAsTaskpane: async () => void shown++ };

class CustomFunctionError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
    this.name = "CustomFunctions.Error";
  }
}
const functions = new Map<string, Fn>();
w.CustomFunctions = {
  associate: (id: string, fn: Fn) => functions.set(id, fn),
  Error: CustomFunctionError,
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!", nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!" },
};

w.__standIn = {
  book: () => bookToJson(wb),
  runs: () => installed.runs,
  functions: () => [...functions.keys()],
  callFunction: async (id, ...args) => {
    const fn = functions.get(id);
    if (!fn) throw new Error(`no custom function ${id} was associated`);
    return fn(...args);
  },
  actions: () => [...actions.keys()],
  runAction: (id) =>
    new Promise<void>((resolve, reject) => {
      const fn = actions.get(id);
      if (!fn) return reject(new Error(`no action ${id} was associated`));
      void Promise.resolve(fn({ completed: () => resolve() })).catch(reject);
    }),
  paneShown: () => shown,
};

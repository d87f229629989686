/**
 * The workbook's date system, asked of Excel without writing a cell: DATE(1904,1,1) is serial 0 in the
 * 1904 system and 1462 in the 1900 one. (Office.js has no property for it in the API sets the add-in
 * declares.) The reader asks it in its first sync; the custom functions, which get dates as bare serials,
 * ask once per session through workbookDateSystem().
 */
import { DateSystem } from "../dates/serial";

/** Queues the question on `context`; the answer is known after its next sync. */
export function askDateSystem(context: Excel.RequestContext): () => DateSystem {
  const probe = context.workbook.functions.date(1904, 1, 1);
  probe.load("value");
  return () => (probe.value === 0 ? 1904 : 1900);
}

let known: DateSystem | null = null;

/**
 * The date system of the workbook the add-in runs in, asked once per session (1900 outside Excel, and
 * for this call when Excel cannot answer; it is asked again next time). Switching the workbook's date
 * system while the add-in is open takes effect when the add-in is reloaded.
 */
export async function workbookDateSystem(): Promise<DateSystem> {
  if (known !== null) return known;
  const x = (globalThis as { Excel?: typeof Excel }).Excel;
  if (!x || typeof x.run !== "function") return 1900;
  try {
    known = await x.run(async (context) => {
      const answer = askDateSystem(context);
      await context.sync();
      return answer();
    });
    return known;
  } catch {
    return 1900;
  }
}

/** Forgets the answer (tests, and a workbook switched between systems). */
export function forgetDateSystem(): void {
  known = null;
}

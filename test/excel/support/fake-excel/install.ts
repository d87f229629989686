import { OfficeMockObject } from "office-addin-mock";
import type { Context } from "./context";
import type { Workbook } from "./model";

// ---------------------------------------------------------------------------------------------
// Globals

/**
 * Installs `Excel` and `Office` globals made with office-addin-mock: Excel.run hands a fresh
 * request context on `wb` to the batch, Office answers requirement-set questions.
 */
export function install(wb: Workbook, supported = true, office: Record<string, unknown> = {}): { runs: number; restore: () => void } {
  const g = globalThis as Record<string, unknown>;
  const before = { Excel: g.Excel, Office: g.Office };
  const state = { runs: 0, restore: () => Object.assign(g, before) };
  g.Excel = new OfficeMockObject({
    run: async (batch: (context: Context) => Promise<unknown>) => {
      state.runs++;
      return batch(wb.context());
    },
  });
  g.Office = new OfficeMockObject({
    context: { requirements: { isSetSupported: () => supported } },
    ...office,
  });
  return state;
}

/**
 * Ribbon commands. In the shared runtime this bundle is loaded by taskpane.html next to the
 * pane and the custom functions, so the handlers below live as long as the workbook is open.
 *
 * "rebalance" (Home > Rebalancer > Rebalance, an ExecuteFunction button) reads the workbook, plans
 * and writes the Rebalance sheet, the drift columns and the log row in one click, without the
 * pane; when the workbook has problems (or Excel fails) it opens the pane, which shows them.
 */
import { publishRebalance } from "../excel/outcome";

/** The minimal event Office passes to an ExecuteFunction handler. */
export interface CommandEvent {
  completed(): void;
}

async function showPane(): Promise<void> {
  try {
    await Office.addin.showAsTaskpane();
  } catch (err) {
    console.error("SDIRA Rebalancer: could not show the task pane", err);
  }
}

/** Handler of the Rebalance button: read → plan → write; the pane opens only to show problems. Always tells Office it is done. */
export async function rebalance(event: CommandEvent): Promise<void> {
  try {
    // Loaded on the first click (the pane loads the same chunk for its own Rebalance button).
    const { rebalanceInExcel } = await import(/* webpackChunkName: "excel-rebalance" */ "../excel/rebalance");
    const outcome = await rebalanceInExcel();
    publishRebalance({ at: new Date(), source: "ribbon", outcome });
    if (!outcome.ok) await showPane();
  } catch (err) {
    console.error("SDIRA Rebalancer: the rebalance failed", err);
    publishRebalance({ at: new Date(), source: "ribbon", failure: err instanceof Error ? err.message : String(err) });
    await showPane();
  } finally {
    event.completed();
  }
}

/** Associates the manifest's action ids with their handlers; only inside Excel (outside Office there is no ribbon). */
export async function registerCommands(): Promise<boolean> {
  if (typeof Office === "undefined") return false;
  const info = await Office.onReady();
  if (info.host !== Office.HostType.Excel) return false;
  Office.actions.associate("rebalance", rebalance);
  return true;
}

registerCommands().catch((err) => console.error("SDIRA Rebalancer: registering ribbon commands failed", err));

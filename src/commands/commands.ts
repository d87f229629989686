/**
 * Ribbon commands. In the shared runtime this bundle is loaded by taskpane.html next to the
 * pane and the custom functions, so the handlers below live as long as the workbook is open.
 *
 * "rebalance" (Home > Rebalancer > Rebalance, an ExecuteFunction button) opens the pane for now;
 * reading the workbook, planning and writing the plan sheets arrive with the Excel integration.
 */

/** The minimal event Office passes to an ExecuteFunction handler. */
export interface CommandEvent {
  completed(): void;
}

/** Handler of the Rebalance button: shows the task pane, and always tells Office it is done. */
export async function rebalance(event: CommandEvent): Promise<void> {
  try {
    await Office.addin.showAsTaskpane();
  } catch (err) {
    console.error("SDIRA Rebalancer: could not show the task pane", err);
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

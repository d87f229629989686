/**
 * The hold picker's chunk (its Combobox, listbox and positioning: 27 KB gzip), not part of the pane's first download.
 * It is fetched when a plan is asked for, while the worker makes it, so a first plan is drawn without waiting for it.
 */
export const loadHoldPicker = () => import(/* webpackChunkName: "hold-picker" */ "./HoldPicker");

/** Starts the fetch (a failure here is left to the picker's own load, which shows it). */
export function preloadHoldPicker(): void {
  loadHoldPicker().catch(() => undefined);
}

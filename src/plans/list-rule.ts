/**
 * A drop-down (ListRule) as both adapters write it: its source as Excel holds it (the choices comma
 * separated, or a reference such as "=Targets!$A$2:$A$9") and the message a value outside it shows.
 */
import { ListRule } from "./types";

/** Excel keeps an in-cell list of choices to 255 characters. */
export const MAX_LIST_CHARS = 255;

/** The list's source: "Yes,No", or the reference it was given. */
export function listSource(rule: ListRule): string {
  if (rule.source) return rule.source;
  const text = (rule.options ?? []).join(",");
  if (text.length > MAX_LIST_CHARS) throw new Error(`a drop-down's choices run to ${text.length} characters, over Excel's ${MAX_LIST_CHARS}: ${rule.range}`);
  return text;
}

/** The alert for a value outside the list. */
export function listMessage(rule: ListRule): { title: string; message: string } {
  if (rule.options) return { title: "Not an option", message: `Choose one of: ${rule.options.join(", ")}` };
  const what = rule.label ?? rule.source!.replace(/^=/, "");
  return rule.alert === "warn" ? { title: "Not in the list", message: `Not one of ${what}: add it there too, or keep it if you mean to` } : { title: "Not in the list", message: `Choose one of ${what}` };
}

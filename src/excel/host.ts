/** Small facts about the Office host, asked safely (outside Office, in tests, every answer is a default). */

/** True when the host supports the requirement set (assumed when Office.js cannot say, e.g. in tests). */
export function supports(set: string, version: string): boolean {
  try {
    const office = (globalThis as { Office?: typeof Office }).Office;
    const requirements = office?.context?.requirements;
    if (!requirements || typeof requirements.isSetSupported !== "function") return true;
    return requirements.isSetSupported(set, version) === true;
  } catch {
    return true;
  }
}

/** The Excel global, or a clear error outside Excel. */
export function excel(): typeof Excel {
  const x = (globalThis as { Excel?: typeof Excel }).Excel;
  if (!x || typeof x.run !== "function") throw new Error("Excel is not available here (the add-in must run inside Excel)");
  return x;
}

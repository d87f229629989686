/**
 * An edited range judged as the contract judges it: the workbook with the edit in place is parsed
 * (each household of a master workbook on its own), and the problems that fall inside the edited range
 * are the edit's — the contract's own messages, found before anything is written.
 */
import { Rect, inRect, parseCell } from "../a1";
import { ContractError } from "../contract/errors";
import { splitHouseholds } from "../contract/households";
import { WorkbookSnapshot } from "../contract/snapshot";
import { WorkbookParseOptions, parseWorkbook } from "./plan-workbook";

/** Every contract problem of the workbook, each once (all households of a master workbook). */
export function contractProblems(snapshot: WorkbookSnapshot, options: WorkbookParseOptions = {}): ContractError[] {
  const split = splitHouseholds(snapshot);
  const books = split.households === null ? [snapshot] : split.households.map((h) => h.snapshot);
  const all = [...split.errors, ...books.flatMap((b) => {
    const parsed = parseWorkbook(b, options);
    return parsed.ok ? [] : parsed.errors;
  })];
  const seen = new Set<string>();
  return all.filter((e) => !seen.has(e.text) && (seen.add(e.text), true));
}

/** The problems addressed to a cell of the range (`sheet`, `rect`). */
export function problemsIn(errors: ContractError[], sheet: string, rect: Rect): ContractError[] {
  return errors.filter((e) => {
    const at = e.sheet === sheet ? parseCell(e.cell) : null;
    return at !== null && inRect(rect, at.row, at.col);
  });
}

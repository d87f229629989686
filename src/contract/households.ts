/**
 * A master workbook: Holdings (and optionally Accounts and Targets) carry a `Household` column, and
 * each household is planned on its own. The workbook's snapshot is split into one snapshot per
 * household in which the other households' rows are blank: every row keeps its sheet row, so every
 * problem the parser finds still names the advisor's cell.
 *
 * - Holdings: each row names its household (a blank cell is a problem); households are listed in
 *   order of first appearance, matched ignoring case.
 * - Targets: a household's own rows when it has any, otherwise the rows without a household.
 * - Accounts (and Owners): a household's own rows, plus the rows without a household for accounts (owners) it does not list.
 * - Policy, Location and the rest are shared by every household.
 */
import { cellAddress } from "../a1";
import { describe, isBlank, normalizeKey, text } from "./cells";
import { ContractError, contractError } from "./errors";
import { CellValue, RangeSnapshot, WorkbookSnapshot } from "./snapshot";

export const HOUSEHOLD_HEADER = "Household";

export interface HouseholdSnapshot {
  household: string;
  snapshot: WorkbookSnapshot;
}

/** `households` is null for a workbook of one household (no Household column in Holdings). */
export interface HouseholdSplit {
  households: HouseholdSnapshot[] | null;
  errors: ContractError[];
}

/** The Household column's index in a range, or -1. */
function householdColumn(range: RangeSnapshot | undefined): number {
  if (!range) return -1;
  return (range.values[0] ?? []).findIndex((c) => normalizeKey(c) === normalizeKey(HOUSEHOLD_HEADER));
}

/** The range with only the rows `keep` accepts (header always kept); the others blank, so sheet rows stay where they are. */
function keepRows(range: RangeSnapshot, keep: (row: CellValue[], index: number) => boolean): RangeSnapshot {
  return { ...range, values: range.values.map((row, i) => (i === 0 || keep(row, i) ? row : row.map(() => null))) };
}

const key = (v: CellValue) => text(v).toLowerCase();

export function splitHouseholds(snapshot: WorkbookSnapshot): HouseholdSplit {
  const errors: ContractError[] = [];
  const holdings = snapshot.ranges["holdings"];
  const targets = snapshot.ranges["targets"];
  const accounts = snapshot.ranges["accounts"];
  const owners = snapshot.ranges["owners"];
  const column = householdColumn(holdings);
  if (!holdings || column < 0) {
    for (const r of [targets, accounts, owners]) {
      const c = householdColumn(r);
      if (r && c >= 0) {
        errors.push(contractError(r.sheet, cellAddress(r.top, r.left + c), `${r.name} has a ${HOUSEHOLD_HEADER} column but Holdings has none: add a ${HOUSEHOLD_HEADER} column to Holdings naming each row's household, or remove this one`));
      }
    }
    return { households: null, errors };
  }

  // The households, in order of first appearance in Holdings.
  const names = new Map<string, string>();
  holdings.values.forEach((row, i) => {
    if (i === 0 || row.every(isBlank)) return;
    const cell = row[column] ?? null;
    if (isBlank(cell)) {
      errors.push(contractError(holdings.sheet, cellAddress(holdings.top + i, holdings.left + column), `${HOUSEHOLD_HEADER} must not be empty: Holdings has a ${HOUSEHOLD_HEADER} column, so every row names its household`));
    } else if (!names.has(key(cell))) names.set(key(cell), text(cell));
  });
  // Targets, Accounts and Owners rows naming a household that holds nothing: a typo, most likely.
  for (const r of [targets, accounts, owners]) {
    const c = householdColumn(r);
    if (!r || c < 0) continue;
    r.values.forEach((row, i) => {
      const cell = row[c] ?? null;
      if (i > 0 && !isBlank(cell) && !names.has(key(cell))) {
        errors.push(contractError(r.sheet, cellAddress(r.top + i, r.left + c), `${HOUSEHOLD_HEADER} ${describe(cell)} holds nothing in Holdings (households: ${[...names.values()].join(", ") || "none"})`));
      }
    });
  }

  const targetsColumn = householdColumn(targets);
  const households = [...names.entries()].map(([k, household]) => {
    const ranges: Record<string, RangeSnapshot> = { ...snapshot.ranges, holdings: keepRows(holdings, (row) => key(row[column] ?? null) === k) };
    if (targets && targetsColumn >= 0) {
      const own = targets.values.some((row, i) => i > 0 && key(row[targetsColumn] ?? null) === k);
      ranges.targets = keepRows(targets, (row) => (own ? key(row[targetsColumn] ?? null) === k : isBlank(row[targetsColumn] ?? null)));
    }
    if (accounts) ranges.accounts = ownOrShared(accounts, k, "account");
    if (owners) ranges.owners = ownOrShared(owners, k, "owner");
    return { household, snapshot: { ...snapshot, ranges } };
  });
  return { households, errors };
}

/**
 * A household's rows of a range keyed by `keyHeader` (Accounts by Account, Owners by Owner): its own
 * rows, plus the rows left blank for keys it does not list itself. A range without a Household column is shared whole.
 */
function ownOrShared(range: RangeSnapshot, k: string, keyHeader: string): RangeSnapshot {
  const hc = householdColumn(range);
  if (hc < 0) return range;
  const kc = (range.values[0] ?? []).findIndex((c) => normalizeKey(c) === keyHeader);
  const own = new Set(range.values.filter((row, i) => i > 0 && key(row[hc] ?? null) === k).map((row) => key(row[kc] ?? null)));
  return keepRows(range, (row) => {
    const h = row[hc] ?? null;
    return key(h) === k || (isBlank(h) && !own.has(key(row[kc] ?? null)));
  });
}

/** The sheet rows ("Sheet\0row") of a household snapshot's own Holdings, Targets and Accounts rows: those naming a household. */
export function ownRows(snapshot: WorkbookSnapshot): Set<string> {
  const rows = new Set<string>();
  for (const k of ["holdings", "targets", "accounts", "owners"]) {
    const r = snapshot.ranges[k];
    const c = householdColumn(r);
    if (!r || c < 0) continue;
    r.values.forEach((row, i) => {
      if (i > 0 && !isBlank(row[c] ?? null)) rows.add(`${r.sheet}\u0000${r.top + i}`);
    });
  }
  return rows;
}

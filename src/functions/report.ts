/**
 * REBAL.REPORT: the class table of the contract's Holdings, Targets and Policy ranges (and Accounts,
 * whose cash reserves shape the Cash band, Owners, which a Policy Cash Flow = RMD needs, and LookThrough, which spreads funds over classes), header rows included, computed by the same pipeline as
 * the runner and the pane, so the three always agree.
 */
import { planWorkbook } from "../plans/plan-workbook";
import { HOUSEHOLD_HEADER, splitHouseholds } from "../contract/households";
import { PlanJson } from "../plans/json";
import { ContractError } from "../contract/errors";
import { RangeSnapshot, WorkbookSnapshot } from "../contract/snapshot";
import { parseArea } from "../a1";
import { DateSystem } from "../dates/serial";
import { valueError } from "./errors";
import { OutCell, isOmitted, toMatrix } from "./ranges";

export const REPORT_HEADERS = ["Asset Class", "Value", "Weight", "Target", "Drift", "Relative Drift", "Band Low", "Band High", "Status"];

/** How many contract problems the #VALUE! message lists before "and N more". */
export const REPORT_MAX_MESSAGES = 3;

interface Argument {
  /** The defined name the contract expects ("Holdings", ...). */
  name: string;
  /** The parameter name, for messages when the range's address is unknown. */
  param: string;
  value: unknown;
  /** The range's address as Excel reports it (requiresParameterAddresses), when known. */
  address?: string;
}

/** Fallback sheet names: brackets cannot occur in a real sheet name, so these never collide with one. */
const fallbackSheet = (param: string) => `[${param}]`;

/** Sheet, top row and left column of an address like "Portfolio!$A$1:$J$20" or "[Book1]Portfolio!A1:J20". */
function locate(address: string | undefined): { sheet: string; top: number; left: number } | null {
  if (!address) return null;
  const text = address.trim().replace(/^'\[[^\]]*\]/, "'").replace(/^\[[^\]]*\]/, "");
  const area = parseArea(text);
  return area && area.sheet ? { sheet: area.sheet, top: area.top, left: area.left } : null;
}

function rangeOf(arg: Argument): RangeSnapshot {
  const where = locate(arg.address) ?? { sheet: fallbackSheet(arg.param), top: 1, left: 1 };
  return { name: arg.name, sheet: where.sheet, top: where.top, left: where.left, values: toMatrix(arg.value), numberFormats: [] };
}

/**
 * The workbook snapshot the arguments stand for. With parameter addresses, the ranges sit where they
 * are in the workbook (so messages name real cells, exactly as the pane's); without, each sits at A1
 * of a placeholder sheet named after its parameter.
 */
export function reportSnapshot(
  holdings: unknown,
  targets: unknown,
  policy?: unknown,
  accounts?: unknown,
  addresses?: (string | undefined)[],
  system: DateSystem = 1900,
  owners?: unknown,
  lookThrough?: unknown,
): WorkbookSnapshot {
  const args: Argument[] = [
    { name: "Holdings", param: "holdings", value: holdings, address: addresses?.[0] },
    { name: "Targets", param: "targets", value: targets, address: addresses?.[1] },
  ];
  if (!isOmitted(policy)) args.push({ name: "Policy", param: "policy", value: policy, address: addresses?.[2] });
  if (!isOmitted(accounts)) args.push({ name: "Accounts", param: "accounts", value: accounts, address: addresses?.[3] });
  if (!isOmitted(owners)) args.push({ name: "Owners", param: "owners", value: owners, address: addresses?.[4] });
  if (!isOmitted(lookThrough)) args.push({ name: "LookThrough", param: "lookThrough", value: lookThrough, address: addresses?.[5] });
  const ranges: Record<string, RangeSnapshot> = {};
  for (const a of args) ranges[a.name.toLowerCase()] = rangeOf(a);
  return system === 1904 ? { dateSystem: 1904, ranges, nameProblems: [] } : { ranges, nameProblems: [] };
}

/** A contract problem as the function's message: the cell's address, or "holdings row 3" for a range without one. */
export function reportErrorText(e: ContractError): string {
  const placeholder = /^\[(\w+)\]$/.exec(e.sheet);
  if (!placeholder) return e.text;
  const row = /\d+$/.exec(e.cell);
  return row ? `${placeholder[1]} row ${row[0]}: ${e.message}` : `${placeholder[1]}: ${e.message}`;
}

/** The plan's class rows as a table: headers, then one row per class (value as a number, relative drift blank when undefined). */
export function classTableCells(classes: PlanJson["classes"]): OutCell[][] {
  return [
    REPORT_HEADERS,
    ...classes.map((c): OutCell[] => [
      c.assetClass,
      Number(c.value),
      c.weight,
      c.target,
      c.drift,
      c.relativeDrift === null ? "" : c.relativeDrift,
      c.bandLow,
      c.bandHigh,
      c.status,
    ]),
  ];
}

/** REBAL.REPORT over the ranges (and their addresses, in parameter order, when Excel gives them). */
export function reportFunction(
  holdings: unknown,
  targets: unknown,
  policy?: unknown,
  accounts?: unknown,
  addresses?: (string | undefined)[],
  system: DateSystem = 1900,
  owners?: unknown,
  lookThrough?: unknown,
): OutCell[][] {
  const snapshot = reportSnapshot(holdings, targets, policy, accounts, addresses, system, owners, lookThrough);
  // A master workbook's ranges hold several households; the report is of one.
  if (splitHouseholds(snapshot).households !== null) {
    throw valueError(`Holdings has a ${HOUSEHOLD_HEADER} column: REBAL.REPORT reports one household; give it one household's rows, or use the Rebalance button for every household`);
  }
  const result = planWorkbook(snapshot);
  if (!result.ok) {
    const shown = result.errors.slice(0, REPORT_MAX_MESSAGES).map(reportErrorText);
    const more = result.errors.length - shown.length;
    throw valueError(shown.join("; ") + (more > 0 ? ` (and ${more} more problem${more === 1 ? "" : "s"})` : ""));
  }
  return classTableCells(result.plan.classes);
}

/** Named ranges → a validated Portfolio, or every problem found with its sheet and cell. */
import { Portfolio } from "./portfolio";
import { ContractError, contractError } from "./errors";
import { WorkbookSnapshot } from "./snapshot";
import { readPolicy } from "./policy";
import { readTargets } from "./targets";
import { readHoldings } from "./holdings";
import { readAccounts } from "./accounts";
import { readLocation } from "./location";
import { readOwners } from "./owners";
import { readModels } from "./models";
import { readEquivalents } from "./equivalents";
import { readLookThrough } from "./lookthrough";
import { checkTradingLists } from "./trading-checks";
import { checkOwners } from "./owner-checks";
import { cellAddress } from "../a1";
import { crossCheck } from "./cross-checks";
import { StrategyChoices } from "./vocabulary";

export type ParseResult = { ok: true; portfolio: Portfolio } | { ok: false; errors: ContractError[] };

export interface ParseOptions {
  /** The strategies the Policy may name (the engine's registry; the first is the default). */
  strategies: StrategyChoices;
  /** ISO date used when Policy has no As Of (default: today). */
  today?: string;
}

export function parsePortfolio(snapshot: WorkbookSnapshot, options: ParseOptions): ParseResult {
  const errors: ContractError[] = [];
  for (const p of snapshot.nameProblems) {
    errors.push(contractError("", "", `The name "${p.name}" ${p.message}`));
  }
  const holdingsRange = snapshot.ranges["holdings"];
  const targetsRange = snapshot.ranges["targets"];
  const brokenNames = new Set(snapshot.nameProblems.map((p) => p.name.toLowerCase()));
  if (!holdingsRange && !brokenNames.has("holdings")) {
    errors.push(contractError("", "", 'The workbook has no named range "Holdings" (Formulas > Name Manager: define Holdings over the holdings table, header row included)'));
  }
  if (!targetsRange && !brokenNames.has("targets")) {
    errors.push(contractError("", "", 'The workbook has no named range "Targets" (Formulas > Name Manager: define Targets over the targets table, header row included)'));
  }
  // A merged area inside a contract range: its value sits in the top-left cell only; refuse rather than guess.
  for (const range of Object.values(snapshot.ranges)) {
    for (const area of range.merged ?? []) {
      errors.push(contractError(range.sheet, area.split(":")[0], `${area} is merged inside ${range.name}; unmerge it and fill each row (only ${area.split(":")[0]} holds the value, the other cells read as blank)`));
    }
  }
  const system = snapshot.dateSystem ?? 1900;
  const policy = readPolicy(snapshot.ranges["policy"], errors, options.strategies, options.today, system);
  const { targets, listed } = targetsRange ? readTargets(targetsRange, errors) : { targets: [], listed: [] };
  const targetsUsable = targetsRange !== undefined && listed.length > 0;
  const lookThrough = readLookThrough(snapshot.ranges["lookthrough"], targetsUsable ? listed : null, errors);
  const holdings = holdingsRange
    ? readHoldings(holdingsRange, targetsUsable ? listed : null, policy, errors, system, lookThrough.symbols)
    : { holdings: [], readable: false, accountsSeen: [], failedAccounts: new Set<string>(), at: null };
  const accounts = readAccounts(snapshot.ranges["accounts"], errors);
  const location = readLocation(snapshot.ranges["location"], targetsUsable ? listed : null, errors);
  const models = readModels(snapshot.ranges["models"], targetsUsable ? listed : null, errors);
  const equivalents = readEquivalents(snapshot.ranges["equivalents"], errors);
  const ownersRange = snapshot.ranges["owners"];
  const owners = readOwners(ownersRange, policy.asOf, errors, system);
  const cellErrors = [...errors];
  const policyFailed = (setting: string) => {
    const ref = policy.refs[setting];
    return ref !== undefined && cellErrors.some((e) => e.sheet === ref.sheet && e.cell === ref.cell);
  };
  crossCheck({ holdings, accounts, policy, policyFailed }, errors);
  checkTradingLists({ holdings: holdings.holdings, models, equivalents, lookThrough: lookThrough.rows }, errors);
  if (holdings.readable && !policyFailed("Cash Flow")) {
    const fallback = holdingsRange ? { sheet: holdingsRange.sheet, cell: cellAddress(holdingsRange.top, holdingsRange.left) } : { sheet: "", cell: "" };
    checkOwners({ accounts: accounts.rows, owners, ownersRange: ownersRange !== undefined, policy, accountsSeen: holdings.accountsSeen, fallback }, errors);
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, portfolio: { holdings: holdings.holdings, targets, policy, accounts: accounts.rows, location, owners, models, equivalents, lookThrough: lookThrough.rows } };
}

/** Named ranges → a validated backtest (Targets, Returns, BacktestPolicies, Policy), or every problem with its sheet and cell. */
import { BacktestInput } from "./backtest";
import { ContractError, contractError } from "./errors";
import { WorkbookSnapshot } from "./snapshot";
import { readPolicy } from "./policy";
import { readTargets } from "./targets";
import { readReturns } from "./returns";
import { readBacktestPolicies } from "./backtest-policies";
import { StrategyChoices } from "./vocabulary";

export type BacktestParse = { ok: true; input: BacktestInput } | { ok: false; errors: ContractError[] };

/** Holdings are not needed: a backtest runs on the targets and the history alone. */
export function parseBacktest(snapshot: WorkbookSnapshot, strategies: StrategyChoices): BacktestParse {
  const errors: ContractError[] = [];
  const relevant = ["targets", "returns", "backtestpolicies", "policy"];
  for (const p of snapshot.nameProblems) {
    if (relevant.includes(p.name.toLowerCase())) errors.push(contractError("", "", `The name "${p.name}" ${p.message}`));
  }
  const broken = new Set(snapshot.nameProblems.map((p) => p.name.toLowerCase()));
  const targetsRange = snapshot.ranges["targets"];
  const returnsRange = snapshot.ranges["returns"];
  if (!targetsRange && !broken.has("targets")) {
    errors.push(contractError("", "", 'The workbook has no named range "Targets" (Formulas > Name Manager: define Targets over the targets table, header row included)'));
  }
  if (!returnsRange && !broken.has("returns")) {
    errors.push(contractError("", "", 'The workbook has no named range "Returns" (a Date column, then one column of periodic returns per asset class of Targets; define Returns over it, header row included)'));
  }
  for (const name of ["targets", "returns", "backtestpolicies"]) {
    for (const area of snapshot.ranges[name]?.merged ?? []) {
      const range = snapshot.ranges[name];
      errors.push(contractError(range.sheet, area.split(":")[0], `${area} is merged inside ${range.name}; unmerge it and fill each row`));
    }
  }
  const system = snapshot.dateSystem ?? 1900;
  const policy = readPolicy(snapshot.ranges["policy"], errors, strategies, undefined, system);
  const { targets, listed } = targetsRange ? readTargets(targetsRange, errors) : { targets: [], listed: [] };
  const targetsOk = targetsRange !== undefined && listed.length > 0 && targets.length === listed.length;
  const series =
    returnsRange && targetsOk
      ? readReturns(returnsRange, targets, listed, { returnsAre: policy.returnsAre, periodsPerYear: policy.periodsPerYear, system }, errors)
      : null;
  const policiesRange = snapshot.ranges["backtestpolicies"];
  const policies = policiesRange ? readBacktestPolicies(policiesRange, errors) : null;
  if (errors.length > 0 || !series) return { ok: false, errors };
  const inSeries = new Set(series.classes);
  return { ok: true, input: { series, targets: targets.filter((t) => inSeries.has(t.assetClass)), policies } };
}

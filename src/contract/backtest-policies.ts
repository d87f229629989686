/**
 * The optional BacktestPolicies range: the policies a backtest compares, one per row — Name, Check
 * (Every Period | Monthly | Quarterly | Semiannual | Annual | Never), Abs Band, Rel Band, Rebalance To,
 * Cost Bps, and Tax Rate (a taxable account at that rate; blank = tax-free, as in an SDIRA).
 */
import { BacktestPolicy, CHECKS } from "./backtest";
import { REBALANCE_TO } from "./vocabulary";
import { ContractError, contractError } from "./errors";
import { describe, findChoice, isBlank, readBand, readNumber, readPercent, text } from "./cells";
import { RangeSnapshot } from "./snapshot";
import { readTable } from "./table";
import { cellAddress } from "../a1";

export function readBacktestPolicies(range: RangeSnapshot, errors: ContractError[]): BacktestPolicy[] {
  const table = readTable(
    range,
    [
      { header: "Name", required: true },
      { header: "Check", required: true },
      { header: "Abs Band", required: false },
      { header: "Rel Band", required: false },
      { header: "Rebalance To", required: false },
      { header: "Cost Bps", required: false },
      { header: "Tax Rate", required: false },
    ],
    errors,
  );
  if (!table) return [];
  const policies: BacktestPolicy[] = [];
  const names = new Map<string, string>();
  for (const row of table.rows) {
    let ok = true;
    const problem = (header: string, message: string) => {
      const ref = row.ref(header);
      errors.push(contractError(ref.sheet, ref.cell, message));
      ok = false;
    };
    const name = text(row.get("Name"));
    const nameRef = row.ref("Name");
    if (name === "") problem("Name", "Name must not be empty: each policy needs a name to show in the results");
    else if (names.has(name.toLowerCase())) problem("Name", `Policy "${name}" is listed twice (also in ${names.get(name.toLowerCase())})`);
    else names.set(name.toLowerCase(), nameRef.cell);

    const check = findChoice(CHECKS, row.get("Check"));
    if (!check) problem("Check", `Check must be one of ${CHECKS.join(", ")} (found ${describe(row.get("Check"))})`);

    const band = (header: string): number | null => {
      const v = row.get(header);
      if (isBlank(v)) return null;
      const b = readBand(v);
      if (!b.ok) problem(header, `${header} ${b.problem} (found ${describe(v)})`);
      return b.ok ? b.value : null;
    };
    const absBand = band("Abs Band");
    const relBand = band("Rel Band");

    const toCell = row.get("Rebalance To");
    const rebalanceTo = isBlank(toCell) ? "Target" : findChoice(REBALANCE_TO, toCell);
    if (!rebalanceTo) problem("Rebalance To", `Rebalance To must be one of ${REBALANCE_TO.join(", ")} (found ${describe(toCell)})`);

    let costBps = 0;
    const costCell = row.get("Cost Bps");
    if (!isBlank(costCell)) {
      const n = readNumber(costCell);
      if (!n.ok || n.value.isNegative() || n.value.gte(10000)) problem("Cost Bps", `Cost Bps must be basis points from 0 to below 10000 (100%), like 10 (found ${describe(costCell)})`);
      else costBps = n.value.toNumber();
    }

    let taxRate: number | null = null;
    const taxCell = row.get("Tax Rate");
    if (!isBlank(taxCell)) {
      const n = readPercent(taxCell);
      if (!n.ok || n.value < 0 || n.value >= 1) problem("Tax Rate", `Tax Rate must be a percent from 0% to below 100%, like 15% (found ${describe(taxCell)})`);
      else taxRate = n.value;
    }
    if (ok) policies.push({ name, check: check!, absBand, relBand, rebalanceTo: rebalanceTo!, costBps, taxRate, ref: nameRef });
  }
  if (table.rows.length === 0 && table.skipped.length === 0) {
    errors.push(contractError(range.sheet, cellAddress(range.top, range.left), "BacktestPolicies has no rows; list each policy to compare, or delete the name to compare the standard set"));
  }
  return policies;
}

/** Checks that need several ranges at once: accounts known, the cash flow's account, a withdrawal that can be raised. */
import Decimal from "decimal.js";
import { money } from "../display";
import { Holding, Policy } from "./portfolio";
import { AccountsRead } from "./accounts";
import { HoldingsRead } from "./holdings";
import { ContractError, contractError } from "./errors";

/** What the cross-checks look at: the ranges as read, and which of their parts had problems. */
export interface CrossCheckInput {
  holdings: HoldingsRead;
  accounts: AccountsRead;
  policy: Policy;
  /** True when the named Policy setting's cell has a problem (its value is then the default, not the advisor's). */
  policyFailed: (setting: string) => boolean;
}

/**
 * Checks across ranges, run together with the cell checks so that every problem is reported at once.
 * Each runs only on inputs that were read without a problem: a check that depends on a failed cell is
 * skipped, rather than reporting a consequence of that cell as a second problem.
 */
export function crossCheck(input: CrossCheckInput, errors: ContractError[]): void {
  const { holdings: read, accounts, policy, policyFailed } = input;
  const { holdings } = read;
  if (accounts.listed !== null) {
    const known = new Set(accounts.listed);
    const reported = new Set<string>();
    for (const h of holdings) {
      if (known.has(h.account) || reported.has(h.account)) continue;
      reported.add(h.account);
      errors.push(contractError(h.accountRef.sheet, h.accountRef.cell, `Account "${h.account}" is not listed in Accounts (known: ${[...known].join(", ") || "none"})`));
    }
  }
  if (!read.readable || read.accountsSeen.length === 0) return;
  // A household worth nothing has no weights to rebalance (judged only when every row was read).
  if (read.failedAccounts.size === 0 && read.at && holdings.every((h) => h.quantity.times(h.price).isZero())) {
    errors.push(contractError(read.at.sheet, read.at.cell, "Holdings adds up to $0.00: every row's Quantity × Price is 0, so there is nothing to weigh or rebalance"));
    return;
  }
  const accountNames = read.accountsSeen;
  const flowRef = policy.refs["Cash Flow"];
  const accountRef = policy.refs["Cash Flow Account"];
  const flowAccount = policy.cashFlowAccount ?? accountNames[0];
  if (policy.cashFlowAccount !== null && !accountNames.includes(policy.cashFlowAccount)) {
    const r = accountRef ?? flowRef;
    errors.push(contractError(r?.sheet ?? "", r?.cell ?? "", `Cash Flow Account "${policy.cashFlowAccount}" holds nothing in Holdings (accounts: ${accountNames.join(", ")})`));
    return;
  }
  // The withdrawal's feasibility needs the flow, the reserves and every row of the account as typed.
  const accountRowFailed = accounts.listed?.includes(flowAccount) === true && !accounts.rows.some((a) => a.account === flowAccount);
  if (policyFailed("Cash Flow") || policyFailed("Cash Reserve") || read.failedAccounts.has(flowAccount) || accountRowFailed) return;
  if (policy.cashFlow.isNegative()) {
    const row = accounts.rows.find((a) => a.account === flowAccount);
    const reserve = row?.cashReserve ?? policy.cashReserve;
    const inAccount = holdings.filter((h) => h.account === flowAccount);
    const raisable = raisableCash(inAccount).minus(reserve);
    if (policy.cashFlow.abs().gt(raisable)) {
      // Do Not Sell is the constraint that binds when it holds back what would cover the withdrawal: name it and its rows.
      const kept = inAccount.filter((h) => !h.isCash && h.tradable && h.doNotSell);
      const keptText = kept.length ? `; Do Not Sell keeps ${[...new Set(kept.map((h) => h.symbol))].join(", ")} (${money(kept.reduce((v, h) => v.plus(h.quantity.times(h.price)), new Decimal(0)))}, ${kept.map((h) => `${h.ref.sheet}!${h.ref.cell}`).join(", ")})` : "";
      errors.push(
        contractError(
          flowRef?.sheet ?? "",
          flowRef?.cell ?? "",
          `Cash Flow withdraws ${money(policy.cashFlow.abs())} from ${flowAccount}, which can raise at most ${money(Decimal.max(raisable, 0))} (its cash and tradable holdings, less the ${money(reserve)} reserve${keptText})`,
        ),
      );
    }
  }
}

/** Cash plus what the tradable lots not marked Do Not Sell can be sold for in whole lots: the most an account can raise. */
export function raisableCash(holdings: Holding[]): Decimal {
  const positions = new Map<string, { quantity: Decimal; price: Decimal; lotSize: Decimal }>();
  let total = new Decimal(0);
  for (const h of holdings) {
    if (h.isCash) {
      total = total.plus(h.quantity);
      continue;
    }
    if (!h.tradable || h.doNotSell) continue;
    const p = positions.get(h.symbol) ?? { quantity: new Decimal(0), price: h.price, lotSize: h.lotSize };
    p.quantity = p.quantity.plus(h.quantity);
    positions.set(h.symbol, p);
  }
  for (const p of positions.values()) {
    const q = p.lotSize.isZero() ? p.quantity : p.quantity.div(p.lotSize).floor().times(p.lotSize);
    total = total.plus(q.times(p.price));
  }
  return total;
}

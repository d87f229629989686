/**
 * Why a household program has no plan at all, in words. The program's hard rows are few: the limits
 * the Policy sets (Max Turnover, Tax Budget) and the withdrawals it must pay out (an owner's RMD,
 * split over their IRAs). A deletion test names them: each limit whose removal alone makes the
 * program feasible binds (or, when no single one does, all of them together), and so does each
 * withdrawal whose removal does. What is left when no limit binds is what the accounts may sell
 * (Do Not Sell, Tradable = No, their fees).
 */
import Decimal from "decimal.js";
import { inWords, money, percent } from "../../display";
import { LinearProgram, Solver } from "./program";

/** Max Turnover as the plan names it: its share and its dollars one way. */
export function maxTurnoverText(maxTurnover: number, total: Decimal): string {
  return `Max Turnover (${percent(maxTurnover)} of the household, ${money(total.times(maxTurnover))} one way)`;
}

interface Family {
  text: string;
  rows: string[];
}

export interface InfeasibleContext {
  total: Decimal;
  maxTurnover: number | null;
  taxBudget?: number | null;
  withdrawals?: { owner?: string; accounts: string[]; amount: Decimal }[];
}

/**
 * The constraints that bind, in words ("Max Turnover (…) cannot be held with Pat's RMD of $15,000.00
 * from Trad, SEP"), or null when the deletion test names none. Each test is a feasibility solve (no
 * objective) within the time left.
 */
export function explainInfeasible(p: InfeasibleContext, program: LinearProgram, solver: Solver, timeLimit: number, clock: () => number): string | null {
  const started = clock();
  const feasibleWithout = (rows: string[]): boolean => {
    const left = timeLimit - (clock() - started) / 1000;
    if (left <= 0) return false;
    const drop = new Set(rows);
    try {
      return solver.solve({ columns: program.columns, rows: program.rows.filter((r) => !drop.has(r.name)), objective: [] }, { timeLimit: left }).status === "Optimal";
    } catch {
      return false;
    }
  };
  const limits: Family[] = [];
  if (p.maxTurnover !== null) limits.push({ text: maxTurnoverText(p.maxTurnover, p.total), rows: ["turnover_buys", "turnover_sells"] });
  if ((p.taxBudget ?? null) !== null) limits.push({ text: `the Tax Budget of ${money(p.taxBudget!)}`, rows: ["tax_budget"] });
  const demands: Family[] = (p.withdrawals ?? []).map((w, g) => ({ text: `${w.owner ? `${w.owner}'s RMD` : "the withdrawal"} of ${money(w.amount)} from ${w.accounts.join(", ")}`, rows: [`withdraw_${g}`] }));

  let binding = limits.filter((l) => feasibleWithout(l.rows));
  if (binding.length === 0 && limits.length > 1 && feasibleWithout(limits.flatMap((l) => l.rows))) binding = limits;
  const owed = demands.filter((d) => feasibleWithout(d.rows));
  const limitText = inWords(binding.map((l) => l.text));
  const owedText = inWords(owed.map((d) => d.text));
  if (binding.length && owed.length) return `${limitText} cannot be held with ${owedText}`;
  if (binding.length) return `${limitText} cannot be held`;
  if (owed.length) return `${owedText} cannot be raised from what the accounts may sell after their fees (Do Not Sell and Tradable = No holdings stay)`;
  return null;
}

/**
 * The steps strategies are made of: bring the household to its Rebalance To goal, or place only the
 * cash flow (Mao's lazy allocation). Each returns the execution and the notes it adds.
 */
import Decimal from "decimal.js";
import { REBALANCE_TO } from "../../contract/vocabulary";
import { locationMap } from "../../contract/location";
import { Policy } from "../../contract/portfolio";
import { inWords, money, percent } from "../../display";
import { ClassMove, allocateMoves } from "../allocate";
import { FEWEST_TRADES_ORDER, HouseholdProblem, Level, ORDER, evaluateMoves, solveHousehold } from "../optimizer/household";
import { maxTurnoverText } from "../optimizer/infeasible";
import { activeSolver, now } from "../optimizer/solver";
import { OptimizerReport, Trade } from "../types";
import { cashFlowMoves } from "../cashflow";
import { classTable } from "../classes";
import { desiredValues } from "../desired";
import { Execution, ExecuteOptions, executeMoves } from "../execute";
import { CompareVariant, Flow, StrategyContext, StrategyOutcome } from "./types";
import { withFlows } from "../positions";
import { buyRules } from "../vehicles";
import { mixesOf } from "../look-through";
import { countedTaxRates } from "../plan-costs";

const ZERO = new Decimal(0);

export const NO_TRADE_CLEARS = "A rebalance is due, but no trade clears the lot sizes, Min Trade and cash limits";
export const ONLY_THE_FLOW = "No rebalance is due: only the cash flow is placed, by the Cash Flow method";

/** --compare variants of a strategy that Rebalance To shapes: one per choice. */
export const EVERY_REBALANCE_TO: readonly CompareVariant[] = REBALANCE_TO.map((r) => ({ rebalanceTo: r, label: r }));

/** No trades: every account keeps its cash (after the flow). */
export function noTrades(ctx: StrategyContext): Execution {
  return { trades: [], cashAfter: new Map(ctx.afterFlow.map((a) => [a.name, a.cash])), warnings: [] };
}

/** True when there is a household to rebalance: due, and something left after the flow. */
export function canRebalance(ctx: StrategyContext): boolean {
  return ctx.due && ctx.flows.reduce((t, f) => t.plus(f.amount), ctx.total).gt(0);
}

/** The accounts a flow takes money out of: they sell to restore their reserve. */
const raisingAccounts = (flows: Flow[]) => new Set(flows.filter((f) => f.amount.lt(0)).map((f) => f.account.name));

/** Brings the household (after any cash flow) to Target, Band Edge or Halfway, account by account. */
export function rebalanceHousehold(ctx: StrategyContext, taxAware: boolean): StrategyOutcome {
  const { portfolio, policy, afterFlow, cashClass, flows } = ctx;
  // With a cash flow the class table is taken again, over the cash the flow leaves.
  const { total, classes } = flows.length ? classTable(portfolio, afterFlow) : ctx;
  const raising = raisingAccounts(flows);
  const reserves = afterFlow.reduce((s, a) => s.plus(a.reserve), ZERO);
  const desired = desiredValues(classes, total, cashClass, reserves, policy.rebalanceTo);
  const delta = new Map<string, Decimal>();
  let cashDelta = ZERO;
  classes.forEach((c, i) => {
    const d = desired[i].minus(c.value);
    if (c.assetClass === cashClass) cashDelta = d;
    else delta.set(c.assetClass, d);
  });
  const mustRaise = (name: string) => raising.has(name);
  const greedy = () => allocateMoves(afterFlow, delta, cashDelta, { sellOrder: policy.sellOrder, taxAware, mustRaise });
  const problem: HouseholdProblem = { ...sharedTerms(ctx, taxAware), accounts: afterFlow, classes, total, rebalanceTo: policy.rebalanceTo, desired: desiredValues(classes, total, cashClass, reserves, "Target"), maxTurnover: policy.maxTurnover, inflow: flows.reduce((sum, f) => (f.amount.gt(0) ? sum + f.amount.toNumber() : sum), 0), withdrawals: ctx.withdrawals };
  const decided = decideHousehold(problem, policy, greedy);
  // The optimizer may take an RMD from other IRAs of the owner than the greedy split did.
  const resplit = decided.split ? ctx.accounts.flatMap((a) => (decided.split!.has(a.name) ? [{ account: a, amount: decided.split!.get(a.name)!.neg() }] : [])) : null;
  const finalFlows = resplit ? [...flows.filter((f) => !ctx.withdrawals.some((w) => w.accounts.includes(f.account.name))), ...resplit] : flows;
  const accounts = resplit ? withFlows(ctx.accounts, finalFlows) : afterFlow;
  const finalRaising = raisingAccounts(finalFlows);
  const execution = executeMoves(accounts, decided.moves, policy, { taxAware, restoreReserve: (name) => finalRaising.has(name), rules: buyRules(portfolio), ...programChoices(decided) });
  const heldFunds = decided.report.method === "greedy" ? greedyHoldsFunds(afterFlow) : [];
  return { execution, warnings: [...decided.warnings, ...heldFunds, ...(execution.trades.length === 0 ? [NO_TRADE_CLEARS] : [])], optimizer: scored(decided.report, problem, execution.trades), ...(resplit ? { flows: finalFlows } : {}) };
}

/** The greedy pass decides class by class, so it leaves look-through funds where they are (it still sells them to restore a reserve): say so. */
function greedyHoldsFunds(accounts: { positions: { symbol: string; exposure: unknown; tradable: boolean }[] }[]): string[] {
  const funds = [...new Set(accounts.flatMap((a) => a.positions.filter((p) => p.exposure && p.tradable).map((p) => p.symbol)))];
  return funds.length ? [`The greedy plan does not trade look-through funds (${funds.join(", ")}): they count in their classes by their LookThrough shares but are held as they are; Optimizer = Optimal trades them`] : [];
}

/** What each trade costs and must clear, for the program's trade indicators. */
function tradeCosts(policy: Policy): Pick<HouseholdProblem, "minTrade" | "feePerTrade" | "fewestTrades"> {
  return { minTrade: policy.minTrade.toNumber(), feePerTrade: policy.feePerTrade.toNumber(), fewestTrades: policy.fewestTrades };
}

/** What every household program takes from the Policy and the workbook's rules: costs, tax, Location, look-through mixes, Models and Equivalents. */
function sharedTerms(ctx: StrategyContext, taxAware: boolean): Pick<HouseholdProblem, "cashClass" | "taxAware" | "feeRate" | "limitOffset" | "sellOrder" | "taxRates" | "taxBudget" | "location" | "mixes" | "rules" | "minTrade" | "feePerTrade" | "fewestTrades"> {
  const { portfolio, policy } = ctx;
  return { cashClass: ctx.cashClass, taxAware, feeRate: policy.feeBps.div(10000).toNumber(), limitOffset: policy.limitOffsetBps.div(10000).toNumber(), sellOrder: policy.sellOrder, taxRates: taxRates(policy, taxAware), taxBudget: policy.taxBudget?.toNumber() ?? null, location: locationMap(portfolio.location), mixes: mixesOf(portfolio.lookThrough), rules: buyRules(portfolio), ...tradeCosts(policy) };
}

/** What the execution takes from the program's answer besides its moves: its orders, the tax lots it chose and the losses it kept (the wash-sale guard). */
function programChoices(decided: { quantities?: Map<string, Decimal>; lots?: Map<number, Decimal>; keepLosses?: string[] }): Pick<ExecuteOptions, "quantities" | "lotPlan" | "keepLosses"> {
  return { ...(decided.quantities ? { quantities: decided.quantities } : {}), ...(decided.lots ? { lotPlan: decided.lots } : {}), ...(decided.keepLosses ? { keepLosses: decided.keepLosses } : {}) };
}

/**
 * The greedy plan scored on its orders — what the execution made of its moves, each order with its own
 * fee and lots — as the program scores its own, so that the two compare like for like (its class moves
 * before rounding are not a plan it can carry out).
 */
function scored(report: OptimizerReport, problem: HouseholdProblem, trades: Trade[]): OptimizerReport {
  if (report.method !== "greedy" || !report.objective) return report;
  return { ...report, objective: evaluateMoves(problem, trades.map((t) => ({ account: t.account, assetClass: t.assetClass, symbol: t.symbol, amount: t.side === "buy" ? t.amount : t.amount.neg() }))) };
}

/** The tax rates the optimizer counts (plan-costs.ts countedTaxRates), with the date the holding periods end. */
function taxRates(policy: Policy, taxAware: boolean): HouseholdProblem["taxRates"] {
  const rates = countedTaxRates(policy, taxAware);
  return rates && { ...rates, asOf: policy.asOf };
}

/** The larger of the dollars bought and the dollars sold: what Max Turnover bounds. */
/** The dollars bought and the dollars sold. */
function sides(moves: ClassMove[]): [Decimal, Decimal] {
  const side = (buy: boolean) => moves.filter((m) => m.amount.gt(0) === buy).reduce((s, m) => s.plus(m.amount.abs()), ZERO);
  return [side(true), side(false)];
}

/**
 * The greedy pass's moves scaled down, buys and sells alike, so that neither side trades more than Max
 * Turnover (the buys may go past it by what the contributions bring in, as the program's may).
 */
function withinTurnover(moves: ClassMove[], total: Decimal, maxTurnover: number | null, inflow = 0): ClassMove[] {
  if (maxTurnover === null) return moves;
  const cap = total.times(maxTurnover);
  const [buys, sells] = sides(moves);
  const factor = Decimal.min(1, buys.gt(0) ? cap.plus(inflow).div(buys) : 1, sells.gt(0) ? cap.div(sells) : 1);
  if (factor.gte(1)) return moves;
  return moves.map((m) => ({ ...m, amount: m.amount.times(factor).toDecimalPlaces(2, Decimal.ROUND_DOWN) })).filter((m) => !m.amount.isZero());
}

/** A note when Max Turnover holds the plan back (a side trades up to the cap). */
function turnoverNote(moves: ClassMove[], total: Decimal, maxTurnover: number | null, inflow = 0): string[] {
  if (maxTurnover === null) return [];
  const cap = total.times(maxTurnover);
  const [buys, sells] = sides(moves);
  return buys.gte(cap.plus(inflow).minus(1)) || sells.gte(cap.minus(1)) ? [`${maxTurnoverText(maxTurnover, total)} limits the trades`] : [];
}

/** What each level of the objective lowers, in the advisor's words. */
const LEVEL_WORDS: Record<Level, string> = { reserveShortfall: "the cash reserve shortfall", bandViolation: "the dollars outside the bands", goalDistance: "", rescaledDistance: "the distance to the targets rescaled over what can move", costs: "fees and tax", trades: "the number of trades", turnover: "the dollars traded, fees and tax" };

/** The time limit's warning: which level it stopped, what is optimal before it, and that level's value against its bound. */
function stoppedWords(solved: { stoppedAt?: { level: Level; value: number; bound: number | null }; gap: number }, policy: Policy, placement: boolean): string {
  const head = `The optimizer stopped at the Solver Time Limit (${policy.solverTimeLimit} s) with the best plan it had found`;
  const tail = "a longer Solver Time Limit may find a better plan";
  const at = solved.stoppedAt;
  if (!at) return `${head}, within ${percent(solved.gap)} of the bound; ${tail}`;
  const words = (l: Level) => (l === "goalDistance" ? (placement ? "the distance to the cash flow's placement" : `the distance to ${policy.rebalanceTo === "Target" ? "the targets" : `Rebalance To (${policy.rebalanceTo})`}`) : LEVEL_WORDS[l]);
  const order: readonly Level[] = policy.fewestTrades ? FEWEST_TRADES_ORDER : ORDER;
  const before = order.slice(0, order.indexOf(at.level)).map(words);
  const amount = (v: number) => (at.level === "trades" ? String(Math.round(v)) : money(new Decimal(v).toDecimalPlaces(2)));
  const optimal = before.length ? `${inWords(before)} ${before.length > 1 ? "are" : "is"} optimal, but ` : "";
  const bound = at.bound === null ? "its bound is unknown" : `${amount(at.bound)} may be reachable`;
  return `${head}: ${optimal}${words(at.level)} is ${amount(at.value)} where ${bound} (gap ${percent(solved.gap)}); ${tail}`;
}

/**
 * The household's class moves: solved exactly (Policy Optimizer = Optimal, the default) on the solver
 * the entry point loaded, or by the greedy pass (Optimizer = Greedy; or, with a warning saying why,
 * when no solver is loaded or it finds no optimum in the time limit).
 */
export function decideHousehold(problem: HouseholdProblem, policy: Policy, greedy: () => ClassMove[]): { moves: ClassMove[]; report: OptimizerReport; warnings: string[]; split?: Map<string, Decimal>; quantities?: Map<string, Decimal>; lots?: Map<number, Decimal>; keepLosses?: string[] } {
  // The greedy pass's moves, with their objective levels (as the program would score them).
  const greedyDecision = (seconds: number, warnings: string[]) => {
    const moves = withinTurnover(greedy(), problem.total, policy.maxTurnover, problem.inflow);
    return { moves, report: { method: "greedy" as const, status: "Greedy", gap: null, seconds, objective: evaluateMoves(problem, moves) }, warnings };
  };
  if (policy.optimizer === "Greedy") {
    const decided = greedyDecision(0, []);
    return { ...decided, warnings: turnoverNote(decided.moves, problem.total, policy.maxTurnover, problem.inflow) };
  }
  const solver = activeSolver();
  if (!solver) return greedyDecision(0, ["The optimizer is not loaded here, so the greedy plan is used (Optimizer = Optimal needs HiGHS)"]);
  const solved = solveHousehold(problem, solver, policy.solverTimeLimit, now);
  if ("failed" in solved) return greedyDecision(solved.seconds, [solved.explained ? `The optimizer found no plan: ${solved.failed}, so the greedy plan is used` : `The optimizer found no plan (${solved.failed}), so the greedy plan is used`]);
  const stopped = solved.status === "Optimal" ? [] : [stoppedWords(solved, policy, problem.placement !== undefined)];
  return { moves: solved.moves, report: { method: "optimal", status: solved.status, gap: solved.gap, seconds: solved.seconds, objective: solved.objective }, warnings: [...stopped, ...turnoverNote(solved.moves, problem.total, policy.maxTurnover, problem.inflow)], ...(solved.split ? { split: solved.split } : {}), ...(solved.quantities ? { quantities: solved.quantities } : {}), ...(solved.lots ? { lots: solved.lots } : {}), ...(solved.keepLosses ? { keepLosses: solved.keepLosses } : {}) };
}

/**
 * Places only the cash flows: a contribution only buys, a withdrawal only sells, each in its own
 * account. Mao's optimal lazy rebalancing says where each flow goes (with several, the RMD split over an
 * owner's IRAs, each over the class values the ones before it leave); that placement is the greedy plan,
 * and the optimizer's goal: with Optimizer = Optimal the program trades only the flows' accounts, each
 * only its flow's way, and comes as close to that placement as Min Trade, fees and the lots' tax allow
 * (the bands are no level: the flow is placed, nothing is rebalanced) — where the placement clears them
 * all, it is exactly the placement.
 */
export function placeCashFlow(ctx: StrategyContext, taxAware: boolean, note?: string): StrategyOutcome {
  const { flows, policy, portfolio } = ctx;
  if (flows.length === 0) return { execution: noTrades(ctx), warnings: [] };
  const lazy = lazyPlacement(ctx);
  const { total, classes } = classTable(portfolio, ctx.afterFlow);
  // What each class is worth once the placement is made (the cash class: what the flows leave in cash).
  const placed = (assetClass: string) => lazy.moves.filter((m) => m.assetClass === assetClass).reduce((v, m) => v.plus(m.amount), ZERO);
  const invested = lazy.moves.reduce((v, m) => v.plus(m.amount), ZERO);
  const desired = classes.map((c) => (c.assetClass === ctx.cashClass ? c.value.minus(invested) : c.value.plus(placed(c.assetClass))));
  // The flows are the strategy's only trades: Max Turnover does not hold them back (a fund's turnover rate leaves its flows out).
  const flowPolicy = { ...policy, maxTurnover: null };
  const problem: HouseholdProblem = { ...sharedTerms(ctx, taxAware), accounts: ctx.afterFlow, classes, total, rebalanceTo: "Target", desired, maxTurnover: null, sides: flowSides(flows), placement: lazy.moves };
  const decided = decideHousehold(problem, flowPolicy, () => lazy.moves);
  const raising = raisingAccounts(flows);
  const execution = executeMoves(ctx.afterFlow, decided.moves, policy, { taxAware, restoreReserve: (name) => raising.has(name), rules: buyRules(portfolio), ...programChoices(decided) });
  return { execution, warnings: [...lazy.warnings, ...decided.warnings, ...(note ? [note] : [])], optimizer: scored(decided.report, problem, execution.trades) };
}

/** Mao's placement of each flow in its account, the flows one after another. */
function lazyPlacement(ctx: StrategyContext): { moves: ClassMove[]; warnings: string[] } {
  const moves: ClassMove[] = [];
  const warnings: string[] = [];
  let classes = ctx.classes;
  for (const f of ctx.flows) {
    const placed = cashFlowMoves(f.account, classes, ctx.cashClass, f.amount);
    moves.push(...placed.moves);
    warnings.push(...placed.warnings);
    // The next flow sees the class values this one leaves.
    classes = classes.map((c) => ({ ...c, value: placed.moves.filter((m) => m.assetClass === c.assetClass).reduce((v, m) => v.plus(m.amount), c.value) }));
  }
  return { moves, warnings };
}

/** Each flow account's one way of trading: buys for money in, sales for money out (an account's flows netted). */
function flowSides(flows: Flow[]): Map<string, 1 | -1> {
  const net = new Map<string, Decimal>();
  for (const f of flows) net.set(f.account.name, (net.get(f.account.name) ?? ZERO).plus(f.amount));
  return new Map([...net].filter(([, v]) => !v.isZero()).map(([name, v]) => [name, v.gt(0) ? 1 : -1]));
}

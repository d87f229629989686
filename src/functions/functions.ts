/**
 * The REBAL.* custom functions (namespace REBAL comes from the manifest). Each is a thin, pure
 * wrapper over src/functions/* and the engine: nothing written to the workbook. The two that read
 * dates (NEXTREVIEW, REPORT) ask Excel once per session which date system the workbook uses
 * (src/excel/date-system.ts), because a date argument arrives as a bare serial.
 * functions.json is generated from these JSDoc comments by custom-functions-metadata-plugin, which
 * also appends the CustomFunctions.associate calls to this file when webpack builds it.
 *
 * Signatures use only the types the metadata parser accepts (number, string, boolean, any,
 * any[][], CustomFunctions.Invocation, and Promise of a result type).
 */
import { evaluateLoaded } from "./errors";
import { workbookDateSystem } from "../excel/date-system";

// What the functions compute (src/functions/* over the contract and the engine) loads on first use, in a
// chunk of its own, not with the page: the shared runtime starts the pane and the functions together, and
// the pane's first paint should not wait for the engine behind REBAL.REPORT. Each function is therefore
// async (Excel shows the same values), and a failed load is a #VALUE! with its message, like any problem.
const weightsCode = () => import(/* webpackChunkName: "functions-engine" */ "./weights");
const bandsCode = () => import(/* webpackChunkName: "functions-engine" */ "./bands");
const tradesCode = () => import(/* webpackChunkName: "functions-engine" */ "./trades");
const reviewCode = () => import(/* webpackChunkName: "functions-engine" */ "./review");
const reportCode = async () => {
  const [report, solver] = await Promise.all([import(/* webpackChunkName: "functions-engine" */ "./report"), import(/* webpackChunkName: "functions-engine" */ "../solver/highs")]);
  await solver.prepareSolver();
  return report;
};

/**
 * Each value's share of the total (spills one weight per row).
 * @customfunction WEIGHTS
 * @param values Market values, one per row (a column or a row of cells; blank rows are skipped).
 * @returns Weights as fractions of the total.
 */
export async function weights(values: any[][]): Promise<any[][]> {
  return evaluateLoaded(weightsCode, (m) => m.weightsFunction(values));
}

/**
 * Drift from target per row: weight − target, or relative drift (weight − target) ÷ target.
 * @customfunction DRIFT
 * @param values Market values, one per row.
 * @param targets Target weights, one per row (60% or 0.6); they must sum to 100%.
 * @param relative TRUE for relative drift (drift ÷ target); FALSE or omitted for weight − target.
 * @returns Drift per row, as fractions.
 */
export async function drift(values: any[][], targets: any[][], relative?: boolean): Promise<any[][]> {
  return evaluateLoaded(weightsCode, (m) => m.driftFunction(values, targets, relative));
}

/**
 * Low and high edge of each target's tolerance band (two columns), with the engine's band rule: the smaller of absBand and relBand × target when both apply.
 * @customfunction BAND
 * @param targets Target weights, one per row (60% or 0.6); they must sum to 100%.
 * @param absBand Absolute band in points, like 5% (default 5%); None to not apply it; one value or one per row.
 * @param relBand Relative band as a share of the target, like 25% (default 25%); None to not apply it; one value or one per row.
 * @returns Band low and band high per row.
 */
export async function band(targets: any[][], absBand?: any[][], relBand?: any[][]): Promise<any[][]> {
  return evaluateLoaded(bandsCode, (m) => m.bandFunction(targets, absBand, relBand));
}

/**
 * Band status per row: In band, Over or Under.
 * @customfunction STATUS
 * @param values Market values, one per row.
 * @param targets Target weights, one per row (60% or 0.6); they must sum to 100%.
 * @param absBand Absolute band in points, like 5% (default 5%); None to not apply it; one value or one per row.
 * @param relBand Relative band as a share of the target, like 25% (default 25%); None to not apply it; one value or one per row.
 * @returns "In band", "Over" or "Under" per row.
 */
export async function status(values: any[][], targets: any[][], absBand?: any[][], relBand?: any[][]): Promise<any[][]> {
  return evaluateLoaded(bandsCode, (m) => m.statusFunction(values, targets, absBand, relBand));
}

/**
 * TRUE when any row is out of its band, so a rebalance is needed.
 * @customfunction NEEDED
 * @param values Market values, one per row.
 * @param targets Target weights, one per row (60% or 0.6); they must sum to 100%.
 * @param absBand Absolute band in points, like 5% (default 5%); None to not apply it; one value or one per row.
 * @param relBand Relative band as a share of the target, like 25% (default 25%); None to not apply it; one value or one per row.
 * @returns TRUE or FALSE.
 */
export async function needed(values: any[][], targets: any[][], absBand?: any[][], relBand?: any[][]): Promise<boolean> {
  return evaluateLoaded(bandsCode, (m) => m.neededFunction(values, targets, absBand, relBand));
}

/**
 * Dollars to buy (+) or sell (−) per row to reach the targets, to the cent.
 * @customfunction TRADES
 * @param values Market values, one per row.
 * @param targets Target weights, one per row (60% or 0.6); they must sum to 100%.
 * @param cashFlow Cash added (+) or withdrawn (−) at the same time; default 0.
 * @param mode "full" (default): every row to its target of the new total. "cashflow": invest or raise cashFlow only, buying (or selling) the rows furthest from target (optimal lazy rebalancing).
 * @returns Trade amount per row; the amounts add up to cashFlow.
 */
export async function trades(values: any[][], targets: any[][], cashFlow?: any, mode?: string): Promise<any[][]> {
  return evaluateLoaded(tradesCode, (m) => m.tradesFunction(values, targets, cashFlow, mode));
}

/**
 * Quantities to trade for dollar amounts at prices, rounded toward zero to the lot size.
 * @customfunction SHARES
 * @param amounts Dollar amounts, one per row (negative for sells).
 * @param prices Prices per unit, one per row (greater than 0).
 * @param lotSize Lot size (default 1 = whole shares; 0 = fractional, 6 decimals); one value or one per row.
 * @returns Quantity per row.
 */
export async function shares(amounts: any[][], prices: any[][], lotSize?: any[][]): Promise<any[][]> {
  return evaluateLoaded(tradesCode, (m) => m.sharesFunction(amounts, prices, lotSize));
}

/**
 * The next calendar review date after the last rebalance (format the cell as a date).
 * @customfunction NEXTREVIEW
 * @param lastDate Date of the last rebalance (a date, or text like 2026-03-31).
 * @param frequency Monthly, Quarterly, Semiannual or Annual.
 * @returns The next review date as an Excel date serial.
 */
export async function nextReview(lastDate: any, frequency: string): Promise<number> {
  const system = await workbookDateSystem();
  return evaluateLoaded(reviewCode, (m) => m.nextReviewFunction(lastDate, frequency, system));
}

/**
 * The class table of the workbook's Holdings, Targets and Policy ranges, header rows included: the same numbers as the Rebalancer pane and the command-line runner.
 * @customfunction REPORT
 * @param holdings The Holdings range with its header row (Symbol, Asset Class, Quantity, Price, ...).
 * @param targets The Targets range with its header row (Asset Class, Target, ...).
 * @param policy The Policy range with its header row (Setting, Value); omitted: the default policy.
 * @param accounts The Accounts range with its header row (Account, Type, Cash Reserve, ...), when the workbook has one.
 * @param owners The Owners range with its header row (Owner, Birth Date, ...), when the workbook has one (a Policy Cash Flow of RMD needs it).
 * @param lookThrough The LookThrough range with its header row (Symbol, Asset Class, Share), when the workbook has one: funds counted in several classes.
 * @param invocation Supplied by Excel: the addresses of the ranges, so messages name their cells.
 * @requiresParameterAddresses
 * @returns Class, value, weight, target, drift, relative drift, band low, band high and status per class, with a header row.
 */
export async function report(holdings: any[][], targets: any[][], policy?: any[][], accounts?: any[][], owners?: any[][], lookThrough?: any[][], invocation?: CustomFunctions.Invocation): Promise<any[][]> {
  const system = await workbookDateSystem();
  return evaluateLoaded(reportCode, (m) => m.reportFunction(holdings, targets, policy, accounts, invocation?.parameterAddresses, system, owners, lookThrough));
}

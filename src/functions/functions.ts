/**
 * The REBAL.* custom functions (namespace REBAL comes from the manifest). Each is a thin, pure
 * wrapper over src/functions/* and the engine: nothing written to the workbook. The two that read
 * dates (NEXTREVIEW, REPORT) ask Excel once per session which date system the workbook uses
 * (src/excel/date-system.ts), because a date argument arrives as a bare serial.
 * functions.json is generated from these JSDoc comments by custom-functions-metadata-plugin, which
 * also appends the CustomFunctions.associate calls to this file when webpack builds it.
 *
 * Signatures use only the types the metadata parser accepts (number, string, boolean, any,
 * any[][], CustomFunctions.Invocation).
 */
import { evaluate } from "./errors";
import { driftFunction, weightsFunction } from "./weights";
import { bandFunction, neededFunction, statusFunction } from "./bands";
import { sharesFunction, tradesFunction } from "./trades";
import { nextReviewFunction } from "./review";
import { reportFunction } from "./report";
import { workbookDateSystem } from "../excel/date-system";
import { prepareSolver } from "../solver/highs";

/**
 * Each value's share of the total (spills one weight per row).
 * @customfunction WEIGHTS
 * @param values Market values, one per row (a column or a row of cells; blank rows are skipped).
 * @returns Weights as fractions of the total.
 */
export function weights(values: any[][]): any[][] {
  return evaluate(() => weightsFunction(values));
}

/**
 * Drift from target per row: weight − target, or relative drift (weight − target) ÷ target.
 * @customfunction DRIFT
 * @param values Market values, one per row.
 * @param targets Target weights, one per row (60% or 0.6); they must sum to 100%.
 * @param relative TRUE for relative drift (drift ÷ target); FALSE or omitted for weight − target.
 * @returns Drift per row, as fractions.
 */
export function drift(values: any[][], targets: any[][], relative?: boolean): any[][] {
  return evaluate(() => driftFunction(values, targets, relative));
}

/**
 * Low and high edge of each target's tolerance band (two columns), with the engine's band rule: the smaller of absBand and relBand × target when both apply.
 * @customfunction BAND
 * @param targets Target weights, one per row (60% or 0.6); they must sum to 100%.
 * @param absBand Absolute band in points, like 5% (default 5%); None to not apply it; one value or one per row.
 * @param relBand Relative band as a share of the target, like 25% (default 25%); None to not apply it; one value or one per row.
 * @returns Band low and band high per row.
 */
export function band(targets: any[][], absBand?: any[][], relBand?: any[][]): any[][] {
  return evaluate(() => bandFunction(targets, absBand, relBand));
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
export function status(values: any[][], targets: any[][], absBand?: any[][], relBand?: any[][]): any[][] {
  return evaluate(() => statusFunction(values, targets, absBand, relBand));
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
export function needed(values: any[][], targets: any[][], absBand?: any[][], relBand?: any[][]): boolean {
  return evaluate(() => neededFunction(values, targets, absBand, relBand));
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
export function trades(values: any[][], targets: any[][], cashFlow?: any, mode?: string): any[][] {
  return evaluate(() => tradesFunction(values, targets, cashFlow, mode));
}

/**
 * Quantities to trade for dollar amounts at prices, rounded toward zero to the lot size.
 * @customfunction SHARES
 * @param amounts Dollar amounts, one per row (negative for sells).
 * @param prices Prices per unit, one per row (greater than 0).
 * @param lotSize Lot size (default 1 = whole shares; 0 = fractional, 6 decimals); one value or one per row.
 * @returns Quantity per row.
 */
export function shares(amounts: any[][], prices: any[][], lotSize?: any[][]): any[][] {
  return evaluate(() => sharesFunction(amounts, prices, lotSize));
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
  return evaluate(() => nextReviewFunction(lastDate, frequency, system));
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
  await prepareSolver();
  return evaluate(() => reportFunction(holdings, targets, policy, accounts, invocation?.parameterAddresses, system, owners, lookThrough));
}

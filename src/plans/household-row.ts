/**
 * One household in a firm-wide batch, as plain data: its line of the firm summary (from its plan's
 * JSON, or its problems when it broke the contract) and its trades tagged with the household.
 * Structured-cloneable, so worker threads hand it back to the main thread as is.
 */
import Decimal from "decimal.js";
import { PlanJson, TradeJson } from "./json";
import { tradeTotals } from "./trade-totals";
import { portfolioDrift } from "./portfolio-drift";

/** Out of band: some class is over or under its band before the trades. Failed: the workbook could not be planned. */
export type HouseholdStatus = "Out of band" | "In band" | "Failed";

export interface HouseholdRow {
  /** The household's name: its file name without .xlsx (with its folder when two files share a name). */
  household: string;
  /** The input file as given on the command line. */
  file: string;
  status: HouseholdStatus;
  asOf: string | null;
  /** Money as a decimal string; null for a failed household. */
  total: string | null;
  /** Half the sum of |weight − target| over the classes, before the trades (fraction). */
  portfolioDrift: number | null;
  /** The class with the largest |drift| before the trades, and its signed drift (fraction). */
  largestDrift: { assetClass: string; drift: number } | null;
  /** Classes over or under their band before the trades. */
  outOfBand: string[];
  /** "Rebalance" or "No rebalance", as the Policy's trigger decided; null for a failed household. */
  decision: "Rebalance" | "No rebalance" | null;
  trades: number;
  buys: string;
  sells: string;
  /** Buys + sells, dollars (as --compare counts it). */
  turnover: string;
  fees: string;
  /** Gains realised by sales in taxable accounts (short + long term), when any sale's gain is known. */
  realized: string | null;
  warnings: string[];
  /** Every problem, each naming its sheet and cell (or the file), when the household failed. */
  errors: string[];
  /** The updated workbook written for it, or null. */
  output: string | null;
}

/** A trade of the firm: the plan's trade and the household it belongs to. */
export interface FirmTrade extends TradeJson {
  household: string;
}

/** The trades of several households, each tagged with its household (in household order, then plan order). */
export function firmTrades(households: { household: string; plan: Pick<PlanJson, "trades"> }[]): FirmTrade[] {
  return households.flatMap((h) => h.plan.trades.map((t) => ({ household: h.household, ...t })));
}

/** The summary line of a planned household. */
export function plannedRow(household: string, file: string, plan: PlanJson, output: string | null): HouseholdRow {
  const totals = tradeTotals(plan);
  const outOfBand = plan.classes.filter((c) => c.status === "Over" || c.status === "Under").map((c) => c.assetClass);
  const largest = plan.classes.reduce<PlanJson["classes"][number] | null>((best, c) => (best === null || Math.abs(c.drift) > Math.abs(best.drift) ? c : best), null);
  return {
    household,
    file,
    status: outOfBand.length > 0 ? "Out of band" : "In band",
    asOf: plan.asOf,
    total: plan.total,
    portfolioDrift: portfolioDrift(plan.classes),
    largestDrift: largest && { assetClass: largest.assetClass, drift: largest.drift },
    outOfBand,
    decision: plan.trigger.rebalance ? "Rebalance" : "No rebalance",
    trades: plan.trades.length,
    buys: totals.buys,
    sells: totals.sells,
    turnover: new Decimal(totals.buys).plus(totals.sells).toFixed(2),
    fees: totals.fees,
    realized: totals.realized && new Decimal(totals.realized.shortTerm).plus(totals.realized.longTerm).toFixed(2),
    warnings: plan.warnings,
    errors: [],
    output,
  };
}

/** The summary line of a household that could not be planned (or whose outputs could not be written). */
export function failedRow(household: string, file: string, errors: string[]): HouseholdRow {
  return {
    household,
    file,
    status: "Failed",
    asOf: null,
    total: null,
    portfolioDrift: null,
    largestDrift: null,
    outOfBand: [],
    decision: null,
    trades: 0,
    buys: "0.00",
    sells: "0.00",
    turnover: "0.00",
    fees: "0.00",
    realized: null,
    warnings: [],
    errors,
    output: null,
  };
}

const RANK: Record<HouseholdStatus, number> = { "Out of band": 0, Failed: 1, "In band": 2 };

/**
 * The summary's order: out-of-band households first (largest |drift| first), then the failed ones,
 * then those in band; ties by name, so the order never depends on which worker finished first.
 */
export function summaryOrder(rows: HouseholdRow[]): HouseholdRow[] {
  const size = (r: HouseholdRow) => Math.abs(r.largestDrift?.drift ?? 0);
  return [...rows].sort((a, b) => RANK[a.status] - RANK[b.status] || (a.status === "Out of band" ? size(b) - size(a) : 0) || (a.household < b.household ? -1 : a.household > b.household ? 1 : 0));
}

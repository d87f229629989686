/**
 * What the executed plan costs, as the plan JSON's objective reports it beside the program's levels: the fees
 * its orders pay, and the tax its sales realise in taxable accounts at the rates the optimizer counts.
 */
import Decimal from "decimal.js";
import { Policy } from "../contract/portfolio";
import { Trade } from "./types";

const ZERO = new Decimal(0);

/**
 * Fees: the sum of the orders' fees. Tax: realised short-term gains × the short-term rate plus long-term gains ×
 * the long-term rate, over the sales in taxable accounts (losses offsetting, never below 0); 0 when no rate is counted.
 */
export function planCosts(trades: Trade[], rates: { shortTerm: number; longTerm: number } | null): { fees: number; tax: number; trades: number } {
  const fees = trades.reduce((s, t) => s.plus(t.fee), ZERO);
  const tax = rates ? trades.reduce((s, t) => (t.realized ? s.plus(t.realized.shortTerm.times(rates.shortTerm)).plus(t.realized.longTerm.times(rates.longTerm)) : s), ZERO) : ZERO;
  return { fees: fees.toNumber(), tax: Decimal.max(tax, 0).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber(), trades: trades.length };
}

/** Tax Aware's default rates on realised gains, when the Policy sets none. */
export const TAX_AWARE_RATES = { shortTerm: 0.35, longTerm: 0.15 } as const;

/** The tax rates the optimizer counts: the Policy's; under Tax Aware the defaults fill what it leaves unset; otherwise only when set. */
export function countedTaxRates(policy: Policy, taxAware: boolean): { shortTerm: number; longTerm: number } | null {
  const short = policy.shortTermTaxRate ?? (taxAware ? TAX_AWARE_RATES.shortTerm : null);
  const long = policy.longTermTaxRate ?? (taxAware ? TAX_AWARE_RATES.longTerm : null);
  if (short === null && long === null) return null;
  return { shortTerm: short ?? long!, longTerm: long ?? short! };
}

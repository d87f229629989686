/**
 * The order file for a custodian's bulk upload: one LIMIT DAY order per trade, as CSV (RFC 4180,
 * CRLF line ends). Every field that a spreadsheet would read as a formula (starting with =, +, -,
 * @, tab or carriage return) is neutralised with a leading apostrophe, as OWASP advises against
 * CSV injection.
 */
import { Plan, Trade } from "../engine/types";
import { distributionJson, money, plain } from "./json";
import { ORDER_HEADERS, csvText, withDistributions } from "./orders-csv";

export { ORDER_HEADERS, DISTRIBUTION_HEADERS, csvField, csvText, orderFieldsFromJson, ordersCsvFromJson, ordersFileName } from "./orders-csv";

export function orderFields(t: Trade): string[] {
  return [t.account, t.symbol, t.side.toUpperCase(), plain(t.quantity), "LIMIT", money(t.limitPrice), "DAY"];
}

/** The CSV text: a header row, then one row per trade in plan order; distributions in kind in a section of their own. */
export function ordersCsv(plan: Pick<Plan, "trades"> & Partial<Pick<Plan, "distributions">>): string {
  return withDistributions(csvText(ORDER_HEADERS, plan.trades.map(orderFields)), (plan.distributions ?? []).map(distributionJson));
}

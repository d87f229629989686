/**
 * The order file from the plan's JSON form (what the pane holds): one LIMIT DAY order per trade, as CSV
 * (RFC 4180, CRLF line ends). Every field that a spreadsheet would read as a formula (starting with =, +,
 * -, @, tab or carriage return) is neutralised with a leading apostrophe, as OWASP advises against CSV
 * injection. Apart from ./orders.ts (the same file from the engine's Plan) so the pane's first download
 * carries no engine: this file imports nothing but types.
 */
import type { DistributionJson, TradeJson } from "./json";

export const ORDER_HEADERS = ["Account", "Symbol", "Side", "Quantity", "Order Type", "Limit Price", "Time In Force"];

/** A field as it may safely appear in a CSV that someone opens in a spreadsheet. */
export function csvField(value: string): string {
  const neutral = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(neutral) || /^\s|\s$/.test(neutral) ? `"${neutral.replace(/"/g, '""')}"` : neutral;
}

/** The same fields from the plan's JSON form (quantities and limit prices are already decimal strings there). */
export function orderFieldsFromJson(t: Pick<TradeJson, "account" | "symbol" | "side" | "quantity" | "limitPrice">): string[] {
  return [t.account, t.symbol, t.side.toUpperCase(), t.quantity, "LIMIT", t.limitPrice, "DAY"];
}

/** A CSV file's text: the header row, then the rows, every field made safe (RFC 4180, CRLF line ends). */
export function csvText(headers: string[], rows: string[][]): string {
  const lines = [headers, ...rows].map((fields) => fields.map(csvField).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

/** The in-kind section's header: custodians process distributions apart from trades (at fair market value, no order type). */
export const DISTRIBUTION_HEADERS = ["Account", "Symbol", "Side", "Quantity", "Fair Market Value", "Amount", "Owner"];

/** After the orders, when there are distributions in kind: a blank line, then their own header and rows. */
export function withDistributions(orders: string, distributions: DistributionJson[]): string {
  const rows = distributions.map((d) => [d.account, d.symbol, "DISTRIBUTE", d.quantity, d.price, d.amount, d.owner]);
  return rows.length === 0 ? orders : `${orders}\r\n${csvText(DISTRIBUTION_HEADERS, rows)}`;
}

/** The CSV text from the plan's JSON (what the pane holds). */
export function ordersCsvFromJson(plan: { trades: Pick<TradeJson, "account" | "symbol" | "side" | "quantity" | "limitPrice">[]; distributions?: DistributionJson[] }): string {
  return withDistributions(csvText(ORDER_HEADERS, plan.trades.map(orderFieldsFromJson)), plan.distributions ?? []);
}

/** A file name for the order export, e.g. "orders-2026-11-20.csv" (a master workbook's household: "orders-2026-11-20-Smith.csv"). */
export function ordersFileName(asOf: string, household: string | null = null): string {
  const tail = household === null ? "" : `-${household.replace(/[^A-Za-z0-9._-]+/g, "_")}`;
  return `orders-${asOf}${tail}.csv`;
}

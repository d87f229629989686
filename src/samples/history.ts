/**
 * The sample Returns series, computed from the historical data in samples/data (credits there):
 * - an SDIRA-like annual mix, 1928–2023, from Damodaran's yearly returns, in the sample household's
 *   classes: Stocks = S&P 500 with dividends, Bonds = 10-year T-bond, Real Estate = Damodaran's real
 *   estate series, Alternatives = gold, Cash = 3-month T-bill (also the Risk Free column);
 * - a 60/40 monthly series, January 1926 – December 2009 (the window of Vanguard's 2010 rebalancing
 *   study), from Shiller's monthly data: the stock total return from price and dividend, the bond
 *   return from the 10-year rate as a 10-year par bond (see tenYearBondReturn).
 * Pure: CSV text in, rows out.
 */

export interface HistoryRow {
  /** ISO date ending the period. */
  date: string;
  /** Returns by column header, as fractions. */
  values: Record<string, number>;
}

/** A plain comma-separated file with a header row (no quoted fields in these data sets). */
export function parseCsv(text: string): Record<string, string>[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  const headers = lines[0].split(",").map((h) => h.trim());
  return lines.slice(1).map((line) => {
    const cells = line.split(",");
    return Object.fromEntries(headers.map((h, i) => [h, (cells[i] ?? "").trim()]));
  });
}

/** The Damodaran columns behind each class of the sample household. */
export const ANNUAL_COLUMNS: Record<string, string> = {
  Stocks: "S&P 500",
  Bonds: "T-Bond",
  "Real Estate": "Real Estate",
  Alternatives: "Gold",
  Cash: "T-Bill",
};

/** Yearly returns per class (dated December 31), with Risk Free = the T-bill return. */
export function annualSdiraReturns(csv: string): HistoryRow[] {
  return parseCsv(csv).map((r) => {
    const values: Record<string, number> = {};
    for (const [cls, column] of Object.entries(ANNUAL_COLUMNS)) values[cls] = Number(r[column]);
    values["Risk Free"] = Number(r["T-Bill"]);
    return { date: `${r.Year}-12-31`, values };
  });
}

/**
 * One month's return of a 10-year par bond bought at the rate `before` (annual, a fraction): the
 * coupon accrued for the month plus the change in price when the rate moves to `after`, with
 * 10 − 1/12 years left (annual compounding): price = c (1 − (1 + y)^−n) / y + (1 + y)^−n.
 */
export function tenYearBondReturn(before: number, after: number): number {
  const n = 10 - 1 / 12;
  const discount = Math.pow(1 + after, -n);
  const price = after === 0 ? before * n + 1 : (before * (1 - discount)) / after + discount;
  return price - 1 + before / 12;
}

const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);

/**
 * Monthly Stocks and Bonds returns from `from` to `to` (YYYY-MM, inclusive), dated at each month's
 * end: stocks (P_t + D_t / 12) / P_{t−1} − 1 (Shiller's dividend is an annual rate), bonds from the
 * long rate of the month before and of the month.
 */
export function monthlyStockBondReturns(csv: string, from = "1926-01", to = "2009-12"): HistoryRow[] {
  const rows = parseCsv(csv);
  const out: HistoryRow[] = [];
  for (let i = 1; i < rows.length; i++) {
    const month = rows[i].Date.slice(0, 7);
    if (month < from || month > to) continue;
    const prev = rows[i - 1];
    const cur = rows[i];
    const stocks = (Number(cur.SP500) + Number(cur.Dividend) / 12) / Number(prev.SP500) - 1;
    const bonds = tenYearBondReturn(Number(prev["Long Interest Rate"]) / 100, Number(cur["Long Interest Rate"]) / 100);
    const [y, m] = month.split("-").map(Number);
    out.push({ date: lastDay(y, m), values: { Stocks: stocks, Bonds: bonds } });
  }
  return out;
}

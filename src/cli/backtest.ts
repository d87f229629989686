/** `rebalance backtest <book.xlsx> [--json]`: the workbook's policies (or the standard set) over its Returns history. */
import path from "path";
import { snapshotWorkbook } from "../xlsx/read";
import { backtestWorkbook } from "../backtest/run";
import { backtestJson, formatBacktest } from "./backtest-format";
import { readBook } from "../xlsx/read-book";
import { Io } from "./io";

export const BACKTEST_USAGE = `Usage: rebalance backtest <book.xlsx> [--json]

  Simulates each policy of the BacktestPolicies range (or the standard set when there is none) over
  the Returns range, starting at the Targets with a value of 1 (see README, "Backtests").

  --json            print a JSON array of { "policy": {...}, "metrics": {...} }
  --help            this text

Exit codes: 0 done, 2 the workbook breaks the contract (every problem listed on stderr), 1 unexpected failure.
`;

export async function backtestMain(argv: string[], io: Io): Promise<number> {
  let file = "";
  let json = false;
  for (const a of argv) {
    if (a === "--json") json = true;
    else if (a === "--help" || a === "-h") {
      io.stdout(BACKTEST_USAGE);
      return 0;
    } else if (a.startsWith("-")) {
      io.stderr(`Unknown option ${a}\n\n${BACKTEST_USAGE}`);
      return 2;
    } else if (file) {
      io.stderr(`Only one workbook at a time (got ${file} and ${a})\n\n${BACKTEST_USAGE}`);
      return 2;
    } else file = a;
  }
  if (!file) {
    io.stderr(`Name the workbook to backtest\n\n${BACKTEST_USAGE}`);
    return 2;
  }
  const book = await readBook(file, true);
  if (!book.ok) {
    io.stderr(`${book.message}\n`);
    return 2;
  }
  const outcome = backtestWorkbook(await snapshotWorkbook(book.wb, book.data));
  if (!outcome.ok) {
    io.stderr(`${path.basename(file)}: ${outcome.errors.length} problem${outcome.errors.length > 1 ? "s" : ""} found, nothing run:\n`);
    for (const e of outcome.errors) io.stderr(`${e.text}\n`);
    return 2;
  }
  io.stdout(json ? `${JSON.stringify(backtestJson(outcome.results), null, 2)}\n` : formatBacktest(outcome.input, outcome.results, path.basename(file)));
  return 0;
}

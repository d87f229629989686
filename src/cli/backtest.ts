/** `rebalance backtest <book.xlsx> [--json] [--out <out.xlsx>]`: the workbook's policies (or the standard set) over its Returns history. */
import path from "path";
import { snapshotWorkbook } from "../xlsx/read";
import { backtestWorkbook } from "../backtest/run";
import { backtestWritePlan } from "../plans/backtest-sheet";
import { backtestJson, formatBacktest } from "./backtest-format";
import { readBook } from "../xlsx/read-book";
import { writeCommandOutputs } from "../xlsx/outputs";
import { parseArgs } from "./args";
import { Io } from "./io";

export const BACKTEST_USAGE = `Usage: rebalance backtest <book.xlsx> [--json] [--out <out.xlsx>]

  Simulates each policy of the BacktestPolicies range (or the standard set when there is none) over
  the Returns range, starting at the Targets with a value of 1 (see README, "Backtests").

  --json            print a JSON array of { "policy": {...}, "metrics": {...} }
  --out <file>      write a copy of the workbook with a Backtest sheet: the metrics table, a chart of
                    the growth of 1 per policy, one of the first class's drift, and their data
  --in-place        let --out name the input workbook itself (it is replaced atomically)
  --help            this text

Exit codes: 0 done, 2 the workbook breaks the contract (every problem listed on stderr), 1 unexpected failure.
`;

export async function backtestMain(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { verb: "backtest", files: ["out"], compare: false });
  if ("error" in args) {
    io.stderr(`${args.error}\n\n${BACKTEST_USAGE}`);
    return 2;
  }
  if (args.help) {
    io.stdout(BACKTEST_USAGE);
    return 0;
  }
  const file = args.file;
  // Without --out nothing is written back: only the contract's sheets are parsed.
  const book = await readBook(file, !args.out);
  if (!book.ok) {
    io.stderr(`${book.message}\n`);
    return 2;
  }
  const snapshot = await snapshotWorkbook(book.wb, book.data);
  const outcome = backtestWorkbook(snapshot);
  if (!outcome.ok) {
    io.stderr(`${path.basename(file)}: ${outcome.errors.length} problem${outcome.errors.length > 1 ? "s" : ""} found, nothing run:\n`);
    for (const e of outcome.errors) io.stderr(`${e.text}\n`);
    return 2;
  }
  const copy = args.out ? { path: args.out, book, plan: () => backtestWritePlan(outcome.input, outcome.results, snapshot), insideExcel: "run the backtest" } : null;
  const code = await writeCommandOutputs(io.stderr, file, args.inPlace, [], copy);
  if (code !== 0) return code;
  io.stdout(args.json ? `${JSON.stringify(backtestJson(outcome.results), null, 2)}\n` : formatBacktest(outcome.input, outcome.results, path.basename(file)));
  if (args.out && !args.json) io.stdout(`Wrote ${args.out} (sheet Backtest)\n`);
  return 0;
}


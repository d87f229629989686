/** `rebalance backtest <book.xlsx> [--json] [--out <out.xlsx>]`: the workbook's policies (or the standard set) over its Returns history. */
import path from "path";
import { snapshotWorkbook } from "../xlsx/read";
import { backtestWorkbook } from "../backtest/run";
import { backtestWritePlan } from "../plans/backtest-sheet";
import { OwnershipError, applyWritePlan, workbookBytes } from "../xlsx/apply";
import { unkeptContent } from "../xlsx/unkept";
import { backtestJson, formatBacktest } from "./backtest-format";
import { readBook } from "../xlsx/read-book";
import { Output, outputProblem, writeOutputs } from "./outputs";
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

interface BacktestArgs {
  file: string;
  json: boolean;
  out: string | null;
  inPlace: boolean;
  help: boolean;
}

function parseBacktestArgs(argv: string[]): BacktestArgs | { error: string } {
  const args: BacktestArgs = { file: "", json: false, out: null, inPlace: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--json") args.json = true;
    else if (a === "--in-place") args.inPlace = true;
    else if (a === "--help" || a === "-h") args.help = true;
    else if (a === "--out" || a.startsWith("--out=")) {
      const v = a.includes("=") ? a.slice(a.indexOf("=") + 1) : argv[++i];
      if (!v || v.startsWith("--")) return { error: "--out needs a file name" };
      args.out = v;
    } else if (a.startsWith("-")) return { error: `Unknown option ${a}` };
    else if (args.file) return { error: `Only one workbook at a time (got ${args.file} and ${a})` };
    else args.file = a;
  }
  if (!args.file && !args.help) return { error: "Name the workbook to backtest" };
  return args;
}

export async function backtestMain(argv: string[], io: Io): Promise<number> {
  const args = parseBacktestArgs(argv);
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
  if (args.out) {
    const outputs: Output[] = [{ option: "--out", path: args.out, content: () => workbookBytes(book.wb) }];
    const problem = await outputProblem(outputs, file, args.inPlace);
    if (problem) {
      io.stderr(`${problem}\n`);
      return 2;
    }
    const unkept = await unkeptContent(book.data);
    if (unkept) {
      io.stderr(`${path.basename(file)} holds ${unkept}, which --out cannot keep (exceljs cannot write them); run the backtest inside Excel, or use --out on a copy without them (nothing was written)\n`);
      return 2;
    }
    try {
      applyWritePlan(book.wb, backtestWritePlan(outcome.input, outcome.results, snapshot));
      await writeOutputs(outputs);
    } catch (e) {
      if (e instanceof OwnershipError) {
        io.stderr(`${e.message}\n`);
        return 2;
      }
      io.stderr(`Cannot write ${args.out}: ${(e as Error).message} (nothing was written)\n`);
      return 2;
    }
  }
  io.stdout(args.json ? `${JSON.stringify(backtestJson(outcome.results), null, 2)}\n` : formatBacktest(outcome.input, outcome.results, path.basename(file)));
  if (args.out && !args.json) io.stdout(`Wrote ${args.out} (sheet Backtest)\n`);
  return 0;
}


/** `rebalance <book.xlsx> [--json] [--out out.xlsx] [--orders orders.csv]`: the same plan as the add-in, on a file. */
import path from "path";
import { snapshotWorkbook } from "../xlsx/read";
import { readBook } from "../xlsx/read-book";
import { Output, writeCommandOutputs } from "../xlsx/outputs";
import { planWorkbook } from "../plans/plan-workbook";
import { buildWritePlan } from "../plans/write-plan";
import { ordersCsv } from "../plans/orders";
import { formatSummary } from "./format";
import { compareStrategies } from "../engine/compare";
import { comparisonJson, formatComparison } from "./compare-format";
import { parseArgs, USAGE } from "./args";
import { prepareSolver } from "../solver/highs";
import { backtestMain } from "./backtest";
import { allocateMain } from "./allocate";
import { batchMain } from "./batch";
import { Io } from "./io";

export type { Io };

const processIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  terminal: process.stderr.isTTY === true,
};

/** Runs the runner; returns the exit code (0 ok, 2 bad input, 1 unexpected failure is thrown). */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  if (argv[0] === "backtest") return backtestMain(argv.slice(1), io);
  if (argv[0] === "allocate") return allocateMain(argv.slice(1), io);
  if (argv[0] === "batch") return batchMain(argv.slice(1), io);
  const args = parseArgs(argv);
  if ("error" in args) {
    io.stderr(`${args.error}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    io.stdout(USAGE);
    return 0;
  }
  // Without --out nothing is written back: only the contract's sheets are parsed.
  const book = await readBook(args.file, !args.out);
  if (!book.ok) {
    io.stderr(`${book.message}\n`);
    return 2;
  }
  const { data, wb } = book;
  const snapshot = await snapshotWorkbook(wb, data);
  await prepareSolver();
  const result = planWorkbook(snapshot);
  if (!result.ok) {
    io.stderr(`${path.basename(args.file)}: ${result.errors.length} problem${result.errors.length > 1 ? "s" : ""} found, nothing written:\n`);
    for (const e of result.errors) io.stderr(`${e.text}\n`);
    return 2;
  }

  // Outputs: every path checked before anything is written, then all written or none.
  const orders: Output[] = args.orders ? [{ option: "--orders", path: args.orders, content: async () => ordersCsv(result.raw) }] : [];
  const now = io.now ? io.now() : new Date();
  const copy = args.out ? { path: args.out, book, plan: () => buildWritePlan(result.raw, result.portfolio, snapshot, { now }), insideExcel: "rebalance" } : null;
  const code = await writeCommandOutputs(io.stderr, args.file, args.inPlace, orders, copy);
  if (code !== 0) return code;
  if (args.compare) {
    const comparisons = compareStrategies(result.portfolio);
    io.stdout(args.json ? `${JSON.stringify(comparisonJson(comparisons), null, 2)}\n` : formatComparison(comparisons, path.basename(args.file)));
  } else {
    io.stdout(args.json ? `${JSON.stringify(result.plan, null, 2)}\n` : formatSummary(result.plan, path.basename(args.file)));
  }
  if (args.out && !args.json) io.stdout(`Wrote ${args.out}\n`);
  if (args.orders && !args.json) io.stdout(`Wrote ${args.orders} (${result.raw.trades.length} order${result.raw.trades.length === 1 ? "" : "s"})\n`);
  return 0;
}

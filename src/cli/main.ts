/** `rebalance <book.xlsx> [--json] [--out out.xlsx] [--orders orders.csv]`: the same plan as the add-in, on a file. */
import path from "path";
import { snapshotWorkbook } from "../xlsx/read";
import { readBook } from "../xlsx/read-book";
import { unkeptContent } from "../xlsx/unkept";
import { applyWritePlan, OwnershipError, workbookBytes } from "../xlsx/apply";
import { Output, outputProblem, writeOutputs } from "./outputs";
import { planWorkbook } from "../plans/plan-workbook";
import { buildWritePlan } from "../plans/write-plan";
import { ordersCsv } from "../plans/orders";
import { formatSummary } from "./format";
import { compareStrategies } from "../engine/compare";
import { comparisonJson, formatComparison } from "./compare-format";
import { parseArgs, USAGE } from "./args";
import { prepareSolver } from "../solver/highs";
import { backtestMain } from "./backtest";
import { Io } from "./io";

export type { Io };

const processIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
};

/** Runs the runner; returns the exit code (0 ok, 2 bad input, 1 unexpected failure is thrown). */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  if (argv[0] === "backtest") return backtestMain(argv.slice(1), io);
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
  const outputs: Output[] = [];
  if (args.orders) outputs.push({ option: "--orders", path: args.orders, content: async () => ordersCsv(result.raw) });
  if (args.out) {
    outputs.push({
      option: "--out",
      path: args.out,
      content: () => workbookBytes(wb),
    });
  }
  const problem = await outputProblem(outputs, args.file, args.inPlace);
  if (problem) {
    io.stderr(`${problem}\n`);
    return 2;
  }
  if (args.out) {
    // exceljs cannot carry charts, pivot tables or macros: refuse rather than write a copy without them.
    const unkept = await unkeptContent(data);
    if (unkept) {
      io.stderr(`${path.basename(args.file)} holds ${unkept}, which --out cannot keep (exceljs cannot write them); rebalance inside Excel, or use --out on a copy without them (nothing was written)\n`);
      return 2;
    }
    try {
      const now = io.now ? io.now() : new Date();
      applyWritePlan(wb, buildWritePlan(result.raw, result.portfolio, snapshot, { now }));
    } catch (e) {
      if (e instanceof OwnershipError) {
        io.stderr(`${e.message}\n`);
        return 2;
      }
      throw e;
    }
  }
  if (outputs.length > 0) {
    try {
      await writeOutputs(outputs);
    } catch (e) {
      io.stderr(`Cannot write ${outputs.map((o) => o.path).join(" and ")}: ${(e as Error).message} (nothing was written)\n`);
      return 2;
    }
  }
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

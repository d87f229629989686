/** `rebalance <book.xlsx> [--json] [--out out.xlsx] [--orders orders.csv]`: the same plan as the add-in, on a file. */
import path from "path";
import { snapshotWorkbook } from "../xlsx/read";
import { readBook } from "../xlsx/read-book";
import { Output, writeCommandOutputs } from "../xlsx/outputs";
import { planBook } from "../plans/plan-workbook";
import { buildBookWritePlan } from "../plans/write-plan";
import { firmTrades, plannedRow } from "../plans/household-row";
import { allocationFileName, blockOrders } from "../plans/blocks";
import { ordersCsv } from "../plans/orders";
import { formatSummary } from "./format";
import { compareStrategies } from "../engine/compare";
import { comparisonJson, formatComparison } from "./compare-format";
import { parseArgs, USAGE } from "./args";
import { prepareSolver } from "../solver/highs";
import { backtestMain } from "./backtest";
import { allocateMain } from "./allocate";
import { batchMain, blockOutputs, formatBatch } from "./batch";
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
  const planned = planBook(snapshot, { doNotTrade: args.exclude });
  if (!planned.ok) {
    io.stderr(`${path.basename(args.file)}: ${planned.errors.length} problem${planned.errors.length > 1 ? "s" : ""} found, nothing written:\n`);
    for (const e of planned.errors) io.stderr(`${e.text}\n`);
    return 2;
  }
  const now = io.now ? io.now() : new Date();
  const name = path.basename(args.file);
  const copy = args.out ? { path: args.out, book, plan: () => buildBookWritePlan(planned, snapshot, { now }), insideExcel: "rebalance" } : null;

  if (planned.master) {
    // A master workbook: every household planned on its own; --orders writes block orders across them.
    const households = planned.households.map((h) => ({ ...h, household: h.household ?? "" }));
    const blocks = blockOrders(firmTrades(households));
    const orders: Output[] = args.orders ? blockOutputs(args.orders, () => blocks) : [];
    const code = await writeCommandOutputs(io.stderr, args.file, args.inPlace, orders, copy);
    if (code !== 0) return code;
    if (args.compare) {
      const each = households.map((h) => ({ household: h.household, comparisons: compareStrategies(h.portfolio, args.exclude) }));
      io.stdout(
        args.json
          ? `${JSON.stringify({ households: each.map((e) => ({ household: e.household, comparisons: comparisonJson(e.comparisons) })) }, null, 2)}\n`
          : each.map((e) => formatComparison(e.comparisons, `${name}, household ${e.household}`)).join("\n"),
      );
    } else if (args.json) {
      io.stdout(`${JSON.stringify({ households: households.map((h) => ({ household: h.household, plan: h.plan })) }, null, 2)}\n`);
    } else {
      io.stdout(`Master workbook ${name}: ${formatBatch(households.map((h) => plannedRow(h.household, args.file, h.plan, null)))}`);
      for (const h of households) io.stdout(`\n${formatSummary(h.plan, `${name}, household ${h.household}`)}`);
    }
    if (args.out && !args.json) io.stdout(`Wrote ${args.out}\n`);
    if (args.orders && !args.json) io.stdout(`Wrote ${args.orders} (${blocks.blocks.length} block order${blocks.blocks.length === 1 ? "" : "s"}) and ${allocationFileName(args.orders)}\n`);
    return 0;
  }

  const result = planned.households[0];
  // Outputs: every path checked before anything is written, then all written or none.
  const orders: Output[] = args.orders ? [{ option: "--orders", path: args.orders, content: async () => ordersCsv(result.raw) }] : [];
  const code = await writeCommandOutputs(io.stderr, args.file, args.inPlace, orders, copy);
  if (code !== 0) return code;
  if (args.compare) {
    const comparisons = compareStrategies(result.portfolio, args.exclude);
    io.stdout(args.json ? `${JSON.stringify(comparisonJson(comparisons), null, 2)}\n` : formatComparison(comparisons, name));
  } else {
    io.stdout(args.json ? `${JSON.stringify(result.plan, null, 2)}\n` : formatSummary(result.plan, name));
  }
  if (args.out && !args.json) io.stdout(`Wrote ${args.out}\n`);
  if (args.orders && !args.json) io.stdout(`Wrote ${args.orders} (${result.raw.trades.length} order${result.raw.trades.length === 1 ? "" : "s"})\n`);
  return 0;
}

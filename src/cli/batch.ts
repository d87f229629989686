/**
 * `rebalance batch <folder | files...> [--out-dir DIR] [--orders blocks.csv] [--jobs N] [--json]`:
 * every household's workbook planned on worker threads, one summary over the firm.
 */
import { promises as fs } from "fs";
import path from "path";
import { batchInputs } from "../batch/inputs";
import { defaultJobs, planHouseholds } from "../batch/pool";
import { HouseholdResult } from "../batch/household";
import { FIRM_SUMMARY_FILE, firmSummaryPlan } from "../plans/firm-summary";
import { HouseholdRow, summaryOrder } from "../plans/household-row";
import { Blocks, allocationFileName, blockFiles, blockOrders } from "../plans/blocks";
import { Output, outputProblem, writeOutputs } from "../xlsx/outputs";
import { newWorkbookBytes } from "../xlsx/new-workbook";
import { money, percent, points } from "../display";
import { table } from "./format";
import { progressReporter } from "./progress";
import { Io } from "./io";

export const BATCH_USAGE = `Usage: rebalance batch <folder | book.xlsx ...> [--out-dir <DIR>] [--orders <blocks.csv>] [--jobs <N>] [--json]

  Plans every household's workbook (a folder gives its .xlsx files; a master workbook gives each of
  its households) on worker threads, and prints one line per household: out-of-band households first.

  --out-dir <DIR>   write each household's updated workbook there under its own name (as --out does:
                    drift columns, a Rebalance sheet, a Rebalance Log row), never over its input, and
                    ${FIRM_SUMMARY_FILE}: one row per household, every trade of the firm, every problem
  --orders <file>   write block orders: the trades of one symbol and side across every account
                    aggregated into one order (Block, Symbol, Side, Quantity, Limit Price, Accounts),
                    and <file>.allocation.csv beside it for \`rebalance allocate\`
  --jobs <N>        worker threads (default: the machine's cores)
  --json            print the households as JSON instead of a table
  --help            this text

A workbook that breaks the contract does not stop the batch: it is listed with its problems and
nothing is written for it. Exit codes: 0 every household planned, 2 some household failed or the
arguments are wrong, 1 unexpected failure.
`;

interface BatchArgs {
  inputs: string[];
  outDir: string | null;
  orders: string | null;
  jobs: number | null;
  json: boolean;
  help: boolean;
}

function parseBatchArgs(argv: string[]): BatchArgs | { error: string } {
  const args: BatchArgs = { inputs: [], outDir: null, orders: null, jobs: null, json: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [name, inline] = a.startsWith("--") && a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, null];
    if (a === "--json") args.json = true;
    else if (a === "--help" || a === "-h") args.help = true;
    else if (name === "--out-dir" || name === "--orders" || name === "--jobs") {
      const v = inline ?? argv[++i];
      if (!v || v.startsWith("--")) return { error: `${name} needs a ${name === "--jobs" ? "number" : name === "--out-dir" ? "folder" : "file name"}` };
      if (name === "--out-dir") args.outDir = v;
      else if (name === "--orders") args.orders = v;
      else if (/^[1-9]\d*$/.test(v)) args.jobs = Number(v);
      else return { error: `--jobs must be a whole number ≥ 1 (found "${v}")` };
    } else if (a.startsWith("-")) return { error: `Unknown option ${a}` };
    else args.inputs.push(a);
  }
  if (args.inputs.length === 0 && !args.help) return { error: "Name the folders or workbooks to plan" };
  return args;
}

/** --orders's two files (the block orders and their allocation), their text made when written. */
export function blockOutputs(file: string, blocks: () => Blocks): Output[] {
  return [
    { option: "--orders", path: file, content: async () => blockFiles(file, blocks()).blocks.csv },
    { option: "--orders (allocation)", path: allocationFileName(file), content: async () => blockFiles(file, blocks()).allocation.csv },
  ];
}

export interface BatchOptions {
  /** The worker module (tests run the TypeScript source through a loader). */
  workerFile?: string;
}

/** The households as a table, out of band first. */
export function formatBatch(rows: HouseholdRow[]): string {
  const ordered = summaryOrder(rows);
  const count = (s: HouseholdRow["status"]) => ordered.filter((r) => r.status === s).length;
  const lines = [
    `${ordered.length} household${ordered.length === 1 ? "" : "s"}: ${count("Out of band")} out of band, ${count("In band")} in band, ${count("Failed")} failed`,
    "",
    table(
      ["Household", "Status", "Total", "Drift", "Largest drift", "Decision", "Trades", "Turnover", "Fees"],
      ordered.map((r) => [
        r.household,
        r.status,
        r.total === null ? "" : money(r.total),
        r.portfolioDrift === null ? "" : percent(r.portfolioDrift),
        r.largestDrift ? `${r.largestDrift.assetClass} ${points(r.largestDrift.drift)} pp` : "",
        r.decision ?? "",
        r.status === "Failed" ? "" : String(r.trades),
        r.status === "Failed" ? "" : money(r.turnover),
        r.status === "Failed" ? "" : money(r.fees),
      ]),
      [0, 1, 4, 5],
    ),
  ];
  const failed = ordered.filter((r) => r.errors.length > 0);
  if (failed.length > 0) {
    lines.push("", "Problems (nothing written for these households):");
    for (const r of failed) {
      lines.push(`  ${r.household} (${r.file}):`);
      for (const e of r.errors) lines.push(`    ${e}`);
    }
  }
  return lines.join("\n") + "\n";
}

export async function batchMain(argv: string[], io: Io, options: BatchOptions = {}): Promise<number> {
  const args = parseBatchArgs(argv);
  if ("error" in args) {
    io.stderr(`${args.error}\n\n${BATCH_USAGE}`);
    return 2;
  }
  if (args.help) {
    io.stdout(BATCH_USAGE);
    return 0;
  }
  const inputs = await batchInputs(args.inputs, args.outDir);
  const inputPaths = new Set(inputs.tasks.map((t) => path.resolve(t.file)));

  // The firm's own files, checked before anything is planned: none may be an input, each folder writable.
  const firmOutputs: Output[] = [];
  let summaryInput: Parameters<typeof firmSummaryPlan>[0] | null = null;
  let blocks: ReturnType<typeof blockOrders> | null = null;
  if (args.outDir !== null) firmOutputs.push({ option: "--out-dir", path: path.join(args.outDir, FIRM_SUMMARY_FILE), content: () => newWorkbookBytes(firmSummaryPlan(summaryInput!)) });
  if (args.orders !== null) firmOutputs.push(...blockOutputs(args.orders, () => blocks!));
  const problems = [...inputs.problems];
  for (const o of firmOutputs) if (inputPaths.has(path.resolve(o.path))) problems.push(`${o.option} ${o.path} is one of the workbooks to plan; name another file`);
  if (args.outDir !== null && problems.length === 0) {
    try {
      await fs.mkdir(args.outDir, { recursive: true });
      // Households told apart by their folders go to subfolders of those names.
      for (const t of inputs.tasks) if (t.out) await fs.mkdir(path.dirname(t.out), { recursive: true });
    } catch (e) {
      problems.push(`Cannot write to --out-dir ${args.outDir}: ${(e as Error).message}`);
    }
  }
  if (problems.length === 0) {
    const p = await outputProblem(firmOutputs, "", false);
    if (p) problems.push(p);
  }
  if (problems.length > 0) {
    io.stderr(`${problems.join("\n")}\n(nothing was planned)\n`);
    return 2;
  }
  for (const s of inputs.skipped) io.stderr(`Skipped ${s.file}: ${s.reason}\n`);

  const now = io.now ? io.now() : new Date();
  const jobs = args.jobs ?? defaultJobs();
  const progress = progressReporter({ write: io.stderr, terminal: io.terminal ?? false }, inputs.tasks.length);
  const results: HouseholdResult[] = await planHouseholds(
    inputs.tasks.map((t) => ({ ...t, now: now.toISOString() })),
    { jobs, workerFile: options.workerFile, onResult: (r, done) => progress.result(r.rows, done) },
  );
  progress.finish();

  const rows = results.flatMap((r) => r.rows);
  const trades = results.flatMap((r) => r.trades);
  summaryInput = { rows, trades, ranAt: now.toISOString() };
  blocks = blockOrders(trades);
  try {
    await writeOutputs(firmOutputs);
  } catch (e) {
    io.stderr(`Cannot write ${firmOutputs.map((o) => o.path).join(" and ")}: ${(e as Error).message}\n`);
    return 2;
  }

  if (args.json) {
    io.stdout(`${JSON.stringify({ ranAt: now.toISOString(), households: summaryOrder(rows), skipped: inputs.skipped, blocks: args.orders ? blocks.blocks : null }, null, 2)}\n`);
  } else {
    io.stdout(formatBatch(rows));
    const written = rows.filter((r) => r.output !== null).length;
    if (args.outDir !== null) io.stdout(`Wrote ${written} household workbook${written === 1 ? "" : "s"} and ${path.join(args.outDir, FIRM_SUMMARY_FILE)}\n`);
    if (args.orders !== null) io.stdout(`Wrote ${args.orders} (${blocks.blocks.length} block order${blocks.blocks.length === 1 ? "" : "s"}) and ${allocationFileName(args.orders)} (${blocks.allocation.length} account line${blocks.allocation.length === 1 ? "" : "s"})\n`);
  }
  return rows.some((r) => r.status === "Failed") ? 2 : 0;
}

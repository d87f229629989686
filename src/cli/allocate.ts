/** `rebalance allocate <allocation.csv> <fills.csv> [--out result.csv] [--lot N]`: block fills allocated back to the accounts. */
import fs from "fs";
import path from "path";
import Decimal from "decimal.js";
import { parse } from "csv-parse/sync";
import { AllocatedRow, Problem, Records, allocateFills, readAllocationRows, readFillRows } from "../batch/allocate";
import { csvText } from "../plans/orders";
import { ALLOCATED_HEADERS, allocationSheetPlan } from "../plans/allocation-sheet";
import { Output, outputProblem, writeOutputs } from "../xlsx/outputs";
import { newWorkbookBytes } from "../xlsx/new-workbook";
import { Io } from "./io";

export const ALLOCATE_USAGE = `Usage: rebalance allocate <allocation.csv> <fills.csv> [--out <result.csv>] [--sheet <result.xlsx>] [--lot <N>]

  Allocates what was filled of each block order to the accounts that ordered it, pro rata to their
  orders, in whole lots, by the largest-remainder method: no account receives more than it ordered
  and the allocations add up to each fill exactly.

  allocation.csv    Block, Household, Account, Symbol, Side, Quantity (one row per account's order)
  fills.csv         Block, Filled Quantity, Average Price (one row per block; a block left out gets nothing)
  --out <file>      write the result there as CSV (default: standard output)
  --sheet <file>    also write it as a workbook: an Allocation sheet holding the result as a table, with totals
  --lot <N>         the allocation unit (default 1: whole shares)
  --help            this text

Exit codes: 0 done, 2 a file is missing or has problems (every problem listed on stderr, nothing written), 1 unexpected failure.
`;

const key = (h: string) => h.toLowerCase().replace(/\s+/g, "");

/** A CSV file's rows as records whose cells are found by header, ignoring case and spaces; missing headers are problems. */
function readCsv(file: string, required: string[], problems: Problem[]): Records | null {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    problems.push(`${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    return null;
  }
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true }) as string[][];
  } catch (e) {
    problems.push(`${file}: is not a CSV file (${(e as Error).message})`);
    return null;
  }
  const headers = (rows[0] ?? []).map(key);
  const missing = required.filter((h) => !headers.includes(key(h)));
  if (missing.length > 0) {
    problems.push(`${file}:1: missing column${missing.length === 1 ? "" : "s"} ${missing.join(", ")}`);
    return null;
  }
  return rows.slice(1).map((cells, i) => ({ line: i + 2, get: (h: string) => cells[headers.indexOf(key(h))] ?? "" }));
}

export function resultCsv(rows: AllocatedRow[]): string {
  return csvText(ALLOCATED_HEADERS, rows.map((r) => [r.block, r.household, r.account, r.symbol, r.side, r.quantity.toString(), r.allocated.toString(), r.averagePrice?.toString() ?? "", r.amount.toFixed(2)]));
}

export async function allocateMain(argv: string[], io: Io): Promise<number> {
  const files: string[] = [];
  let out: string | null = null;
  let sheet: string | null = null;
  let lot = new Decimal(1);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--help" || a === "-h") {
      io.stdout(ALLOCATE_USAGE);
      return 0;
    } else if (a === "--out" || a === "--sheet" || a === "--lot") {
      const v = argv[++i];
      if (v === undefined) {
        io.stderr(`${a} needs a value\n\n${ALLOCATE_USAGE}`);
        return 2;
      }
      if (a === "--out") out = v;
      else if (a === "--sheet") sheet = v;
      else if (/^\d+(\.\d+)?$/.test(v) && Number(v) > 0) lot = new Decimal(v);
      else {
        io.stderr(`--lot must be a number > 0 (found "${v}")\n`);
        return 2;
      }
    } else if (a.startsWith("-")) {
      io.stderr(`Unknown option ${a}\n\n${ALLOCATE_USAGE}`);
      return 2;
    } else files.push(a);
  }
  if (files.length !== 2) {
    io.stderr(`allocate takes two files, the allocation and the fills (found ${files.length})\n\n${ALLOCATE_USAGE}`);
    return 2;
  }
  const [allocationFile, fillsFile] = files;
  const problems: Problem[] = [];
  const orders = readCsv(allocationFile, ["Block", "Household", "Account", "Symbol", "Side", "Quantity"], problems);
  const fillRecords = readCsv(fillsFile, ["Block", "Filled Quantity", "Average Price"], problems);
  const allocation = orders ? readAllocationRows(orders, allocationFile, problems) : [];
  const fills = fillRecords ? readFillRows(fillRecords, fillsFile, problems) : [];
  const result = allocateFills(allocation, fills, lot, problems, { allocation: allocationFile, fills: fillsFile });
  if (problems.length > 0) {
    io.stderr(`${problems.join("\n")}\n(nothing was written)\n`);
    return 2;
  }
  const text = resultCsv(result.rows);
  const outputs: Output[] = [];
  if (out) outputs.push({ option: "--out", path: out, content: async () => text });
  if (sheet) {
    const lines = result.rows.map((r) => ({ ...r, ordered: r.quantity.toNumber(), allocated: r.allocated.toNumber(), averagePrice: r.averagePrice?.toNumber() ?? null, amount: r.amount.toNumber() }));
    outputs.push({ option: "--sheet", path: sheet, content: () => newWorkbookBytes(allocationSheetPlan(lines)) });
  }
  // Neither output may replace an input; both are written, or neither.
  const input = outputs.find((o) => [allocationFile, fillsFile].some((f) => path.resolve(f) === path.resolve(o.path)));
  const problem = input ? `${input.option} ${input.path} is one of the input files; name another file (nothing was written)` : await outputProblem(outputs, "", false);
  if (problem) {
    io.stderr(`${problem}\n`);
    return 2;
  }
  if (outputs.length > 0) {
    try {
      await writeOutputs(outputs);
    } catch (e) {
      io.stderr(`Cannot write ${outputs.map((o) => o.path).join(" and ")}: ${(e as Error).message} (nothing was written)\n`);
      return 2;
    }
    io.stderr(`Allocated ${fills.length} block${fills.length === 1 ? "" : "s"} to ${result.rows.length} account order${result.rows.length === 1 ? "" : "s"}: ${outputs.map((o) => o.path).join(" and ")}\n`);
  }
  if (!out) io.stdout(text);
  if (result.unfilled.length > 0) io.stderr(`Not filled, nothing allocated: block${result.unfilled.length === 1 ? "" : "s"} ${result.unfilled.join(", ")}\n`);
  return 0;
}

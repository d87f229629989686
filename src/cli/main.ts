/** `rebalance <book.xlsx> [--json] [--out out.xlsx]`: the same plan as the add-in, on a file. */
import { promises as fs } from "fs";
import path from "path";
import { loadWorkbook, snapshotWorkbook } from "../xlsx/read";
import { applyWritePlan, OwnershipError } from "../xlsx/apply";
import { planWorkbook } from "../pipeline";
import { buildWritePlan } from "../plans/write-plan";
import { formatSummary } from "./format";
import { parseArgs, USAGE } from "./args";

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const processIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
};

/** Runs the runner; returns the exit code (0 ok, 2 bad input, 1 unexpected failure is thrown). */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const args = parseArgs(argv);
  if ("error" in args) {
    io.stderr(`${args.error}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    io.stdout(USAGE);
    return 0;
  }
  let data: Buffer;
  try {
    data = await fs.readFile(args.file);
  } catch (e) {
    io.stderr(`Cannot read ${args.file}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message}\n`);
    return 2;
  }
  let wb;
  try {
    wb = await loadWorkbook(data);
  } catch (e) {
    io.stderr(`${args.file} is not a readable .xlsx workbook (${(e as Error).message})\n`);
    return 2;
  }
  const snapshot = await snapshotWorkbook(wb, data);
  const result = planWorkbook(snapshot);
  if (!result.ok) {
    io.stderr(`${path.basename(args.file)}: ${result.errors.length} problem${result.errors.length > 1 ? "s" : ""} found, nothing written:\n`);
    for (const e of result.errors) io.stderr(`${e.text}\n`);
    return 2;
  }

  if (args.out) {
    try {
      const report = applyWritePlan(wb, buildWritePlan(result.raw, result.portfolio, snapshot.ranges["targets"]));
      await wb.xlsx.writeFile(args.out);
      if (!args.json && report.skippedCharts.length > 0) {
        io.stderr(`Note: charts are drawn only inside Excel (exceljs cannot write them): ${report.skippedCharts.join("; ")}\n`);
      }
    } catch (e) {
      if (e instanceof OwnershipError) {
        io.stderr(`${e.message}\n`);
        return 2;
      }
      throw e;
    }
  }

  io.stdout(args.json ? `${JSON.stringify(result.plan, null, 2)}\n` : formatSummary(result.plan, path.basename(args.file)));
  if (args.out && !args.json) io.stdout(`Wrote ${args.out}\n`);
  return 0;
}

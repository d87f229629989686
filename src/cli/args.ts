/** Command-line arguments of the runner. */
export interface RunnerArgs {
  file: string;
  json: boolean;
  out: string | null;
  help: boolean;
}

export const USAGE = `Usage: rebalance <book.xlsx> [--json] [--out <out.xlsx>]

  --json          print the plan as one JSON object (see README, "Runner JSON")
  --out <file>    write a copy of the workbook with drift columns beside Targets and a Rebalance sheet
  --help          this text

Exit codes: 0 plan made, 2 the workbook breaks the contract (every problem listed on stderr), 1 unexpected failure.
`;

export function parseArgs(argv: string[]): RunnerArgs | { error: string } {
  const args: RunnerArgs = { file: "", json: false, out: null, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--json") args.json = true;
    else if (a === "--help" || a === "-h") args.help = true;
    else if (a === "--out") {
      const v = argv[++i];
      if (!v || v.startsWith("--")) return { error: "--out needs a file name" };
      args.out = v;
    } else if (a.startsWith("--out=")) args.out = a.slice(6);
    else if (a.startsWith("-")) return { error: `Unknown option ${a}` };
    else if (args.file) return { error: `Only one workbook at a time (got ${args.file} and ${a})` };
    else args.file = a;
  }
  if (!args.file && !args.help) return { error: "Name the workbook to rebalance" };
  return args;
}

/** Command-line arguments of the runner. */
export interface RunnerArgs {
  file: string;
  json: boolean;
  out: string | null;
  orders: string | null;
  compare: boolean;
  /** --out may name the input workbook itself (written atomically). */
  inPlace: boolean;
  /** --exclude ACCOUNT:SYMBOL (repeatable): positions held still for this plan (Do Not Trade), the workbook unchanged. */
  exclude: { account: string; symbol: string }[];
  help: boolean;
}

export const USAGE = `Usage: rebalance <book.xlsx> [--json] [--compare] [--out <out.xlsx>] [--orders <orders.csv>]

  --json            print the plan as one JSON object (see README, "Runner JSON")
  --compare         print every strategy and Rebalance To side by side (with --json: an array of plans)
  --out <file>      write a copy of the workbook with drift columns beside Targets, a Rebalance sheet
                    and a row appended to the Rebalance Log
  --orders <file>   write the trades as a CSV order file for the custodian's bulk upload
                    (Account, Symbol, Side, Quantity, Order Type LIMIT, Limit Price, Time In Force DAY)
  --in-place        let --out name the input workbook itself (it is replaced atomically)
  --exclude <account>:<symbol>
                    hold that position still for this plan: neither bought nor sold (repeatable; in a
                    master workbook, in every household with that account); the workbook is unchanged
  --help            this text

Other commands (each with --help):
  rebalance backtest <book.xlsx>                     rebalancing policies simulated over the Returns history
  rebalance batch <folder | books...>                every household of a firm planned, one summary
  rebalance allocate <allocation.csv> <fills.csv>    block fills allocated back to the accounts

Exit codes: 0 plan made, 2 the workbook breaks the contract (every problem listed on stderr), 1 unexpected failure.
`;

/** Options that take a file name. */
const FILE_OPTIONS = ["out", "orders"] as const;

/** What a command accepts: the runner takes every option; `rebalance backtest` only some. */
export interface Accepts {
  /** The verb of "Name the workbook to …". */
  verb: string;
  files: readonly (typeof FILE_OPTIONS)[number][];
  compare: boolean;
  /** --exclude (a plan's Do Not Trade). */
  exclude?: boolean;
}

export const RUNNER_ACCEPTS: Accepts = { verb: "rebalance", files: FILE_OPTIONS, compare: true, exclude: true };

export function parseArgs(argv: string[], accepts: Accepts = RUNNER_ACCEPTS): RunnerArgs | { error: string } {
  const args: RunnerArgs = { file: "", json: false, out: null, orders: null, compare: false, inPlace: false, exclude: [], help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const option = accepts.files.find((o) => a === `--${o}` || a.startsWith(`--${o}=`));
    // An option's value: after "=" in the same argument, or the next argument.
    const value = () => (a.includes("=") ? a.slice(a.indexOf("=") + 1) : argv[++i]);
    if (a === "--json") args.json = true;
    else if (a === "--compare" && accepts.compare) args.compare = true;
    else if (a === "--in-place") args.inPlace = true;
    else if (a === "--help" || a === "-h") args.help = true;
    else if ((a === "--exclude" || a.startsWith("--exclude=")) && accepts.exclude) {
      const v = value();
      const at = v?.lastIndexOf(":") ?? -1;
      if (!v || v.startsWith("--") || at <= 0 || at === v.length - 1) return { error: `--exclude needs an account and a symbol, as "Roth SDIRA:VTI"` };
      args.exclude.push({ account: v.slice(0, at).trim(), symbol: v.slice(at + 1).trim() });
    }
    else if (option) {
      const v = value();
      if (!v || v.startsWith("--")) return { error: `--${option} needs a file name` };
      args[option] = v;
    } else if (a.startsWith("-")) return { error: `Unknown option ${a}` };
    else if (args.file) return { error: `Only one workbook at a time (got ${args.file} and ${a})` };
    else args.file = a;
  }
  if (!args.file && !args.help) return { error: `Name the workbook to ${accepts.verb}` };
  return args;
}

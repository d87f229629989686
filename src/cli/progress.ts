/**
 * The batch's progress on stderr: on a terminal one line redrawn in place (a bar, households done,
 * failures, rate and ETA); otherwise one plain line per household, for logs.
 */
import { HouseholdRow } from "../plans/household-row";

export interface ProgressOutput {
  write: (s: string) => void;
  terminal: boolean;
  /** The clock (ms), for rate and ETA. */
  clock?: () => number;
}

const BAR = 24;

/** "1:05" / "1:02:05". */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

/** `total` counts workbooks; each result is a workbook's rows (several for a master workbook). */
export function progressReporter(out: ProgressOutput, total: number): { result: (rows: HouseholdRow[], done: number) => void; finish: () => void } {
  const clock = out.clock ?? (() => Date.now());
  const start = clock();
  let failed = 0;
  let drawn = false;
  return {
    result(rows, done) {
      failed += rows.filter((r) => r.status === "Failed").length;
      if (!out.terminal) {
        for (const row of rows) {
          const what = row.status === "Failed" ? `failed (${row.errors.length} problem${row.errors.length === 1 ? "" : "s"})` : `${row.status.toLowerCase()}, ${row.trades} trade${row.trades === 1 ? "" : "s"}`;
          out.write(`[${done}/${total}] ${row.household}: ${what}\n`);
        }
        return;
      }
      const seconds = (clock() - start) / 1000;
      const rate = seconds > 0 ? done / seconds : 0;
      const filled = Math.round((done / total) * BAR);
      const eta = rate > 0 ? duration((total - done) / rate) : "?";
      out.write(`\r[${"#".repeat(filled)}${".".repeat(BAR - filled)}] ${done}/${total} workbooks${failed > 0 ? `, ${failed} failed` : ""}, ${rate.toFixed(1)}/s, ETA ${eta}  `);
      drawn = true;
    },
    finish() {
      if (drawn) out.write("\n");
    },
  };
}

/**
 * `npm run sample` (= node lib/cli/make-sample.js samples/sdira-sample.xlsx): writes the sample
 * workbook from src/samples/sdira-sample.ts and prints its classes, then the two backtest samples
 * beside it from the historical data in samples/data.
 */
import * as fs from "fs";
import * as path from "path";
import { SAMPLE_HOLDINGS } from "../samples/sdira-sample";
import { money, summarizeSample } from "../samples/summary";
import { annualSample, sixtyFortySample } from "../samples/backtest-samples";
import { writeSample } from "../xlsx/sample-workbook";
import { writeBacktestSample } from "../xlsx/backtest-samples";

/** The historical data files, in the repository's samples/data. */
export const DATA_DIR = path.join(__dirname, "..", "..", "samples", "data");

async function writeAll(file: string): Promise<void> {
  await writeSample(file);
  const { total, classes } = summarizeSample();
  process.stdout.write(`Wrote ${file}: ${SAMPLE_HOLDINGS.length} holdings, total $${money(total).toFixed(2)}\n`);
  for (const c of classes) {
    process.stdout.write(
      `  ${c.assetClass.padEnd(13)} ${money(c.value).toFixed(2).padStart(12)}  ${(c.weight * 100).toFixed(2).padStart(6)}% vs ${(c.target * 100).toFixed(2)}% ±${(c.band * 100).toFixed(2)}  ${c.status}\n`,
    );
  }
  const dir = path.dirname(file);
  const read = (name: string) => fs.readFileSync(path.join(DATA_DIR, name), "utf8");
  for (const [name, sample] of [
    ["backtest-sdira-annual.xlsx", annualSample(read("damodaran-annual-returns-1928-2023.csv"))],
    ["backtest-60-40-monthly.xlsx", sixtyFortySample(read("shiller-sp500-monthly.csv"))],
  ] as const) {
    const out = path.join(dir, name);
    await writeBacktestSample(out, sample);
    process.stdout.write(`Wrote ${out}: ${sample.rows.length} periods of ${sample.columns.join(", ")} (${sample.rows[0].date} to ${sample.rows[sample.rows.length - 1].date})\n`);
  }
}

if (require.main === module) {
  writeAll(process.argv[2] ?? "samples/sdira-sample.xlsx").catch((err: unknown) => {
    process.stderr.write(`Could not write the samples: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}

/**
 * `npm run sample` (= node lib/cli/make-sample.js samples/sdira-sample.xlsx): writes the sample
 * workbook from src/samples/sdira-sample.ts and prints its classes.
 */
import { SAMPLE_HOLDINGS } from "../samples/sdira-sample";
import { money, summarizeSample } from "../samples/summary";
import { writeSample } from "../xlsx/sample-workbook";

if (require.main === module) {
  const file = process.argv[2] ?? "samples/sdira-sample.xlsx";
  writeSample(file).then(
    () => {
      const { total, classes } = summarizeSample();
      process.stdout.write(`Wrote ${file}: ${SAMPLE_HOLDINGS.length} holdings, total $${money(total).toFixed(2)}\n`);
      for (const c of classes) {
        process.stdout.write(
          `  ${c.assetClass.padEnd(13)} ${money(c.value).toFixed(2).padStart(12)}  ${(c.weight * 100).toFixed(2).padStart(6)}% vs ${(c.target * 100).toFixed(2)}% ±${(c.band * 100).toFixed(2)}  ${c.status}\n`,
        );
      }
    },
    (err: unknown) => {
      process.stderr.write(`Could not write the sample: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}

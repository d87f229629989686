/**
 * The backtest sample workbooks (`npm run sample` writes them beside the household sample), from the
 * series of src/samples/history.ts: Read Me, Targets, Returns and, for the 60/40 book, the
 * BacktestPolicies grid of Vanguard's 2010 study. Byte-for-byte reproducible, like the household sample.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { BacktestSample } from "../samples/backtest-samples";
import { SAMPLE_TIMESTAMP, normalizeZip, styleHeader, tableRef } from "./sample-workbook";

const POLICY_HEADERS = ["Name", "Check", "Abs Band", "Rel Band", "Rebalance To", "Cost Bps", "Tax Rate"];

export function buildBacktestWorkbook(sample: BacktestSample): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "SDIRA Rebalancer sample generator";
  wb.lastModifiedBy = "SDIRA Rebalancer sample generator";
  wb.title = sample.title;
  wb.created = SAMPLE_TIMESTAMP;
  wb.modified = SAMPLE_TIMESTAMP;

  const readMe = wb.addWorksheet("Read Me");
  readMe.getColumn(1).width = 110;
  sample.readMe.forEach((line, i) => {
    readMe.getCell(i + 1, 1).value = line;
    if (i === 0) readMe.getCell(1, 1).font = { bold: true, size: 14 };
  });

  const targets = wb.addWorksheet("Targets");
  targets.addRow(["Asset Class", "Target"]);
  for (const t of sample.targets) targets.addRow([t.assetClass, t.target]).getCell(2).numFmt = "0.00%";
  styleHeader(targets, 2);
  targets.getColumn(1).width = 16;
  wb.definedNames.add(tableRef("Targets", sample.targets.length + 1, 2), "Targets");

  const returns = wb.addWorksheet("Returns");
  returns.addRow(["Date", ...sample.columns]);
  for (const r of sample.rows) {
    const row = returns.addRow([new Date(`${r.date}T00:00:00Z`), ...sample.columns.map((c) => r.values[c])]);
    row.getCell(1).numFmt = "yyyy-mm-dd";
    for (let c = 2; c <= sample.columns.length + 1; c++) row.getCell(c).numFmt = "0.00%";
  }
  styleHeader(returns, sample.columns.length + 1);
  returns.getColumn(1).width = 12;
  returns.views = [{ state: "frozen", ySplit: 1 }];
  wb.definedNames.add(tableRef("Returns", sample.rows.length + 1, sample.columns.length + 1), "Returns");

  if (sample.policies.length > 0) {
    const ws = wb.addWorksheet("Backtest Policies");
    ws.addRow(POLICY_HEADERS);
    for (const p of sample.policies) {
      const row = ws.addRow(p);
      for (const c of [3, 4, 7]) row.getCell(c).numFmt = "0%";
    }
    styleHeader(ws, POLICY_HEADERS.length);
    ws.getColumn(1).width = 24;
    wb.definedNames.add(tableRef("Backtest Policies", sample.policies.length + 1, POLICY_HEADERS.length), "BacktestPolicies");
  }
  return wb;
}

export async function backtestWorkbookBuffer(sample: BacktestSample): Promise<Buffer> {
  const raw = await buildBacktestWorkbook(sample).xlsx.writeBuffer();
  return normalizeZip(new Uint8Array(raw as ArrayBuffer));
}

export async function writeBacktestSample(file: string, sample: BacktestSample): Promise<void> {
  const bytes = await backtestWorkbookBuffer(sample);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, bytes);
}

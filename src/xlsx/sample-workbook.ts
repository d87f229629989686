/**
 * The sample workbook, written with exceljs from the source data in src/samples/sdira-sample.ts
 * (`npm run sample` runs src/cli/make-sample.ts, which calls writeSample):
 *
 * Sheets: "Read Me", "Holdings", "Targets", "Policy", with the workbook-scoped names Holdings,
 * Targets and Policy over exactly each table's header row and data rows. Nothing is written to
 * the right of the Targets table: the add-in puts its drift columns there.
 *
 * The output is byte-for-byte reproducible: workbook properties and zip entry dates are fixed,
 * so regenerating an unchanged sample leaves the committed file unchanged.
 */
import * as fs from "fs";
import * as path from "path";
import Decimal from "decimal.js";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { absoluteAddress, sheetLabel } from "../a1";
import {
  ACCOUNTS_HEADERS,
  HOLDINGS_HEADERS,
  OWNERS_HEADERS,
  POLICY_HEADERS,
  SHEET_NAMES,
  TARGETS_HEADERS,
  SAMPLE_ACCOUNTS,
  SAMPLE_ACCOUNT_TYPES,
  SAMPLE_AS_OF,
  SAMPLE_HOLDINGS,
  SAMPLE_POLICY,
  SAMPLE_TARGETS,
  SampleAccount,
  SampleOwner,
  SAMPLE_OWNERS,
  SampleHolding,
  SamplePolicySetting,
  SampleTarget,
} from "../samples/sdira-sample";
import { marketValue, money, summarizeSample } from "../samples/summary";

export { ACCOUNTS_HEADERS, HOLDINGS_HEADERS, OWNERS_HEADERS, POLICY_HEADERS, SHEET_NAMES, TARGETS_HEADERS } from "../samples/sdira-sample";

/** Fixed timestamp for workbook properties and zip entries (the sample's As Of date). */
export const SAMPLE_TIMESTAMP = new Date(`${SAMPLE_AS_OF}T00:00:00Z`);

const FMT = {
  date: "yyyy-mm-dd",
  percent: "0.00%",
  currency: '"$"#,##0.00',
  shares: "#,##0",
  dollars: "#,##0.00",
  integer: "0",
};

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF1F4E78" } };
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: "FFFFFFFF" } };
const HEADER_BORDER: Partial<ExcelJS.Borders> = { bottom: { style: "thin", color: { argb: "FF000000" } } };
const INPUT_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };

/** ISO date → a Date at UTC midnight, which exceljs stores as a whole Excel date serial. */
function excelDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** "Holdings!$A$1:$L$16" for a table at A1 of `sheet` with the given size. */
export function tableRef(sheet: string, rows: number, cols: number): string {
  return `${sheetLabel(sheet)}!$A$1:${absoluteAddress(rows, cols)}`;
}

export function styleHeader(ws: ExcelJS.Worksheet, count: number): void {
  const row = ws.getRow(1);
  for (let c = 1; c <= count; c++) {
    const cell = row.getCell(c);
    cell.fill = HEADER_FILL;
    cell.font = HEADER_FONT;
    cell.border = HEADER_BORDER;
    cell.alignment = { vertical: "middle", horizontal: c === 1 ? "left" : "center", wrapText: true };
  }
  row.height = 20;
  ws.views = [{ state: "frozen", ySplit: 1, xSplit: 0 }];
}

/**
 * Adds a drop-down over a whole range. (Per-cell validations are merged by exceljs into
 * overlapping ranges once a column passes row 9, which makes Excel offer to repair the file.)
 */
function addDropDown(ws: ExcelJS.Worksheet, range: string, options: string[]): void {
  const sheet = ws as unknown as { dataValidations: { add(address: string, dv: ExcelJS.DataValidation): void } };
  sheet.dataValidations.add(range, listValidation(options));
}

function listValidation(options: string[]): ExcelJS.DataValidation {
  return {
    type: "list",
    allowBlank: true,
    formulae: [`"${options.join(",")}"`],
    showErrorMessage: true,
    errorTitle: "Not an option",
    error: `Choose one of: ${options.join(", ")}`,
  };
}

function addHoldings(wb: ExcelJS.Workbook, holdings: SampleHolding[], classes: string[]): string {
  const ws = wb.addWorksheet(SHEET_NAMES.holdings, { properties: { tabColor: { argb: "FF1F4E78" } } });
  ws.columns = [
    { width: 18 },
    { width: 18 },
    { width: 44 },
    { width: 14 },
    { width: 12 },
    { width: 13 },
    { width: 15 },
    { width: 15 },
    { width: 12 },
    { width: 10 },
    { width: 10 },
    { width: 12 },
  ];
  ws.addRow([...HOLDINGS_HEADERS]);
  styleHeader(ws, HOLDINGS_HEADERS.length);
  holdings.forEach((h, i) => {
    const r = i + 2;
    const row = ws.getRow(r);
    row.getCell(1).value = h.account;
    row.getCell(2).value = h.symbol;
    row.getCell(3).value = h.description;
    row.getCell(4).value = h.assetClass;
    row.getCell(5).value = h.quantity;
    row.getCell(5).numFmt = h.symbol === "CASH" ? FMT.dollars : FMT.shares;
    row.getCell(6).value = h.price;
    row.getCell(6).numFmt = FMT.currency;
    row.getCell(7).value = { formula: `E${r}*F${r}`, result: money(marketValue(h)) };
    row.getCell(7).numFmt = FMT.currency;
    if (h.costBasis !== null) row.getCell(8).value = h.costBasis;
    row.getCell(8).numFmt = FMT.currency;
    if (h.acquired) row.getCell(9).value = excelDate(h.acquired);
    row.getCell(9).numFmt = FMT.date;
    row.getCell(10).value = h.tradable ? "Yes" : "No";
    row.getCell(10).alignment = { horizontal: "center" };
    if (h.lotSize !== null) row.getCell(11).value = h.lotSize;
    row.getCell(11).numFmt = FMT.integer;
    row.getCell(11).alignment = { horizontal: "center" };
    if (h.valuedOn) row.getCell(12).value = excelDate(h.valuedOn);
    row.getCell(12).numFmt = FMT.date;
  });
  const last = holdings.length + 1;
  addDropDown(ws, `D2:D${last}`, classes);
  addDropDown(ws, `J2:J${last}`, ["Yes", "No"]);
  return tableRef(ws.name, holdings.length + 1, HOLDINGS_HEADERS.length);
}

function addTargets(wb: ExcelJS.Workbook, targets: SampleTarget[]): string {
  const ws = wb.addWorksheet(SHEET_NAMES.targets, { properties: { tabColor: { argb: "FF548235" } } });
  // Only A:D are used; columns E onward stay empty for the add-in's drift columns.
  ws.columns = [{ width: 16 }, { width: 10 }, { width: 10 }, { width: 10 }];
  ws.addRow([...TARGETS_HEADERS]);
  styleHeader(ws, TARGETS_HEADERS.length);
  targets.forEach((t, i) => {
    const row = ws.getRow(i + 2);
    row.getCell(1).value = t.assetClass;
    row.getCell(2).value = t.target;
    if (t.absBand !== null) row.getCell(3).value = t.absBand;
    if (t.relBand !== null) row.getCell(4).value = t.relBand;
    for (const c of [2, 3, 4]) row.getCell(c).numFmt = FMT.percent;
  });
  // A check total below the table (one blank row between, outside the named range).
  const totalRow = ws.getRow(targets.length + 3);
  totalRow.getCell(1).value = "Total";
  totalRow.getCell(1).font = { bold: true };
  const sum = targets.reduce((s, t) => s.plus(t.target), new Decimal(0)).toNumber();
  totalRow.getCell(2).value = { formula: `SUM(B2:B${targets.length + 1})`, result: sum };
  totalRow.getCell(2).numFmt = FMT.percent;
  totalRow.getCell(2).font = { bold: true };
  const note = ws.getRow(targets.length + 5).getCell(1);
  note.value = "Targets must total 100%. Blank Abs Band / Rel Band cells use the Policy bands.";
  note.font = { italic: true, color: { argb: "FF595959" } };
  return tableRef(ws.name, targets.length + 1, TARGETS_HEADERS.length);
}

function policyCellValue(p: SamplePolicySetting): { value: ExcelJS.CellValue; numFmt?: string } {
  switch (p.kind) {
    case "date":
      return { value: excelDate(String(p.value)), numFmt: FMT.date };
    case "percent":
      return { value: Number(p.value), numFmt: FMT.percent };
    case "money":
      return { value: Number(p.value), numFmt: FMT.currency };
    case "bps":
      return { value: Number(p.value), numFmt: FMT.integer };
    case "choice":
    case "yesno":
      return { value: String(p.value) };
  }
}

function addPolicy(wb: ExcelJS.Workbook, policy: SamplePolicySetting[]): string {
  const ws = wb.addWorksheet(SHEET_NAMES.policy, { properties: { tabColor: { argb: "FF7F6000" } } });
  ws.columns = [{ width: 18 }, { width: 13 }, { width: 90 }];
  ws.addRow([...POLICY_HEADERS, "Notes"]);
  styleHeader(ws, POLICY_HEADERS.length + 1);
  policy.forEach((p, i) => {
    const row = ws.getRow(i + 2);
    row.getCell(1).value = p.setting;
    row.getCell(1).font = { bold: true };
    const { value, numFmt } = policyCellValue(p);
    const cell = row.getCell(2);
    cell.value = value;
    if (numFmt) cell.numFmt = numFmt;
    cell.fill = INPUT_FILL;
    cell.alignment = { horizontal: "right" };
    if (p.options) addDropDown(ws, cell.address, p.options);
    row.getCell(3).value = p.note;
    row.getCell(3).font = { color: { argb: "FF595959" } };
  });
  // The Notes column is beside the name, not in it: Policy is Setting | Value.
  return tableRef(ws.name, policy.length + 1, POLICY_HEADERS.length);
}

function addAccounts(wb: ExcelJS.Workbook, accounts: SampleAccount[]): string {
  const ws = wb.addWorksheet(SHEET_NAMES.accounts, { properties: { tabColor: { argb: "FF7030A0" } } });
  ws.columns = [{ width: 20 }, { width: 18 }, { width: 14 }, { width: 14 }, { width: 20 }, { width: 21 }];
  ws.addRow([...ACCOUNTS_HEADERS]);
  styleHeader(ws, ACCOUNTS_HEADERS.length);
  accounts.forEach((a, i) => {
    const row = ws.getRow(i + 2);
    row.getCell(1).value = a.account;
    row.getCell(2).value = a.type;
    if (a.cashReserve !== null) row.getCell(3).value = a.cashReserve;
    row.getCell(3).numFmt = FMT.currency;
    row.getCell(4).value = a.owner;
    row.getCell(5).value = a.priorYearEnd;
    row.getCell(6).value = a.distributed;
    for (const c of [5, 6]) row.getCell(c).numFmt = FMT.currency;
  });
  addDropDown(ws, `B2:B${accounts.length + 1}`, [...SAMPLE_ACCOUNT_TYPES]);
  const note = ws.getRow(accounts.length + 3).getCell(1);
  note.value = "Every Holdings account is listed here with its type; a blank Cash Reserve uses the Policy's. Prior Year End Value is the December 31 value the RMD is computed from (IRS Pub. 590-B).";
  note.font = { italic: true, color: { argb: "FF595959" } };
  return tableRef(ws.name, accounts.length + 1, ACCOUNTS_HEADERS.length);
}

function addOwners(wb: ExcelJS.Workbook, owners: SampleOwner[]): string {
  const ws = wb.addWorksheet(SHEET_NAMES.owners, { properties: { tabColor: { argb: "FF375623" } } });
  ws.columns = [{ width: 16 }, { width: 13 }, { width: 18 }, { width: 24 }];
  ws.addRow([...OWNERS_HEADERS]);
  styleHeader(ws, OWNERS_HEADERS.length);
  owners.forEach((o, i) => {
    const row = ws.getRow(i + 2);
    row.getCell(1).value = o.owner;
    row.getCell(2).value = excelDate(o.birthDate);
    row.getCell(2).numFmt = FMT.date;
    if (o.spouseBirthDate) {
      row.getCell(3).value = excelDate(o.spouseBirthDate);
      row.getCell(3).numFmt = FMT.date;
    }
    row.getCell(4).value = o.spouseSoleBeneficiary ? "Yes" : "No";
  });
  addDropDown(ws, `D2:D${owners.length + 1}`, ["Yes", "No"]);
  const note = ws.getRow(owners.length + 3).getCell(1);
  note.value = "Birth dates decide the RMD age (73 for 1951–1959, 75 from 1960) and the Uniform Lifetime divisor; a spouse more than 10 years younger as sole beneficiary would call for the Joint Life table.";
  note.font = { italic: true, color: { argb: "FF595959" } };
  return tableRef(ws.name, owners.length + 1, OWNERS_HEADERS.length);
}

function addReadMe(wb: ExcelJS.Workbook, refs: { holdings: string; targets: string; policy: string; accounts: string; owners: string }): void {
  const ws = wb.addWorksheet(SHEET_NAMES.readMe, { properties: { tabColor: { argb: "FF7F7F7F" } } });
  ws.columns = [{ width: 22 }, { width: 16 }, { width: 11 }, { width: 11 }, { width: 11 }, { width: 12 }];
  const { total, classes } = summarizeSample();
  const accounts = [...new Set(SAMPLE_HOLDINGS.map((h) => h.account))];
  const pct = (n: number) => `${(n * 100).toFixed(2)}%`;

  let r = 1;
  const line = (text: string, font?: Partial<ExcelJS.Font>) => {
    const cell = ws.getRow(r++).getCell(1);
    cell.value = text;
    if (font) cell.font = font;
  };
  line("SDIRA Rebalancer: sample household", { bold: true, size: 14 });
  line(`Prices as of ${SAMPLE_AS_OF}. Invented but plausible figures for trying the add-in and the rebalance command; not market data or advice.`);
  r++;
  line("The household", { bold: true });
  line(`Two accounts: ${accounts.join(" and ")}, worth $${money(total).toLocaleString("en-US", { minimumFractionDigits: 2 })} together.`);
  line("The Traditional SDIRA holds index funds, gold (GLD) and a rental house owned directly by the IRA (Tradable = No, valued by appraisal).");
  line("The Roth SDIRA holds index funds, a REIT fund (VNQ, the tradable part of Real Estate) and a private note (Tradable = No).");
  line("The Roth's BND row has Quantity 0: it holds no bonds yet, but may buy them. Each account has a CASH row (Price 1, Quantity = dollars).");
  const lastRebalanced = SAMPLE_POLICY.find((p) => p.setting === "Last Rebalanced")?.value;
  line(`Stocks rallied after the last rebalance (${lastRebalanced}); the table below shows which classes drifted out of their bands.`);
  r++;
  line("Sheets and names", { bold: true });
  line(`Holdings (name Holdings = ${refs.holdings}): one row per tax lot. Required: Symbol, Asset Class, Quantity, Price.`);
  line("    Optional: Account, Cost Basis (total for the lot), Acquired, Tradable, Lot Size, Valued On. Description and Market Value are for reading only.");
  line(`Targets (name Targets = ${refs.targets}): Asset Class, Target, and optional per-class Abs Band / Rel Band overrides.`);
  line("    Real Estate has a 10-point band because the rental is appraised once a year and cannot be sold in pieces.");
  line("    Columns to the right of Targets are left empty: the add-in writes its drift columns there.");
  line(`Policy (name Policy = ${refs.policy}): Setting | Value pairs; the Notes column explains each setting.`);
  line(`Accounts (name Accounts = ${refs.accounts}): each account's type (${SAMPLE_ACCOUNTS.map((a) => `${a.account}: ${a.type}`).join(", ")}), owner and RMD inputs.`);
  line(`Owners (name Owners = ${refs.owners}): ${SAMPLE_OWNERS.map((o) => `${o.owner}, born ${o.birthDate}`).join("; ")}. Policy Cash Flow = RMD plans this year's required minimum distribution.`);
  line("The names cover the header row and the data rows. After adding rows, extend the name (Formulas > Name Manager).");
  r++;
  line(`Starting position on ${SAMPLE_AS_OF} (computed when this file was generated)`, { bold: true });
  const head = ws.getRow(r++);
  ["Asset Class", "Value", "Weight", "Target", "Band ±", "Status"].forEach((h, i) => {
    const cell = head.getCell(i + 1);
    cell.value = h;
    cell.fill = HEADER_FILL;
    cell.font = HEADER_FONT;
    cell.border = HEADER_BORDER;
  });
  for (const c of classes) {
    const row = ws.getRow(r++);
    row.getCell(1).value = c.assetClass;
    row.getCell(2).value = money(c.value);
    row.getCell(2).numFmt = FMT.currency;
    row.getCell(3).value = Number(c.weight.toFixed(6));
    row.getCell(4).value = c.target;
    row.getCell(5).value = Number(c.band.toFixed(6));
    for (const col of [3, 4, 5]) row.getCell(col).numFmt = FMT.percent;
    row.getCell(6).value = c.status;
    if (c.status !== "In band") row.getCell(6).font = { bold: true, color: { argb: "FFC00000" } };
  }
  line(`Band = the tighter of Abs Band and Rel Band × Target; ${classes.filter((c) => c.status !== "In band").map((c) => `${c.assetClass} (${pct(c.weight)} vs ${pct(c.target)})`).join(", ")} are out of band.`);
  r++;
  line("Regenerating", { bold: true });
  line("This workbook is generated from src/samples/sdira-sample.ts by `npm run sample`; edit the source data there, not this file.");
}

/** The sample workbook, built in memory. */
export function buildSampleWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "SDIRA Rebalancer sample generator";
  wb.lastModifiedBy = "SDIRA Rebalancer sample generator";
  wb.title = "SDIRA Rebalancer sample household";
  wb.created = SAMPLE_TIMESTAMP;
  wb.modified = SAMPLE_TIMESTAMP;
  wb.calcProperties.fullCalcOnLoad = true;

  const refs = {
    holdings: tableRef(SHEET_NAMES.holdings, SAMPLE_HOLDINGS.length + 1, HOLDINGS_HEADERS.length),
    targets: tableRef(SHEET_NAMES.targets, SAMPLE_TARGETS.length + 1, TARGETS_HEADERS.length),
    policy: tableRef(SHEET_NAMES.policy, SAMPLE_POLICY.length + 1, POLICY_HEADERS.length),
    accounts: tableRef(SHEET_NAMES.accounts, SAMPLE_ACCOUNTS.length + 1, ACCOUNTS_HEADERS.length),
    owners: tableRef(SHEET_NAMES.owners, SAMPLE_OWNERS.length + 1, OWNERS_HEADERS.length),
  };
  addReadMe(wb, refs);
  const written = {
    holdings: addHoldings(wb, SAMPLE_HOLDINGS, SAMPLE_TARGETS.map((t) => t.assetClass)),
    targets: addTargets(wb, SAMPLE_TARGETS),
    policy: addPolicy(wb, SAMPLE_POLICY),
    accounts: addAccounts(wb, SAMPLE_ACCOUNTS),
    owners: addOwners(wb, SAMPLE_OWNERS),
  };
  if (JSON.stringify(written) !== JSON.stringify(refs)) throw new Error("sample tables do not match their names");

  wb.definedNames.add(refs.holdings, "Holdings");
  wb.definedNames.add(refs.targets, "Targets");
  wb.definedNames.add(refs.policy, "Policy");
  wb.definedNames.add(refs.accounts, "Accounts");
  wb.definedNames.add(refs.owners, "Owners");
  return wb;
}

/** Rewrites a zip with fixed entry dates so identical content gives identical bytes. */
export async function normalizeZip(data: Uint8Array): Promise<Buffer> {
  const source = await JSZip.loadAsync(data);
  const out = new JSZip();
  for (const name of Object.keys(source.files)) {
    const entry = source.files[name];
    if (entry.dir) continue;
    out.file(name, await entry.async("uint8array"), { date: SAMPLE_TIMESTAMP, createFolders: false });
  }
  return out.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 }, platform: "DOS" });
}

/** The sample as .xlsx bytes (deterministic). */
export async function sampleWorkbookBuffer(): Promise<Buffer> {
  const raw = await buildSampleWorkbook().xlsx.writeBuffer();
  return normalizeZip(new Uint8Array(raw as ArrayBuffer));
}

/** Writes the sample to a file, creating its folder. */
export async function writeSample(file: string): Promise<void> {
  const bytes = await sampleWorkbookBuffer();
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, bytes);
}

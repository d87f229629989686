/**
 * The sample workbook: regenerated into a temp folder, read back through the real .xlsx reader
 * and contract parser, and compared with the committed samples/sdira-sample.xlsx.
 */
import * as fs from "fs";
import * as path from "path";
import Decimal from "decimal.js";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readWorkbookSnapshot } from "../../src/xlsx/read";
import { parseWorkbook } from "../../src/plans/plan-workbook";
import { RangeSnapshot } from "../../src/contract/snapshot";
import { bandStatus, bandWidth } from "../../src/engine/bands";
import { HOLDINGS_HEADERS, sampleWorkbookBuffer, writeSample } from "../../src/xlsx/sample-workbook";
import { summarizeSample } from "../../src/samples/summary";
import { SAMPLE_ACCOUNTS, SAMPLE_HOLDINGS, SAMPLE_OWNERS, SAMPLE_POLICY, SAMPLE_TARGETS } from "../../src/samples/sdira-sample";
import { tempDir } from "../support/workbook";

const COMMITTED = path.join(__dirname, "..", "..", "samples", "sdira-sample.xlsx");

/** Every non-empty cell of every sheet: sheet, address, value, number format. */
async function dumpCells(data: Buffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const out: string[] = [];
  wb.eachSheet((ws) => {
    ws.eachRow((row) => {
      row.eachCell((cell) => {
        out.push(`${ws.name}!${cell.address}\t${JSON.stringify(cell.value)}\t${cell.numFmt ?? ""}`);
      });
    });
  });
  return out;
}

async function definedNames(data: Buffer): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(data)).file("xl/workbook.xml")!.async("string");
  return [...xml.matchAll(/<definedName\b[^>]*>[^<]*<\/definedName>/g)].map((m) => m[0]);
}

function header(range: RangeSnapshot): unknown[] {
  return range.values[0];
}

function column(range: RangeSnapshot, name: string): { values: unknown[]; formats: string[] } {
  const i = range.values[0].indexOf(name);
  if (i < 0) throw new Error(`no column ${name} in ${range.name}`);
  return { values: range.values.slice(1).map((r) => r[i]), formats: range.numberFormats.slice(1).map((r) => r[i]) };
}

describe("sample workbook", () => {
  let file: string;
  let bytes: Buffer;

  beforeAll(async () => {
    file = path.join(tempDir("sdira-sample-"), "nested", "sdira-sample.xlsx");
    await writeSample(file);
    bytes = fs.readFileSync(file);
  });

  test("defines workbook-scoped Holdings, Targets, Policy, Accounts and Owners over exactly header + data rows", async () => {
    expect(await definedNames(bytes)).toEqual([
      `<definedName name="Holdings">Holdings!$A$1:$L$${SAMPLE_HOLDINGS.length + 1}</definedName>`,
      `<definedName name="Targets">Targets!$A$1:$D$${SAMPLE_TARGETS.length + 1}</definedName>`,
      `<definedName name="Policy">Policy!$A$1:$B$${SAMPLE_POLICY.length + 1}</definedName>`,
      `<definedName name="Accounts">Accounts!$A$1:$F$${SAMPLE_ACCOUNTS.length + 1}</definedName>`,
      `<definedName name="Owners">Owners!$A$1:$D$${SAMPLE_OWNERS.length + 1}</definedName>`,
    ]);
    const snap = await readWorkbookSnapshot(bytes);
    expect(snap.nameProblems).toEqual([]);
    expect(Object.keys(snap.ranges).sort()).toEqual(["accounts", "holdings", "owners", "policy", "targets"]);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(["Read Me", "Holdings", "Targets", "Policy", "Accounts", "Owners"]);
    for (const range of Object.values(snap.ranges)) {
      // Every data row is filled, and the row just below the name is empty on its columns.
      for (const row of range.values) expect(row.some((v) => v !== null)).toBe(true);
      const ws = wb.getWorksheet(range.sheet)!;
      const below = ws.getRow(range.top + range.values.length);
      for (let c = range.left; c < range.left + range.values[0].length; c++) expect(below.getCell(c).value).toBeNull();
    }
    // Room for the add-in's drift columns: nothing to the right of the Targets table.
    const targets = wb.getWorksheet("Targets")!;
    targets.eachRow((row) => row.eachCell((cell) => expect(Number(cell.col)).toBeLessThanOrEqual(4)));
  });

  test("has the documented headers", async () => {
    const snap = await readWorkbookSnapshot(bytes);
    expect(header(snap.ranges.holdings)).toEqual([...HOLDINGS_HEADERS]);
    for (const h of ["Symbol", "Asset Class", "Quantity", "Price", "Account", "Cost Basis", "Acquired", "Tradable", "Lot Size", "Valued On"]) {
      expect(header(snap.ranges.holdings)).toContain(h);
    }
    expect(header(snap.ranges.targets)).toEqual(["Asset Class", "Target", "Abs Band", "Rel Band"]);
    expect(header(snap.ranges.policy)).toEqual(["Setting", "Value"]);
  });

  test("targets sum to exactly 100% and cover every asset class held", async () => {
    const snap = await readWorkbookSnapshot(bytes);
    const targets = column(snap.ranges.targets, "Target");
    const sum = targets.values.reduce((s: Decimal, v) => s.plus(v as number), new Decimal(0));
    expect(sum.eq(1)).toBe(true);
    const classes = column(snap.ranges.targets, "Asset Class").values;
    expect(classes).toEqual(["Stocks", "Bonds", "Real Estate", "Alternatives", "Cash"]);
    expect(new Set(column(snap.ranges.holdings, "Asset Class").values)).toEqual(new Set(classes));
  });

  test("uses real dates, percents and currency formats", async () => {
    const snap = await readWorkbookSnapshot(bytes);
    for (const name of ["Acquired", "Valued On"]) {
      const col = column(snap.ranges.holdings, name);
      const filled = col.values.map((v, i) => ({ v, f: col.formats[i] })).filter((x) => x.v !== null);
      expect(filled.length).toBeGreaterThan(0);
      for (const x of filled) {
        expect(x.v).toBeInstanceOf(Date);
        expect(x.f).toBe("yyyy-mm-dd");
      }
    }
    for (const name of ["Target", "Abs Band", "Rel Band"]) {
      expect(new Set(column(snap.ranges.targets, name).formats)).toEqual(new Set(["0.00%"]));
    }
    for (const name of ["Price", "Cost Basis"]) {
      expect(new Set(column(snap.ranges.holdings, name).formats)).toEqual(new Set(['"$"#,##0.00']));
    }
    const policy = snap.ranges.policy;
    const valueOf = (setting: string) => policy.values.findIndex((r) => r[0] === setting);
    expect(policy.values[valueOf("As Of")][1]).toEqual(new Date("2026-11-20T00:00:00Z"));
    expect(policy.numberFormats[valueOf("Abs Band")][1]).toBe("0.00%");
  });

  test("parses through the contract with the documented policy, and is out of band", async () => {
    const result = parseWorkbook(await readWorkbookSnapshot(bytes), { today: "2000-01-01" });
    if (!result.ok) throw new Error(result.errors.map((e) => e.text).join("\n"));
    const { holdings, targets, policy, accounts } = result.portfolio;
    // The Roth SDIRA is typed as a Roth IRA (without the Accounts range it would be a Traditional IRA).
    expect(accounts.map((a) => [a.account, a.type])).toEqual([
      ["Traditional SDIRA", "Traditional IRA"],
      ["Roth SDIRA", "Roth IRA"],
    ]);
    expect(policy).toMatchObject({
      asOf: "2026-11-20",
      trigger: "Hybrid",
      frequency: "Quarterly",
      lastRebalanced: "2026-06-30",
      absBand: 0.05,
      relBand: 0.25,
      rebalanceTo: "Target",
      strategy: "Full",
      fractional: false,
    });
    expect(policy.minTrade.toNumber()).toBe(100);
    expect(policy.cashReserve.toNumber()).toBe(500);
    expect(policy.limitOffsetBps.toNumber()).toBe(10);
    expect(policy.feePerTrade.toNumber()).toBe(0);
    expect(policy.feeBps.toNumber()).toBe(0);

    expect(new Set(holdings.map((h) => h.account))).toEqual(new Set(["Traditional SDIRA", "Roth SDIRA"]));
    for (const account of ["Traditional SDIRA", "Roth SDIRA"]) {
      expect(holdings.filter((h) => h.account === account && h.isCash)).toHaveLength(1);
    }
    const rental = holdings.find((h) => h.symbol === "RENTAL-123-MAIN")!;
    expect(rental).toMatchObject({ assetClass: "Real Estate", tradable: false, valuedOn: "2025-12-31" });
    expect(rental.quantity.toNumber()).toBe(1);
    expect(holdings.some((h) => h.assetClass === "Real Estate" && h.tradable && h.quantity.gt(0))).toBe(true);
    expect(holdings.some((h) => h.account === "Roth SDIRA" && h.quantity.isZero() && !h.isCash)).toBe(true);
    expect(targets.find((t) => t.assetClass === "Real Estate")?.absBand).toBe(0.1);

    // Weights from the parsed rows, bands from the engine: some class must be out of band.
    const total = holdings.reduce((s, h) => s.plus(h.quantity.times(h.price)), new Decimal(0));
    const statuses = targets.map((t) => {
      const value = holdings.filter((h) => h.assetClass === t.assetClass).reduce((s, h) => s.plus(h.quantity.times(h.price)), new Decimal(0));
      const width = bandWidth(t.target, t.absBand ?? policy.absBand, t.relBand ?? policy.relBand);
      return [t.assetClass, bandStatus(value.div(total).toNumber() - t.target, width)];
    });
    expect(Object.fromEntries(statuses)).toEqual(
      Object.fromEntries(summarizeSample().classes.map((c) => [c.assetClass, c.status])),
    );
    expect(Object.fromEntries(statuses).Stocks).toBe("Over");
  });

  test("writes no overlapping data validations (Excel would offer to repair the file)", async () => {
    const zip = await JSZip.loadAsync(bytes);
    for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
      const xml = await zip.file(name)!.async("string");
      const cells = new Set<string>();
      for (const m of xml.matchAll(/sqref="([^"]+)"/g)) {
        for (const part of m[1].split(" ")) {
          const [a, b = a] = part.split(":");
          const [, c1, r1] = /^([A-Z]+)(\d+)$/.exec(a)!;
          const [, c2, r2] = /^([A-Z]+)(\d+)$/.exec(b)!;
          expect(c1).toBe(c2); // single-column ranges in this workbook
          for (let r = Number(r1); r <= Number(r2); r++) {
            expect(cells.has(`${c1}${r}`)).toBe(false);
            cells.add(`${c1}${r}`);
          }
        }
      }
    }
  });

  test("regenerating gives identical cells and identical bytes", async () => {
    const again = await sampleWorkbookBuffer();
    expect(await dumpCells(again)).toEqual(await dumpCells(bytes));
    expect(again.equals(bytes)).toBe(true);
  });

  test("the committed samples/sdira-sample.xlsx is up to date (run `npm run sample`)", async () => {
    const committed = fs.readFileSync(COMMITTED);
    expect(await dumpCells(committed)).toEqual(await dumpCells(bytes));
    expect(await definedNames(committed)).toEqual(await definedNames(bytes));
  });
});

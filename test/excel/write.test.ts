/**
 * Writing sheet plans inside (fake) Excel: sync counts, payload chunking, suspension, the
 * ownership rule, the append-only log, and what a failure midway leaves behind.
 */
import Decimal from "decimal.js";
import { applyWritePlanInExcel, ExcelWriteError } from "../../src/excel/apply";
import { CHUNK_BYTES, estimateWrite } from "../../src/excel/ops";
import { syntheticSnapshot } from "../../src/samples/synthetic";
import { planWorkbook } from "../../src/plans/plan-workbook";
import { buildWritePlan } from "../../src/plans/write-plan";
import { rebalanceSheetPlan } from "../../src/plans/rebalance-sheet";
import { Plan, Trade } from "../../src/engine/types";
import { WritePlan } from "../../src/plans/types";
import { readContractSnapshot } from "../../src/excel/read";
import { BookSpec, sampleBook, workbookBuffer } from "../support/workbook";
import { REQUEST_LIMIT, Workbook } from "./support/fake-excel";
import { BookDump, dumpFake, fakeFromSnapshot, fakeFromXlsx } from "./support/books";
import { NOW, writeWithOffice } from "./support/pipeline";
import { localSerial } from "../../src/dates/serial";

const ctx = (wb: Workbook) => wb.context() as unknown as Excel.RequestContext;
const userSheets = (d: BookDump) => ({ Holdings: d.sheets.Holdings, Targets: d.sheets.Targets, Policy: d.sheets.Policy });

async function smallBook(): Promise<Workbook> {
  return fakeFromXlsx(await workbookBuffer(sampleBook()));
}

/** A plan with `n` trades (copies of the sample's), to make write payloads of any size. */
function planWithTrades(n: number): { plan: Plan; writePlan: WritePlan } {
  const snap = syntheticSnapshot(1000);
  const r = planWorkbook(snap);
  if (!r.ok) throw new Error("synthetic book is invalid");
  const base = r.raw.trades;
  const trades: Trade[] = Array.from({ length: n }, (_, i) => ({ ...base[i % base.length], account: `IRA ${String(i).padStart(6, "0")}` }));
  const plan = { ...r.raw, trades };
  return { plan, writePlan: { sheets: [rebalanceSheetPlan(plan)] } };
}

describe("writing in Excel: syncs and payload", () => {
  test("a 10,000-holding portfolio: read in 2 syncs, written in 2, under 4 MB, with calculation and screen suspended", async () => {
    const snapshot = syntheticSnapshot(10_000);
    const wb = fakeFromSnapshot(snapshot);
    const out = await writeWithOffice(wb);
    if (!out.ok) throw new Error(out.errors.map((e) => e.text).join("\n"));
    expect(out.syncs).toEqual({ read: 2, write: 2 });
    expect(wb.syncs).toHaveLength(4);
    const [, , inspect, write] = wb.syncs;
    expect(inspect.actions).toBeLessThan(10);
    expect(write.bytes).toBeLessThan(CHUNK_BYTES);
    expect(write.suspendedCalculation && write.suspendedScreen).toBe(true);
    expect(out.plan.trades.length).toBeGreaterThan(1000);
    // Every trade is in the Trades table.
    const table = wb.tables.find((t) => t.name === "Trades_20261120")!;
    expect(table.rect.bottom - table.rect.top).toBe(out.plan.trades.length);
  });

  test("a write above 4 MB is split into batches below 4 MB, and writes what one batch would", async () => {
    const { writePlan } = planWithTrades(60_000);
    const estimate = estimateWrite(writePlan);
    expect(estimate.bytes).toBeGreaterThan(CHUNK_BYTES);
    const wb = new Workbook();
    wb.addSheet("Targets");
    const report = await applyWritePlanInExcel(ctx(wb), writePlan);
    expect(report.syncs).toBe(estimate.syncs);
    expect(report.syncs).toBeGreaterThanOrEqual(3);
    const writes = wb.syncs.slice(1);
    expect(writes).toHaveLength(report.syncs - 1);
    for (const s of writes) {
      expect(s.bytes).toBeLessThan(CHUNK_BYTES);
      expect(s.suspendedCalculation && s.suspendedScreen).toBe(true);
    }
    // The same plan in one batch, on an Excel without a request limit, gives the same workbook.
    const whole = new Workbook();
    whole.requestLimit = Number.POSITIVE_INFINITY;
    whole.addSheet("Targets");
    const once = await applyWritePlanInExcel(ctx(whole), writePlan, Number.POSITIVE_INFINITY);
    expect(once.syncs).toBe(2);
    const sheet = "Rebalance 2026-11-20";
    const split = dumpFake(wb);
    // (Compared as text: a deep toEqual over 600,000 cells takes jest most of a minute.)
    expect(JSON.stringify(split) === JSON.stringify(dumpFake(whole))).toBe(true);
    expect(Object.keys(split.sheets[sheet]).length).toBeGreaterThan(60_000 * 9);
    expect(split.tables["Trades_20261120"].range).toBe(`A${wb.tables[0].rect.top}:K${wb.tables[0].rect.top + 60_000}`);
  });

  test("without the split Excel on the web would reject the request (the fake enforces 5 MB)", async () => {
    const { writePlan } = planWithTrades(60_000);
    const wb = new Workbook();
    wb.addSheet("Targets");
    await expect(applyWritePlanInExcel(ctx(wb), writePlan, Number.POSITIVE_INFINITY)).rejects.toThrow(/payload size has exceeded/);
    expect(wb.syncs[1].bytes).toBeGreaterThan(REQUEST_LIMIT);
    expect(wb.sheets.map((s) => s.name)).toEqual(["Targets"]);
  });
});

describe("the ownership rule (drift columns beside Targets)", () => {
  test("refuses to write over a cell it did not write, names it, and writes nothing", async () => {
    const wb = await smallBook();
    wb.set("Targets", "G3", "my note");
    const before = dumpFake(wb);
    const out = await writeWithOffice(wb);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.errors).toHaveLength(1);
    expect(out.errors[0]).toMatchObject({ sheet: "Targets", cell: "G3" });
    expect(out.errors[0].text).toMatch(/^Targets!G3: .*"my note".*nothing was written/);
    expect(dumpFake(wb)).toEqual(before);
    expect(wb.syncs).toHaveLength(3); // read 2, look 1, no write
  });

  test("replaces its own block on re-runs, also when Targets shrinks, without piling up conditional formats", async () => {
    const wb = await smallBook();
    expect((await writeWithOffice(wb)).ok).toBe(true);
    const targets = wb.sheet("Targets")!;
    expect(targets.condFormats).toHaveLength(4);
    expect(targets.get(4, 11)?.value).toBe("In band");
    // The advisor merges Cash into Bonds: Targets loses its last row.
    wb.set("Targets", "B3", 0.5, "0.00%");
    targets.cells.delete("4:1");
    targets.cells.delete("4:2");
    wb.names.find((n) => n.name === "Targets")!.ref = "Targets!$A$1:$D$3";
    const holdings = wb.sheet("Holdings")!;
    holdings.cell(4, 3).value = "Bonds";
    holdings.cell(4, 2).value = "BND2";
    holdings.cell(4, 5).value = 1;
    const second = await writeWithOffice(wb);
    if (!second.ok) throw new Error(second.errors.map((e) => e.text).join("\n"));
    expect(targets.condFormats).toHaveLength(4);
    expect(targets.get(4, 5)?.value ?? null).toBeNull();
    expect(targets.get(4, 11)?.value ?? null).toBeNull();
    expect(wb.names.find((n) => n.name === "RebalDriftColumns")!.ref).toBe("Targets!$E$1:$K$3");
  });

  test("a user cell just outside the old block is still protected", async () => {
    const wb = await smallBook();
    expect((await writeWithOffice(wb)).ok).toBe(true);
    // Targets grows by a row; the advisor had typed something where the new row's drift columns go.
    wb.set("Targets", "A5", "Gold");
    wb.set("Targets", "B5", 0, "0.00%");
    wb.names.find((n) => n.name === "Targets")!.ref = "Targets!$A$1:$D$5";
    wb.set("Targets", "F5", 42);
    const out = await writeWithOffice(wb);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.errors[0]).toMatchObject({ sheet: "Targets", cell: "F5" });
  });
});

describe("the Rebalance Log (append-only)", () => {
  test("one row per rebalance; earlier rows, the advisor's notes and cells below the table are kept", async () => {
    const wb = await smallBook();
    expect((await writeWithOffice(wb, new Date(2026, 10, 20, 9, 0, 0))).ok).toBe(true);
    wb.set("Rebalance Log", "L2", "called the client");
    wb.set("Rebalance Log", "A5", "advisor's own text below the log");
    const firstRow = JSON.stringify([...Array(12).keys()].map((j) => wb.sheet("Rebalance Log")!.get(2, j + 1)));
    expect((await writeWithOffice(wb, new Date(2026, 10, 21, 10, 0, 0))).ok).toBe(true);
    expect((await writeWithOffice(wb, new Date(2026, 10, 22, 11, 0, 0))).ok).toBe(true);
    const log = wb.sheet("Rebalance Log")!;
    const table = wb.tables.find((t) => t.name === "RebalanceLog")!;
    expect(table.rect).toEqual({ top: 1, left: 1, bottom: 4, right: 12 });
    expect(JSON.stringify([...Array(12).keys()].map((j) => log.get(2, j + 1)))).toBe(firstRow);
    expect(log.get(2, 12)?.value).toBe("called the client");
    const stamps = [2, 3, 4].map((r) => log.get(r, 1)!.value as number);
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
    expect(log.get(4, 1)!.format).toBe("yyyy-mm-dd hh:mm:ss");
    expect(log.get(4, 7)!.value).toBe(2);
    expect(log.get(7, 1)!.value).toBe("advisor's own text below the log");
  });

  test("a sheet called Rebalance Log without the log table is not taken over", async () => {
    const wb = await smallBook();
    wb.addSheet("Rebalance Log");
    wb.set("Rebalance Log", "A1", "mine");
    const before = dumpFake(wb);
    const out = await writeWithOffice(wb);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.errors[0].text).toMatch(/Rebalance Log.*no "RebalanceLog" table/);
    expect(dumpFake(wb)).toEqual(before);
  });
});

describe("a failure midway", () => {
  test.each([
    ["in the Rebalance sheet (the chart)", "charts.add"],
    ["in the drift block (its name)", "names.add RebalDriftColumns"],
    ["at the log row", "table.rows.add"],
  ])("%s: the advisor's sheets are untouched and nothing is logged", async (_label, action) => {
    const wb = await smallBook();
    expect((await writeWithOffice(wb)).ok).toBe(true);
    wb.set("Targets", "B2", 0.55, "0.00%");
    wb.set("Targets", "B3", 0.35, "0.00%");
    const before = dumpFake(wb);
    wb.failOn = (d) => d.startsWith(action);
    await expect(writeWithOffice(wb, new Date(2026, 10, 21))).rejects.toBeInstanceOf(ExcelWriteError);
    const after = dumpFake(wb);
    const drift = (d: BookDump) => Object.fromEntries(Object.entries(d.sheets.Targets).filter(([a]) => /^[A-D]\d+$/.test(a)));
    expect(userSheets(after).Holdings).toEqual(userSheets(before).Holdings);
    expect(userSheets(after).Policy).toEqual(userSheets(before).Policy);
    expect(drift(after)).toEqual(drift(before));
    // Nothing of the drift block is left half-written beside Targets, and the log has only the first run.
    for (const [a, c] of Object.entries(after.sheets.Targets)) if (!/^[A-D]\d+$/.test(a)) expect({ a, c }).toEqual({ a, c: before.sheets.Targets[a] ?? c });
    expect(wb.tables.find((t) => t.name === "RebalanceLog")!.rect.bottom).toBe(2);
  });

  test("when a later batch of a split write fails, the advisor's sheets are untouched", async () => {
    const snapshotBook = await smallBook();
    const { snapshot } = await readContractSnapshot(ctx(snapshotBook));
    const r = planWorkbook(snapshot);
    if (!r.ok) throw new Error("sample invalid");
    const sample = buildWritePlan(r.raw, r.portfolio, snapshot, { now: NOW });
    // The sample's drift block and log row behind a Rebalance sheet too large for one batch.
    const plan: WritePlan = { sheets: [planWithTrades(60_000).writePlan.sheets[0], ...sample.sheets.slice(1)] };
    expect(estimateWrite(plan).syncs).toBeGreaterThanOrEqual(3);
    const before = dumpFake(snapshotBook);
    let batches = 0;
    snapshotBook.failOn = (d) => d === "suspendApiCalculation" && ++batches === 2;
    await expect(applyWritePlanInExcel(ctx(snapshotBook), plan)).rejects.toThrow(/batch 2 of/);
    expect(userSheets(dumpFake(snapshotBook))).toEqual(userSheets(before));
    expect(snapshotBook.tables.some((t) => t.name === "RebalanceLog")).toBe(false);
  });
});

test("realised gains show when the engine knows them and stay empty otherwise", () => {
  const { plan } = planWithTrades(3);
  const gain = (st: string, lt: string, known: boolean) => ({ shortTerm: new Decimal(st), longTerm: new Decimal(lt), known });
  const withGain = {
    ...plan,
    trades: plan.trades.map((t, i) => ({ ...t, realized: i === 1 ? gain("12.5", "100", true) : i === 2 ? gain("1", "2", false) : null })),
  };
  const sp = rebalanceSheetPlan(withGain);
  const header = sp.cells.find((c) => c.value === "Realized Gain")!;
  const column = sp.cells.filter((c) => c.col === header.col && c.row > header.row && c.row <= header.row + 3);
  expect(column.map((c) => c.value)).toEqual([null, 112.5, null]);
  const total = sp.cells.find((c) => c.col === header.col && c.row > header.row && c.formula);
  expect(total).toMatchObject({ formula: expect.stringMatching(/^=SUM\(/), expected: 112.5 });
  const none = rebalanceSheetPlan(plan).cells.filter((c) => c.col === header.col && c.row > header.row);
  expect(none.every((c) => c.value === null && !c.formula)).toBe(true);
});

/** Rebalances the book inside (fake) Excel, expecting a refusal: the problems' texts, and that no cell changed. */
async function refusedInExcel(book: BookSpec): Promise<string[]> {
  const wb = await fakeFromXlsx(await workbookBuffer(book));
  const before = JSON.stringify(dumpFake(wb));
  const outcome = await writeWithOffice(wb);
  if (outcome.ok) throw new Error(`expected a refusal, but ${outcome.sheet} was written`);
  expect(JSON.stringify(dumpFake(wb))).toBe(before);
  return outcome.errors.map((e) => e.text);
}

test("inside Excel, a cell problem and a cross-range problem are reported together, and nothing is written", async () => {
  const book = sampleBook();
  book.sheets.Holdings[2][3] = "lots";
  book.sheets.Policy.push(["Cash Flow", 1000], ["Cash Flow Account", "Roth"]);
  expect(await refusedInExcel(book)).toEqual([
    'Holdings!D3: Quantity must be a number of 0 or more (found "lots")',
    'Policy!B11: Cash Flow Account "Roth" holds nothing in Holdings (accounts: IRA)',
  ]);
});

test("inside Excel, Targets on a sheet the add-in replaces is refused before anything is written", async () => {
  const book = sampleBook({ names: { Holdings: { table: "Holdings" }, Targets: { table: "Rebalance 2026-11-20" }, Policy: { table: "Policy" } } });
  book.sheets = { Holdings: book.sheets.Holdings, "Rebalance 2026-11-20": book.sheets.Targets, Policy: book.sheets.Policy };
  expect(await refusedInExcel(book)).toEqual([
    `'Rebalance 2026-11-20': The named range "Targets" is on the sheet "Rebalance 2026-11-20", which the add-in replaces on every run; move Targets to a sheet of its own (nothing was written)`,
  ]);
});

test("inside Excel, an error value in a contract cell is reported with its cell, as the file reader reports it", async () => {
  const book = sampleBook();
  book.sheets.Holdings[1][1] = { error: "#REF!" };
  expect(await refusedInExcel(book)).toEqual(["Holdings!B2: Cell holds the error #REF!; fix it, or what its formula refers to"]);
});

test("inside Excel, a merged Account cell is refused naming the area, as the file reader refuses it", async () => {
  expect(await refusedInExcel({ ...sampleBook(), merges: ["Holdings!A2:A4"] })).toEqual([
    "Holdings!A2: A2:A4 is merged inside Holdings; unmerge it and fill each row (only A2 holds the value, the other cells read as blank)",
  ]);
});

test("inside a 1904-system workbook, the log row's As Of is the 1904 serial of the day (44,884 for 2026-11-20)", async () => {
  const wb = await fakeFromXlsx(await workbookBuffer({ ...sampleBook(), date1904: true }));
  const out = await writeWithOffice(wb);
  expect(out.ok).toBe(true);
  const log = wb.sheet("Rebalance Log")!;
  expect(log.get(2, 2)!.value).toBe(44884);
  // The timestamp too: NOW's local day, 1,462 days below its 1900-system serial.
  const day = Math.floor(log.get(2, 1)!.value as number);
  expect(day).toBe(Math.floor(localSerial(NOW)) - 1462);
});

describe("the Backtest sheet in Excel", () => {
  test("the metrics and data tables, and two line charts over the data (drift with a percent axis), in one write sync", async () => {
    const fs = await import("fs");
    const path = await import("path");
    const { readWorkbookSnapshot } = await import("../../src/xlsx/read");
    const { backtestWorkbook } = await import("../../src/backtest/run");
    const { backtestWritePlan } = await import("../../src/plans/backtest-sheet");
    const data = fs.readFileSync(path.join(__dirname, "..", "..", "samples", "backtest-sdira-annual.xlsx"));
    const snapshot = await readWorkbookSnapshot(data);
    const outcome = backtestWorkbook(snapshot);
    if (!outcome.ok) throw new Error(outcome.errors.map((e) => e.text).join("\n"));
    const wb = await fakeFromXlsx(data);
    const report = await applyWritePlanInExcel(ctx(wb), backtestWritePlan(outcome.input, outcome.results, snapshot));
    expect(report.syncs).toBe(2);
    expect(wb.tables.filter((t) => t.name.startsWith("Backtest")).map((t) => t.name).sort()).toEqual(["BacktestDrift", "BacktestGrowth", "BacktestMetrics"]);
    const charts = wb.tables.find((t) => t.name === "BacktestGrowth")!.sheet.charts;
    expect(charts.map((c) => [c.type, c.title, c.series.length, c.valueFormat, c.logBase])).toEqual([
      ["Line", "Growth of 1 by policy (log scale)", 16, null, 10],
      ["Line", "Drift of Stocks by policy (before any rebalance)", 16, "0%", null],
    ]);
    // 96 years of data under each series, the dates as categories.
    expect(charts[0].series[0].categories).toMatch(/^A(\d+):A(\d+)$/);
    const [, top, bottom] = /^A(\d+):A(\d+)$/.exec(charts[0].series[0].categories!)!;
    expect(Number(bottom) - Number(top) + 1).toBe(96);
  });
});

describe("the Drift History (append-only, with its chart beside it)", () => {
  test("one row per class each rebalance; the block beside it holds drift by date and one chart, replaced each time", async () => {
    const wb = await smallBook();
    const first = await writeWithOffice(wb, new Date(2026, 10, 20, 9, 0, 0));
    if (!first.ok) throw new Error("first write failed");
    const classes = first.plan.classes.length;
    // A new As Of date, and a note the advisor typed beside the table (outside the add-in's block).
    wb.set("Policy", "B2", "2026-12-31");
    wb.set("Drift History", "A40", "advisor's note");
    const second = await writeWithOffice(wb, new Date(2026, 11, 31, 9, 0, 0));
    if (!second.ok) throw new Error("second write failed");
    // The second write looked at the history: once more to read the block and the sheet's charts.
    expect(second.syncs.write).toBe(3);
    const table = wb.tables.find((t) => t.name === "DriftHistory")!;
    expect(table.rect).toEqual({ top: 1, left: 1, bottom: 1 + 2 * classes, right: 10 });
    const sheet = wb.sheet("Drift History")!;
    expect(sheet.get(2, 2)!.value).toBe(first.plan.classes[0].assetClass);
    expect(sheet.get(2, 6)!.value).toBeCloseTo(first.plan.classes[0].drift, 12);
    // Beside it (from column L): As Of, then a column per class; two dates now.
    expect(sheet.get(1, 12)!.value).toBe("As Of");
    expect(sheet.get(3, 12)!.format).toBe("yyyy-mm-dd");
    expect(sheet.get(3, 13)!.value).toBeCloseTo(second.plan.classes[0].drift, 12);
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0]).toMatchObject({ type: "LineMarkers", name: "DriftHistoryChart", valueFormat: "0%" });
    expect(sheet.charts[0].series).toHaveLength(classes);
    expect(sheet.charts[0].series[0]).toMatchObject({ categories: "L2:L3", values: "M2:M3" });
    expect(wb.names.find((n) => n.name === "DriftHistoryChart")).toBeDefined();
    // The advisor's note moved down with the table rows inserted above it, untouched.
    expect(sheet.get(40 + classes, 1)!.value).toBe("advisor's note");
  });
});

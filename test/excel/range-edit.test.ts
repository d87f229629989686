/**
 * Policy and Targets edits inside (fake) Excel (src/excel/range-edit.ts): the cells that change are
 * inside the Policy (and Targets) range and nowhere else, the name grows over a new row in its own
 * scope, a taken row or a bad value writes nothing, and the plan that comes back is the plan of the
 * edited workbook as the exceljs path computes it independently.
 */
import { SnapshotPlanner, editWorkbookInExcel } from "../../src/excel/range-edit";
import { paneWorkerApi } from "../../src/taskpane/worker/jobs";
import { posted } from "../taskpane/support/posted";
import { readContractSnapshot } from "../../src/excel/read";
import { parseWorkbook } from "../../src/plans/plan-workbook";
import { planOutcome } from "../../src/plans/plan-outcome";
import { editedWorkbook } from "../../src/taskpane/editFile";
import { readWorkbookSnapshot } from "../../src/xlsx/read";
import { WorkbookEdits } from "../../src/plans/workbook-edit";
import { BookSpec, sampleBook, setCell, workbookBuffer } from "../support/workbook";
import { Workbook, install } from "./support/fake-excel";
import { BookDump, dumpFake, fakeFromXlsx } from "./support/books";

/** "Sheet!A1" of every cell whose value, formula or format differs. */
function changed(a: BookDump, b: BookDump): string[] {
  const out: string[] = [];
  for (const sheet of new Set([...Object.keys(a.sheets), ...Object.keys(b.sheets)])) {
    const x = a.sheets[sheet] ?? {};
    const y = b.sheets[sheet] ?? {};
    for (const cell of new Set([...Object.keys(x), ...Object.keys(y)])) if (JSON.stringify(x[cell]) !== JSON.stringify(y[cell])) out.push(`${sheet}!${cell}`);
  }
  return out.sort();
}

async function inExcel(book: BookSpec, edits: WorkbookEdits, planner?: SnapshotPlanner) {
  const wb: Workbook = await fakeFromXlsx(await workbookBuffer(book));
  const before = dumpFake(wb);
  const installed = install(wb);
  try {
    const outcome = await editWorkbookInExcel(edits, planner);
    return { wb, before, after: dumpFake(wb), outcome };
  } finally {
    installed.restore();
  }
}

test("Policy edits land in the Policy range and nowhere else; the plan is the edited workbook's", async () => {
  const edits: WorkbookEdits = { policy: { "Rebalance To": "Band Edge", "Abs Band": "4%", "Rel Band": "None", Strategy: "Tax Aware", "As Of": "2026-12-01" } };
  const { wb, before, after, outcome } = await inExcel(sampleBook(), edits);
  if (!outcome.ok) throw new Error(outcome.errors.map((e) => e.text).join("\n"));
  const cells = changed(before, after);
  expect(cells).toEqual(["Policy!A10", "Policy!B10", "Policy!B2", "Policy!B4", "Policy!B5", "Policy!B6"]);
  expect(after.names).toEqual({ ...before.names, Policy: "Policy!A1:B10" });
  expect(Object.keys(after.sheets)).toEqual(Object.keys(before.sheets));
  // Read back through Office.js, the workbook holds the new policy.
  const read = await readContractSnapshot(wb.context() as unknown as Excel.RequestContext);
  const parsed = parseWorkbook(read.snapshot);
  if (!parsed.ok) throw new Error(parsed.errors[0].text);
  const p = parsed.portfolio.policy;
  expect([p.rebalanceTo, p.absBand, p.relBand, p.strategy, p.asOf]).toEqual(["Band Edge", 0.04, null, "Tax Aware", "2026-12-01"]);
  // The plan handed back is the edited workbook's, as the file path plans it on its own.
  const file = await editedWorkbook("book.xlsx", new Uint8Array(await workbookBuffer(sampleBook())).buffer, edits);
  if (!file.ok) throw new Error(file.errors[0].text);
  expect(outcome.book).toEqual(planOutcome(await readWorkbookSnapshot(file.data)));
  expect(outcome.book.ok && outcome.book.households[0].plan.strategy).toBe("Tax Aware");

  // The pane re-plans in its worker (the snapshot and the answer copied as postMessage copies them): the same cells, the same plan.
  const inWorker: SnapshotPlanner = async (snapshot, options) => posted(await paneWorkerApi.planSnapshot(posted(snapshot), posted(options)));
  const pane = await inExcel(sampleBook(), edits, inWorker);
  expect(pane.after).toEqual(after);
  expect(pane.outcome).toEqual(outcome);
});

test("a sheet-scoped Policy name grows in its own scope; Targets edits stay inside Targets", async () => {
  const book = sampleBook();
  book.names = [
    { name: "Holdings", table: "Holdings" },
    { name: "Targets", table: "Targets" },
    { name: "Policy", ref: "Policy!$A$1:$B$9", scope: "Policy" },
  ];
  const { wb, before, after, outcome } = await inExcel(book, { policy: { "Fee Per Trade": 4.95 }, targets: { Stocks: { Target: "45%" }, Bonds: { Target: "45%" } } });
  if (!outcome.ok) throw new Error(outcome.errors[0].text);
  expect(changed(before, after)).toEqual(["Policy!A10", "Policy!B10", "Targets!B2", "Targets!B3"]);
  expect(wb.sheet("Policy")!.names).toEqual([{ name: "Policy", ref: "Policy!$A$1:$B$10" }]);
  expect(wb.names.map((n) => n.name)).toEqual(["Holdings", "Targets"]);
});

test("without a Policy range: a Policy sheet and name are made, nothing else changes", async () => {
  const { before, after, outcome } = await inExcel(sampleBook({ policy: null }), { policy: { "As Of": "2026-11-20", Strategy: "Cash Flow", "Cash Flow": 1000 } });
  if (!outcome.ok) throw new Error(outcome.errors[0].text);
  expect(changed(before, after).every((c) => c.startsWith("Policy!"))).toBe(true);
  expect(after.sheets.Policy).toMatchObject({ A1: { value: "Setting" }, B1: { value: "Value" }, A2: { value: "As Of" }, B2: { format: "yyyy-mm-dd" }, A4: { value: "Cash Flow" }, B4: { value: 1000, format: "$#,##0.00" } });
  expect(after.names.Policy).toBe("Policy!A1:B4");
  expect(outcome.book.ok && outcome.book.households[0].plan.strategy).toBe("Cash Flow");
});

test("a bad value, or a taken row below the range: nothing is written, the problem names its cell", async () => {
  const bad = await inExcel(sampleBook(), { policy: { "Min Trade": "lots", Strategy: "Tax Aware" } });
  expect(bad.outcome).toEqual({ ok: false, errors: [expect.objectContaining({ text: 'Policy!B7: Min Trade must be a dollar amount of 0 or more (found "lots")' })] });
  expect(changed(bad.before, bad.after)).toEqual([]);
  const book = sampleBook();
  setCell(book, "Policy!B10", "note");
  book.names = { Holdings: { table: "Holdings" }, Targets: { table: "Targets" }, Policy: { ref: "Policy!$A$1:$B$9" } };
  const taken = await inExcel(book, { policy: { "Abs Band": "3%", Strategy: "Tax Aware" } });
  expect(taken.outcome).toMatchObject({ ok: false, errors: [{ sheet: "Policy", cell: "B10" }] });
  expect(changed(taken.before, taken.after)).toEqual([]);
});

test("a class added and one removed, in Excel and in the file alike: only Targets cells change, the name grows over the new row", async () => {
  const book = sampleBook();
  setCell(book, "Targets!A5", "Gold");
  setCell(book, "Targets!B5", 0);
  book.names = { Holdings: { table: "Holdings" }, Targets: { ref: "Targets!$A$1:$D$5" }, Policy: { table: "Policy" } };
  const edits: WorkbookEdits = { targets: { Stocks: { Target: "45%" } }, targetRows: { add: { "Real Estate": { Target: "5%" } }, remove: ["Gold"] } };
  const { before, after, outcome } = await inExcel(book, edits);
  if (!outcome.ok) throw new Error(outcome.errors.map((e) => e.text).join("\n"));
  expect(changed(before, after)).toEqual(["Targets!A5", "Targets!A6", "Targets!B2", "Targets!B5", "Targets!B6"]);
  expect(after.names).toEqual({ ...before.names, Targets: "Targets!A1:D6" });
  const file = await editedWorkbook("book.xlsx", new Uint8Array(await workbookBuffer(book)).buffer, edits);
  if (!file.ok) throw new Error(file.errors[0].text);
  expect(file.written).toEqual(["Stocks Target (Targets!B2)", "class removed: Gold (Targets!A5:D5)", "new class Real Estate (Targets!A6:D6)"]);
  const parsed = parseWorkbook(await readWorkbookSnapshot(file.data));
  expect(parsed.ok && parsed.portfolio.targets.map((t) => [t.assetClass, t.target])).toEqual([["Stocks", 0.45], ["Bonds", 0.4], ["Cash", 0.1], ["Real Estate", 0.05]]);
  expect(outcome.book).toEqual(planOutcome(await readWorkbookSnapshot(file.data)));
});

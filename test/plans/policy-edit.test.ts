/**
 * Policy and Targets edits as plain data (src/plans/policy-edit.ts, targets-edit.ts): which cells are
 * written, what the workbook reads as after them, and the contract's own messages for a bad value.
 */
import { readWorkbookSnapshot } from "../../src/xlsx/read";
import { policyEdit, policyForm } from "../../src/plans/policy-edit";
import { targetsEdit, targetsForm } from "../../src/plans/targets-edit";
import { workbookEdit } from "../../src/plans/workbook-edit";
import { parseWorkbook } from "../../src/plans/plan-workbook";
import { KNOWN_SETTINGS } from "../../src/contract/policy";
import { policyFields } from "../../src/contract/policy-fields";
import { strategyNames } from "../../src/engine/strategies/registry";
import { WorkbookSnapshot } from "../../src/contract/snapshot";
import { sampleBook, setCell, workbookBuffer } from "../support/workbook";

const snapshotOf = async (book = sampleBook()) => readWorkbookSnapshot(await workbookBuffer(book));
const policyOf = (s: WorkbookSnapshot) => {
  const parsed = parseWorkbook(s);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.text).join("\n"));
  return parsed.portfolio.policy;
};

test("every setting the parser knows has its field, each once", () => {
  expect(policyFields(strategyNames()).map((f) => f.setting).sort()).toEqual([...KNOWN_SETTINGS].sort());
});

test("the form lists every setting: the range's Value cells, and blanks for the settings it does not list", async () => {
  const form = policyForm(await snapshotOf());
  expect(form.range).toEqual({ sheet: "Policy", rect: { top: 1, left: 1, bottom: 9, right: 2 } });
  const by = Object.fromEntries(form.settings.map((s) => [s.field.setting, s]));
  expect(by["Trigger"]).toMatchObject({ cell: "B3", value: "Band" });
  expect(by["Abs Band"]).toMatchObject({ cell: "B4", value: 0.05 });
  expect(by["Strategy"]).toMatchObject({ cell: null, value: null, field: { kind: "choice", options: strategyNames(), blank: "Full" } });
});

test("listed settings get their Value cell, unlisted ones a row below the range; the edited workbook reads the new policy", async () => {
  const snapshot = await snapshotOf();
  const r = policyEdit(snapshot, { Strategy: "tax aware", "Rebalance To": "Band Edge", "Abs Band": "4%", "As Of": "2026-12-01", Trigger: "Band" });
  if (!r.ok) throw new Error(r.errors[0].text);
  expect(r.problems).toEqual([]);
  expect(r.edit).toMatchObject({ name: "Policy", sheet: "Policy", before: { top: 1, left: 1, bottom: 9, right: 2 }, after: { top: 1, left: 1, bottom: 10, right: 2 }, createSheet: false });
  // Trigger already holds Band: not written.
  expect(r.changes.map((c) => [c.setting, c.cell, c.added])).toEqual([
    ["Strategy", "B10", true],
    ["Rebalance To", "B6", false],
    ["Abs Band", "B4", false],
    ["As Of", "B2", false],
  ]);
  expect(r.edit!.cells.map((c) => `${c.row},${c.col}=${String(c.value)}`)).toEqual(["10,1=Strategy", "10,2=Tax Aware", "6,2=Band Edge", "4,2=0.04", "2,2=46357"]);
  const p = policyOf(r.snapshot);
  expect([p.strategy, p.rebalanceTo, p.absBand, p.asOf]).toEqual(["Tax Aware", "Band Edge", 0.04, "2026-12-01"]);
  // The original is left as it was.
  expect(policyOf(snapshot).strategy).toBe("Full");
});

test("a blank value is the default: the row stays, its Value is emptied", async () => {
  const r = policyEdit(await snapshotOf(), { "Abs Band": null, "Rel Band": "" });
  if (!r.ok) throw new Error(r.errors[0].text);
  expect(r.edit!.cells).toEqual([{ row: 4, col: 2, value: null }, { row: 5, col: 2, value: null }]);
  const p = policyOf(r.snapshot);
  expect([p.absBand, p.relBand]).toEqual([0.05, 0.25]);
  // Blank for a setting the range does not list: nothing to write.
  const none = policyEdit(await snapshotOf(), { "Tax Budget": null });
  expect(none.ok && none.edit).toBe(null);
});

test("a bad value comes back with the contract's own message and cell", async () => {
  const r = policyEdit(await snapshotOf(), { "Abs Band": "lots", "Min Trade": "-5", Frequency: "Weekly" });
  if (!r.ok) throw new Error(r.errors[0].text);
  expect(r.problems.map((e) => e.text)).toEqual([
    'Policy!B4: Abs Band must be a percent from 0% to 100%, like 5% or 0.05, or None (found "lots")',
    "Policy!B7: Min Trade must be a dollar amount of 0 or more (found -5)",
    'Policy!B10: Frequency must be one of Monthly, Quarterly, Semiannual, Annual (found "Weekly")',
  ]);
  // So does a check across ranges that lands on a Policy cell, and an unknown setting.
  const account = policyEdit(await snapshotOf(), { "Cash Flow": 1000, "Cash Flow Account": "Roth" });
  expect(account.ok && account.problems.map((e) => e.cell)).toEqual(["B11"]);
  expect(policyEdit(await snapshotOf(), { Strateg: "Full" })).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(/^Unknown policy setting "Strateg"; known settings: As Of, Trigger/) }] });
});

test("without a Policy range, the edit creates a Policy sheet with the name over its table", async () => {
  const r = policyEdit(await snapshotOf(sampleBook({ policy: null })), { Strategy: "Cash Flow", "Cash Flow": 2500, "As Of": "2026-11-20" });
  if (!r.ok) throw new Error(r.errors[0].text);
  expect(r.edit).toMatchObject({ name: "Policy", sheet: "Policy", before: null, after: { top: 1, left: 1, bottom: 4, right: 2 }, createSheet: true });
  expect(r.edit!.cells.filter((c) => c.col === 1).map((c) => c.value)).toEqual(["Setting", "Strategy", "Cash Flow", "As Of"]);
  const p = policyOf(r.snapshot);
  expect([p.strategy, p.cashFlow.toNumber(), p.asOf]).toEqual(["Cash Flow", 2500, "2026-11-20"]);
});

test("Targets: a class's cells, the sum judged by the contract", async () => {
  const snapshot = await snapshotOf();
  expect(targetsForm(snapshot).rows.map((r) => [r.assetClass, r.cells.Target?.cell, r.cells.Target?.value])).toEqual([
    ["Stocks", "B2", 0.5],
    ["Bonds", "B3", 0.4],
    ["Cash", "B4", 0.1],
  ]);
  const off = targetsEdit(snapshot, { Stocks: { Target: "55%" } });
  expect(off.ok && off.problems.map((e) => e.text)).toEqual(["Targets!B1: Targets sum to 105.00%, expected 100%"]);
  const r = targetsEdit(snapshot, { Stocks: { Target: "55%" }, Bonds: { Target: 0.35, "Abs Band": "3%" } });
  if (!r.ok) throw new Error(r.errors[0].text);
  expect(r.problems).toEqual([]);
  expect(r.changes.map((c) => `${c.assetClass} ${c.column} ${c.cell}`)).toEqual(["Stocks Target B2", "Bonds Target B3", "Bonds Abs Band C3"]);
  const parsed = parseWorkbook(r.snapshot);
  expect(parsed.ok && parsed.portfolio.targets.map((t) => [t.assetClass, t.target, t.absBand])).toEqual([
    ["Stocks", 0.55, null],
    ["Bonds", 0.35, 0.03],
    ["Cash", 0.1, null],
  ]);
  expect(targetsEdit(snapshot, { Gold: { Target: 0.1 } })).toMatchObject({ ok: false, errors: [{ message: 'Targets has no row for "Gold" (it lists Stocks, Bonds, Cash)' }] });
});

test("Policy and Targets together: Targets judged with the Policy edit in place", async () => {
  const book = sampleBook();
  setCell(book, "Targets!B2", 0.5);
  const r = workbookEdit(await snapshotOf(book), { policy: { Strategy: "Tax Aware" }, targets: { Stocks: { Target: "45%" }, Bonds: { Target: "45%" } } });
  if (!r.ok) throw new Error(r.errors[0].text);
  expect(r.written).toEqual(["Strategy (Policy!B10)", "Stocks Target (Targets!B2)", "Bonds Target (Targets!B3)"]);
  expect(policyOf(r.snapshot).strategy).toBe("Tax Aware");
});

describe("Targets: adding and removing classes", () => {
  test("a class added: a row below the range (which grows over it), read back as the contract reads it", async () => {
    const r = workbookEdit(await snapshotOf(), { targets: { Stocks: { Target: "40%" } }, targetRows: { add: { Gold: { Target: "10%", "Abs Band": "3%" } } } });
    if (!r.ok) throw new Error(r.errors.map((e) => e.text).join("\n"));
    expect(r.written).toEqual(["Stocks Target (Targets!B2)", "new class Gold (Targets!A5:D5)"]);
    expect(r.edits[0].after).toEqual({ top: 1, left: 1, bottom: 5, right: 4 });
    expect(r.edits[0].cells.filter((c) => c.row === 5).map((c) => [c.col, c.value])).toEqual([[1, "Gold"], [2, 0.1], [3, 0.03]]);
    const parsed = parseWorkbook(r.snapshot);
    expect(parsed.ok && parsed.portfolio.targets.map((t) => [t.assetClass, t.target, t.absBand])).toEqual([
      ["Stocks", 0.4, null],
      ["Bonds", 0.4, null],
      ["Cash", 0.1, null],
      ["Gold", 0.1, 0.03],
    ]);
  });

  test("a class removed: its row's cells cleared inside the range (a blank row the contract skips)", async () => {
    const book = sampleBook();
    setCell(book, "Targets!A5", "Gold");
    setCell(book, "Targets!B5", 0);
    const snapshot = await snapshotOf(book);
    const r = workbookEdit(snapshot, { targetRows: { remove: ["gold"] } });
    if (!r.ok) throw new Error(r.errors.map((e) => e.text).join("\n"));
    expect(r.written).toEqual(["class removed: Gold (Targets!A5:D5)"]);
    expect(r.edits[0].cells).toEqual([{ row: 5, col: 1, value: null }, { row: 5, col: 2, value: null }]);
    const parsed = parseWorkbook(r.snapshot);
    expect(parsed.ok && parsed.portfolio.targets.map((t) => t.assetClass)).toEqual(["Stocks", "Bonds", "Cash"]);
  });

  test("removing a class Holdings still names is a problem at the Holdings cell, though it lies outside Targets", async () => {
    const r = workbookEdit(await snapshotOf(), { targets: { Stocks: { Target: "90%" } }, targetRows: { remove: ["Bonds"] } });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.map((e) => `${e.sheet}!${e.cell}`)).toEqual(["Holdings!C3"]);
    expect(!r.ok && r.errors[0].message).toMatch(/Asset Class "Bonds" is not in Targets/);
  });

  test("a class added that is listed already, one with no Target, one removed that is not listed, one both edited and removed: each said", async () => {
    const snapshot = await snapshotOf();
    const messages = (edits: Parameters<typeof workbookEdit>[1]) => {
      const r = workbookEdit(snapshot, edits);
      return r.ok ? [] : r.errors.map((e) => e.message);
    };
    expect(messages({ targetRows: { add: { " stocks ": { Target: "5%" } } } })).toEqual(['Targets already lists "Stocks"']);
    expect(messages({ targetRows: { add: { Gold: { Target: "" } } } })).toEqual(['"Gold" needs a Target']);
    expect(messages({ targetRows: { add: { "": { Target: "5%" } } } })).toEqual(["A class to add needs a name"]);
    expect(messages({ targetRows: { remove: ["Gold"] } })).toEqual(['Targets has no row for "Gold" to remove (it lists Stocks, Bonds, Cash)']);
    expect(messages({ targets: { Cash: { Target: "5%" } }, targetRows: { remove: ["Cash"] } })).toEqual(['"Cash" is both edited and removed']);
    // A bad Target on the new row: the contract's own message at its cell.
    const bad = workbookEdit(snapshot, { targets: { Stocks: { Target: "40%" } }, targetRows: { add: { Gold: { Target: "lots" } } } });
    expect(!bad.ok && bad.errors.map((e) => `${e.sheet}!${e.cell} ${e.message}`)).toEqual([expect.stringMatching(/^Targets!B5 Target must be a percent/)]);
  });

  test("a problem the workbook had already (its message lists the classes, so a removal rewords it) is not the removal's", async () => {
    const book = sampleBook();
    setCell(book, "Targets!A5", "Gold");
    setCell(book, "Targets!B5", 0);
    setCell(book, "Holdings!C2", "Silver"); // already a problem: Asset Class "Silver" is not in Targets (known: Stocks, Bonds, Cash, Gold)
    const snapshot = await snapshotOf(book);
    const r = workbookEdit(snapshot, { targetRows: { remove: ["Gold"] } });
    expect(r.ok && r.written).toEqual(["class removed: Gold (Targets!A5:D5)"]);
  });
});


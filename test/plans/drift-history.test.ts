/** The Drift History plan (src/plans/drift-history.ts) and its reader (src/contract/drift-history.ts). */
import { driftByDate, driftHistoryPlan } from "../../src/plans/drift-history";
import { readDriftHistory } from "../../src/contract/drift-history";
import { planWorkbook } from "../../src/plans/plan-workbook";
import { syntheticSnapshot } from "../../src/samples/synthetic";
import { Plan } from "../../src/engine/types";
import { isoToSerial } from "../../src/dates/serial";

const samplePlan = (): Plan => {
  const r = planWorkbook(syntheticSnapshot(20));
  if (!r.ok) throw new Error("synthetic book is invalid");
  return r.raw;
};
const row = (asOf: string, assetClass: string, drift: number) => ({ asOf, assetClass, value: 1, weight: 0.5 + drift, target: 0.5, drift, status: "In band" });

test("drift by date: dates sorted, classes in order of first appearance, gaps null, the plan's date replacing an earlier write of it", () => {
  const plan = samplePlan();
  const [a] = plan.classes;
  const history = [row("2025-06-30", a.assetClass, 0.01), row("2025-06-30", "Old Class", -0.02), row("2024-12-31", a.assetClass, 0.03), row(plan.asOf, a.assetClass, 0.5)];
  const byDate = driftByDate(history, plan);
  expect(byDate.dates).toEqual(["2024-12-31", "2025-06-30", plan.asOf]);
  expect(byDate.classes.slice(0, 2)).toEqual([a.assetClass, "Old Class"]);
  expect(byDate.drift[0].slice(0, 2)).toEqual([0.03, null]);
  expect(byDate.drift[1].slice(0, 2)).toEqual([0.01, -0.02]);
  // The plan's own date: its drift, not the 0.5 an earlier write of the same date said; Old Class is gone that day.
  expect(byDate.drift[2].slice(0, 2)).toEqual([a.drift, null]);
});

test("the append plan: one row per class with the plan's figures, and the block's chart over its data", () => {
  const plan = samplePlan();
  const sp = driftHistoryPlan(plan, [], { now: new Date(2026, 10, 20, 9), dateSystem: 1900 });
  expect(sp.append.rows).toHaveLength(plan.classes.length);
  const [first] = sp.append.rows;
  expect(first.map((c) => c.value).slice(0, 9)).toEqual([
    isoToSerial(plan.asOf), plan.classes[0].assetClass, Number(plan.classes[0].value.toFixed(2)), plan.classes[0].weight, plan.classes[0].target,
    plan.classes[0].drift, plan.classes[0].bandLow, plan.classes[0].bandHigh, plan.classes[0].status,
  ]);
  const chart = sp.beside!.charts![0];
  expect(chart.categories).toBe("L2:L2");
  expect(chart.series.map((s) => s.name)).toEqual(plan.classes.map((c) => c.assetClass));
  expect(sp.beside!.owned.rect).toEqual({ top: 1, left: 12, bottom: 2, right: 12 + plan.classes.length });
});

test("the reader takes the table back and leaves out (and counts) rows the advisor broke", () => {
  const range = {
    name: "DriftHistory", sheet: "Drift History", top: 1, left: 1, numberFormats: [],
    values: [
      ["As Of", "Class", "Value", "Weight", "Target", "Drift", "Band Low", "Band High", "Status", "Written"],
      [isoToSerial("2026-11-20"), "Stocks", 100, 0.6, 0.5, 0.1, 0.45, 0.55, "Over", 46000],
      ["not a date", "Bonds", 100, 0.4, 0.5, -0.1, 0.45, 0.55, "Under", 46000],
      [isoToSerial("2026-11-20"), "Gold", "#REF!", 0, 0, 0, 0, 0, "In band", 46000],
    ],
  };
  const h = readDriftHistory(range);
  expect(h.rows).toEqual([{ asOf: "2026-11-20", assetClass: "Stocks", value: 100, weight: 0.6, target: 0.5, drift: 0.1, status: "Over" }]);
  expect(h.skipped).toBe(2);
  expect(readDriftHistory(undefined)).toEqual({ rows: [], skipped: 0 });
});

/**
 * Cancel of a Rebalance click inside (fake) Excel (src/excel/rebalance.ts, src/taskpane/office.ts): the steps
 * are told as they start (read, plan, write); a Cancel before the write leaves the workbook untouched even when
 * the plan was already made; once the write has begun it is finished, and Cancel is no longer offered.
 */
import { BookPlanner, RebalancePhase, rebalanceInExcel } from "../../src/excel/rebalance";
import { excelActions } from "../../src/taskpane/office";
import { paneWorkerApi } from "../../src/taskpane/worker/jobs";
import { sampleBook, workbookBuffer } from "../support/workbook";
import { dumpFake, fakeFromXlsx } from "./support/books";
import { install } from "./support/fake-excel";

const NOW = new Date("2026-11-20T15:00:00Z");

async function fake() {
  const wb = await fakeFromXlsx(await workbookBuffer(sampleBook()));
  return { wb, installed: install(wb) };
}

test("the steps are told in order, and the plan is written", async () => {
  const { wb, installed } = await fake();
  try {
    const phases: RebalancePhase[] = [];
    const outcome = await rebalanceInExcel({ now: () => NOW, planner: (s, o) => paneWorkerApi.rebalance(s, o), onPhase: (p) => phases.push(p) });
    expect(outcome.ok).toBe(true);
    expect(phases).toEqual(["reading", "planning", "writing"]);
    expect(wb.sheets.map((s) => s.name)).toContain("Rebalance 2026-11-20");
  } finally {
    installed.restore();
  }
});

test("Cancel after the plan is made but before the write: nothing is written, the click rejects as cancelled and publishes no outcome", async () => {
  const { wb, installed } = await fake();
  try {
    const before = dumpFake(wb);
    let actions!: ReturnType<typeof excelActions>;
    let stopped = 0;
    // The planner finishes, then the advisor's Cancel arrives before the page writes.
    const planner: BookPlanner = async (s, o) => {
      const planned = await paneWorkerApi.rebalance(s, o);
      actions.cancel!();
      return planned;
    };
    actions = excelActions({ rebalance: planner, cancel: () => stopped++ });
    const phases: RebalancePhase[] = [];
    const seen: unknown[] = [];
    const unsubscribe = actions.subscribe((r) => seen.push(r));
    await expect(actions.rebalance([], (p) => phases.push(p))).rejects.toMatchObject({ name: "CancelledError" });
    unsubscribe();
    expect(phases).toEqual(["reading", "planning"]);
    expect(stopped).toBe(1);
    expect(seen).toEqual([]);
    expect(dumpFake(wb)).toEqual(before);
    // The next click is not cancelled by the last one's Cancel.
    const next = excelActions({ rebalance: (s, o) => paneWorkerApi.rebalance(s, o) });
    await expect(next.rebalance([])).resolves.toMatchObject({ ok: true });
  } finally {
    installed.restore();
  }
});

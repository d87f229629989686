/**
 * @jest-environment node
 *
 * The file work of the pane's worker (src/taskpane/worker/jobs.ts), called as comlink calls it: the inputs
 * and the answers copied as postMessage copies them (structuredClone, Dates made again in jest's realm). Each job must give what the runner
 * gives for the same workbook: the plan, the contract ranges, the updated workbook, the Policy edit, the
 * starter workbook and the comparison.
 */
import fs from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { paneWorkerApi } from "../../src/taskpane/worker/jobs";
import { readWorkbookSnapshot } from "../../src/xlsx/read";
import { planOutcome } from "../../src/plans/plan-outcome";
import { compareBook } from "../../src/plans/compare-json";
import { loadSolver } from "../../src/solver/highs";
import { posted } from "./support/posted";

const SAMPLE = path.join(__dirname, "..", "..", "samples", "sdira-sample.xlsx");
const bytes = (): ArrayBuffer => {
  const b = fs.readFileSync(SAMPLE);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};

beforeAll(() => loadSolver());

// First in the file: no other job has come in yet, as when the page has just opened.
test("warm-up: the sample's plan it makes is the one \"Try the sample\" gets, not made again; held positions or other bytes are planned afresh", async () => {
  const snapshot = await readWorkbookSnapshot(bytes());
  const warming = paneWorkerApi.warm(posted({ name: "sdira-sample.xlsx", data: bytes() }));
  // Clicked while the warm-up is still at work: the click waits for the warm-up's plan.
  const clicked = await paneWorkerApi.plan("sdira-sample.xlsx", posted(bytes()), []);
  await warming;
  const again = await paneWorkerApi.plan("sdira-sample.xlsx", posted(bytes()), []);
  expect(again).toBe(clicked);
  expect(posted(clicked)).toEqual(JSON.parse(JSON.stringify(planOutcome(snapshot))));
  const held = [{ household: null, account: "Traditional SDIRA", symbol: "VTI" }];
  const holding = await paneWorkerApi.plan("sdira-sample.xlsx", posted(bytes()), posted(held));
  expect(holding).not.toBe(clicked);
  expect(holding.ok && holding.households[0].plan.doNotTrade).toEqual([expect.objectContaining({ symbol: "VTI" })]);
  const edited = await paneWorkerApi.edit("sdira-sample.xlsx", bytes(), { policy: { Strategy: "Tax Aware" } });
  if (!edited.ok) throw new Error(edited.errors.map((e) => e.text).join("; "));
  const other = await paneWorkerApi.plan("sdira-sample.xlsx", posted(edited.data), []);
  expect(other.ok && other.households[0].plan.strategy).toBe("Tax Aware");
});

test("plan and read: the sample's plans and ranges, as the runner reads and plans it, holding still what is asked", async () => {
  const snapshot = await readWorkbookSnapshot(bytes());
  const held = [{ household: null, account: "Traditional SDIRA", symbol: "VTI" }];
  const planned = posted(await paneWorkerApi.plan("sdira-sample.xlsx", posted(bytes()), posted(held)));
  expect(planned).toEqual(JSON.parse(JSON.stringify(planOutcome(snapshot, { doNotTrade: held }))));
  expect(planned.ok && planned.households[0].plan.doNotTrade).toEqual([expect.objectContaining({ account: "Traditional SDIRA", symbol: "VTI" })]);
  const read = posted(await paneWorkerApi.read("sdira-sample.xlsx", bytes()));
  expect(read.ok && Object.keys(read.snapshot.ranges).sort()).toEqual(Object.keys(snapshot.ranges).sort());
  const broken = await paneWorkerApi.plan("x.xlsx", new TextEncoder().encode("not a workbook").buffer as ArrayBuffer, []);
  expect(!broken.ok && broken.errors[0].text).toMatch(/^"x\.xlsx" could not be read as an Excel workbook/);
});

test("update, edit and starter: workbooks that open in exceljs with the Rebalance sheet, the edited Policy and the starter names", async () => {
  const updated = posted(await paneWorkerApi.update("sdira-sample.xlsx", bytes(), [], Date.UTC(2026, 11, 6, 12)));
  if (!updated.ok) throw new Error(updated.errors.map((e) => e.text).join("; "));
  expect(updated.fileName).toBe("sdira-sample-rebalanced.xlsx");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(updated.bytes.buffer.slice(updated.bytes.byteOffset, updated.bytes.byteOffset + updated.bytes.byteLength) as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["Rebalance Log", expect.stringMatching(/^Rebalance \d{4}-\d{2}-\d{2}$/)]));

  const edited = posted(await paneWorkerApi.edit("sdira-sample.xlsx", bytes(), { policy: { Strategy: "Tax Aware" } }));
  if (!edited.ok) throw new Error(edited.errors.map((e) => e.text).join("; "));
  const after = await readWorkbookSnapshot(edited.data);
  expect(after.ranges.policy?.values.find((r) => r[0] === "Strategy")?.[1]).toBe("Tax Aware");
  const refused = await paneWorkerApi.edit("sdira-sample.xlsx", bytes(), { policy: { Strategy: "Sideways" } });
  expect(refused.ok).toBe(false);

  const starter = posted(await paneWorkerApi.starter(Date.UTC(2026, 11, 6)));
  const book = await readWorkbookSnapshot(starter.bytes.buffer.slice(starter.bytes.byteOffset, starter.bytes.byteOffset + starter.bytes.byteLength) as ArrayBuffer);
  expect(Object.keys(book.ranges)).toEqual(expect.arrayContaining(["holdings", "targets", "policy", "accounts"]));
});

test("compare: a file's bytes and its snapshot give the runner's comparison, holding still what is asked", async () => {
  const snapshot = await readWorkbookSnapshot(bytes());
  const held = [{ household: null, account: "Traditional SDIRA", symbol: "VTI" }];
  const expected = JSON.parse(JSON.stringify(compareBook(snapshot, { doNotTrade: held })));
  expect(posted(await paneWorkerApi.compare({ kind: "file", name: "sdira-sample.xlsx", data: bytes() }, held))).toEqual(expected);
  expect(posted(await paneWorkerApi.compare({ kind: "snapshot", snapshot: posted(snapshot) }, held))).toEqual(expected);
  await expect(paneWorkerApi.warm()).resolves.toBeUndefined();
  await expect(paneWorkerApi.warm(posted({ name: "sdira-sample.xlsx", data: bytes() }))).resolves.toBeUndefined();
  // Other jobs came first, so that warm-up made no plan: the sample's plan is made when asked.
  expect(posted(await paneWorkerApi.plan("sdira-sample.xlsx", posted(bytes()), []))).toEqual(JSON.parse(JSON.stringify(planOutcome(snapshot))));
});

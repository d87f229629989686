/**
 * Policy and Targets edits written into .xlsx files with exceljs (src/xlsx/range-edit.ts, through
 * standalone mode's editedWorkbook): the edit is read back, the name grows over a new row, and every
 * cell outside the edited range — and every other name — is as it was.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { editedWorkbook } from "../../src/taskpane/editFile";
import { readWorkbookSnapshot } from "../../src/xlsx/read";
import { parseWorkbook } from "../../src/plans/plan-workbook";
import { sampleBook, setCell, workbookBuffer, BookSpec } from "../support/workbook";

const ab = (b: Buffer | Uint8Array) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

/** Every non-empty cell as "Sheet!A1" → value text (and number format). */
async function cells(data: ArrayBuffer): Promise<Map<string, string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data);
  const out = new Map<string, string>();
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => {
    if (c.value !== null && c.value !== "") out.set(`${ws.name}!${c.address}`, `${c.value instanceof Date ? c.value.toISOString() : JSON.stringify(c.value)} ${c.numFmt ?? ""}`);
  })));
  return out;
}

async function names(data: ArrayBuffer): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(data)).file("xl/workbook.xml")!.async("string");
  return [...xml.matchAll(/<definedName\b[^>]*>[\s\S]*?<\/definedName>/g)].map((m) => m[0]);
}

/** The cells that differ between two dumps. */
function changed(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k)).sort();
}

async function edit(book: BookSpec, edits: Parameters<typeof editedWorkbook>[2]) {
  const before = ab(await workbookBuffer(book));
  const out = await editedWorkbook("book.xlsx", before.slice(0), edits);
  return { before, out };
}

test("a setting the range lists, one it does not and a Target: only cells inside Policy and Targets change, the name grows a row", async () => {
  const book = sampleBook();
  const { before, out } = await edit(book, { policy: { Strategy: "Tax Aware", "Abs Band": "4%", "As Of": "2026-12-01" }, targets: { Stocks: { Target: "55%" }, Bonds: { Target: "35%" } } });
  if (!out.ok) throw new Error(out.errors.map((e) => e.text).join("\n"));
  expect(out.written).toEqual(["Strategy (Policy!B10)", "Abs Band (Policy!B4)", "As Of (Policy!B2)", "Stocks Target (Targets!B2)", "Bonds Target (Targets!B3)"]);
  expect(changed(await cells(before), await cells(out.data))).toEqual(["Policy!A10", "Policy!B10", "Policy!B2", "Policy!B4", "Targets!B2", "Targets!B3"]);
  const [was, now] = [await names(before), await names(out.data)];
  expect(now.filter((n) => !was.includes(n))).toEqual(["<definedName name=\"Policy\">'Policy'!$A$1:$B$10</definedName>"]);
  expect(now).toHaveLength(was.length);
  const parsed = parseWorkbook(await readWorkbookSnapshot(out.data));
  if (!parsed.ok) throw new Error(parsed.errors[0].text);
  const p = parsed.portfolio.policy;
  expect([p.strategy, p.absBand, p.asOf]).toEqual(["Tax Aware", 0.04, "2026-12-01"]);
  expect(parsed.portfolio.targets.map((t) => t.target)).toEqual([0.55, 0.35, 0.1]);
});

test("a name over more rows than are used: the new row goes inside it and the name stays", async () => {
  const book = sampleBook();
  book.names = { Holdings: { table: "Holdings" }, Targets: { table: "Targets" }, Policy: { ref: "Policy!$A$1:$B$40" } };
  const { before, out } = await edit(book, { policy: { "Fee Per Trade": 4.95 } });
  if (!out.ok) throw new Error(out.errors[0].text);
  expect(changed(await cells(before), await cells(out.data))).toEqual(["Policy!A10", "Policy!B10"]);
  expect(await names(out.data)).toEqual(await names(before));
});

test("a row the range would grow over that holds something: nothing is written, the cell is named", async () => {
  const book = sampleBook();
  setCell(book, "Policy!A10", "my note");
  book.names = { Holdings: { table: "Holdings" }, Targets: { table: "Targets" }, Policy: { ref: "Policy!$A$1:$B$9" } };
  const { out } = await edit(book, { policy: { Strategy: "Tax Aware" } });
  expect(out).toEqual({ ok: false, errors: [expect.objectContaining({ sheet: "Policy", cell: "A10", message: expect.stringContaining('the cell below the range already holds "my note"; move it down or clear it, or add the row to Policy yourself (nothing was written)') })] });
});

test("a bad value is refused with the contract's message before anything is written", async () => {
  const { out } = await edit(sampleBook(), { policy: { "Rel Band": "half" } });
  expect(out).toEqual({ ok: false, errors: [expect.objectContaining({ text: 'Policy!B5: Rel Band must be a percent from 0% to 100%, like 5% or 0.05, or None (found "half")' })] });
});

test("without a Policy range: a Policy sheet and a workbook-scoped name over its table", async () => {
  const { before, out } = await edit(sampleBook({ policy: null }), { policy: { "As Of": "2026-11-20", Strategy: "Tax Aware" } });
  if (!out.ok) throw new Error(out.errors[0].text);
  expect(changed(await cells(before), await cells(out.data)).every((c) => c.startsWith("Policy!"))).toBe(true);
  expect((await names(out.data)).filter((n) => n.includes('"Policy"'))).toEqual(["<definedName name=\"Policy\">Policy!$A$1:$B$3</definedName>"]);
  const parsed = parseWorkbook(await readWorkbookSnapshot(out.data));
  expect(parsed.ok && [parsed.portfolio.policy.asOf, parsed.portfolio.policy.strategy]).toEqual(["2026-11-20", "Tax Aware"]);
});

test("a sheet-scoped Policy name keeps its scope when it grows", async () => {
  const book = sampleBook();
  book.names = [
    { name: "Holdings", table: "Holdings" },
    { name: "Targets", table: "Targets" },
    { name: "Policy", ref: "Policy!$A$1:$B$9", scope: "Policy" },
  ];
  const { out } = await edit(book, { policy: { Optimizer: "Greedy" } });
  if (!out.ok) throw new Error(out.errors[0].text);
  expect((await names(out.data)).filter((n) => n.includes('"Policy"'))).toEqual(["<definedName name=\"Policy\" localSheetId=\"2\">Policy!$A$1:$B$10</definedName>".replace("Policy!", "'Policy'!")]);
  const parsed = parseWorkbook(await readWorkbookSnapshot(out.data));
  expect(parsed.ok && parsed.portfolio.policy.optimizer).toBe("Greedy");
});

/** --out refuses a workbook holding what exceljs cannot carry (charts, pivot tables, macros), naming it (src/xlsx/unkept.ts). */
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { run } from "../support/runner";
import { sampleBook, tempDir, workbookBuffer } from "../support/workbook";
import { unkeptContent } from "../../src/xlsx/unkept";

async function withParts(parts: Record<string, string>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await workbookBuffer(sampleBook()));
  for (const [name, text] of Object.entries(parts)) zip.file(name, text);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

const CHART = {
  "xl/charts/chart1.xml": '<?xml version="1.0"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>',
  "xl/drawings/_rels/drawing1.xml.rels":
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/></Relationships>',
  "xl/worksheets/_rels/sheet2.xml.rels":
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/></Relationships>',
};

test("charts are found and named with their sheet; macros and pivot tables by kind", async () => {
  expect(await unkeptContent(await workbookBuffer(sampleBook()))).toBeNull();
  expect(await unkeptContent(await withParts(CHART))).toBe("charts on Targets");
  expect(await unkeptContent(await withParts({ "xl/vbaProject.bin": "x", "xl/pivotTables/pivotTable1.xml": "<x/>" }))).toBe("pivot tables; macros (VBA)");
});

test("cell notes: exceljs writes them but cannot read them back, so --out would drop them", async () => {
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Client").getCell("A1").note = "Call before year end";
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  expect(await unkeptContent(bytes)).toBe("notes (comments) on Client");
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(bytes as unknown as ArrayBuffer);
  const again = Buffer.from(await back.xlsx.writeBuffer());
  expect(await unkeptContent(again)).toBeNull(); // the note is gone after an exceljs round trip: hence the refusal
});

test("the runner plans such a workbook, but --out refuses it and writes nothing", async () => {
  const dir = tempDir("unkept-");
  const file = path.join(dir, "macro.xlsx");
  fs.writeFileSync(file, await withParts({ "xl/vbaProject.bin": "x" }));
  expect((await run([file, "--json"])).code).toBe(0);
  const out = path.join(dir, "out.xlsx");
  const r = await run([file, "--out", out]);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe(
    "macro.xlsx holds macros (VBA), which --out cannot keep (exceljs cannot write them); rebalance inside Excel, or use --out on a copy without them (nothing was written)\n",
  );
  expect(fs.existsSync(out)).toBe(false);
  fs.rmSync(dir, { recursive: true, force: true });
});

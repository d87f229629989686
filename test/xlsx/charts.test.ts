/**
 * Charts in .xlsx files (src/xlsx/charts.ts): what --out writes is a chart Excel and LibreOffice
 * draw from the cells, the add-in's own charts survive later runs, and anyone else's drawing still
 * stops --out (exceljs would drop it).
 */
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { run } from "../support/runner";
import { tempDir } from "../support/workbook";
import { loadWorkbook } from "../../src/xlsx/read";
import { applyWritePlan, workbookBytes } from "../../src/xlsx/apply";
import { chartXml, ownCharts } from "../../src/xlsx/charts";
import { ChartPlan } from "../../src/plans/types";
import { findSoffice, recalculate } from "../excel/support/libreoffice";

const SAMPLES = path.join(__dirname, "..", "..", "samples");
const dir = tempDir("charts-");
const soffice = findSoffice();

/** The cell references inside each <c:cat> or <c:val> of a chart part, "$" taken out. */
const refsIn = (xml: string, element: "cat" | "val") =>
  [...xml.matchAll(new RegExp(`<c:${element}>([\\s\\S]*?)</c:${element}>`, "g"))].map((m) => (/<c:f>([^<]*)<\/c:f>/.exec(m[1])?.[1] ?? "").replace(/&apos;/g, "'").replace(/\$/g, ""));

/** Each chart part of a file: its kind, title and the references of its series. */
async function chartsIn(file: string): Promise<{ kind: string; title: string; categories: string[]; values: string[]; refs: string[] }[]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const parts = Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p)).sort();
  return Promise.all(
    parts.map(async (p) => {
      const xml = await zip.file(p)!.async("string");
      return {
        kind: /<c:(lineChart|barChart)\b/.exec(xml)?.[1] ?? "?",
        title: [...xml.matchAll(/<c:title>[\s\S]*?<\/c:title>/g)].map((m) => [...m[0].matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => t[1]).join(""))[0] ?? "",
        categories: refsIn(xml, "cat"),
        values: refsIn(xml, "val"),
        refs: [...refsIn(xml, "cat"), ...refsIn(xml, "val")],
      };
    }),
  );
}

test("rebalance --out draws the Rebalance sheet's bar chart over its class table, and the drift history's line chart", async () => {
  const out = path.join(dir, "rebalanced.xlsx");
  const r = await run([path.join(SAMPLES, "sdira-sample.xlsx"), "--out", out]);
  expect(r.code).toBe(0);
  expect(r.stderr).toBe("");
  const charts = await chartsIn(out);
  expect(charts).toHaveLength(2);
  expect(charts[0].kind).toBe("barChart");
  expect(charts[0].title).toBe("Current vs target vs after, by class");
  // Categories and the three series (Current, Target, After) are columns of the class table.
  // (Row 9 of the header is the sample's RMD line, so the class table starts at row 17.)
  expect(new Set(charts[0].refs)).toEqual(new Set(["'Rebalance 2026-11-20'!A17:A21", "'Rebalance 2026-11-20'!F17:F21", "'Rebalance 2026-11-20'!B17:B21", "'Rebalance 2026-11-20'!M17:M21"]));
  // Drift by date beside the Drift History table: one date so far, one series per class.
  expect(charts[1]).toMatchObject({ kind: "lineChart", title: "Drift by class at each rebalance (weight − target)" });
  expect(charts[1].values).toEqual(["M", "N", "O", "P", "Q"].map((c) => `'Drift History'!${c}2:${c}2`));
  // With markers (one point per rebalance), read back as drawn.
  const drawn = (await ownCharts(await JSZip.loadAsync(fs.readFileSync(out)))).get("Drift History")!.charts;
  expect(drawn).toEqual([expect.objectContaining({ kind: "line", markers: true, valueFormat: "0%" })]);
});

test("the add-in's charts are read back as the plans that drew them, and drawn again on the next save", async () => {
  const first = path.join(dir, "backtest-1.xlsx");
  expect((await run(["backtest", path.join(SAMPLES, "backtest-sdira-annual.xlsx"), "--out", first])).code).toBe(0);
  const drawn = await ownCharts(await JSZip.loadAsync(fs.readFileSync(first)));
  expect([...drawn.keys()]).toEqual(["Backtest"]);
  const [growth, drift] = drawn.get("Backtest")!.charts;
  expect(growth).toMatchObject({ title: "Growth of 1 by policy (log scale)", kind: "line", width: 480, height: 300, logScale: true });
  expect(growth.series).toHaveLength(16);
  expect(drift).toMatchObject({ title: "Drift of Stocks by policy (before any rebalance)", kind: "line", valueFormat: "0%" });

  // A later write that replaces another sheet keeps the Backtest sheet's charts as they were.
  const wb = await loadWorkbook(fs.readFileSync(first));
  const extra: ChartPlan = { title: "Extra", kind: "clusteredBar", categories: "A1:A2", series: [{ name: "x", values: "B1:B2" }], anchor: "D2", width: 200, height: 100 };
  applyWritePlan(wb, { sheets: [{ mode: "replace", sheet: "Extra", cells: [{ row: 1, col: 1, value: "a" }, { row: 1, col: 2, value: 1 }, { row: 2, col: 1, value: "b" }, { row: 2, col: 2, value: 2 }], charts: [extra] }] });
  const second = path.join(dir, "backtest-2.xlsx");
  fs.writeFileSync(second, await workbookBytes(wb));
  const again = await ownCharts(await JSZip.loadAsync(fs.readFileSync(second)));
  expect(again.get("Backtest")!.charts).toEqual([growth, drift]);
  expect(again.get("Extra")!.charts).toEqual([extra]);

  // And backtest --out on its own output replaces the sheet: two charts, not four.
  const third = path.join(dir, "backtest-3.xlsx");
  const r = await run(["backtest", second, "--out", third]);
  expect(r.code).toBe(0);
  expect((await chartsIn(third)).map((c) => c.title).sort()).toEqual(["Drift of Stocks by policy (before any rebalance)", "Extra", "Growth of 1 by policy (log scale)"]);
});

test("a sheet removed after its charts were remembered takes them with it", async () => {
  const first = path.join(dir, "removed-1.xlsx");
  expect((await run([path.join(SAMPLES, "sdira-sample.xlsx"), "--out", first])).code).toBe(0);
  const wb = await loadWorkbook(fs.readFileSync(first));
  wb.removeWorksheet(wb.getWorksheet("Rebalance 2026-11-20")!.id);
  const second = path.join(dir, "removed-2.xlsx");
  fs.writeFileSync(second, await workbookBytes(wb));
  expect((await chartsIn(second)).map((c) => c.title)).toEqual(["Drift by class at each rebalance (weight − target)"]);
});

test("a chart someone else drew still stops --out: exceljs would drop it", async () => {
  const first = path.join(dir, "foreign-1.xlsx");
  expect((await run(["backtest", path.join(SAMPLES, "backtest-sdira-annual.xlsx"), "--out", first])).code).toBe(0);
  const zip = await JSZip.loadAsync(fs.readFileSync(first));
  const drawing = Object.keys(zip.files).find((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p))!;
  zip.file(drawing, (await zip.file(drawing)!.async("string")).replace(/SDIRA Rebalancer chart 1/, "My chart"));
  const foreign = path.join(dir, "foreign-2.xlsx");
  fs.writeFileSync(foreign, await zip.generateAsync({ type: "nodebuffer" }));
  const r = await run(["backtest", foreign, "--out", path.join(dir, "foreign-3.xlsx")]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("holds charts on Backtest, which --out cannot keep");
});

test("chart XML escapes titles and names and quotes sheet names", () => {
  const xml = chartXml("It's <mine>", { title: "A & B", kind: "line", categories: "A2:A4", series: [{ name: '"x" < y', values: "B2:B4" }], anchor: "A1", width: 10, height: 10 });
  expect(xml).toContain("<a:t>A &amp; B</a:t>");
  expect(xml).toContain("<c:v>&quot;x&quot; &lt; y</c:v>");
  expect(xml).toContain("<c:f>'It''s &lt;mine&gt;'!$A$2:$A$4</c:f>");
});

(soffice ? test : test.skip)("LibreOffice reads the Backtest sheet's charts with their series over the sheet's cells", async () => {
  const out = path.join(dir, "lo-backtest.xlsx");
  expect((await run(["backtest", path.join(SAMPLES, "backtest-60-40-monthly.xlsx"), "--out", out])).code).toBe(0);
  const ours = await chartsIn(out);
  // LibreOffice loads the file and writes it anew: the charts it writes are the ones it understood.
  const theirs = await chartsIn(recalculate(soffice!, out));
  expect(theirs.map((c) => c.kind)).toEqual(["lineChart", "lineChart"]);
  expect(theirs.map((c) => c.title).sort()).toEqual(ours.map((c) => c.title).sort());
  const byTitle = (cs: typeof ours) => new Map(cs.map((c) => [c.title, c]));
  for (const [title, chart] of byTitle(ours)) {
    // 13 policies, each a series over the 1,008 months below the metrics table and the charts.
    expect(chart.values).toHaveLength(13);
    for (const v of chart.values) expect(v).toMatch(/^'Backtest'!([A-Z]+)(\d+):\1(\d+)$/);
    const [, , top, bottom] = /^'Backtest'!([A-Z]+)(\d+):\1(\d+)$/.exec(chart.values[0])!;
    expect(Number(bottom) - Number(top) + 1).toBe(1008);
    const read = byTitle(theirs).get(title)!;
    const plain = (r: string) => r.replace(/^'Backtest'!/, "Backtest!");
    expect(read.values.map(plain)).toEqual(chart.values.map(plain));
    expect(new Set(read.categories.map(plain))).toEqual(new Set(chart.categories.map(plain)));
  }
}, 200_000);

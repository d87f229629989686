/**
 * Charts in .xlsx files. exceljs reads and writes no charts, so the chart plans applied to a
 * workbook are remembered here and written into the saved file's zip as DrawingML parts: one drawing
 * per sheet (xl/drawings/drawingN.xml, linked from the sheet) holding one chart part per plan
 * (xl/charts/chartN.xml), each series a reference to the sheet's cells, so Excel and LibreOffice
 * draw the chart from the cells when they open the file.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { cellAddress, parseArea, parseRect, qualifiedRect, rectAddress, splitSheet } from "../a1";
import { ChartPlan } from "../plans/types";
import { decode, sheetParts } from "./parts";

const pending = new WeakMap<ExcelJS.Workbook, Map<string, ChartPlan[]>>();

/** Remembers a chart the plan puts on a sheet, for the writer. */
export function rememberChart(wb: ExcelJS.Workbook, sheet: string, chart: ChartPlan): void {
  let bySheet = pending.get(wb);
  if (!bySheet) pending.set(wb, (bySheet = new Map()));
  bySheet.set(sheet, [...(bySheet.get(sheet) ?? []), chart]);
}

/** A sheet replaced or removed takes its remembered charts with it. */
export function forgetCharts(wb: ExcelJS.Workbook, sheet: string): void {
  pending.get(wb)?.delete(sheet);
}

export function pendingCharts(wb: ExcelJS.Workbook): Map<string, ChartPlan[]> {
  return pending.get(wb) ?? new Map();
}

const NS = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  rel: "http://schemas.openxmlformats.org/package/2006/relationships",
};
const REL_DRAWING = `${NS.r}/drawing`;
const REL_CHART = `${NS.r}/chart`;
const TYPE_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
const TYPE_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
/** English Metric Units per point. */
const EMU_PER_POINT = 12700;
/** How the add-in names the charts it draws (cNvPr name), so a later run knows them for its own. */
const OWN_CHART = "SDIRA Rebalancer chart";

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** "'Backtest'!$A$30:$A$1037" for a range of the chart's sheet. */
function reference(sheet: string, range: string): string {
  const r = parseRect(range);
  if (!r) throw new Error(`Chart range ${range} is not an A1 range`);
  return qualifiedRect(sheet, r);
}

/** One chart part: a line chart over dates, or horizontal bars per category. */
export function chartXml(sheet: string, chart: ChartPlan): string {
  const line = chart.kind === "line";
  const cat = reference(sheet, chart.categories);
  const series = chart.series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escape(s.name)}</c:v></c:tx>` +
        (line ? (chart.markers ? "" : `<c:marker><c:symbol val="none"/></c:marker>`) : `<c:invertIfNegative val="0"/>`) +
        `<c:cat>${line ? `<c:numRef><c:f>${escape(cat)}</c:f></c:numRef>` : `<c:strRef><c:f>${escape(cat)}</c:f></c:strRef>`}</c:cat>` +
        `<c:val><c:numRef><c:f>${escape(reference(sheet, s.values))}</c:f></c:numRef></c:val>` +
        (line ? `<c:smooth val="0"/>` : "") +
        `</c:ser>`,
    )
    .join("");
  const axes = `<c:axId val="500000001"/><c:axId val="500000002"/>`;
  const plot = line
    ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axes}</c:lineChart>`
    : `<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="150"/>${axes}</c:barChart>`;
  const valueFormat = chart.valueFormat ? `<c:numFmt formatCode="${escape(chart.valueFormat)}" sourceLinked="0"/>` : `<c:numFmt formatCode="General" sourceLinked="1"/>`;
  const categoryFormat = line ? `<c:numFmt formatCode="yyyy" sourceLinked="0"/>` : "";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${escape(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}` +
    `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="${line ? "minMax" : "maxMin"}"/></c:scaling><c:delete val="0"/><c:axPos val="${line ? "b" : "l"}"/>${categoryFormat}` +
    `<c:tickLblPos val="low"/><c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="500000002"/><c:scaling>${chart.logScale ? `<c:logBase val="10"/>` : ""}<c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${line ? "l" : "b"}"/><c:majorGridlines/>${valueFormat}` +
    `<c:tickLblPos val="nextTo"/><c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** The drawing of one sheet: each chart anchored at its cell with its size. */
function drawingXml(charts: ChartPlan[], firstId: number): string {
  const anchors = charts.map((chart, i) => {
    const at = parseRect(chart.anchor);
    if (!at) throw new Error(`Chart anchor ${chart.anchor} is not a cell`);
    return (
      `<xdr:oneCellAnchor><xdr:from><xdr:col>${at.left - 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${at.top - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
      `<xdr:ext cx="${Math.round(chart.width * EMU_PER_POINT)}" cy="${Math.round(chart.height * EMU_PER_POINT)}"/>` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${firstId + i}" name="${OWN_CHART} ${i + 1}" descr="${escape(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" r:id="rId${i + 1}"/></a:graphicData></a:graphic>` +
      `</xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor>`
    );
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">${anchors.join("")}</xdr:wsDr>`;
}

const relsXml = (rels: { id: string; type: string; target: string }[]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.rel}">${rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`).join("")}</Relationships>`;

/** A part's path from a relationship target relative to the part at `from` ("../charts/chart1.xml"). */
function resolve(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = from.split("/").slice(0, -1);
  for (const step of target.split("/")) {
    if (step === "..") parts.pop();
    else if (step !== ".") parts.push(step);
  }
  return parts.join("/");
}

const relsPathOf = (part: string) => part.replace(/([^/]+)$/, "_rels/$1.rels");

async function relationships(zip: JSZip, part: string): Promise<{ id: string; type: string; target: string }[]> {
  const xml = (await zip.file(relsPathOf(part))?.async("string")) ?? "";
  return [...xml.matchAll(/<Relationship\b([^>]*)\/?>/g)].map((m) => {
    const attr = (name: string) => decode(new RegExp(`\\b${name}="([^"]*)"`).exec(m[1])?.[1] ?? "");
    return { id: attr("Id"), type: attr("Type"), target: resolve(part, attr("Target")) };
  });
}

/** A local A1 range from a chart's sheet-qualified reference, or null when it points at another sheet. */
function localRange(ref: string, sheet: string): string | null {
  const { sheet: on, address } = splitSheet(decode(ref));
  const area = parseArea(address);
  if (on !== sheet || !area || area.bottom === null || area.right === null) return null;
  return rectAddress({ top: area.top, left: area.left, bottom: area.bottom, right: area.right });
}

/** A chart the add-in drew, read back from its part (null when it is not in the form chartXml writes). */
function readChart(xml: string, sheet: string, anchor: string, width: number, height: number): ChartPlan | null {
  const kind = /<c:lineChart\b/.test(xml) ? "line" : /<c:barChart\b/.test(xml) ? "clusteredBar" : null;
  const title = /<c:title>[\s\S]*?<a:t>([\s\S]*?)<\/a:t>/.exec(xml)?.[1];
  if (!kind || title === undefined) return null;
  let categories: string | null = null;
  const series: ChartPlan["series"] = [];
  for (const m of xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)) {
    const name = /<c:tx>[\s\S]*?<c:v>([\s\S]*?)<\/c:v>/.exec(m[1])?.[1];
    const cat = /<c:cat>[\s\S]*?<c:f>([\s\S]*?)<\/c:f>/.exec(m[1])?.[1];
    const val = /<c:val>[\s\S]*?<c:f>([\s\S]*?)<\/c:f>/.exec(m[1])?.[1];
    const values = val === undefined ? null : localRange(val, sheet);
    categories ??= cat === undefined ? null : localRange(cat, sheet);
    if (name === undefined || values === null) return null;
    series.push({ name: decode(name), values });
  }
  if (categories === null || series.length === 0) return null;
  const format = /<c:valAx>[\s\S]*?<c:numFmt formatCode="([^"]*)" sourceLinked="0"\/>/.exec(xml)?.[1];
  const logScale = /<c:valAx>[\s\S]*?<c:logBase val="10"\/>/.test(xml);
  const markers = kind === "line" && !/<c:symbol val="none"\/>/.test(xml);
  return {
    title: decode(title), kind, categories, series, anchor, width, height,
    ...(format !== undefined ? { valueFormat: decode(format) } : {}), ...(logScale ? { logScale } : {}), ...(markers ? { markers } : {}),
  };
}

/**
 * The charts the add-in drew on each sheet of a file, read back as plans: a sheet whose drawing holds
 * only the add-in's charts. The writer draws them again (exceljs would drop them), so a file written
 * with --out can be given to --out again; any other drawing is the advisor's and is not listed.
 */
export async function ownCharts(zip: JSZip): Promise<Map<string, { charts: ChartPlan[]; parts: string[] }>> {
  const workbookXml = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const found = new Map<string, { charts: ChartPlan[]; parts: string[] }>();
  for (const [sheet, part] of await sheetParts(zip, workbookXml)) {
    const drawings = (await relationships(zip, part)).filter((r) => r.type === REL_DRAWING);
    if (drawings.length !== 1) continue;
    const drawingPath = drawings[0].target;
    const drawing = (await zip.file(drawingPath)?.async("string")) ?? "";
    const rels = new Map((await relationships(zip, drawingPath)).map((r) => [r.id, r]));
    const anchors = [...drawing.matchAll(/<xdr:(oneCellAnchor|twoCellAnchor|absoluteAnchor)\b[\s\S]*?<\/xdr:\1>/g)].map((m) => m[0]);
    const charts: ChartPlan[] = [];
    const parts: string[] = [];
    for (const a of anchors) {
      const name = /<xdr:cNvPr\b[^>]*\bname="([^"]*)"/.exec(a)?.[1] ?? "";
      const col = /<xdr:from><xdr:col>(\d+)<\/xdr:col>[\s\S]*?<xdr:row>(\d+)<\/xdr:row>/.exec(a);
      const ext = /<xdr:ext cx="(\d+)" cy="(\d+)"\/>/.exec(a);
      const rel = rels.get(/<c:chart\b[^>]*\br:id="([^"]+)"/.exec(a)?.[1] ?? "");
      const xml = rel ? await zip.file(rel.target)?.async("string") : undefined;
      const chart = name.startsWith(OWN_CHART) && col && ext && xml
        ? readChart(xml, sheet, cellAddress(Number(col[2]) + 1, Number(col[1]) + 1), Number(ext[1]) / EMU_PER_POINT, Number(ext[2]) / EMU_PER_POINT)
        : null;
      if (!chart) {
        charts.length = 0;
        break;
      }
      charts.push(chart);
      parts.push(rel!.target);
    }
    if (charts.length > 0 && charts.length === anchors.length) found.set(sheet, { charts, parts });
  }
  return found;
}

/** The lowest n ≥ 1 such that no part is named prefix + n + ".xml". */
function freeIndex(zip: JSZip, prefix: string): number {
  let n = 1;
  while (zip.file(`${prefix}${n}.xml`)) n++;
  return n;
}

/** Child elements of <worksheet> that must come after <drawing> (ECMA-376 CT_Worksheet order). */
const AFTER_DRAWING = ["legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

/**
 * Writes the remembered charts into a saved workbook's zip. Charts go only on the add-in's own
 * sheets, which it writes anew and which hold no drawing; a sheet that has one (or is missing) is a
 * bug, and throws rather than drop a chart silently.
 */
export async function writeCharts(zip: JSZip, wb: ExcelJS.Workbook): Promise<void> {
  const bySheet = pendingCharts(wb);
  if (bySheet.size === 0) return;
  const workbookXml = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const parts = await sheetParts(zip, workbookXml);
  let types = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
  let chartIndex = freeIndex(zip, "xl/charts/chart");
  for (const [sheet, charts] of bySheet) {
    // A sheet removed since (exceljs's removeWorksheet) took its charts with it.
    if (!wb.getWorksheet(sheet)) continue;
    const part = parts.get(sheet);
    const sheetXml = part ? await zip.file(part)?.async("string") : undefined;
    if (!part || sheetXml === undefined) throw new Error(`Cannot draw the charts of ${sheet}: the sheet is not in the saved file`);
    if (/<drawing\b/.test(sheetXml)) throw new Error(`Cannot draw the charts of ${sheet}: the sheet already has a drawing`);
    const drawingIndex = freeIndex(zip, "xl/drawings/drawing");
    const drawingPath = `xl/drawings/drawing${drawingIndex}.xml`;
    const chartRels = charts.map((chart, i) => {
      const chartPath = `xl/charts/chart${chartIndex}.xml`;
      zip.file(chartPath, chartXml(sheet, chart));
      types = types.replace("</Types>", `<Override PartName="/${chartPath}" ContentType="${TYPE_CHART}"/></Types>`);
      return { id: `rId${i + 1}`, type: REL_CHART, target: `../charts/chart${chartIndex++}.xml` };
    });
    zip.file(drawingPath, drawingXml(charts, 2));
    zip.file(relsPathOf(drawingPath), relsXml(chartRels));
    types = types.replace("</Types>", `<Override PartName="/${drawingPath}" ContentType="${TYPE_DRAWING}"/></Types>`);

    // The sheet's relationships gain the drawing; the sheet gains a <drawing> in its place.
    const sheetRelsPath = relsPathOf(part);
    const existing = (await zip.file(sheetRelsPath)?.async("string")) ?? relsXml([]);
    const ids = new Set([...existing.matchAll(/\bId="([^"]+)"/g)].map((m) => m[1]));
    let k = 1;
    while (ids.has(`rIdChart${k}`)) k++;
    const relId = `rIdChart${k}`;
    zip.file(sheetRelsPath, existing.replace("</Relationships>", `<Relationship Id="${relId}" Type="${REL_DRAWING}" Target="../drawings/drawing${drawingIndex}.xml"/></Relationships>`));
    const element = `<drawing r:id="${relId}"/>`;
    const next = AFTER_DRAWING.map((tag) => sheetXml.search(new RegExp(`<${tag}\\b`))).filter((i) => i >= 0);
    const at = next.length ? Math.min(...next) : sheetXml.lastIndexOf("</worksheet>");
    let withDrawing = sheetXml.slice(0, at) + element + sheetXml.slice(at);
    if (!/<worksheet\b[^>]*\bxmlns:r=/.test(withDrawing)) withDrawing = withDrawing.replace(/<worksheet\b/, `<worksheet xmlns:r="${NS.r}"`);
    zip.file(part, withDrawing);
  }
  zip.file("[Content_Types].xml", types);
}

/**
 * What exceljs cannot carry through --out: charts, pivot tables, slicers, macros, embedded objects and
 * cell notes (exceljs writes notes but does not read them, so a round trip would lose them).
 * The runner refuses to write a copy that would silently lose them, naming what and where. The
 * add-in's own charts are not among them: the writer draws them again (charts.ts).
 */
import JSZip from "jszip";
import { ownCharts } from "./charts";

const KINDS: { pattern: RegExp; what: string }[] = [
  { pattern: /^xl\/charts\/chart\d+\.xml$/, what: "charts" },
  { pattern: /^xl\/pivotTables\//, what: "pivot tables" },
  { pattern: /^xl\/slicers\//, what: "slicers" },
  { pattern: /^xl\/vbaProject\.bin$/, what: "macros (VBA)" },
  { pattern: /^xl\/embeddings\//, what: "embedded objects" },
  // exceljs writes notes but does not read them back: a round trip would drop them.
  { pattern: /^xl\/comments\d*\.xml$/, what: "notes (comments)" },
  { pattern: /^xl\/threadedComments\//, what: "threaded comments" },
];

/** The sheets whose relationships (directly or through a drawing) lead to a part of this kind. */
async function sheetsWith(zip: JSZip, pattern: RegExp): Promise<string[]> {
  const workbook = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
  const targetOf = new Map([...rels.matchAll(/<Relationship\b[^>]*\bId="([^"]+)"[^>]*\bTarget="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const out: string[] = [];
  for (const m of workbook.matchAll(/<sheet\b[^>]*\bname="([^"]*)"[^>]*\br:id="([^"]+)"/g)) {
    const part = (targetOf.get(m[2]) ?? "").replace(/^\/?(xl\/)?/, "xl/");
    const relsPath = part.replace(/([^/]+)$/, "_rels/$1.rels");
    const sheetRels = (await zip.file(relsPath)?.async("string")) ?? "";
    const targets = [...sheetRels.matchAll(/\bTarget="([^"]+)"/g)].map((t) => t[1]);
    let found = targets.some((t) => pattern.test(`xl/${t.replace(/^\.\.\//, "")}`));
    for (const t of targets.filter((x) => /drawings\/drawing\d+\.xml$/.test(x))) {
      const drawing = `xl/${t.replace(/^\.\.\//, "")}`;
      const drawingRels = (await zip.file(drawing.replace(/([^/]+)$/, "_rels/$1.rels"))?.async("string")) ?? "";
      if ([...drawingRels.matchAll(/\bTarget="([^"]+)"/g)].some((d) => pattern.test(`xl/${d[1].replace(/^\.\.\//, "")}`))) found = true;
    }
    if (found) out.push(m[1]);
  }
  return out;
}

/** What the workbook holds that --out would lose, in words ("charts on Dashboard, macros (VBA)"), or null. */
export async function unkeptContent(data: ArrayBuffer | Uint8Array): Promise<string | null> {
  const zip = await JSZip.loadAsync(data);
  const parts = Object.keys(zip.files);
  const found: string[] = [];
  const own = await ownCharts(zip);
  const ownParts = new Set([...own.values()].flatMap((o) => o.parts));
  for (const k of KINDS) {
    if (!parts.some((p) => k.pattern.test(p) && !ownParts.has(p))) continue;
    const sheets = (await sheetsWith(zip, k.pattern)).filter((s) => !(k.what === "charts" && own.has(s)));
    found.push(sheets.length ? `${k.what} on ${sheets.join(", ")}` : k.what);
  }
  return found.length ? found.join("; ") : null;
}


/** Reading the parts of an .xlsx zip: entity decoding, the sheet list of xl/workbook.xml and where each sheet's part is. */
import JSZip from "jszip";

/** XML text with its five entities decoded. */
export function decode(s: string): string {
  return s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}

/** The sheet names of xl/workbook.xml, in tab order. */
export const sheetNamesOf = (xml: string) => [...xml.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => decode(m[1]));

/** Sheet name → its part's path in the zip ("xl/worksheets/sheet3.xml"), from workbook.xml and its relationships. */
export async function sheetParts(zip: JSZip, xml: string): Promise<Map<string, string>> {
  const relsXml = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
  const targets = new Map([...relsXml.matchAll(/<Relationship\b[^>]*\bId="([^"]+)"[^>]*\bTarget="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const parts = new Map<string, string>();
  for (const m of xml.matchAll(/<sheet\b[^>]*\bname="([^"]*)"[^>]*\br:id="([^"]+)"/g)) {
    const target = targets.get(m[2]);
    if (target) parts.set(decode(m[1]), target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  return parts;
}


/** A file's data validations as its XML holds them (exceljs itself reads them back cell by cell): sheet → sqref → "formula1 (warning|stop)"; "D2:D2" is written "D2". */
import JSZip from "jszip";

export async function validationLists(bytes: Uint8Array | Buffer): Promise<Record<string, Record<string, string>>> {
  const zip = await JSZip.loadAsync(bytes);
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const target = new Map([...rels.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1], m[2].replace(/^\/?(xl\/)?/, "xl/")]));
  const out: Record<string, Record<string, string>> = {};
  for (const m of workbook.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const xml = await zip.file(target.get(m[2])!)!.async("string");
    for (const v of xml.matchAll(/<dataValidation ([^>]*)>([\s\S]*?)<\/dataValidation>/g)) {
      const attr = (k: string) => (v[1].match(new RegExp(`${k}="([^"]*)"`)) ?? [])[1];
      const formula = (v[2].match(/<formula1>([\s\S]*?)<\/formula1>/) ?? [])[1].replace(/&quot;/g, '"');
      (out[m[1]] ??= {})[attr("sqref").replace(/^([A-Z]+\d+):\1$/, "$1")] = `${formula} (${attr("errorStyle") === "warning" ? "warning" : "stop"})`;
    }
  }
  return out;
}

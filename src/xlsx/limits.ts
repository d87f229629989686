/**
 * Size limits checked before a workbook is parsed, from the zip directory alone (nothing is
 * decompressed): a part or a whole workbook past them would exhaust memory in the parser, in Node
 * and in the pane's browser tab alike. The limits are far above any household's workbook (a
 * 50,000-row Holdings sheet is about 15 MB of XML).
 */
import JSZip from "jszip";

export interface SizeLimits {
  /** Largest uncompressed part (one sheet's XML, shared strings, ...), bytes. */
  partBytes: number;
  /** Largest uncompressed workbook, all parts together, bytes. */
  totalBytes: number;
}

export const SIZE_LIMITS: SizeLimits = { partBytes: 200 * 1024 * 1024, totalBytes: 500 * 1024 * 1024 };

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Why the workbook is too large to read (naming the part), or null. Throws when the bytes are not a zip. */
export async function sizeProblem(data: ArrayBuffer | Uint8Array, limits: SizeLimits = SIZE_LIMITS): Promise<string | null> {
  const zip = await JSZip.loadAsync(data);
  let total = 0;
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir) continue;
    // JSZip keeps each entry's size from the zip's central directory without decompressing it.
    const size = (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
    if (size > limits.partBytes) {
      return `the part ${name} unpacks to ${mb(size)}, above the ${mb(limits.partBytes)} a part may have; delete what the contract does not need (a sheet of unused rows, a large pasted block) and save again`;
    }
    total += size;
  }
  if (total > limits.totalBytes) return `the workbook unpacks to ${mb(total)}, above the ${mb(limits.totalBytes)} limit`;
  return null;
}

/** Saving what the pane produced (the order CSV, an updated workbook) as a file, through the browser's download. No Office. */

/** Offers `text` as a download named `fileName`; false when this browser cannot (then the caller shows the text instead). */
export function downloadText(fileName: string, text: string, type = "text/csv;charset=utf-8"): boolean {
  return downloadBlob(fileName, new Blob([text], { type }));
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Offers a workbook's bytes as a download. */
export function downloadBytes(fileName: string, bytes: Uint8Array, type = XLSX_TYPE): boolean {
  return downloadBlob(fileName, new Blob([bytes as BlobPart], { type }));
}

function downloadBlob(fileName: string, blob: Blob): boolean {
  try {
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = fileName;
    a.rel = "noopener";
    a.style.display = "none";
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return true;
  } catch {
    return false;
  }
}

/** Saving text the pane produced (the order CSV) as a file, through the browser's download. No Office. */

/** Offers `text` as a download named `fileName`; false when this browser cannot (then the caller shows the text instead). */
export function downloadText(fileName: string, text: string, type = "text/csv;charset=utf-8"): boolean {
  try {
    const blob = new Blob([text], { type });
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

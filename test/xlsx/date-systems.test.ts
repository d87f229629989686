/**
 * Workbooks saved in the 1904 date system (older Mac Excel: <workbookPr date1904="1"/>) through the
 * runner: real dates, and serial numbers in General cells, read as the days Excel shows, and the
 * dates the runner writes (the log row) land on the same days in that system.
 *
 * Hand computation: 2026-11-20 is 44,884 days after 1904-01-01 (46,346 in the 1900 system); 2026-06-30
 * is 44,741 (46,203).
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import { run } from "../support/runner";
import { BookSpec, date, sampleBook, setCell, tempDir, writeWorkbook } from "../support/workbook";

const NOW = new Date("2026-11-20T15:00:00Z");

/** The sample book on a calendar trigger, Last Rebalanced given as a serial number in a General cell. */
function calendarBook(lastRebalancedSerial: number, date1904: boolean): BookSpec {
  const book = sampleBook();
  setCell(book, "Policy!A3", "Trigger");
  setCell(book, "Policy!B3", "Calendar");
  setCell(book, "Policy!A10", "Frequency");
  setCell(book, "Policy!B10", "Quarterly");
  setCell(book, "Policy!A11", "Last Rebalanced");
  setCell(book, "Policy!B11", lastRebalancedSerial);
  return { ...book, date1904 };
}

async function plan(book: BookSpec, dir: string, name: string): Promise<{ code: number; json: { asOf: string; trigger: { nextReview: string; reasons: string[] } }; stderr: string }> {
  const file = await writeWorkbook(path.join(dir, name), book);
  const r = await run([file, "--json"]);
  return { code: r.code, json: r.code === 0 ? JSON.parse(r.stdout) : null, stderr: r.stderr };
}

describe("the 1904 date system", () => {
  const dir = tempDir("sdira-1904-");

  test("real dates and General serials read as the days Excel shows", async () => {
    const mac = await plan(calendarBook(44741, true), dir, "mac.xlsx");
    expect(mac.code).toBe(0);
    expect(mac.json.asOf).toBe("2026-11-20");
    expect(mac.json.trigger.nextReview).toBe("2026-09-30");
    // The same days in a 1900-system book: the same plan.
    const win = await plan(calendarBook(46203, false), dir, "win.xlsx");
    expect(win.code).toBe(0);
    expect(mac.json).toEqual(win.json);
    // Proof the flag is read: the 1904 serial in a 1900-system book is four years and a day earlier.
    const misread = await plan(calendarBook(44741, false), dir, "misread.xlsx");
    expect(misread.json.trigger.nextReview).toBe("2022-09-29"); // 2022-06-29 + 3 months
  });

  test("a General serial after As Of is caught on the 1904 day", async () => {
    const book = calendarBook(44741, true);
    setCell(book, "Holdings!G2", 44894); // 2026-11-30 in the 1904 system
    const r = await plan(book, dir, "future.xlsx");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Holdings!G2: Acquired (2026-11-30) is after As Of (2026-11-20)");
  });

  test("the log row's dates are written as 1904 serials, and the book stays in the 1904 system", async () => {
    const file = await writeWorkbook(path.join(dir, "mac-out-in.xlsx"), { ...sampleBook(), date1904: true });
    const out = path.join(dir, "mac-out.xlsx");
    let stderr = "";
    const code = await main([file, "--out", out], { stdout: () => undefined, stderr: (s) => (stderr += s), now: () => NOW });
    expect(code).toBe(0);
    expect(stderr).not.toMatch(/error|date/i);
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    expect(await zip.file("xl/workbook.xml")!.async("string")).toMatch(/<workbookPr\b[^>]*date1904="1"/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(out) as unknown as ArrayBuffer);
    const log = wb.getWorksheet("Rebalance Log")!;
    // exceljs reads the cell in the book's own system: the As Of day, not 2030-11-21.
    expect((log.getCell("B2").value as Date).toISOString()).toBe("2026-11-20T00:00:00.000Z");
    const sheetPath = Object.keys(zip.files).find((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p) && p.endsWith(`sheet${wb.worksheets.indexOf(log) + 1}.xml`))!;
    expect(await zip.file(sheetPath)!.async("string")).toMatch(/<c r="B2"[^>]*><v>44884<\/v>/);
    // The advisor's own dates are kept as they were.
    expect((wb.getWorksheet("Policy")!.getCell("B2").value as Date).toISOString()).toBe("2026-11-20T00:00:00.000Z");
  });
});

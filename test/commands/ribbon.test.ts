/**
 * The ribbon's Rebalance (src/commands/commands.ts) and the pane's Excel actions on the fake Excel,
 * with the Excel and Office globals made by office-addin-mock: one click reads, plans and writes
 * without the pane; problems open the pane, which gets them (with sheet and cell) through the
 * shared outcome store; selecting a problem's cell activates its sheet.
 */
import { sampleBook, setCell, workbookBuffer } from "../support/workbook";
import { install, Workbook } from "../excel/support/fake-excel";
import { fakeFromXlsx } from "../excel/support/books";
import { latestRebalance, subscribeRebalance } from "../../src/excel/outcome";
import { selectCell } from "../../src/excel/select";

type Commands = typeof import("../../src/commands/commands");

async function setup(wb: Workbook) {
  const shown = { count: 0 };
  const installed = install(wb, true, {
    HostType: { Excel: "Excel" },
    onReady: async () => ({ host: "Excel", platform: "OfficeOnline" }),
    actions: { associate: () => undefined },
    addin: {
      showAsTaskpane: async () => {
        shown.count++;
      },
    },
  });
  let mod: Commands | undefined;
  jest.isolateModules(() => {
    mod = require("../../src/commands/commands");
  });
  await new Promise((r) => setTimeout(r, 0));
  return { commands: mod!, shown, installed };
}

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
  jest.restoreAllMocks();
});

test("one click writes the Rebalance sheet, drift columns, Drift History and log row without opening the pane", async () => {
  const wb = await fakeFromXlsx(await workbookBuffer(sampleBook()));
  const { commands, shown, installed } = await setup(wb);
  restore = installed.restore;
  const seen: unknown[] = [];
  const unsubscribe = subscribeRebalance((r) => seen.push(r));
  const completed = jest.fn();
  await commands.rebalance({ completed });
  unsubscribe();
  expect(completed).toHaveBeenCalledTimes(1);
  expect(shown.count).toBe(0);
  expect(installed.runs).toBe(1);
  expect(wb.sheets.map((s) => s.name)).toEqual(["Holdings", "Targets", "Policy", "Rebalance 2026-11-20", "Drift History", "Rebalance Log"]);
  expect(wb.active).toBe("Rebalance 2026-11-20");
  expect(wb.syncs).toHaveLength(4);
  const last = latestRebalance();
  expect(last && "outcome" in last && last.outcome.ok && last.source).toBe("ribbon");
  expect(seen).toHaveLength(1);
  if (last && "outcome" in last && last.outcome.ok) {
    expect(last.outcome.orders.csv.split("\r\n")[1]).toBe("IRA,VTI,SELL,20,LIMIT,250.00,DAY");
  }
});

test("a workbook with problems: nothing written, the pane opens and gets every problem with its cell", async () => {
  const book = sampleBook();
  setCell(book, "Holdings!D3", "lots");
  const wb = await fakeFromXlsx(await workbookBuffer(book));
  const { commands, shown, installed } = await setup(wb);
  restore = installed.restore;
  const completed = jest.fn();
  await commands.rebalance({ completed });
  expect(completed).toHaveBeenCalledTimes(1);
  expect(shown.count).toBe(1);
  expect(wb.sheets.map((s) => s.name)).toEqual(["Holdings", "Targets", "Policy"]);
  const last = latestRebalance();
  if (!last || !("outcome" in last) || last.outcome.ok) throw new Error("expected problems");
  expect(last.outcome.errors[0]).toMatchObject({ sheet: "Holdings", cell: "D3" });

  // The pane's error list selects the cell.
  expect(await selectCell("Holdings", "D3")).toBe(true);
  expect(wb.active).toBe("Holdings");
  expect(wb.selection).toEqual({ sheet: "Holdings", address: "D3" });
  expect(await selectCell("No Such Sheet", "A1")).toBe(false);
});

test("when Excel fails midway the event still completes and the pane opens with the failure", async () => {
  jest.spyOn(console, "error").mockImplementation(() => undefined);
  const wb = await fakeFromXlsx(await workbookBuffer(sampleBook()));
  wb.failOn = (d) => d.startsWith("charts.add");
  const { commands, shown, installed } = await setup(wb);
  restore = installed.restore;
  const completed = jest.fn();
  await commands.rebalance({ completed });
  expect(completed).toHaveBeenCalledTimes(1);
  expect(shown.count).toBe(1);
  const last = latestRebalance();
  expect(last && "failure" in last ? last.failure : "").toMatch(/Excel stopped the write at batch 1 of 1 .*None of your own cells were changed/);
});

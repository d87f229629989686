/**
 * The write-plan check (src/plans/check.ts), on a workbook view made by hand: what both adapters
 * refuse before writing anything, with the messages they show.
 */
import { Rect } from "../../src/a1";
import { OwnershipError, WorkbookView, checkWritePlan } from "../../src/plans/check";
import { TABLE_STYLE } from "../../src/plans/formats";
import { AppendSheetPlan, ReplaceSheetPlan, UpdateSheetPlan, WritePlan } from "../../src/plans/types";

interface Book {
  sheets: string[];
  tables?: Record<string, string>;
  owned?: Record<string, { sheet: string; rect: Rect }>;
  cells?: Record<string, string>;
  names?: string[];
}

function view(b: Book): WorkbookView {
  return {
    hasSheet: (n) => b.sheets.includes(n),
    tableSheet: (n) => Object.entries(b.tables ?? {}).find(([t]) => t.toLowerCase() === n.toLowerCase())?.[1] ?? null,
    ownedBlock: (n) => b.owned?.[n] ?? null,
    cellText: (sheet, row, col) => b.cells?.[`${sheet}!${row},${col}`] ?? null,
    hasName: (n) => (b.names ?? []).some((x) => x.toLowerCase() === n.toLowerCase()),
  };
}

const drift: UpdateSheetPlan = {
  sheet: "Targets",
  mode: "update",
  cells: [
    { row: 1, col: 5, value: "Current Value" },
    { row: 2, col: 5, value: 100 },
    { row: 3, col: 6, value: 0.5 },
  ],
  owned: { name: "RebalDriftColumns", rect: { top: 1, left: 5, bottom: 3, right: 6 } },
};
const sheet: ReplaceSheetPlan = {
  sheet: "Rebalance 2026-11-20",
  mode: "replace",
  cells: [],
  tables: [{ name: "Trades_20261120", rect: { top: 10, left: 1, bottom: 12, right: 10 }, headers: ["Account"], style: TABLE_STYLE }],
};
const log: AppendSheetPlan = {
  sheet: "Rebalance Log",
  mode: "append",
  append: { table: "RebalanceLog", headers: ["Timestamp"], anchor: { row: 1, col: 1 }, rows: [[{ value: 1 }]], style: TABLE_STYLE },
};
const plan: WritePlan = { sheets: [sheet, drift, log] };

function problem(b: Book): OwnershipError | null {
  try {
    checkWritePlan(plan, view(b));
    return null;
  } catch (e) {
    if (e instanceof OwnershipError) return e;
    throw e;
  }
}

describe("checkWritePlan", () => {
  test("a workbook with only the Targets sheet takes the whole plan", () => {
    expect(problem({ sheets: ["Targets"] })).toBeNull();
  });

  test("the drift block never lands on a cell of the advisor's: the first such cell is named", () => {
    const e = problem({ sheets: ["Targets"], cells: { "Targets!3,6": "my note", "Targets!2,5": "=A2*2" } });
    expect(e).toMatchObject({ sheet: "Targets", cell: "E2" });
    expect(e?.message).toBe('Targets!E2: the add-in writes its columns here but the cell already holds "=A2*2"; clear or move it (nothing was written)');
  });

  test("long contents are shortened in the message", () => {
    const e = problem({ sheets: ["Targets"], cells: { "Targets!1,5": "x".repeat(60) } });
    expect(e?.message).toContain(`"${"x".repeat(37)}..."`);
  });

  test("cells inside the block the add-in owned before may be written again", () => {
    const owned = { RebalDriftColumns: { sheet: "Targets", rect: { top: 1, left: 5, bottom: 3, right: 6 } } };
    expect(problem({ sheets: ["Targets"], owned, cells: { "Targets!2,5": "100" } })).toBeNull();
  });

  test("a block remembered on another sheet does not make this sheet's cells the add-in's", () => {
    const owned = { RebalDriftColumns: { sheet: "Old Targets", rect: { top: 1, left: 5, bottom: 3, right: 6 } } };
    expect(problem({ sheets: ["Targets", "Old Targets"], owned, cells: { "Targets!2,5": "100" } })).toMatchObject({ cell: "E2" });
  });

  test("the sheet to update must exist", () => {
    expect(problem({ sheets: [] })?.message).toBe('The sheet "Targets" is not in the workbook');
  });

  test("a table name used on another sheet is refused, compared ignoring case; on the replaced sheet it is fine", () => {
    expect(problem({ sheets: ["Targets", "Mine"], tables: { trades_20261120: "Mine" } })?.message).toBe(
      'The table name "Trades_20261120" is already used on the sheet "Mine"; rename that table (nothing was written)',
    );
    expect(problem({ sheets: ["Targets", "Rebalance 2026-11-20"], tables: { Trades_20261120: "Rebalance 2026-11-20" } })).toBeNull();
  });

  test("a Rebalance Log sheet without the log table is not taken over; with it, the row is appended", () => {
    expect(problem({ sheets: ["Targets", "Rebalance Log"] })).toMatchObject({
      sheet: "Rebalance Log",
      cell: "A1",
      message: 'The sheet "Rebalance Log" exists but holds no "RebalanceLog" table; rename the sheet so the add-in can create its log (nothing was written)',
    });
    expect(problem({ sheets: ["Targets", "Rebalance Log"], tables: { RebalanceLog: "Rebalance Log" } })).toBeNull();
  });
});

describe("what no adapter may write", () => {
  test("a replaced or appended sheet that holds one of the advisor's ranges is refused, naming the range", () => {
    const onLog = { ...plan, keep: [{ name: "Holdings", sheet: "Rebalance Log" }] };
    expect(() => checkWritePlan(onLog, view({ sheets: ["Targets", "Rebalance Log"], tables: { RebalanceLog: "Rebalance Log" } }))).toThrow(
      'The named range "Holdings" is on the sheet "Rebalance Log", which the add-in keeps its Rebalance Log on; move Holdings to a sheet of its own (nothing was written)',
    );
    const onSheet = { ...plan, keep: [{ name: "Targets", sheet: "Rebalance 2026-11-20" }] };
    expect(() => checkWritePlan(onSheet, view({ sheets: ["Targets", "Rebalance 2026-11-20"] }))).toThrow(/"Targets" is on the sheet "Rebalance 2026-11-20", which the add-in replaces on every run/);
    // On the sheet the drift columns update, a range is expected (that is Targets itself).
    expect(() => checkWritePlan({ ...plan, keep: [{ name: "Targets", sheet: "Targets" }] }, view({ sheets: ["Targets"] }))).not.toThrow();
  });

  test("cells past column XFD or row 1,048,576 are refused", () => {
    const wide: UpdateSheetPlan = { ...drift, cells: [{ row: 1, col: 16385, value: "Current Value" }], owned: { name: "RebalDriftColumns", rect: { top: 1, left: 16385, bottom: 1, right: 16385 } } };
    expect(() => checkWritePlan({ sheets: [wide] }, view({ sheets: ["Targets"] }))).toThrow(
      'On the sheet "Targets" the add-in would write at column XFE, past Excel\'s last column XFD; move the range left or up so the add-in\'s columns fit beside it (nothing was written)',
    );
    const tall: ReplaceSheetPlan = { ...sheet, tables: [], cells: [{ row: 1_048_577, col: 1, value: "x" }] };
    expect(() => checkWritePlan({ sheets: [tall] }, view({ sheets: [] }))).toThrow(/row 1048577, past Excel's last row 1048576/);
  });

  test("text over 32,767 characters and numbers that are not finite are refused, naming the cell", () => {
    const long: ReplaceSheetPlan = { ...sheet, tables: [], cells: [{ row: 9, col: 2, value: "x".repeat(32_768) }] };
    expect(() => checkWritePlan({ sheets: [long] }, view({ sheets: [] }))).toThrow(
      "'Rebalance 2026-11-20'!B9: the add-in would write 32,768 characters of text (Excel holds 32,767), which Excel cannot hold (nothing was written)",
    );
    const inf: ReplaceSheetPlan = { ...sheet, tables: [], cells: [{ row: 3, col: 2, value: Infinity }] };
    expect(() => checkWritePlan({ sheets: [inf] }, view({ sheets: [] }))).toThrow(/B3: the add-in would write the number Infinity/);
  });
});

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
}

function view(b: Book): WorkbookView {
  return {
    hasSheet: (n) => b.sheets.includes(n),
    tableSheet: (n) => Object.entries(b.tables ?? {}).find(([t]) => t.toLowerCase() === n.toLowerCase())?.[1] ?? null,
    ownedBlock: (n) => b.owned?.[n] ?? null,
    cellText: (sheet, row, col) => b.cells?.[`${sheet}!${row},${col}`] ?? null,
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
  append: { table: "RebalanceLog", headers: ["Timestamp"], anchor: { row: 1, col: 1 }, row: [{ value: 1 }], style: TABLE_STYLE },
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

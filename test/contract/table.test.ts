/** Named ranges read as tables (src/contract/table.ts): headers found by name, blank rows skipped, addresses on the sheet. */
import { ContractError } from "../../src/contract/errors";
import { CellValue, RangeSnapshot } from "../../src/contract/snapshot";
import { ColumnSpec, readTable } from "../../src/contract/table";

const range = (values: CellValue[][], at: Partial<Pick<RangeSnapshot, "name" | "sheet" | "top" | "left">> = {}): RangeSnapshot => ({
  name: "Holdings",
  sheet: "Portfolio",
  top: 1,
  left: 1,
  values,
  numberFormats: [],
  ...at,
});

const COLUMNS: ColumnSpec[] = [
  { header: "Symbol", required: true },
  { header: "Asset Class", required: true },
  { header: "Quantity", required: true },
  { header: "Price", required: false },
];

function read(r: RangeSnapshot, columns = COLUMNS) {
  const errors: ContractError[] = [];
  const table = readTable(r, columns, errors);
  return { table, texts: errors.map((e) => e.text), errors };
}

describe("headers", () => {
  test("found in any order, ignoring case and spaces; unknown columns ignored", () => {
    const { table, texts } = read(range([["QUANTITY", "Notes", " asset  class ", "sym bol"], [100, "core", "Stocks", "VTI"]]));
    expect(texts).toEqual([]);
    const row = table!.rows[0];
    expect(row.get("Symbol")).toBe("VTI");
    expect(row.get("Asset Class")).toBe("Stocks");
    expect(row.get("Quantity")).toBe(100);
    expect(row.ref("Symbol")).toEqual({ sheet: "Portfolio", cell: "D2" });
    expect(row.ref("Asset Class")).toEqual({ sheet: "Portfolio", cell: "C2" });
  });

  test("an absent optional column reads as null and points at the row's first cell", () => {
    const { table } = read(range([["Asset Class", "Symbol", "Quantity"], ["Stocks", "VTI", 100]]));
    const row = table!.rows[0];
    expect(row.has("Price")).toBe(false);
    expect(row.has("Symbol")).toBe(true);
    expect(row.get("Price")).toBeNull();
    expect(row.ref("Price")).toEqual({ sheet: "Portfolio", cell: "A2" });
  });

  test("a known header given twice is reported; the first one is used", () => {
    const { table, texts } = read(range([["Symbol", "Asset Class", "Quantity", " SYMBOL"], ["VTI", "Stocks", 100, "BND"]]));
    expect(texts).toEqual(['Portfolio!D1: Holdings has the column "SYMBOL" twice (also in A1)']);
    expect(table!.rows[0].get("Symbol")).toBe("VTI");
  });

  test("an unknown header given twice is not a problem", () => {
    const { table, texts } = read(range([["Symbol", "Notes", "Asset Class", "notes", "Quantity"], ["VTI", "a", "Stocks", "b", 100]]));
    expect(texts).toEqual([]);
    expect(table!.rows).toHaveLength(1);
  });

  test("missing required columns are named, with the header span", () => {
    const { table, errors } = read(range([["Symbol", "Qty", "Notes"], ["VTI", 100, ""]]));
    expect(table).toBeNull();
    expect(errors).toEqual([
      {
        sheet: "Portfolio",
        cell: "A1",
        message: 'Holdings is missing the required columns "Asset Class", "Quantity" (headers are read from row 1, A1:C1; case and spaces are ignored)',
        text: 'Portfolio!A1: Holdings is missing the required columns "Asset Class", "Quantity" (headers are read from row 1, A1:C1; case and spaces are ignored)',
      },
    ]);
  });

  test("one missing column is singular", () => {
    const { texts } = read(range([["Symbol", "Asset Class", "Price"]]));
    expect(texts).toEqual(['Portfolio!A1: Holdings is missing the required column "Quantity" (headers are read from row 1, A1:C1; case and spaces are ignored)']);
  });

  test("no header row", () => {
    const expected = 'Portfolio!A1: Holdings has no header row; expected "Symbol", "Asset Class", "Quantity"';
    expect(read(range([])).texts).toEqual([expected]);
    expect(read(range([[null, "", "  "], ["VTI", "Stocks", 100]])).texts).toEqual([expected]);
    expect(read(range([])).table).toBeNull();
  });
});

describe("rows", () => {
  test("blank rows are skipped and the others keep their sheet row numbers", () => {
    const { table } = read(
      range([
        ["Symbol", "Asset Class", "Quantity"],
        ["VTI", "Stocks", 100],
        [null, "", "   "],
        [],
        ["BND", "Bonds", 200],
      ]),
    );
    expect(table!.rows.map((r) => [r.row, r.get("Symbol")])).toEqual([
      [2, "VTI"],
      [5, "BND"],
    ]);
    expect(table!.rows[1].ref("Quantity")).toEqual({ sheet: "Portfolio", cell: "C5" });
  });

  test("a short row reads null past its end", () => {
    const { table } = read(range([["Symbol", "Asset Class", "Quantity", "Price"], ["VTI", "Stocks"]]));
    expect(table!.rows[0].get("Quantity")).toBeNull();
    expect(table!.rows[0].get("Price")).toBeNull();
  });

  test("a header row alone gives no rows and no problem", () => {
    const { table, texts } = read(range([["Symbol", "Asset Class", "Quantity"]]));
    expect(texts).toEqual([]);
    expect(table!.rows).toEqual([]);
  });
});

describe("a range placed at C5", () => {
  const at = { top: 5, left: 3 };

  test("addresses are the sheet's", () => {
    const { table } = read(range([["Symbol", "Asset Class", "Quantity"], [], ["VTI", "Stocks", 100]], at));
    const row = table!.rows[0];
    expect(row.row).toBe(7);
    expect(row.ref("Symbol")).toEqual({ sheet: "Portfolio", cell: "C7" });
    expect(row.ref("Quantity")).toEqual({ sheet: "Portfolio", cell: "E7" });
    expect(row.ref("Price")).toEqual({ sheet: "Portfolio", cell: "C7" });
  });

  test("problems are addressed on the sheet, and a sheet name with spaces is quoted", () => {
    expect(read(range([["Symbol", "Asset Class", "Symbol"]], at)).texts).toEqual([
      'Portfolio!E5: Holdings has the column "Symbol" twice (also in C5)',
      'Portfolio!C5: Holdings is missing the required column "Quantity" (headers are read from row 5, C5:E5; case and spaces are ignored)',
    ]);
    expect(read(range([["Symbol"]], { ...at, sheet: "Bob's Book" })).texts).toEqual([
      `'Bob''s Book'!C5: Holdings is missing the required columns "Asset Class", "Quantity" (headers are read from row 5, C5:C5; case and spaces are ignored)`,
    ]);
  });
});

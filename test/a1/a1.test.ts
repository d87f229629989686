/** A1 references (src/a1): column letters, addresses, sheet quoting, and parsing references back into rectangles. */
import fc from "fast-check";
import {
  splitAreas,
  Area,
  MAX_COLUMN,
  MAX_ROW,
  absoluteAddress,
  absoluteRange,
  boundingRect,
  cellAddress,
  columnIndex,
  columnLetters,
  columnsAddress,
  inRect,
  parseArea,
  parseCell,
  parseRect,
  qualified,
  qualifiedRect,
  quotedSheet,
  rangeAddress,
  rectAddress,
  rowOf,
  sheetLabel,
  splitSheet,
} from "../../src/a1";

const RUNS = Number(process.env.PROP_RUNS ?? 2000);
const SEED = Number(process.env.PROP_SEED ?? 20261120);

const area = (sheet: string | null, top: number, left: number, bottom: number | null, right: number | null): Area => ({ sheet, top, left, bottom, right });

describe("columns", () => {
  test("grid limits", () => {
    expect(MAX_COLUMN).toBe(16384);
    expect(MAX_ROW).toBe(1048576);
  });

  test.each([
    [1, "A"],
    [26, "Z"],
    [27, "AA"],
    [52, "AZ"],
    [53, "BA"],
    [702, "ZZ"],
    [703, "AAA"],
    [16384, "XFD"],
  ])("column %i is %s", (col, letters) => {
    expect(columnLetters(col)).toBe(letters);
    expect(columnIndex(letters)).toBe(col);
  });

  test("letters are read ignoring case", () => {
    expect(columnIndex("xfd")).toBe(16384);
    expect(columnIndex("aA")).toBe(27);
  });

  test("every column of the grid round-trips, in order and without gaps", () => {
    const wrong: string[] = [];
    let previous = "";
    for (let col = 1; col <= MAX_COLUMN; col++) {
      const letters = columnLetters(col);
      // Shorter names come first; names of one length are in alphabetical order.
      const ordered = letters.length > previous.length || (letters.length === previous.length && letters > previous);
      if (!/^[A-Z]{1,3}$/.test(letters) || columnIndex(letters) !== col || !ordered) wrong.push(`${col} → ${letters}`);
      previous = letters;
    }
    expect(wrong).toEqual([]);
    expect(previous).toBe("XFD");
  });
});

describe("addresses", () => {
  test("cells and ranges, plain and absolute", () => {
    expect(cellAddress(7, 5)).toBe("E7");
    expect(absoluteAddress(7, 5)).toBe("$E$7");
    expect(rangeAddress(1, 1, 3, 3)).toBe("A1:C3");
    expect(absoluteRange(1, 1, 3, 3)).toBe("$A$1:$C$3");
    expect(absoluteRange(MAX_ROW, MAX_COLUMN, MAX_ROW, MAX_COLUMN)).toBe("$XFD$1048576:$XFD$1048576");
  });

  test("rectAddress gives one cell alone and a range otherwise", () => {
    expect(rectAddress({ top: 2, left: 2, bottom: 2, right: 2 })).toBe("B2");
    expect(rectAddress({ top: 2, left: 2, bottom: 9, right: 4 })).toBe("B2:D9");
    expect(rectAddress({ top: 2, left: 2, bottom: 2, right: 3 })).toBe("B2:C2");
  });

  test("columnsAddress", () => {
    expect(columnsAddress(3)).toBe("C:C");
    expect(columnsAddress(1, 5)).toBe("A:E");
    expect(columnsAddress(27, 16384)).toBe("AA:XFD");
  });

  test("rowOf", () => {
    expect(rowOf("E7")).toBe(7);
    expect(rowOf("$E$1048576")).toBe(1048576);
    expect(rowOf("Portfolio!B12")).toBe(12);
    expect(rowOf("E")).toBeNaN();
  });
});

describe("sheet names", () => {
  const tricky = "Bob's 'Q4'";

  test("quotedSheet doubles apostrophes", () => {
    expect(quotedSheet(tricky)).toBe("'Bob''s ''Q4'''");
    expect(quotedSheet("Portfolio")).toBe("'Portfolio'");
  });

  test("sheetLabel quotes only names that need it", () => {
    expect(sheetLabel("Portfolio")).toBe("Portfolio");
    expect(sheetLabel("Sheet_1.v2")).toBe("Sheet_1.v2");
    expect(sheetLabel("My Sheet")).toBe("'My Sheet'");
    expect(sheetLabel("2026")).toBe("'2026'");
    expect(sheetLabel("Q4-2026")).toBe("'Q4-2026'");
    expect(sheetLabel(tricky)).toBe("'Bob''s ''Q4'''");
  });

  test("qualified and qualifiedRect always quote", () => {
    expect(qualified("Portfolio", "A1:B2")).toBe("'Portfolio'!A1:B2");
    expect(qualified(tricky, "C3")).toBe("'Bob''s ''Q4'''!C3");
    expect(qualifiedRect(tricky, { top: 1, left: 1, bottom: 20, right: 10 })).toBe("'Bob''s ''Q4'''!$A$1:$J$20");
  });

  test("splitSheet", () => {
    expect(splitSheet("A1:B2")).toEqual({ sheet: null, address: "A1:B2" });
    expect(splitSheet("Sheet1!A1:B2")).toEqual({ sheet: "Sheet1", address: "A1:B2" });
    expect(splitSheet("'My Sheet'!$A$1")).toEqual({ sheet: "My Sheet", address: "$A$1" });
    expect(splitSheet("'Bob''s ''Q4'''!C3")).toEqual({ sheet: tricky, address: "C3" });
    // A "!" inside the quotes belongs to the sheet name: the address starts after the last one.
    expect(splitSheet("'Hi! There!'!B2")).toEqual({ sheet: "Hi! There!", address: "B2" });
  });
});

describe("parseCell", () => {
  test("plain and $ forms", () => {
    expect(parseCell("B7")).toEqual({ row: 7, col: 2 });
    expect(parseCell("$B$7")).toEqual({ row: 7, col: 2 });
    expect(parseCell("b$7")).toEqual({ row: 7, col: 2 });
    expect(parseCell(" $b7 ")).toEqual({ row: 7, col: 2 });
  });

  test("the grid's edges", () => {
    expect(parseCell("XFD1048576")).toEqual({ row: 1048576, col: 16384 });
    expect(parseCell("A1048577")).toBeNull();
    expect(parseCell("XFE1")).toBeNull();
    expect(parseCell("A0")).toBeNull();
    expect(parseCell("AAAA1")).toBeNull();
  });

  test("not a single cell", () => {
    expect(parseCell("")).toBeNull();
    expect(parseCell("B")).toBeNull();
    expect(parseCell("7")).toBeNull();
    expect(parseCell("B7:C8")).toBeNull();
    expect(parseCell("Sheet1!B7")).toBeNull();
  });
});

describe("parseArea", () => {
  test("single cells in every $ form", () => {
    for (const ref of ["A1", "$A$1", "A$1", "$A1"]) expect(parseArea(ref)).toEqual(area(null, 1, 1, 1, 1));
    expect(parseArea("Sheet1!$C$3")).toEqual(area("Sheet1", 3, 3, 3, 3));
  });

  test("ranges, with corners in any order", () => {
    expect(parseArea("A1:C3")).toEqual(area(null, 1, 1, 3, 3));
    expect(parseArea("C3:A1")).toEqual(area(null, 1, 1, 3, 3));
    expect(parseArea("A3:C1")).toEqual(area(null, 1, 1, 3, 3));
    expect(parseArea("$B$2:D$9")).toEqual(area(null, 2, 2, 9, 4));
  });

  test("sheet-qualified, quoted names unescaped", () => {
    expect(parseArea("'Q4 ''26'!$A$1:$J$20")).toEqual(area("Q4 '26", 1, 1, 20, 10));
    expect(parseArea("'Bob''s ''Q4'''!A1")).toEqual(area("Bob's 'Q4'", 1, 1, 1, 1));
    expect(parseArea("'Wow! Sheet'!B2:C3")).toEqual(area("Wow! Sheet", 2, 2, 3, 3));
  });

  test("a leading = and surrounding spaces are ignored", () => {
    expect(parseArea("=Portfolio!$A$1:$E$9")).toEqual(area("Portfolio", 1, 1, 9, 5));
    expect(parseArea("  =A1:B2  ")).toEqual(area(null, 1, 1, 2, 2));
  });

  test("whole columns have no bottom, whole rows no right", () => {
    expect(parseArea("A:E")).toEqual(area(null, 1, 1, null, 5));
    expect(parseArea("$E:$A")).toEqual(area(null, 1, 1, null, 5));
    expect(parseArea("Sheet1!C:C")).toEqual(area("Sheet1", 1, 3, null, 3));
    expect(parseArea("1:10")).toEqual(area(null, 1, 1, 10, null));
    expect(parseArea("$10:$1")).toEqual(area(null, 1, 1, 10, null));
  });

  test("the last row and column are accepted, one past them is not", () => {
    expect(parseArea("A1048576")).toEqual(area(null, 1048576, 1, 1048576, 1));
    expect(parseArea("XFD1")).toEqual(area(null, 1, 16384, 1, 16384));
    expect(parseArea("A1:XFD1048576")).toEqual(area(null, 1, 1, 1048576, 16384));
    expect(parseArea("A:XFD")).toEqual(area(null, 1, 1, null, 16384));
    expect(parseArea("1:1048576")).toEqual(area(null, 1, 1, 1048576, null));
    expect(parseArea("A1048577")).toBeNull();
    expect(parseArea("A1:A1048577")).toBeNull();
    expect(parseArea("XFE1")).toBeNull();
    expect(parseArea("A1:XFE1")).toBeNull();
    expect(parseArea("A:XFE")).toBeNull();
    expect(parseArea("1:1048577")).toBeNull();
    expect(parseArea("0:5")).toBeNull();
  });

  test("non-ranges give null", () => {
    expect(parseArea("")).toBeNull();
    expect(parseArea("   ")).toBeNull();
    expect(parseArea("=")).toBeNull();
    expect(parseArea("#REF!")).toBeNull();
    expect(parseArea("=Sheet1!#REF!")).toBeNull();
    expect(parseArea("0.05")).toBeNull();
    expect(parseArea("=0.05")).toBeNull();
    expect(parseArea("A1:B2,D1:E2")).toBeNull();
    expect(parseArea("SUM(A1:B2)")).toBeNull();
    expect(parseArea("=Sheet1!A1+1")).toBeNull();
    expect(parseArea("A1:B2:C3")).toBeNull();
    expect(parseArea("A1:C")).toBeNull();
    expect(parseArea("Holdings")).toBeNull();
  });

  test("a comma inside a quoted sheet name is part of the name; outside quotes it separates areas", () => {
    expect(parseArea("'Q4, 2026'!A1:B2")).toEqual({ sheet: "Q4, 2026", top: 1, left: 1, bottom: 2, right: 2 });
    expect(parseArea(qualifiedRect("Q4, 2026", { top: 1, left: 1, bottom: 2, right: 2 }))).toMatchObject({ sheet: "Q4, 2026" });
    expect(parseArea("'Q4, 2026'!A1:B2,'Q4, 2026'!D1:E2")).toBeNull();
    expect(parseArea("'It''s, ok'!$C$3")).toMatchObject({ sheet: "It's, ok", top: 3, left: 3 });
  });
});

describe("splitAreas", () => {
  test("splits a list of areas at commas outside quoted sheet names", () => {
    expect(splitAreas("Sheet1!A1:B4, Sheet1!D1:D4")).toEqual(["Sheet1!A1:B4", "Sheet1!D1:D4"]);
    expect(splitAreas("'Q4, 2026'!A2:A5,'It''s, ok'!C3")).toEqual(["'Q4, 2026'!A2:A5", "'It''s, ok'!C3"]);
    expect(splitAreas("A1")).toEqual(["A1"]);
    expect(splitAreas("")).toEqual([]);
  });
});

describe("parseRect", () => {
  test("bounded areas only", () => {
    expect(parseRect("'S'!$B$2")).toEqual({ top: 2, left: 2, bottom: 2, right: 2 });
    expect(parseRect("C3:A1")).toEqual({ top: 1, left: 1, bottom: 3, right: 3 });
    expect(parseRect("A:E")).toBeNull();
    expect(parseRect("1:10")).toBeNull();
    expect(parseRect("#REF!")).toBeNull();
    expect(parseRect("A1:B2,D1:E2")).toBeNull();
  });
});

describe("rectangles", () => {
  const r = { top: 2, left: 2, bottom: 4, right: 3 };

  test("inRect is inclusive and false for null", () => {
    expect(inRect(r, 2, 2)).toBe(true);
    expect(inRect(r, 4, 3)).toBe(true);
    expect(inRect(r, 3, 2)).toBe(true);
    expect(inRect(r, 1, 2)).toBe(false);
    expect(inRect(r, 5, 3)).toBe(false);
    expect(inRect(r, 3, 1)).toBe(false);
    expect(inRect(r, 3, 4)).toBe(false);
    expect(inRect(null, 1, 1)).toBe(false);
  });

  test("boundingRect", () => {
    expect(boundingRect([])).toBeNull();
    expect(boundingRect([{ row: 5, col: 3 }])).toEqual({ top: 5, left: 3, bottom: 5, right: 3 });
    expect(
      boundingRect([
        { row: 5, col: 3 },
        { row: 2, col: 7 },
        { row: 9, col: 1 },
      ]),
    ).toEqual({ top: 2, left: 1, bottom: 9, right: 7 });
  });
});

describe("property: qualifiedRect and parseArea are inverses", () => {
  // Sheet names Excel allows (no : \ / ? * [ ]), with spaces, apostrophes and "!" in any position.
  // Commas are left out: parseArea refuses them today (see the known-limitation test above), and "#"
  // is left out so that no name contains "#REF!".
  const sheetChar = fc.constantFrom(..."abcXYZ019 '!._-()&".split(""));
  const sheet = fc.array(sheetChar, { minLength: 1, maxLength: 31 }).map((cs) => cs.join(""));
  const span = (max: number) => fc.tuple(fc.integer({ min: 1, max }), fc.integer({ min: 1, max })).map(([a, b]) => [Math.min(a, b), Math.max(a, b)]);
  const rect = fc.tuple(span(MAX_ROW), span(MAX_COLUMN)).map(([[top, bottom], [left, right]]) => ({ top, left, bottom, right }));

  test("parseArea(qualifiedRect(sheet, r)) gives back the sheet and r", () => {
    fc.assert(
      fc.property(sheet, rect, (s, r) => {
        expect(parseArea(qualifiedRect(s, r))).toEqual({ sheet: s, ...r });
        expect(parseRect(qualified(s, rectAddress(r)))).toEqual(r);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});

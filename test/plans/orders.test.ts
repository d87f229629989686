/** The order file: format, OWASP CSV-injection neutralising, and the runner's --orders. */
import * as fs from "fs";
import * as path from "path";
import Decimal from "decimal.js";
import { csvField, ordersCsv, ordersCsvFromJson, ORDER_HEADERS } from "../../src/plans/orders";
import { planWorkbook } from "../../src/plans/plan-workbook";
import { readWorkbookSnapshot } from "../../src/xlsx/read";
import { Trade } from "../../src/engine/types";
import { distributionJson, tradeJson } from "../../src/plans/json";
import { main } from "../../src/cli/main";
import { addRow, sampleBook, setCell, tempDir, writeWorkbook } from "../support/workbook";

/** A small RFC 4180 reader, so the tests see fields as a custodian's importer would. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += ch;
  }
  if (field !== "" || row.length) throw new Error("CSV does not end with CRLF");
  return rows;
}

const trade = (over: Partial<Trade>): Trade => ({
  account: "IRA",
  symbol: "VTI",
  assetClass: "Stocks",
  side: "buy",
  quantity: new Decimal(10),
  price: new Decimal("250.5"),
  limitPrice: new Decimal("251.01"),
  amount: new Decimal("2505"),
  fee: new Decimal(0),
  realized: null,
  settlesOn: "2026-11-23",
  ...over,
});

describe("csvField (OWASP CSV injection)", () => {
  test.each([
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ["+1+1", "'+1+1"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1:A9)", "'@SUM(A1:A9)"],
    ["\t=1", "'\t=1"],
  ])("%j is neutralised", (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });

  test("a carriage return at the start is neutralised and the field quoted", () => {
    expect(csvField("\r=1")).toBe(`"'\r=1"`);
  });

  test("separators and quotes are quoted; ordinary text is left alone", () => {
    expect(csvField("Smith, John IRA")).toBe('"Smith, John IRA"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("BRK.B")).toBe("BRK.B");
    expect(csvField("Traditional SDIRA")).toBe("Traditional SDIRA");
  });
});

describe("ordersCsv", () => {
  test("one LIMIT DAY order per trade with plain quantities and cents", () => {
    const csv = ordersCsv({
      trades: [trade({}), trade({ side: "sell", symbol: "BND", quantity: new Decimal("0.123456"), limitPrice: new Decimal("73.9") })],
    });
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(parseCsv(csv)).toEqual([
      ORDER_HEADERS,
      ["IRA", "VTI", "BUY", "10", "LIMIT", "251.01", "DAY"],
      ["IRA", "BND", "SELL", "0.123456", "LIMIT", "73.90", "DAY"],
    ]);
  });

  test("hostile account and symbol names come out inert", () => {
    const csv = ordersCsv({ trades: [trade({ account: '=HYPERLINK("http://evil.example","x")', symbol: "@SUM(1,2)" })] });
    const [, row] = parseCsv(csv);
    expect(row[0]).toBe(`'=HYPERLINK("http://evil.example","x")`);
    expect(row[1]).toBe("'@SUM(1,2)");
    for (const field of parseCsv(csv).flat()) expect(field).not.toMatch(/^[=+\-@\t\r]/);
  });

  test("the pane's CSV (from the plan's JSON) is the runner's, byte for byte", async () => {
    const sample = path.join(__dirname, "..", "..", "samples", "sdira-sample.xlsx");
    const r = planWorkbook(await readWorkbookSnapshot(fs.readFileSync(sample)));
    if (!r.ok) throw new Error("sample does not plan");
    expect(r.raw.trades.length).toBeGreaterThan(0);
    expect(ordersCsvFromJson(r.plan)).toBe(ordersCsv(r.raw));
  });

  test("no trades: the header only", () => {
    expect(ordersCsv({ trades: [] })).toBe(`${ORDER_HEADERS.join(",")}\r\n`);
  });
});

describe("rebalance --orders", () => {
  const dir = tempDir("orders-");
  const run = async (argv: string[]) => {
    let stdout = "";
    let stderr = "";
    const code = await main(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
    return { code, stdout, stderr };
  };

  test("writes the trades of the plan, with a hostile account name neutralised", async () => {
    const book = sampleBook();
    for (let r = 2; r <= 4; r++) setCell(book, `Holdings!A${r}`, "=Evil()+IRA");
    const file = await writeWorkbook(path.join(dir, "hostile.xlsx"), book);
    const orders = path.join(dir, "hostile.csv");
    const r = await run([file, "--orders", orders]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Wrote .*hostile\.csv \(2 orders\)/);
    expect(parseCsv(fs.readFileSync(orders, "utf8"))).toEqual([
      ORDER_HEADERS,
      ["'=Evil()+IRA", "VTI", "SELL", "20", "LIMIT", "250.00", "DAY"],
      ["'=Evil()+IRA", "BND", "BUY", "100", "LIMIT", "50.00", "DAY"],
    ]);
  });

  test("--json --orders=file prints only the JSON and the file matches its trades", async () => {
    const file = await writeWorkbook(path.join(dir, "json.xlsx"), sampleBook());
    const orders = path.join(dir, "json.csv");
    const r = await run([file, "--json", `--orders=${orders}`]);
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout) as { trades: { account: string; symbol: string; side: string; quantity: string; limitPrice: string }[] };
    expect(parseCsv(fs.readFileSync(orders, "utf8")).slice(1)).toEqual(plan.trades.map((t) => [t.account, t.symbol, t.side.toUpperCase(), t.quantity, "LIMIT", t.limitPrice, "DAY"]));
  });

  test("a workbook that breaks the contract: exit 2 and no order file", async () => {
    const book = sampleBook();
    addRow(book, "Holdings", ["IRA", "GLD", "Gold", 1, 380, null, null, "Yes", 1, null]);
    const file = await writeWorkbook(path.join(dir, "bad.xlsx"), book);
    const orders = path.join(dir, "bad.csv");
    const r = await run([file, "--orders", orders]);
    expect(r.code).toBe(2);
    expect(fs.existsSync(orders)).toBe(false);
  });

  test("option errors exit 2", async () => {
    expect((await run(["x.xlsx", "--orders"])).code).toBe(2);
    const file = await writeWorkbook(path.join(dir, "ok.xlsx"), sampleBook());
    const r = await run([file, "--orders", path.join(dir, "no", "such", "dir", "o.csv")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Cannot write/);
  });
});

describe("distributions in kind: a section of their own after the orders", () => {
  const distributions = [{ owner: "Pat", account: "Trad", symbol: "RENTAL", assetClass: "Real Estate", quantity: new Decimal("0.004667"), price: new Decimal(300000), amount: new Decimal("1400.10"), valuedOn: "2025-12-31" }];
  test("a blank line, its header, one DISTRIBUTE row at fair market value; the JSON form gives the same bytes", () => {
    const csv = ordersCsv({ trades: [trade({})], distributions });
    expect(csv).toBe(
      "Account,Symbol,Side,Quantity,Order Type,Limit Price,Time In Force\r\nIRA,VTI,BUY,10,LIMIT,251.01,DAY\r\n\r\nAccount,Symbol,Side,Quantity,Fair Market Value,Amount,Owner\r\nTrad,RENTAL,DISTRIBUTE,0.004667,300000.00,1400.10,Pat\r\n",
    );
    expect(ordersCsvFromJson({ trades: [tradeJson(trade({}))], distributions: distributions.map(distributionJson) })).toBe(csv);
    expect(ordersCsv({ trades: [trade({})], distributions: [] })).toBe(ordersCsv({ trades: [trade({})] }));
  });
});

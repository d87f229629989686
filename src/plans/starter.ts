/**
 * The starter sheets, as one write plan: Holdings, Targets, Policy, Accounts and Owners holding the
 * sample household (src/samples/sdira-sample.ts, the data samples/sdira-sample.xlsx is made from), each
 * table under a workbook-scoped name over its header and data rows, so a new book plans exactly as the
 * sample does. Every sheet is created (never replaced) and every name is new: a workbook that already has
 * one of them is refused by the write-plan check, which names each sheet and name in the way.
 * Applied by the Office.js adapter (the pane's "Create starter sheets") and by exceljs (the download).
 * The cells an advisor types choices into have drop-downs: Yes/No, account types and the Policy's choices
 * refuse anything else; a Holdings Account or Asset Class, or an Accounts Owner, offers the rows of
 * Accounts, Targets or Owners and only warns of another value (the advisor adds the row there too).
 */
import Decimal from "decimal.js";
import { DateSystem, isoToSerial } from "../dates/serial";
import {
  ACCOUNTS_HEADERS,
  HOLDINGS_HEADERS,
  OWNERS_HEADERS,
  POLICY_HEADERS,
  SAMPLE_ACCOUNTS,
  SAMPLE_ACCOUNT_TYPES,
  SAMPLE_HOLDINGS,
  SAMPLE_OWNERS,
  SAMPLE_POLICY,
  SAMPLE_TARGETS,
  SHEET_NAMES,
  SamplePolicySetting,
  TARGETS_HEADERS,
} from "../samples/sdira-sample";
import { marketValue, money } from "../samples/summary";
import { FMT, HEADER_STYLE } from "./formats";
import { CellStyle, CellWrite, CreateSheetPlan, ListRule, NamePlan, PlainValue, WritePlan } from "./types";
import { columnLetters } from "../a1";

/** The sheets the starter plan creates, in order. */
export const STARTER_SHEETS = [SHEET_NAMES.holdings, SHEET_NAMES.targets, SHEET_NAMES.policy, SHEET_NAMES.accounts, SHEET_NAMES.owners] as const;

/** The file standalone mode downloads. */
export const STARTER_FILE = "sdira-starter.xlsx";

const NOTE: CellStyle = { italic: true, color: "#595959" };
const INPUT: CellStyle = { fill: "#FFF2CC", horizontal: "right" };
const SHARES = "#,##0";
/** The drop-downs reach this far down Holdings, Accounts and Owners: room for the advisor's own rows below the sample's. */
const HOLDINGS_ROWS = 500;
/** Empty rows between the Targets table and its check total: room for the advisor's own classes. */
const TARGET_ROOM = 10;
const ACCOUNTS_ROWS = 50;
const OWNERS_ROWS = 20;
const DOLLARS = "#,##0.00";

type Cell = { value: PlainValue; numberFormat?: string; style?: CellStyle; formula?: string };

/** One sheet: a header row, then rows of cells (null = left empty), column widths, the header frozen. */
function table(sheet: string, headers: readonly string[], rows: (Cell | null)[][], widths: number[], below: CellWrite[] = []): CreateSheetPlan {
  const cells: CellWrite[] = headers.map((h, i) => ({ row: 1, col: i + 1, value: h, style: { ...HEADER_STYLE, horizontal: i === 0 ? "left" : "center", wrap: true } }));
  rows.forEach((row, r) =>
    row.forEach((c, i) => {
      if (c === null) return;
      const w: CellWrite = { row: r + 2, col: i + 1, numberFormat: c.numberFormat, style: c.style };
      if (c.formula) Object.assign(w, { formula: c.formula, expected: c.value });
      else w.value = c.value;
      cells.push(w);
    }),
  );
  return { mode: "create", sheet, cells: [...cells, ...below], columnWidths: widths.map((width, i) => ({ col: i + 1, width })), freezeRows: 1 };
}

/** Its name over the header row and the data rows, exactly (nothing below or beside it). */
function nameOver(sp: CreateSheetPlan, name: string, rows: number, cols: number): NamePlan {
  return { name, sheet: sp.sheet, rect: { top: 1, left: 1, bottom: rows + 1, right: cols } };
}

const text = (value: string | null, style?: CellStyle): Cell | null => (value === null ? null : { value, style });
const num = (value: number | null, numberFormat: string): Cell | null => (value === null ? null : { value, numberFormat });

function policyValue(p: SamplePolicySetting, date: (iso: string) => number): Cell {
  switch (p.kind) {
    case "date":
      return { value: date(String(p.value)), numberFormat: FMT.date, style: INPUT };
    case "percent":
      return { value: Number(p.value), numberFormat: FMT.percent, style: INPUT };
    case "money":
      return { value: Number(p.value), numberFormat: FMT.money, style: INPUT };
    case "bps":
      return { value: Number(p.value), numberFormat: "0", style: INPUT };
    case "choice":
    case "yesno":
      return { value: String(p.value), style: INPUT };
  }
}

/**
 * The starter sheets for a workbook in `dateSystem` (dates are written as that system's serials, with a
 * date format, as Excel holds them). The first sheet, Holdings, is shown when the write is done.
 */
export function starterPlan(dateSystem: DateSystem = 1900): WritePlan {
  const date = (iso: string | null): Cell | null => (iso === null ? null : { value: isoToSerial(iso, dateSystem), numberFormat: FMT.date });

  const holdings = table(
    SHEET_NAMES.holdings,
    HOLDINGS_HEADERS,
    SAMPLE_HOLDINGS.map((h, i) => [
      text(h.account),
      text(h.symbol),
      text(h.description),
      text(h.assetClass),
      num(h.quantity, h.symbol === "CASH" ? DOLLARS : SHARES),
      num(h.price, FMT.money),
      { value: money(marketValue(h)), formula: `=E${i + 2}*F${i + 2}`, numberFormat: FMT.money },
      num(h.costBasis, FMT.money),
      date(h.acquired),
      text(h.tradable ? "Yes" : "No", { horizontal: "center" }),
      num(h.lotSize, "0"),
      date(h.valuedOn),
    ]),
    [18, 18, 44, 14, 12, 13, 15, 15, 12, 10, 10, 12],
  );
  holdings.activate = true;
  const column = (headers: readonly string[], h: string) => columnLetters(headers.indexOf(h) + 1);
  const choices = (headers: readonly string[], h: string, last: number, options: readonly string[]): ListRule => ({ range: `${column(headers, h)}2:${column(headers, h)}${last}`, options, alert: "stop" });
  // The first column of a contract range below its header, however far the range has grown (a class the pane adds to Targets is offered at once).
  const rowsOf = (headers: readonly string[], h: string, last: number, name: string, label: string): ListRule => ({ range: `${column(headers, h)}2:${column(headers, h)}${last}`, source: `=OFFSET(${name},1,0,ROWS(${name})-1,1)`, label, alert: "warn" });
  holdings.lists = [
    rowsOf(HOLDINGS_HEADERS, "Account", HOLDINGS_ROWS, "Accounts", "the accounts in Accounts"),
    rowsOf(HOLDINGS_HEADERS, "Asset Class", HOLDINGS_ROWS, "Targets", "the classes in Targets"),
    choices(HOLDINGS_HEADERS, "Tradable", HOLDINGS_ROWS, ["Yes", "No"]),
  ];

  // A check total below Targets, outside the name, with room above it for classes the advisor adds (each a row below the
  // range, which the name grows over; the pane's Add class needs those rows empty); it sums the name's Target column as
  // it grows. Nothing to its right: the drift columns go there.
  const n = SAMPLE_TARGETS.length;
  const sum = SAMPLE_TARGETS.reduce((s, t) => s.plus(t.target), new Decimal(0)).toNumber();
  const targets = table(
    SHEET_NAMES.targets,
    TARGETS_HEADERS,
    SAMPLE_TARGETS.map((t) => [text(t.assetClass), num(t.target, FMT.percent), num(t.absBand, FMT.percent), num(t.relBand, FMT.percent)]),
    [16, 10, 10, 10],
    [
      { row: n + 2 + TARGET_ROOM, col: 1, value: "Total", style: { bold: true } },
      { row: n + 2 + TARGET_ROOM, col: 2, formula: "=SUM(INDEX(Targets,0,2))", expected: sum, numberFormat: FMT.percent, style: { bold: true } },
      { row: n + 4 + TARGET_ROOM, col: 1, value: "Targets must total 100%. Blank Abs Band / Rel Band cells use the Policy bands. Add a class in the empty rows right below the table.", style: NOTE },
    ],
  );

  // The Notes column is beside the name, not in it: Policy is Setting | Value.
  const policy = table(
    SHEET_NAMES.policy,
    [...POLICY_HEADERS, "Notes"],
    SAMPLE_POLICY.map((p) => [text(p.setting, { bold: true }), policyValue(p, (iso) => isoToSerial(iso, dateSystem)), text(p.note, { color: "#595959" })]),
    [18, 13, 90],
  );
  policy.lists = SAMPLE_POLICY.flatMap((p, i) => (p.options ? [{ range: `B${i + 2}`, options: p.options, alert: "stop" as const }] : []));

  const accounts = table(
    SHEET_NAMES.accounts,
    ACCOUNTS_HEADERS,
    SAMPLE_ACCOUNTS.map((a) => [text(a.account), text(a.type), num(a.cashReserve, FMT.money), text(a.owner), num(a.priorYearEnd, FMT.money), num(a.distributed, FMT.money)]),
    [20, 18, 14, 14, 20, 21],
    [{ row: SAMPLE_ACCOUNTS.length + 3, col: 1, value: "Every Holdings account is listed here with its type; a blank Cash Reserve uses the Policy's. Prior Year End Value is the December 31 value the RMD is computed from (IRS Pub. 590-B).", style: NOTE }],
  );
  accounts.lists = [choices(ACCOUNTS_HEADERS, "Type", ACCOUNTS_ROWS, SAMPLE_ACCOUNT_TYPES), rowsOf(ACCOUNTS_HEADERS, "Owner", ACCOUNTS_ROWS, "Owners", "the owners in Owners")];

  const owners = table(
    SHEET_NAMES.owners,
    OWNERS_HEADERS,
    SAMPLE_OWNERS.map((o) => [text(o.owner), date(o.birthDate), date(o.spouseBirthDate), text(o.spouseSoleBeneficiary ? "Yes" : "No")]),
    [16, 13, 18, 24],
    [{ row: SAMPLE_OWNERS.length + 3, col: 1, value: "Birth dates decide the RMD age (73 for 1951–1959, 75 from 1960) and the Uniform Lifetime divisor.", style: NOTE }],
  );
  owners.lists = [choices(OWNERS_HEADERS, "Spouse Sole Beneficiary", OWNERS_ROWS, ["Yes", "No"])];

  return {
    sheets: [holdings, targets, policy, accounts, owners],
    names: [
      nameOver(holdings, "Holdings", SAMPLE_HOLDINGS.length, HOLDINGS_HEADERS.length),
      nameOver(targets, "Targets", SAMPLE_TARGETS.length, TARGETS_HEADERS.length),
      nameOver(policy, "Policy", SAMPLE_POLICY.length, POLICY_HEADERS.length),
      nameOver(accounts, "Accounts", SAMPLE_ACCOUNTS.length, ACCOUNTS_HEADERS.length),
      nameOver(owners, "Owners", SAMPLE_OWNERS.length, OWNERS_HEADERS.length),
    ],
  };
}

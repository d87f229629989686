/**
 * The Office.js objects of the Excel stand-in (see index.ts): each proxy queues its calls and
 * property writes on the request context, and captures loaded properties when the sync runs them.
 */
import { type Context, RichApiError } from "./context";
import { type Cell, type Chart, type CondFormat, type Validation, MAX_COL, MAX_ROW, type Name, type Rect, type Scalar, type Sheet, type Style, type Table, absAddr, addr, parseRect, parseRef, quote, serialOfDay, typeInto } from "./model";

// ---------------------------------------------------------------------------------------------
// Proxies

class Base {
  protected loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;
  constructor(protected readonly ctx: Context) {}
  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw new RichApiError("PropertyNotLoaded", `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    return this.loaded.get(prop) as T;
  }
  protected capture(prop: string, value: unknown): void {
    this.loaded.set(prop, value);
    this.ctx.responseBytes += JSON.stringify(value ?? null).length + prop.length + 4;
  }
  protected setNull(isNull: boolean): void {
    this.nullState = isNull;
  }
  get isNullObject(): boolean {
    if (this.nullState === undefined) throw new RichApiError("PropertyNotLoaded", "isNullObject is known only after load() and sync()");
    return this.nullState;
  }
}

function propsOf(arg: unknown): string[] {
  if (typeof arg === "string") return arg.split(",").map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(arg)) return arg as string[];
  return [];
}

export class WorkbookProxy extends Base {
  worksheets: WorksheetCollectionProxy;
  names: NamedItemCollectionProxy;
  tables: TableCollectionProxy;
  application: ApplicationProxy;
  functions: WorkbookFunctionsProxy;
  constructor(ctx: Context) {
    super(ctx);
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.names = new NamedItemCollectionProxy(ctx, null);
    this.tables = new TableCollectionProxy(ctx, null);
    this.application = new ApplicationProxy(ctx);
    this.functions = new WorkbookFunctionsProxy(ctx);
  }
}

/** Worksheet functions evaluated by the workbook (only DATE here). */
export class WorkbookFunctionsProxy extends Base {
  date(year: number, month: number, day: number): FunctionResultProxy {
    return new FunctionResultProxy(this.ctx, () => serialOfDay(Date.UTC(year, month - 1, day), this.ctx.wb.date1904));
  }
}

export class FunctionResultProxy extends Base {
  constructor(ctx: Context, private readonly compute: () => number) {
    super(ctx);
  }
  load(arg?: unknown): this {
    const props = propsOf(arg);
    this.ctx.push("functionResult.load", [arg], () => {
      for (const p of props) {
        if (p === "value") this.capture(p, this.compute());
        else if (p === "error") this.capture(p, null);
        else throw new Error(`fake FunctionResult cannot load ${p}`);
      }
    });
    return this;
  }
  get value(): number {
    return this.read("value");
  }
}

/** The merged areas of a range (Range.getMergedAreasOrNullObject): null when none overlaps it. */
export class RangeAreasProxy extends Base {
  constructor(ctx: Context, private readonly resolve: () => { sheet: Sheet; rect: Rect }) {
    super(ctx);
  }
  load(arg?: unknown): this {
    const props = propsOf(arg);
    this.ctx.push("rangeAreas.load", [arg], () => {
      const { sheet, rect } = this.resolve();
      const hits = sheet.merged.filter((m) => m.top <= rect.bottom && m.bottom >= rect.top && m.left <= rect.right && m.right >= rect.left);
      this.setNull(hits.length === 0);
      for (const p of props) {
        if (p === "address") this.capture(p, hits.map((m) => `${quote(sheet.name)}!${addr(m)}`).join(", "));
        else if (p === "areaCount") this.capture(p, hits.length);
        else throw new Error(`fake RangeAreas cannot load ${p}`);
      }
    });
    return this;
  }
  get address(): string {
    return this.read("address");
  }
}

export class ApplicationProxy extends Base {
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.push("suspendApiCalculation", [], () => (this.ctx.flags.calc = true));
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.ctx.push("suspendScreenUpdating", [], () => (this.ctx.flags.screen = true));
  }
}

export class WorksheetCollectionProxy extends Base {
  private itemList: WorksheetProxy[] | null = null;
  get items(): WorksheetProxy[] {
    if (!this.itemList) throw new RichApiError("PropertyNotLoaded", "worksheets.items is not loaded");
    return this.itemList;
  }
  load(arg?: unknown): this {
    const wantTables = typeof arg === "object" && arg !== null && !Array.isArray(arg) && "tables" in (arg as object);
    const props = typeof arg === "object" && arg !== null && !Array.isArray(arg) ? Object.keys(arg as object).filter((k) => k !== "$all" && k !== "tables") : propsOf(arg).map((p) => p.replace(/^items\//, ""));
    this.ctx.push("worksheets.load", [arg], () => {
      this.itemList = this.ctx.wb.sheets.map((s) => {
        const p = new WorksheetProxy(this.ctx, () => s);
        p.fill(props, wantTables);
        return p;
      });
    });
    return this;
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => {
      const s = this.ctx.wb.sheet(name);
      if (!s) throw new RichApiError("ItemNotFound", `The requested resource doesn't exist (worksheet "${name}").`);
      return s;
    });
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.wb.sheet(name) ?? null);
  }
  add(name: string): WorksheetProxy {
    let created: Sheet | null = null;
    this.ctx.push(`worksheets.add ${name}`, [name], () => {
      if (this.ctx.wb.sheet(name)) throw new RichApiError("ItemAlreadyExists", `A worksheet named "${name}" already exists.`);
      if (name.length > 31 || /[\\/?*[\]:]/.test(name)) throw new RichApiError("InvalidArgument", `"${name}" is not a valid sheet name.`);
      created = this.ctx.wb.addSheet(name);
    });
    return new WorksheetProxy(this.ctx, () => {
      if (!created) throw new RichApiError("ItemNotFound", `worksheet ${name} was not created`);
      return created;
    });
  }
}

/** Resolves lazily (when the first action that uses it runs), then stays bound, like an Office.js object path. */
function bind<T>(resolve: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = resolve();
      done = true;
    }
    return value;
  };
}

export class WorksheetProxy extends Base {
  readonly target: () => Sheet | null;
  names: NamedItemCollectionProxy;
  tables: TableCollectionProxy;
  charts: ChartCollectionProxy;
  freezePanes: { freezeRows: (n: number) => void };
  private tableItems: TableProxy[] | null = null;
  constructor(ctx: Context, resolve: () => Sheet | null) {
    super(ctx);
    this.target = bind(resolve);
    const sheet = () => {
      const s = this.target();
      if (!s) throw new RichApiError("ItemNotFound", "The worksheet doesn't exist.");
      return s;
    };
    this.names = new NamedItemCollectionProxy(ctx, sheet);
    this.tables = new TableCollectionProxy(ctx, sheet);
    this.charts = new ChartCollectionProxy(ctx, sheet);
    this.freezePanes = { freezeRows: (n: number) => ctx.push("freezeRows", [n], () => (sheet().frozenRows = n)) };
  }
  fill(props: string[], withTables: boolean): void {
    const s = this.target();
    this.setNull(!s);
    if (!s) return;
    for (const p of props) if (p === "name") this.capture("name", s.name);
    if (withTables) {
      this.tableItems = this.ctx.wb.tables.filter((t) => t.sheet === s).map((t) => {
        const tp = new TableProxy(this.ctx, () => t);
        tp.fillName();
        return tp;
      });
      (this.tables as unknown as { itemList: TableProxy[] }).itemList = this.tableItems;
    }
  }
  private sheet(): Sheet {
    const s = this.target();
    if (!s) throw new RichApiError("ItemNotFound", "The worksheet doesn't exist.");
    return s;
  }
  get name(): string {
    return this.read("name");
  }
  load(arg?: unknown): this {
    this.ctx.push("worksheet.load", [arg], () => this.fill(propsOf(arg), false));
    return this;
  }
  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const s = this.sheet();
      if (address === undefined) return { sheet: s, rect: { top: 1, left: 1, bottom: MAX_ROW, right: MAX_COL } };
      const rect = parseRect(address);
      if (!rect) throw new RichApiError("InvalidArgument", `Bad address ${address}`);
      return { sheet: s, rect };
    });
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeProxy {
    return new RangeProxy(this.ctx, () => ({ sheet: this.sheet(), rect: { top: row + 1, left: col + 1, bottom: row + rows, right: col + cols } }));
  }
  getUsedRange(): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const s = this.sheet();
      return { sheet: s, rect: s.used() ?? { top: 1, left: 1, bottom: 1, right: 1 } };
    });
  }
  delete(): void {
    this.ctx.push("worksheet.delete", [], () => {
      const s = this.sheet();
      const wb = this.ctx.wb;
      wb.sheets = wb.sheets.filter((x) => x !== s);
      wb.tables = wb.tables.filter((t) => t.sheet !== s);
      wb.names = wb.names.filter((n) => parseRef(n.ref)?.sheet !== s.name);
      if (wb.active === s.name) wb.active = wb.sheets[0]?.name ?? null;
    });
  }
  activate(): void {
    this.ctx.push("worksheet.activate", [], () => (this.ctx.wb.active = this.sheet().name));
  }
}

type Target = { sheet: Sheet; rect: Rect } | null;

function grid<T>(rect: Rect, f: (row: number, col: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    const line: T[] = [];
    for (let c = rect.left; c <= rect.right; c++) line.push(f(r, c));
    out.push(line);
  }
  return out;
}

export class RangeProxy extends Base {
  readonly target: () => Target;
  format: RangeFormatProxy;
  conditionalFormats: ConditionalFormatCollectionProxy;
  dataValidation: DataValidationProxy;
  constructor(ctx: Context, resolve: () => Target) {
    super(ctx);
    this.target = bind(resolve);
    this.format = new RangeFormatProxy(ctx, () => this.must());
    this.conditionalFormats = new ConditionalFormatCollectionProxy(ctx, () => this.must());
    this.dataValidation = new DataValidationProxy(ctx, () => this.must());
  }
  must(): { sheet: Sheet; rect: Rect } {
    const t = this.target();
    if (!t) throw new RichApiError("ItemNotFound", "The range doesn't exist.");
    return t;
  }
  private derive(f: (t: { sheet: Sheet; rect: Rect }) => Target): RangeProxy {
    return new RangeProxy(this.ctx, () => f(this.must()));
  }
  load(arg?: unknown): this {
    const props = propsOf(arg);
    this.ctx.push("range.load", [arg], () => {
      const t = this.target();
      this.setNull(!t);
      if (!t) return;
      const { sheet, rect } = t;
      const cells = (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
      if (cells > 5_000_000 && props.some((p) => ["values", "formulas", "numberFormat"].includes(p))) {
        throw new RichApiError("ResponsePayloadSizeLimitExceeded", `Reading ${cells} cells exceeds the limit.`);
      }
      for (const p of props) {
        if (p === "values") this.capture(p, grid(rect, (r, c) => sheet.get(r, c)?.value ?? ""));
        else if (p === "formulas") this.capture(p, grid(rect, (r, c) => sheet.get(r, c)?.formula ?? sheet.get(r, c)?.value ?? ""));
        else if (p === "numberFormat") this.capture(p, grid(rect, (r, c) => sheet.get(r, c)?.format ?? "General"));
        else if (p === "address") this.capture(p, `${quote(sheet.name)}!${addr(rect)}`);
        else if (p === "rowIndex") this.capture(p, rect.top - 1);
        else if (p === "columnIndex") this.capture(p, rect.left - 1);
        else if (p === "rowCount") this.capture(p, rect.bottom - rect.top + 1);
        else if (p === "columnCount") this.capture(p, rect.right - rect.left + 1);
        else throw new Error(`fake Range cannot load ${p}`);
      }
    });
    return this;
  }
  get values(): Scalar[][] {
    return this.read("values");
  }
  get formulas(): Scalar[][] {
    return this.read("formulas");
  }
  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }
  get address(): string {
    return this.read("address");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  /** Writes a 2-D array of the range's exact size, or one value for every cell. */
  private write(what: string, input: unknown, apply: (cell: Cell, v: Scalar) => void): void {
    this.ctx.push(`range.${what}`, [input], () => {
      const { sheet, rect } = this.must();
      const h = rect.bottom - rect.top + 1;
      const w = rect.right - rect.left + 1;
      if (Array.isArray(input)) {
        const rows = input as Scalar[][];
        if (rows.length !== h || rows.some((r) => !Array.isArray(r) || r.length !== w)) {
          throw new RichApiError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what} ${h}x${w}).`);
        }
        rows.forEach((line, i) => line.forEach((v, j) => v !== null && apply(sheet.cell(rect.top + i, rect.left + j), v)));
      } else {
        if (input === null || input === undefined) throw new RichApiError("InvalidArgument", `null is not a valid ${what}`);
        for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) apply(sheet.cell(r, c), input as Scalar);
      }
    });
  }
  set values(v: Scalar[][]) {
    this.write("values", v, (cell, x) => typeInto(cell, x, this.ctx.wb.date1904));
  }
  set formulas(v: Scalar[][]) {
    this.write("formulas", v, (cell, x) => typeInto(cell, x, this.ctx.wb.date1904));
  }
  set numberFormat(v: string[][]) {
    this.write("numberFormat", v, (cell, f) => (cell.format = f === "" ? "General" : String(f)));
  }
  clear(applyTo?: string): void {
    this.ctx.push("range.clear", [applyTo], () => {
      const { sheet, rect } = this.must();
      for (let r = rect.top; r <= rect.bottom; r++) {
        for (let c = rect.left; c <= rect.right; c++) {
          const cell = sheet.get(r, c);
          if (!cell) continue;
          if (applyTo === undefined || applyTo === "All" || applyTo === "Contents") {
            cell.value = null;
            cell.formula = null;
          }
          if (applyTo === undefined || applyTo === "All" || applyTo === "Formats") {
            cell.format = "General";
            cell.style = {};
          }
        }
      }
    });
  }
  select(): void {
    this.ctx.push("range.select", [], () => {
      const { sheet, rect } = this.must();
      if (this.ctx.wb.active !== sheet.name) throw new RichApiError("InvalidSelection", "Select works on the active sheet only.");
      this.ctx.wb.selection = { sheet: sheet.name, address: addr(rect) };
    });
  }
  getLastCell(): RangeProxy {
    return this.derive(({ sheet, rect }) => ({ sheet, rect: { top: rect.bottom, bottom: rect.bottom, left: rect.right, right: rect.right } }));
  }
  getLastRow(): RangeProxy {
    return this.derive(({ sheet, rect }) => ({ sheet, rect: { ...rect, top: rect.bottom } }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this.derive(({ sheet, rect }) => {
      const r = { top: rect.top + rowOffset, bottom: rect.bottom + rowOffset, left: rect.left + columnOffset, right: rect.right + columnOffset };
      if (r.top < 1 || r.left < 1 || r.bottom > MAX_ROW || r.right > MAX_COL) throw new RichApiError("InvalidArgument", "The offset range is outside the sheet.");
      return { sheet, rect: r };
    });
  }
  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this.derive(({ sheet, rect }) => {
      const r = { ...rect, bottom: rect.bottom + deltaRows, right: rect.right + deltaColumns };
      if (r.bottom < r.top || r.right < r.left) throw new RichApiError("InvalidArgument", "The resized range has no cells.");
      return { sheet, rect: r };
    });
  }
  getEntireRow(): RangeProxy {
    return this.derive(({ sheet, rect }) => ({ sheet, rect: { ...rect, left: 1, right: MAX_COL } }));
  }
  getEntireColumn(): RangeProxy {
    return this.derive(({ sheet, rect }) => ({ sheet, rect: { ...rect, top: 1, bottom: MAX_ROW } }));
  }
  getBoundingRect(other: RangeProxy): RangeProxy {
    return this.derive(({ sheet, rect }) => {
      const o = other.must();
      if (o.sheet !== sheet) throw new RichApiError("InvalidArgument", "Ranges on different sheets");
      return { sheet, rect: { top: Math.min(rect.top, o.rect.top), left: Math.min(rect.left, o.rect.left), bottom: Math.max(rect.bottom, o.rect.bottom), right: Math.max(rect.right, o.rect.right) } };
    });
  }
  private intersect(other: RangeProxy): Target {
    const { sheet, rect } = this.must();
    const o = other.must();
    if (o.sheet !== sheet) throw new RichApiError("InvalidArgument", "Ranges on different sheets");
    const r = { top: Math.max(rect.top, o.rect.top), left: Math.max(rect.left, o.rect.left), bottom: Math.min(rect.bottom, o.rect.bottom), right: Math.min(rect.right, o.rect.right) };
    return r.top > r.bottom || r.left > r.right ? null : { sheet, rect: r };
  }
  getIntersection(other: RangeProxy): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const t = this.intersect(other);
      if (!t) throw new RichApiError("ItemNotFound", "The ranges do not intersect.");
      return t;
    });
  }
  getIntersectionOrNullObject(other: RangeProxy): RangeProxy {
    return new RangeProxy(this.ctx, () => this.intersect(other));
  }
  getMergedAreasOrNullObject(): RangeAreasProxy {
    return new RangeAreasProxy(this.ctx, () => this.must());
  }
}

export class RangeFormatProxy {
  font: { bold: boolean; italic: boolean; color: string };
  fill: { color: string };
  constructor(
    private readonly ctx: Context,
    private readonly target: () => { sheet: Sheet; rect: Rect },
  ) {
    const each = (what: string, value: unknown, f: (s: Style) => void) =>
      ctx.push(`format.${what}`, [value], () => {
        const { sheet, rect } = target();
        for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) f(sheet.cell(r, c).style);
      });
    this.font = {
      set bold(v: boolean) {
        each("font.bold", v, (s) => (s.bold = v));
      },
      set italic(v: boolean) {
        each("font.italic", v, (s) => (s.italic = v));
      },
      set color(v: string) {
        each("font.color", v, (s) => (s.color = v));
      },
    } as { bold: boolean; italic: boolean; color: string };
    this.fill = {
      set color(v: string) {
        each("fill.color", v, (s) => (s.fill = v));
      },
    } as { color: string };
    this.setters = { each };
  }
  private setters: { each: (what: string, value: unknown, f: (s: Style) => void) => void };
  set horizontalAlignment(v: string) {
    this.setters.each("horizontalAlignment", v, (s) => (s.horizontal = v));
  }
  set wrapText(v: boolean) {
    this.setters.each("wrapText", v, (s) => (s.wrap = v));
  }
  set columnWidth(points: number) {
    this.ctx.push("format.columnWidth", [points], () => {
      const { sheet, rect } = this.target();
      for (let c = rect.left; c <= rect.right; c++) sheet.widths.set(c, points);
    });
  }
}

/** A range's data validation: setting the rule replaces any validation over exactly that range (as Excel does for the cells). */
export class DataValidationProxy {
  constructor(
    private readonly ctx: Context,
    private readonly target: () => { sheet: Sheet; rect: Rect },
  ) {}
  private at(): Validation {
    const { sheet, rect } = this.target();
    let v = sheet.validations.find((x) => x.address === addr(rect));
    if (!v) sheet.validations.push((v = { address: addr(rect), rule: null, errorAlert: null }));
    return v;
  }
  set rule(v: Validation["rule"]) {
    if (!v || !v.list || typeof v.list.source !== "string") throw new RichApiError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
    this.ctx.push("dataValidation.rule", [v], () => (this.at().rule = { list: { inCellDropDown: v.list.inCellDropDown, source: v.list.source } }));
  }
  set errorAlert(v: NonNullable<Validation["errorAlert"]>) {
    this.ctx.push("dataValidation.errorAlert", [v], () => (this.at().errorAlert = { ...v }));
  }
}

export class ConditionalFormatCollectionProxy {
  constructor(
    private readonly ctx: Context,
    private readonly target: () => { sheet: Sheet; rect: Rect },
  ) {}
  add(type: string) {
    const ctx = this.ctx;
    let cf: CondFormat | null = null;
    ctx.push("conditionalFormats.add", [type], () => {
      const { sheet, rect } = this.target();
      cf = { address: addr(rect), type, fill: null, color: null, rule: null };
      sheet.condFormats.push(cf);
    });
    const later = (what: string, v: unknown, f: (c: CondFormat) => void) => ctx.push(`cf.${what}`, [v], () => f(cf!));
    return {
      cellValue: {
        format: {
          fill: {
            set color(v: string) {
              later("fill", v, (c) => (c.fill = v));
            },
          },
          font: {
            set color(v: string) {
              later("font", v, (c) => (c.color = v));
            },
          },
        },
        set rule(v: { formula1: string; operator: string }) {
          later("rule", v, (c) => (c.rule = { formula1: v.formula1, operator: v.operator }));
        },
      },
    };
  }
  clearAll(): void {
    this.ctx.push("conditionalFormats.clearAll", [], () => {
      const { sheet, rect } = this.target();
      sheet.condFormats = sheet.condFormats.filter((cf) => {
        const r = parseRect(cf.address)!;
        return r.bottom < rect.top || r.top > rect.bottom || r.right < rect.left || r.left > rect.right;
      });
    });
  }
}

export class NamedItemProxy extends Base {
  constructor(
    ctx: Context,
    private readonly resolve: () => Name | null,
    private readonly scope: Sheet | null | (() => Sheet),
  ) {
    super(ctx);
  }
  fill(props: string[]): void {
    const n = this.resolve();
    this.setNull(!n);
    if (!n) return;
    const parsed = parseRef(n.ref);
    const several = !parsed && n.ref.includes(",") && !n.ref.includes("#REF!");
    const type = parsed || several ? "Range" : n.ref.includes("#REF!") ? "Error" : /^-?\d+(\.\d+)?$/.test(n.ref) ? "Double" : "String";
    for (const p of props) {
      if (p === "name") this.capture(p, n.name);
      else if (p === "type") this.capture(p, type);
      else if (p === "value") this.capture(p, type === "Double" ? Number(n.ref) : n.ref.replace(/^=/, ""));
      else throw new Error(`fake NamedItem cannot load ${p}`);
    }
  }
  load(arg?: unknown): this {
    this.ctx.push("name.load", [arg], () => this.fill(propsOf(arg)));
    return this;
  }
  get name(): string {
    return this.read("name");
  }
  get type(): string {
    return this.read("type");
  }
  get value(): unknown {
    return this.read("value");
  }
  delete(): void {
    this.ctx.push("name.delete", [], () => {
      const n = this.resolve();
      if (!n) throw new RichApiError("ItemNotFound", "The name doesn't exist.");
      const wb = this.ctx.wb;
      wb.names = wb.names.filter((x) => x !== n);
      for (const s of wb.sheets) s.names = s.names.filter((x) => x !== n);
    });
  }
}

export class NamedItemCollectionProxy extends Base {
  private itemList: NamedItemProxy[] | null = null;
  constructor(
    ctx: Context,
    private readonly scope: (() => Sheet) | null,
  ) {
    super(ctx);
  }
  private list(): Name[] {
    return this.scope ? this.scope().names : this.ctx.wb.names;
  }
  get items(): NamedItemProxy[] {
    if (!this.itemList) throw new RichApiError("PropertyNotLoaded", "names.items is not loaded");
    return this.itemList;
  }
  load(arg?: unknown): this {
    const props = propsOf(arg).map((p) => p.replace(/^items\//, ""));
    this.ctx.push("names.load", [arg], () => {
      this.itemList = this.list().map((n) => {
        const p = new NamedItemProxy(this.ctx, () => n, this.scope);
        p.fill(props);
        return p;
      });
    });
    return this;
  }
  getItemOrNullObject(name: string): NamedItemProxy {
    return new NamedItemProxy(this.ctx, bind(() => this.list().find((n) => n.name.toLowerCase() === name.toLowerCase()) ?? null), this.scope);
  }
  getItem(name: string): NamedItemProxy {
    return new NamedItemProxy(
      this.ctx,
      bind(() => {
        const n = this.list().find((x) => x.name.toLowerCase() === name.toLowerCase());
        if (!n) throw new RichApiError("ItemNotFound", `The name "${name}" doesn't exist.`);
        return n;
      }),
      this.scope,
    );
  }
  add(name: string, reference: RangeProxy | string): NamedItemProxy {
    let created: Name | null = null;
    this.ctx.push(`names.add ${name}`, [name, typeof reference === "string" ? reference : "<range>"], () => {
      if (this.list().some((n) => n.name.toLowerCase() === name.toLowerCase())) throw new RichApiError("ItemAlreadyExists", `The name "${name}" already exists.`);
      if (/\s/.test(name)) throw new RichApiError("InvalidArgument", `"${name}" is not a valid name.`);
      let ref: string;
      if (typeof reference === "string") ref = reference;
      else {
        const { sheet, rect } = reference.must();
        ref = `${quote(sheet.name)}!${absAddr(rect)}`;
      }
      created = { name, ref };
      this.list().push(created);
    });
    return new NamedItemProxy(this.ctx, () => created, this.scope);
  }
}

export class TableProxy extends Base {
  readonly target: () => Table;
  rows: { add: (index: number | null | undefined, values: Scalar[][]) => void };
  constructor(ctx: Context, resolve: () => Table) {
    super(ctx);
    this.target = bind(resolve);
    this.rows = {
      add: (index, values) =>
        ctx.push(`table.rows.add`, [index, values], () => {
          if (index !== null && index !== undefined) throw new Error("fake table rows.add supports appending only");
          const t = this.target();
          const { sheet, rect } = t;
          const width = rect.right - rect.left + 1;
          if (values.some((v) => v.length !== width)) throw new RichApiError("InvalidArgument", "Row width does not match the table.");
          // Cells below the table, in its columns, move down (Excel inserts table rows).
          const n = values.length;
          const moved: [number, number, Cell][] = [];
          for (const [k, c] of sheet.cells) {
            const [r, col] = k.split(":").map(Number);
            if (r > rect.bottom && col >= rect.left && col <= rect.right) moved.push([r, col, c]);
          }
          for (const [r, col] of moved) sheet.cells.delete(`${r}:${col}`);
          for (const [r, col, c] of moved) sheet.cells.set(`${r + n}:${col}`, c);
          values.forEach((line, i) => line.forEach((v, j) => typeInto(sheet.cell(rect.bottom + 1 + i, rect.left + j), v, this.ctx.wb.date1904)));
          rect.bottom += n;
        }),
    };
  }
  fillName(): void {
    this.capture("name", this.target().name);
  }
  load(arg?: unknown): this {
    this.ctx.push("table.load", [arg], () => this.fillName());
    return this;
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.ctx.push("table.name", [v], () => {
      if (/[\s]/.test(v) || !/^[A-Za-z_\\]/.test(v)) throw new RichApiError("InvalidArgument", `"${v}" is not a valid table name.`);
      if (this.ctx.wb.tables.some((t) => t !== this.target() && t.name.toLowerCase() === v.toLowerCase())) throw new RichApiError("ItemAlreadyExists", `A table named "${v}" already exists.`);
      this.target().name = v;
    });
  }
  set style(v: string) {
    this.ctx.push("table.style", [v], () => (this.target().style = v));
  }
  getRange(): RangeProxy {
    return new RangeProxy(this.ctx, () => ({ sheet: this.target().sheet, rect: { ...this.target().rect } }));
  }
  getDataBodyRange(): RangeProxy {
    return new RangeProxy(this.ctx, () => ({ sheet: this.target().sheet, rect: { ...this.target().rect, top: this.target().rect.top + 1 } }));
  }
}

export class TableCollectionProxy extends Base {
  private itemList: TableProxy[] | null = null;
  constructor(
    ctx: Context,
    private readonly sheet: (() => Sheet) | null,
  ) {
    super(ctx);
  }
  get items(): TableProxy[] {
    if (!this.itemList) throw new RichApiError("PropertyNotLoaded", "tables.items is not loaded");
    return this.itemList;
  }
  add(source: string | RangeProxy, hasHeaders: boolean): TableProxy {
    let created: Table | null = null;
    this.ctx.push(`tables.add`, [typeof source === "string" ? source : "<range>", hasHeaders], () => {
      if (!this.sheet) throw new Error("fake: add tables through a worksheet");
      if (typeof source === "string") throw new Error("fake: pass a Range (an address alone would mean the active sheet)");
      const { sheet, rect: r } = source.must();
      if (sheet !== this.sheet()) throw new RichApiError("InvalidArgument", "The range is on another sheet.");
      const rect: Rect | null = { ...r };
      const address = addr(r);
      if (!rect || !hasHeaders) throw new RichApiError("InvalidArgument", `Bad table range ${address}`);
      const overlap = this.ctx.wb.tables.find((t) => t.sheet === sheet && !(t.rect.bottom < rect.top || t.rect.top > rect.bottom || t.rect.right < rect.left || t.rect.left > rect.right));
      if (overlap) throw new RichApiError("InvalidOperation", `A table can't overlap another table (${overlap.name}).`);
      let i = 1;
      while (this.ctx.wb.tables.some((t) => t.name === `Table${i}`)) i++;
      created = { name: `Table${i}`, sheet, rect, style: "TableStyleMedium2" };
      this.ctx.wb.tables.push(created);
    });
    return new TableProxy(this.ctx, () => {
      if (!created) throw new RichApiError("ItemNotFound", "table was not created");
      return created;
    });
  }
  getItem(name: string): TableProxy {
    return new TableProxy(this.ctx, () => {
      const t = this.ctx.wb.tables.find((x) => x.name.toLowerCase() === name.toLowerCase() && (!this.sheet || x.sheet === this.sheet()));
      if (!t) throw new RichApiError("ItemNotFound", `The table "${name}" doesn't exist.`);
      return t;
    });
  }
}

export class ChartCollectionProxy {
  private itemList: { name: string }[] | null = null;
  constructor(
    private readonly ctx: Context,
    private readonly sheet: () => Sheet,
  ) {}
  /** Only "items/name" is modelled. */
  load(arg?: unknown): this {
    this.ctx.push("charts.load", [arg], () => {
      this.itemList = this.sheet().charts.map((c) => ({ name: c.name ?? "" }));
      this.ctx.responseBytes += JSON.stringify(this.itemList).length;
    });
    return this;
  }
  get items(): { name: string }[] {
    if (!this.itemList) throw new RichApiError("PropertyNotLoaded", "charts.items is not loaded");
    return this.itemList;
  }
  getItem(name: string) {
    return {
      delete: () =>
        this.ctx.push("chart.delete", [name], () => {
          const charts = this.sheet().charts;
          const i = charts.findIndex((c) => c.name === name);
          if (i < 0) throw new RichApiError("ItemNotFound", `The chart "${name}" doesn't exist.`);
          charts.splice(i, 1);
        }),
    };
  }
  add(type: string, source: RangeProxy, seriesBy: string) {
    const ctx = this.ctx;
    let chart: Chart | null = null;
    ctx.push("charts.add", [type, seriesBy], () => {
      const { sheet, rect } = source.must();
      if (rect.right !== rect.left) throw new Error("fake charts.add expects one column of values");
      chart = { type, title: "", series: [{ name: "", values: addr(rect), categories: null }], position: null, width: 0, height: 0, legend: null, valueFormat: null, logBase: null, name: null };
      this.sheet().charts.push(chart);
      void sheet;
    });
    const later = (what: string, v: unknown, f: (c: Chart) => void) => ctx.push(`chart.${what}`, [v], () => f(chart!));
    const seriesProxy = (index: () => number) => ({
      set name(v: string) {
        later("series.name", v, (c) => (c.series[index()].name = v));
      },
      setValues(r: RangeProxy) {
        later("series.values", "<range>", (c) => (c.series[index()].values = addr(r.must().rect)));
      },
      setXAxisValues(r: RangeProxy) {
        later("series.x", "<range>", (c) => (c.series[index()].categories = addr(r.must().rect)));
      },
    });
    return {
      title: {
        set text(v: string) {
          later("title", v, (c) => (c.title = v));
        },
      },
      set name(v: string) {
        later("name", v, (c) => (c.name = v));
      },
      legend: {
        set position(v: string) {
          later("legend", v, (c) => (c.legend = v));
        },
      },
      axes: {
        valueAxis: {
          set numberFormat(v: string) {
            later("valueAxis.numberFormat", v, (c) => (c.valueFormat = v));
          },
          set logBase(v: number) {
            later("valueAxis.logBase", v, (c) => (c.logBase = v));
          },
        },
      },
      series: {
        getItemAt: (i: number) => seriesProxy(() => i),
        add: (name: string) => {
          let at = -1;
          later("series.add", name, (c) => {
            c.series.push({ name, values: "", categories: null });
            at = c.series.length - 1;
          });
          return seriesProxy(() => at);
        },
      },
      setPosition(start: string) {
        later("position", start, (c) => (c.position = start));
      },
      set width(v: number) {
        later("width", v, (c) => (c.width = v));
      },
      set height(v: number) {
        later("height", v, (c) => (c.height = v));
      },
    };
  }
}

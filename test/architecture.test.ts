/**
 * The layer order, enforced: every import in src/ (static, `import type`, re-exports, require() and
 * dynamic import()) may point only to its own folder or to a folder of a lower layer. A folder that
 * is not listed here fails the test, so each new one takes its place on purpose.
 *
 *   a1, dates, display  ←  contract  ←  engine  ←  backtest, samples, solver  ←  plans  ←  excel, xlsx  ←  batch  ←  functions, taskpane, commands, cli
 *
 * Plans sit above the backtest so the Backtest sheet's plan can lay out a backtest's results.
 *
 * Folders of one layer do not import each other (the adapters never share code; entry points never
 * call each other). Packages are held to their own homes: Office.js globals only in excel/,
 * commands/ and taskpane/office.ts; exceljs and jszip only in xlsx/; React, Fluent and comlink only in taskpane/;
 * the HiGHS solver (`highs`) only in solver/; the worker pool (`piscina`) only in batch/.
 */
import * as fs from "fs";
import * as path from "path";
import ts from "typescript";

const SRC = path.join(__dirname, "..", "src");

/** Layer of each folder of src/: lower numbers are imported by higher ones, never the other way. */
export const LAYERS: Record<string, number> = {
  a1: 0,
  display: 0,
  dates: 0,
  contract: 1,
  engine: 2,
  backtest: 3,
  samples: 3,
  solver: 3,
  plans: 4,
  excel: 5,
  xlsx: 5,
  // Many households: above the adapters (its worker pool reads and writes workbooks), below the entry points.
  batch: 5.5,
  functions: 6,
  taskpane: 6,
  commands: 6,
  cli: 6,
};

/** npm packages and where they may be imported (folders, or files relative to src/). */
const PACKAGE_HOMES: Record<string, string[]> = {
  exceljs: ["xlsx"],
  jszip: ["xlsx"],
  react: ["taskpane"],
  "react-dom": ["taskpane"],
  "@fluentui/react-components": ["taskpane"],
  "@fluentui/react-charts": ["taskpane"],
  comlink: ["taskpane"],
  highs: ["solver"],
  "csv-parse": ["cli"],
  piscina: ["batch"],
};

/** Office.js globals (`Excel.`, `Office.`) may be used only here. */
const OFFICE_HOMES = ["excel", "commands", "taskpane/office.ts"];

export interface Arrow {
  from: string;
  to: string;
  specifier: string;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(e.name) && !e.name.endsWith(".d.ts") ? [p] : [];
  });
}

/** Every module specifier a file imports, exports from, requires or imports dynamically. */
export function importsOf(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

/** Uses of the Office.js namespaces in code and types ("Excel.run", "Excel.RequestContext"), found in the syntax tree. */
export function officeGlobalsIn(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found = new Set<string>();
  const isOffice = (n: ts.Node) => ts.isIdentifier(n) && (n.text === "Excel" || n.text === "Office");
  const visit = (n: ts.Node) => {
    if (ts.isPropertyAccessExpression(n) && isOffice(n.expression)) found.add(`${(n.expression as ts.Identifier).text}.${n.name.text}`);
    if (ts.isQualifiedName(n) && isOffice(n.left)) found.add(`${(n.left as ts.Identifier).text}.${n.right.text}`);
    ts.forEachChild(n, visit);
  };
  visit(source);
  return [...found];
}

/** The folder of src/ a path lies in ("" for a file directly in src/). */
function folderOf(file: string): string {
  const rel = path.relative(SRC, file).split(path.sep);
  return rel.length > 1 ? rel[0] : "";
}

/** Arrows that break the order, for the files given (absolute paths) with their texts. */
export function violations(files: { file: string; text: string }[], layers = LAYERS): string[] {
  const out: string[] = [];
  for (const { file, text } of files) {
    const rel = path.relative(SRC, file);
    const from = folderOf(file);
    if (!(from in layers)) {
      out.push(`${rel}: the folder "${from || "src/"}" is not in the layer table of test/architecture.test.ts; put the file in a listed folder or add its folder there`);
      continue;
    }
    for (const spec of importsOf(text)) {
      if (spec.startsWith(".")) {
        const resolved = path.resolve(path.dirname(file), spec);
        // "../a1" names a folder's index file.
        const target = fs.existsSync(resolved) && fs.statSync(resolved).isDirectory() ? path.join(resolved, "index.ts") : resolved;
        const to = folderOf(target);
        if (!target.startsWith(SRC + path.sep)) {
          out.push(`${rel}: imports "${spec}", outside src/`);
        } else if (to !== from) {
          if (!(to in layers)) out.push(`${rel}: imports "${spec}" from the unlisted folder "${to || "src/"}"`);
          else if (layers[to] >= layers[from]) {
            out.push(`${rel}: ${from} (layer ${layers[from]}) imports "${spec}" from ${to} (layer ${layers[to]}); imports point only to lower layers`);
          }
        }
        continue;
      }
      const pkg = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0];
      const homes = PACKAGE_HOMES[pkg];
      if (homes && !homes.some((h) => rel === h || rel.startsWith(`${h}/`))) {
        out.push(`${rel}: imports the package "${spec}", which belongs in ${homes.join(", ")}`);
      }
    }
    if (!OFFICE_HOMES.some((h) => rel === h || rel.startsWith(`${h}/`))) {
      const used = officeGlobalsIn(file, text);
      if (used.length) out.push(`${rel}: uses ${used.join(", ")}, which belong in ${OFFICE_HOMES.join(", ")}`);
    }
  }
  return out;
}

const files = sourceFiles(SRC).map((file) => ({ file, text: fs.readFileSync(file, "utf8") }));

describe("the layer order", () => {
  test("every folder of src/ is in the layer table", () => {
    const folders = fs.readdirSync(SRC, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.filter((f) => !(f in LAYERS))).toEqual([]);
    expect(fs.readdirSync(SRC).filter((f) => /\.(ts|tsx)$/.test(f))).toEqual([]);
  });

  test("no import in src/ breaks the order", () => {
    expect(files.length).toBeGreaterThan(50);
    expect(violations(files)).toEqual([]);
  });

  test("the check sees every kind of import", () => {
    const text = [
      'import { a } from "./a";',
      'import type { B } from "./b";',
      'export { c } from "./c";',
      'const d = require("./d");',
      'const e = import("./e");',
      'import "./f";',
    ].join("\n");
    expect(importsOf(text)).toEqual(["./a", "./b", "./c", "./d", "./e", "./f"]);
  });

  test("a forbidden arrow fails, with a message that names it", () => {
    const file = (rel: string, text: string) => ({ file: path.join(SRC, rel), text });
    expect(violations([file("engine/x.ts", 'import { planJson } from "../plans/json";')])).toEqual([
      'engine/x.ts: engine (layer 2) imports "../plans/json" from plans (layer 4); imports point only to lower layers',
    ]);
    expect(violations([file("contract/x.ts", 'import type { Plan } from "../engine/types";')])).toHaveLength(1);
    expect(violations([file("excel/x.ts", 'import { loadWorkbook } from "../xlsx/read";')])).toHaveLength(1);
    expect(violations([file("cli/x.ts", 'import { App } from "../taskpane/components/App";')])).toHaveLength(1);
    expect(violations([file("plans/x.ts", 'import ExcelJS from "exceljs";')])).toEqual([
      'plans/x.ts: imports the package "exceljs", which belongs in xlsx',
    ]);
    expect(violations([file("engine/x.ts", "export const f = () => Excel.run(async () => {});")])).toHaveLength(1);
    expect(violations([file("optimizer/x.ts", "export {};")])[0]).toMatch(/"optimizer" is not in the layer table/);
    expect(violations([file("x.ts", "export {};")])[0]).toMatch(/"src\/" is not in the layer table/);
    // Allowed: downward and within a folder.
    expect(violations([file("plans/x.ts", 'import { a } from "../engine/plan"; import { b } from "./json"; import { c } from "../a1";')])).toEqual([]);
  });
});

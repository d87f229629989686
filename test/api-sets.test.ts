/**
 * The manifest promises what the code needs: every Office.js member the add-in uses is resolved by
 * the TypeScript compiler to its declaration in @types/office-js, whose `[Api set: ExcelApi 1.6]` tag
 * says which requirement set it needs. Unless the call is guarded by `supports("ExcelApi", "1.6")`
 * (src/excel/host.ts, which asks Office's isSetSupported), the manifest's <Requirements> must declare
 * that set at that version or higher. The test fails when code calls beyond what is declared.
 */
import * as fs from "fs";
import * as path from "path";
import ts from "typescript";

const ROOT = path.join(__dirname, "..");
const SOURCES = ["src/excel", "src/commands", "src/taskpane/office.ts", "src/functions"].map((p) => path.join(ROOT, p));

interface Use {
  set: string;
  version: string;
  member: string;
  where: string;
  /** The version of the set a surrounding `supports(set, version)` check guarantees, if any. */
  guard: string | null;
}

const files = SOURCES.flatMap((p) =>
  fs.statSync(p).isDirectory()
    ? fs.readdirSync(p).filter((f) => /\.tsx?$/.test(f)).map((f) => path.join(p, f))
    : [p],
);

const newer = (a: string, b: string) => {
  const [x, y] = [a.split(".").map(Number), b.split(".").map(Number)];
  return x[0] !== y[0] ? x[0] > y[0] : (x[1] ?? 0) > (y[1] ?? 0);
};

/** The version of `set` guaranteed where `node` stands: inside `if (supports(set, v)) ...` or after `if (!supports(...)) return`. */
function guardOf(node: ts.Node, set: string): string | null {
  for (let n: ts.Node | undefined = node; n; n = n.parent) {
    if (ts.isIfStatement(n.parent ?? n) && (n.parent as ts.IfStatement).thenStatement === n) {
      const m = /supports\("(\w+)",\s*"([\d.]+)"\)/.exec((n.parent as ts.IfStatement).expression.getText());
      if (m && m[1] === set) return m[2];
    }
  }
  return null;
}

function uses(): Use[] {
  const program = ts.createProgram(files, { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.CommonJS, jsx: ts.JsxEmit.ReactJSX, strict: true, esModuleInterop: true, skipLibCheck: true, types: ["office-js", "custom-functions-runtime", "node"] });
  const checker = program.getTypeChecker();
  const out: Use[] = [];
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`not compiled: ${file}`);
    const visit = (node: ts.Node) => {
      if (ts.isPropertyAccessExpression(node)) {
        const symbol = checker.getSymbolAtLocation(node.name);
        for (const decl of symbol?.declarations ?? []) {
          const declFile = decl.getSourceFile().fileName;
          if (!declFile.includes(`${path.sep}@types${path.sep}office-js${path.sep}`) && !declFile.includes("/@types/office-js/")) continue;
          const comment = decl.getFullText().slice(0, decl.getLeadingTriviaWidth());
          const m = /\[Api set: ([A-Za-z]+) ([\d.]+)/.exec(comment);
          if (!m) continue;
          const { line } = source.getLineAndCharacterOfPosition(node.getStart());
          out.push({ set: m[1], version: m[2], member: node.getText().replace(/\s+/g, ""), where: `${path.relative(ROOT, file)}:${line + 1}`, guard: guardOf(node, m[1]) });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}

/** <Set Name="ExcelApi" MinVersion="1.6"/> entries of the manifest's <Requirements>. */
function declared(): Map<string, string> {
  const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  const requirements = /<Requirements>([\s\S]*?)<\/Requirements>/.exec(xml)?.[1] ?? "";
  return new Map([...requirements.matchAll(/<Set\s+Name="([^"]+)"\s+MinVersion="([^"]+)"/g)].map((m) => [m[1], m[2]]));
}

const found = uses();

test("the compiler resolves the Office.js members the add-in calls (the check is not empty)", () => {
  expect(found.length).toBeGreaterThan(20);
  expect(found.some((u) => u.set === "ExcelApi")).toBe(true);
});

test("every unguarded call needs no more than the manifest declares; guarded calls need no more than their guard", () => {
  const sets = declared();
  const problems: string[] = [];
  for (const u of found) {
    if (u.guard !== null) {
      if (newer(u.version, u.guard)) problems.push(`${u.where}: ${u.member} needs ${u.set} ${u.version} but is guarded by supports("${u.set}", "${u.guard}")`);
      continue;
    }
    const have = sets.get(u.set);
    if (have === undefined || newer(u.version, have)) {
      problems.push(`${u.where}: ${u.member} needs ${u.set} ${u.version}; manifest.xml declares ${have === undefined ? "no such set" : `${u.set} ${have}`} (declare it, or guard the call with supports())`);
    }
  }
  expect(problems).toEqual([]);
});

test("the manifest declares no set higher than the code needs (it would shut out hosts for nothing)", () => {
  const need = new Map<string, string>();
  for (const u of found.filter((x) => x.guard === null)) if (!need.has(u.set) || newer(u.version, need.get(u.set)!)) need.set(u.set, u.version);
  for (const [set, version] of declared()) {
    if (set === "SharedRuntime" || set === "CustomFunctionsRuntime") continue; // needed by the manifest's runtime and functions, not by a call
    expect({ set, declared: version }).toEqual({ set, declared: need.get(set) ?? version });
  }
});

test("the check catches a call beyond the declared set", () => {
  const calls = found.filter((u) => u.guard !== null);
  // The suspend calls of src/excel/apply.ts need ExcelApi 1.6 and 1.9 and are guarded; unguarded they would fail.
  expect(calls.map((u) => `${u.set} ${u.version} ${u.member.split(".").pop()}`)).toEqual(
    expect.arrayContaining(["ExcelApi 1.6 suspendApiCalculationUntilNextSync", "ExcelApi 1.9 suspendScreenUpdatingUntilNextSync"]),
  );
  const declaredExcel = declared().get("ExcelApi") ?? "1.1";
  expect(calls.some((u) => newer(u.version, declaredExcel))).toBe(true);
});

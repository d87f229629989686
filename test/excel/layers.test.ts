/** The layers point one way: plans (and the engine) know nothing of Office, React or exceljs; only src/excel touches Office.js. */
import * as fs from "fs";
import * as path from "path";

const SRC = path.join(__dirname, "..", "..", "src");

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(path.join(dir, d.name)) : /\.tsx?$/.test(d.name) ? [path.join(dir, d.name)] : []));
}

const code = (f: string) => fs.readFileSync(f, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
const imports = (f: string) => [...code(f).matchAll(/\bfrom\s+"([^"]+)"|require\("([^"]+)"\)/g)].map((m) => m[1] ?? m[2]);

test.each(["plans", "engine"])("src/%s imports no Office, React, exceljs or adapter code", (layer) => {
  for (const f of files(path.join(SRC, layer))) {
    const bad = imports(f).filter((i) => /^(exceljs|jszip|react|react-dom|@fluentui|office-)/.test(i) || /\/(xlsx|excel|taskpane|commands)\//.test(`/${i}/`));
    expect({ file: path.relative(SRC, f), bad }).toEqual({ file: path.relative(SRC, f), bad: [] });
    expect({ file: path.relative(SRC, f), office: /\b(Excel|Office)\.[a-zA-Z]/.test(code(f)) }).toEqual({ file: path.relative(SRC, f), office: false });
  }
});

test("src/excel (the Office.js adapter) pulls in no exceljs, React or pane code", () => {
  for (const f of files(path.join(SRC, "excel"))) {
    const bad = imports(f).filter((i) => /^(exceljs|jszip|react|@fluentui)/.test(i) || /taskpane|commands|xlsx\/(read|apply)/.test(i));
    expect({ file: path.relative(SRC, f), bad }).toEqual({ file: path.relative(SRC, f), bad: [] });
  }
});

test("the exceljs adapter and the runner do not touch Office.js", () => {
  for (const f of [...files(path.join(SRC, "xlsx")), ...files(path.join(SRC, "cli"))]) {
    expect({ file: path.relative(SRC, f), office: /\b(Excel|Office)\.[a-zA-Z]/.test(code(f)) }).toEqual({ file: path.relative(SRC, f), office: false });
  }
});

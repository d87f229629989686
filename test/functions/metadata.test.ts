/**
 * functions.json and registration: the metadata generated from the JSDoc of src/functions/functions.ts
 * lists every function with its parameters, and the webpack build (helper's webpack.config.js, with
 * custom-functions-metadata-plugin) emits that functions.json and registers every id with
 * CustomFunctions.associate — calls the plugin writes, not us — to functions that work.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as vm from "vm";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as entry from "../../src/functions/functions";
import { col } from "./helpers";

const ROOT = path.join(__dirname, "..", "..");
const SOURCE = path.join(ROOT, "src", "functions", "functions.ts");
const PAGE = "https://localhost:3000/taskpane.html";

interface Param {
  name: string;
  description?: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
}
interface Fn {
  id: string;
  name: string;
  description?: string;
  parameters: Param[];
  result?: { type?: string; dimensionality?: string };
  options?: Record<string, boolean>;
}

/** id → parameters as [name, dimensionality, optional]; "matrix" for ranges, "scalar" otherwise. */
const EXPECTED: Record<string, [string, "matrix" | "scalar", boolean][]> = {
  WEIGHTS: [["values", "matrix", false]],
  DRIFT: [["values", "matrix", false], ["targets", "matrix", false], ["relative", "scalar", true]],
  BAND: [["targets", "matrix", false], ["absBand", "matrix", true], ["relBand", "matrix", true]],
  STATUS: [["values", "matrix", false], ["targets", "matrix", false], ["absBand", "matrix", true], ["relBand", "matrix", true]],
  NEEDED: [["values", "matrix", false], ["targets", "matrix", false], ["absBand", "matrix", true], ["relBand", "matrix", true]],
  TRADES: [["values", "matrix", false], ["targets", "matrix", false], ["cashFlow", "scalar", true], ["mode", "scalar", true]],
  SHARES: [["amounts", "matrix", false], ["prices", "matrix", false], ["lotSize", "matrix", true]],
  NEXTREVIEW: [["lastDate", "scalar", false], ["frequency", "scalar", false]],
  REPORT: [["holdings", "matrix", false], ["targets", "matrix", false], ["policy", "matrix", true], ["accounts", "matrix", true], ["owners", "matrix", true], ["lookThrough", "matrix", true]],
};

const shape = (f: Fn) => f.parameters.map((p) => [p.name, p.dimensionality ?? "scalar", p.optional === true]);

describe("functions.json from the JSDoc", () => {
  let functions: Fn[];
  let associate: { functionName: string; id: string }[];

  beforeAll(async () => {
    const result = await generateCustomFunctionsMetadata(SOURCE);
    expect(result.errors).toEqual([]);
    functions = (JSON.parse(result.metadataJson) as { functions: Fn[] }).functions;
    associate = result.associate;
  });

  test("every function, with its parameters in order, optional ones marked", () => {
    expect(functions.map((f) => f.id)).toEqual(Object.keys(EXPECTED));
    for (const f of functions) expect({ id: f.id, params: shape(f) }).toEqual({ id: f.id, params: EXPECTED[f.id] });
  });

  test("every function and parameter has help text; results are spilled arrays except NEEDED and NEXTREVIEW", () => {
    for (const f of functions) {
      expect(f.name).toBe(f.id);
      expect((f.description ?? "").length).toBeGreaterThan(20);
      for (const p of f.parameters) expect({ id: f.id, p: p.name, described: (p.description ?? "").length > 10 }).toEqual({ id: f.id, p: p.name, described: true });
    }
    const results = Object.fromEntries(functions.map((f) => [f.id, f.result]));
    expect(results.NEEDED).toEqual({ type: "boolean" });
    expect(results.NEXTREVIEW).toEqual({ type: "number" });
    for (const id of ["WEIGHTS", "DRIFT", "BAND", "STATUS", "TRADES", "SHARES", "REPORT"]) expect(results[id]).toEqual({ dimensionality: "matrix" });
  });

  test("REPORT asks Excel for the ranges' addresses; the others need nothing from Excel", () => {
    const options = Object.fromEntries(functions.map((f) => [f.id, f.options]));
    expect(options.REPORT).toEqual({ requiresParameterAddresses: true });
    for (const id of Object.keys(EXPECTED).filter((x) => x !== "REPORT")) expect(options[id]).toBeUndefined();
  });

  test("each id is associated with the exported function of the same job", () => {
    const exported = entry as unknown as Record<string, unknown>;
    expect(associate.map((a) => a.id)).toEqual(Object.keys(EXPECTED));
    for (const a of associate) expect(typeof exported[a.functionName]).toBe("function");
    expect(associate.find((a) => a.id === "NEXTREVIEW")?.functionName).toBe("nextReview");
  });
});

describe("the webpack build registers every function", () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "rebal-functions-build-"));
  let bundle = "";
  let html = "";

  beforeAll(async () => {
    // The project's webpack config, built for production with only the functions entry, into a temp folder.
    const webpack = require("webpack");
    const makeConfig = require(path.join(ROOT, "webpack.config.js"));
    const [config] = await makeConfig({}, { mode: "production" }); // the page's configuration (the worker's is second)
    config.mode = "production";
    config.context = ROOT;
    config.entry = { functions: config.entry.functions };
    config.output = { ...config.output, path: out };
    config.devtool = false;
    const cwd = process.cwd();
    process.chdir(ROOT); // the metadata plugin resolves its input against the working directory
    try {
      const stats = await new Promise<{ hasErrors(): boolean; toString(o: unknown): string }>((resolve, reject) =>
        webpack(config, (err: Error | null, s: { hasErrors(): boolean; toString(o: unknown): string }) => (err ? reject(err) : resolve(s))),
      );
      if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
    } finally {
      process.chdir(cwd);
    }
    bundle = fs.readFileSync(path.join(out, "functions.js"), "utf8");
    html = fs.readFileSync(path.join(out, "taskpane.html"), "utf8");
  });

  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  test("functions.json is emitted and equals the metadata generated from the source", async () => {
    const built = JSON.parse(fs.readFileSync(path.join(out, "functions.json"), "utf8"));
    const generated = JSON.parse((await generateCustomFunctionsMetadata(SOURCE)).metadataJson);
    expect(built).toEqual(generated);
  });

  test("functions.js calls CustomFunctions.associate once for every id (written by the plugin)", () => {
    for (const id of Object.keys(EXPECTED)) {
      const calls = bundle.match(new RegExp(`CustomFunctions\\.associate\\("${id}",`, "g")) ?? [];
      expect({ id, calls: calls.length }).toEqual({ id, calls: 1 });
    }
    expect(fs.readFileSync(SOURCE, "utf8")).not.toMatch(/associate\s*\(/);
  });

  test("loading the bundles as the page does registers working functions", async () => {
    // The scripts of taskpane.html in order (runtime, shared chunks, functions), minus Office.js from the CDN.
    const scripts = [...html.matchAll(/<script[^>]*\bsrc="?([^" >]+)"?/g)].map((m) => m[1]).filter((s) => !/^https?:/.test(s));
    expect(scripts[scripts.length - 1]).toBe("functions.js");
    const registered = new Map<string, (...args: unknown[]) => unknown>();
    class RuntimeError extends Error {
      constructor(
        readonly code: string,
        message?: string,
      ) {
        super(message);
      }
    }
    // The chunks loaded on first use (the functions' engine, the solver) are fetched as the page fetches them:
    // webpack's runtime adds a <script src> to the head, and here that runs the emitted file in the same context.
    const fetched: string[] = [];
    interface ScriptTag {
      src: string;
      onload?: (e: unknown) => void;
      onerror?: (e: unknown) => void;
      setAttribute(): void;
      getAttribute(): null;
    }
    const document = {
      createElement: (): ScriptTag => ({ src: "", setAttribute: () => undefined, getAttribute: () => null }),
      getElementsByTagName: () => [],
      head: {
        appendChild: (tag: ScriptTag) =>
          setTimeout(() => {
            const file = new URL(tag.src, PAGE).pathname.slice(1);
            try {
              vm.runInContext(fs.readFileSync(path.join(out, file), "utf8"), context, { filename: file });
              fetched.push(file);
              tag.onload?.({ type: "load", target: tag });
            } catch {
              tag.onerror?.({ type: "missing", target: tag });
            }
          }),
      },
    };
    const sandbox: Record<string, unknown> = {
      CustomFunctions: { associate: (id: string, fn: (...args: unknown[]) => unknown) => registered.set(id, fn), Error: RuntimeError },
      console,
      setTimeout,
      clearTimeout,
      document,
      // The page's address: webpack's runtime resolves the lazily loaded chunks against it.
      location: { href: PAGE },
    };
    sandbox.self = sandbox;
    sandbox.window = sandbox;
    const context = vm.createContext(sandbox);
    for (const s of scripts) vm.runInContext(fs.readFileSync(path.join(out, s), "utf8"), context, { filename: s });
    expect([...registered.keys()]).toEqual(Object.keys(EXPECTED));
    // Registering loads nothing more: the engine comes with the first call.
    expect(fetched).toEqual([]);

    const plain = (x: unknown) => JSON.parse(JSON.stringify(x));
    const values = col(70000, 25000, 5000);
    const targets = col(0.6, 0.3, 0.1);
    const call = async (id: string, ...args: unknown[]) => plain(await registered.get(id)!(...args));
    expect(await call("WEIGHTS", values)).toEqual(plain(await entry.weights(values)));
    expect(fetched.some((f) => f.startsWith("functions-engine"))).toBe(true);
    expect(await call("DRIFT", values, targets, null)).toEqual(plain(await entry.drift(values, targets)));
    expect(await call("BAND", targets, null, null)).toEqual(plain(await entry.band(targets)));
    expect(await call("STATUS", values, targets, null, null)).toEqual([["Over"], ["In band"], ["Under"]]);
    expect(await call("NEEDED", values, targets, null, null)).toBe(true);
    expect(await call("TRADES", values, targets, 10000, "cashflow")).toEqual([[0], [5000], [5000]]);
    expect(await call("SHARES", col(1000), col(10), null)).toEqual([[100]]);
    expect(await registered.get("NEXTREVIEW")!(46053, "Monthly")).toBe(46081);
    const holdings = [["Symbol", "Asset Class", "Quantity", "Price"], ["VTI", "Stocks", 10, 100], ["CASH", "Cash", 1000, ""]];
    const t = [["Asset Class", "Target"], ["Stocks", 0.5], ["Cash", 0.5]];
    expect(plain(await registered.get("REPORT")!(holdings, t, null, null, null, null, { parameterAddresses: [] }))).toEqual(plain(await entry.report(holdings, t)));
    // Errors come back as the runtime's CustomFunctions.Error.
    let caught: unknown;
    try {
      await registered.get("DRIFT")!(values, col(0.6, 0.3, 0.05), null);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(RuntimeError);
    expect({ code: (caught as RuntimeError).code, message: (caught as Error).message }).toEqual({ code: "#VALUE!", message: "Targets sum to 95.00%, expected 100%" });
  });
});

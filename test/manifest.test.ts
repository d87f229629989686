/**
 * manifest.xml: resources resolve, every URL is a file the webpack build produces, the shared
 * runtime is referenced consistently, and the ribbon, functions namespace and permissions are as specified.
 * The build outputs are read from webpack.config.js itself (entries, HtmlWebpackPlugin, the custom
 * functions metadata plugin, CopyWebpackPlugin), so no build is needed here.
 */
import fs from "fs";
import path from "path";
import { parseStringPromise } from "xml2js";

const ROOT = path.resolve(__dirname, "..");
const ORIGIN = "https://localhost:3000/";

/** xml2js output: elements as arrays, attributes under "$", text under "_" (or a bare string). */
type Node = { $?: Record<string, string>; _?: string; [child: string]: unknown };

let manifest: Node;
let produced: Set<string>;
let htmlTemplate: string;
let htmlChunks: string[];

function kids(node: Node | undefined, name: string): Node[] {
  const v = node?.[name];
  if (!Array.isArray(v)) return [];
  return v.map((x) => (typeof x === "string" ? { _: x } : (x as Node)));
}
function kid(node: Node | undefined, name: string): Node {
  const all = kids(node, name);
  if (all.length !== 1) throw new Error(`expected exactly one <${name}>, found ${all.length}`);
  return all[0];
}
const attr = (node: Node, name: string): string | undefined => node.$?.[name];
const text = (node: Node): string => (node._ ?? "").trim();

/** Every node of the tree, depth first. */
function walk(node: Node, visit: (n: Node, name: string) => void, name = "OfficeApp"): void {
  visit(node, name);
  for (const [k, v] of Object.entries(node)) {
    if (k === "$" || k === "_" || !Array.isArray(v)) continue;
    for (const child of v) if (child && typeof child === "object") walk(child as Node, visit, k);
  }
}

/** Resource id → URL / text, per resource kind. */
function resources(kind: "bt:Images" | "bt:Urls" | "bt:ShortStrings" | "bt:LongStrings"): Map<string, string> {
  const vo = kid(manifest, "VersionOverrides");
  const res = kid(vo, "Resources");
  const group = kid(res, kind);
  const item = kind === "bt:Images" ? "bt:Image" : kind === "bt:Urls" ? "bt:Url" : "bt:String";
  return new Map(kids(group, item).map((n) => [attr(n, "id") ?? "", attr(n, "DefaultValue") ?? ""]));
}
const allResources = () =>
  new Map([...resources("bt:Images"), ...resources("bt:Urls"), ...resources("bt:ShortStrings"), ...resources("bt:LongStrings")]);

function workbookHost(): Node {
  const hosts = kids(kid(kid(manifest, "VersionOverrides"), "Hosts"), "Host");
  const wb = hosts.filter((h) => attr(h, "xsi:type") === "Workbook");
  expect(wb).toHaveLength(1);
  return wb[0];
}

beforeAll(async () => {
  const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  manifest = (await parseStringPromise(xml)).OfficeApp as Node;

  // What `npm run build` writes to dist/, according to webpack.config.js.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(path.join(ROOT, "webpack.config.js"));
  const configs = await makeConfig({}, { mode: "production" });
  produced = new Set<string>();
  for (const config of configs) for (const name of Object.keys(config.entry)) produced.add(String(config.output.filename).replace("[name]", name));
  for (const plugin of configs.flatMap((c: { plugins: unknown[] }) => c.plugins)) {
    const kind = plugin.constructor.name;
    if (kind === "HtmlWebpackPlugin") {
      produced.add(plugin.userOptions.filename);
      htmlTemplate = fs.readFileSync(path.join(ROOT, plugin.userOptions.template), "utf8");
      htmlChunks = plugin.userOptions.chunks;
    } else if (kind === "CustomFunctionsMetadataPlugin") {
      produced.add(plugin.options.output);
    } else if (kind === "CopyPlugin") {
      for (const p of plugin.patterns as { from: string; to: string }[]) {
        if (p.from.includes("*")) {
          const dir = path.dirname(p.from);
          const re = new RegExp(`^${path.basename(p.from).replace(/\./g, "\\.").replace(/\*/g, ".*")}$`);
          for (const f of fs.readdirSync(path.join(ROOT, dir)).filter((f) => re.test(f))) {
            const ext = path.extname(f);
            produced.add(p.to.replace("[name]", path.basename(f, ext)).replace("[ext]", ext));
          }
        } else {
          expect(fs.existsSync(path.join(ROOT, p.from))).toBe(true);
          produced.add(p.to);
        }
      }
    }
  }
});

test("the build produces the pages the manifest needs", () => {
  for (const f of ["taskpane.html", "functions.json", "functions.js", "commands.js", "taskpane.js", "manifest.xml"]) {
    expect(produced).toContain(f);
  }
  for (const size of [16, 32, 64, 80]) expect(produced).toContain(`assets/icon-${size}.png`);
});

test("taskpane.html is the one shared-runtime page: Office.js from the CDN and all three bundles", () => {
  expect(htmlTemplate).toMatch(/<script[^>]+src="https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"/);
  expect([...htmlChunks].sort()).toEqual(["commands", "functions", "taskpane"]);
});

test("identity: GUID id, names, Excel workbook host, ReadWriteDocument", () => {
  expect(text(kid(manifest, "Id"))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  expect(attr(kid(manifest, "DisplayName"), "DefaultValue")).toBe("SDIRA Rebalancer");
  expect(text(kid(manifest, "ProviderName"))).not.toBe("");
  expect(attr(manifest, "xsi:type")).toBe("TaskPaneApp");
  expect(kids(kid(manifest, "Hosts"), "Host").map((h) => attr(h, "Name"))).toEqual(["Workbook"]);
  expect(text(kid(manifest, "Permissions"))).toBe("ReadWriteDocument");
  expect(attr(kid(manifest, "SupportUrl"), "DefaultValue")).toMatch(/^https:\/\//);
});

test("requires the SharedRuntime 1.1 requirement set", () => {
  const sets = kids(kid(kid(manifest, "Requirements"), "Sets"), "Set");
  expect(sets.map((s) => [attr(s, "Name"), attr(s, "MinVersion")])).toContainEqual(["SharedRuntime", "1.1"]);
});

test("every resid is defined in Resources, every resource id is unique and at most 32 characters", () => {
  const defined = allResources();
  const used: string[] = [];
  walk(manifest, (n) => {
    const r = attr(n, "resid");
    if (r !== undefined) used.push(r);
  });
  expect(used.length).toBeGreaterThan(10);
  for (const r of used) expect({ resid: r, defined: defined.has(r) }).toEqual({ resid: r, defined: true });

  const ids = [...resources("bt:Images").keys(), ...resources("bt:Urls").keys(), ...resources("bt:ShortStrings").keys(), ...resources("bt:LongStrings").keys()];
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(id.length).toBeLessThanOrEqual(32);
  // Nothing defined and never used.
  for (const id of ids) expect({ id, used: used.includes(id) }).toEqual({ id, used: true });
});

test("every URL is https://localhost:3000/ and names a file the build produces", () => {
  const urls: string[] = [];
  walk(manifest, (n, name) => {
    const v = attr(n, "DefaultValue");
    if (v !== undefined && /^https?:/.test(v)) urls.push(v);
    if (name === "AppDomain") urls.push(text(n));
  });
  for (const [, v] of [...resources("bt:Images"), ...resources("bt:Urls")]) urls.push(v);
  expect(urls.length).toBeGreaterThan(8);
  for (const url of urls) {
    expect(url.startsWith(ORIGIN) || url === ORIGIN.replace(/\/$/, "")).toBe(true);
    if (url.startsWith(ORIGIN)) {
      const file = url.slice(ORIGIN.length).split(/[?#]/)[0];
      expect({ url, produced: produced.has(file) }).toEqual({ url, produced: true });
    }
  }
});

test("icons: 16/32/80 on the ribbon, 32/64 for the add-in, all real PNGs of their size", () => {
  const images = resources("bt:Images");
  const sizes = new Map<number, string>();
  walk(manifest, (n, name) => {
    if (name === "bt:Image" && attr(n, "size")) sizes.set(Number(attr(n, "size")), images.get(attr(n, "resid") ?? "") ?? "");
  });
  expect([...sizes.keys()].sort((a, b) => a - b)).toEqual([16, 32, 80]);
  const check = (url: string, size: number) => {
    expect(url).toBe(`${ORIGIN}assets/icon-${size}.png`);
    const png = fs.readFileSync(path.join(ROOT, "assets", `icon-${size}.png`));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
  };
  for (const [size, url] of sizes) check(url, size);
  check(attr(kid(manifest, "IconUrl"), "DefaultValue") ?? "", 32);
  check(attr(kid(manifest, "HighResolutionIconUrl"), "DefaultValue") ?? "", 64);
});

test("the committed icons are what scripts/make-icons.js draws", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { draw, SIZES } = require(path.join(ROOT, "scripts", "make-icons.js")) as { draw(size: number): Buffer; SIZES: number[] };
  expect(SIZES).toEqual([16, 32, 64, 80]);
  for (const size of SIZES) expect(fs.readFileSync(path.join(ROOT, "assets", `icon-${size}.png`)).equals(draw(size))).toBe(true);
});

test("one long-lived runtime, referenced by the same resid everywhere", () => {
  const host = workbookHost();
  const runtimes = kids(kid(host, "Runtimes"), "Runtime");
  expect(runtimes).toHaveLength(1);
  const runtime = runtimes[0];
  expect(attr(runtime, "lifetime")).toBe("long");
  const rid = attr(runtime, "resid") ?? "";
  expect(resources("bt:Urls").get(rid)).toBe(`${ORIGIN}taskpane.html`);
  expect(attr(kid(kid(manifest, "DefaultSettings"), "SourceLocation"), "DefaultValue")).toBe(`${ORIGIN}taskpane.html`);

  const desktop = kid(host, "DesktopFormFactor");
  expect(attr(kid(desktop, "FunctionFile"), "resid")).toBe(rid);

  const cf = kids(kid(host, "AllFormFactors"), "ExtensionPoint").find((e) => attr(e, "xsi:type") === "CustomFunctions");
  expect(cf).toBeDefined();
  expect(attr(kid(kid(cf, "Page"), "SourceLocation"), "resid")).toBe(rid);

  const taskpaneActions: Node[] = [];
  walk(host, (n, name) => {
    if (name === "Action" && attr(n, "xsi:type") === "ShowTaskpane") taskpaneActions.push(n);
  });
  expect(taskpaneActions.length).toBeGreaterThan(0);
  const paneIds = new Set(taskpaneActions.map((a) => text(kid(a, "TaskpaneId"))));
  expect(paneIds.size).toBe(1); // a shared runtime supports one task pane
  expect([...paneIds][0]).not.toBe("");
  for (const a of taskpaneActions) expect(attr(kid(a, "SourceLocation"), "resid")).toBe(rid);
});

test("custom functions: namespace REBAL, metadata functions.json, script functions.js", () => {
  const host = workbookHost();
  const cf = kids(kid(host, "AllFormFactors"), "ExtensionPoint").find((e) => attr(e, "xsi:type") === "CustomFunctions");
  const urls = resources("bt:Urls");
  const strings = resources("bt:ShortStrings");
  expect(strings.get(attr(kid(cf, "Namespace"), "resid") ?? "")).toBe("REBAL");
  expect(urls.get(attr(kid(kid(cf, "Metadata"), "SourceLocation"), "resid") ?? "")).toBe(`${ORIGIN}functions.json`);
  expect(urls.get(attr(kid(kid(cf, "Script"), "SourceLocation"), "resid") ?? "")).toBe(`${ORIGIN}functions.js`);
});

test("Home tab: a Rebalancer group with the Rebalancer (pane) and Rebalance (rebalance function) buttons", () => {
  const host = workbookHost();
  const desktop = kid(host, "DesktopFormFactor");
  const surface = kids(desktop, "ExtensionPoint").find((e) => attr(e, "xsi:type") === "PrimaryCommandSurface");
  expect(surface).toBeDefined();
  const tab = kid(surface, "OfficeTab");
  expect(attr(tab, "id")).toBe("TabHome");
  const group = kid(tab, "Group");
  const short = resources("bt:ShortStrings");
  const label = (n: Node) => short.get(attr(kid(n, "Label"), "resid") ?? "");
  expect(label(group)).toBe("Rebalancer");

  const controls = kids(group, "Control");
  expect(controls.map((c) => attr(c, "xsi:type"))).toEqual(["Button", "Button"]);
  expect(controls.map(label)).toEqual(["Rebalancer", "Rebalance"]);
  const [pane, rebalance] = controls.map((c) => kid(c, "Action"));
  expect(attr(pane, "xsi:type")).toBe("ShowTaskpane");
  expect(attr(rebalance, "xsi:type")).toBe("ExecuteFunction");
  expect(text(kid(rebalance, "FunctionName"))).toBe("rebalance");
  // The command module associates that name with its handler.
  const commands = fs.readFileSync(path.join(ROOT, "src", "commands", "commands.ts"), "utf8");
  expect(commands).toMatch(/Office\.actions\.associate\("rebalance",/);
  const controlIds = controls.map((c) => attr(c, "id"));
  expect(new Set(controlIds).size).toBe(2);
});

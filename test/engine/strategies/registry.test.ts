/**
 * The strategy registry: the Policy parser, --compare and README all follow it. A strategy declared in
 * this file and registered for the test only is accepted by the parser, planned, and listed by the
 * runner's --compare — adding a strategy is one file and one registry line.
 */
import * as fs from "fs";
import * as path from "path";
import { readWorkbookSnapshot } from "../../../src/xlsx/read";
import { parseWorkbook, planWorkbook } from "../../../src/plans/plan-workbook";
import { registerStrategy, strategies, strategyNamed, strategyNames } from "../../../src/engine/strategies/registry";
import { noTrades } from "../../../src/engine/strategies/steps";
import { defineStrategy } from "../../../src/engine/strategies/types";
import { WorkbookSnapshot } from "../../../src/contract/snapshot";
import { run } from "../../support/runner";

const ROOT = path.join(__dirname, "..", "..", "..");
const SAMPLE = path.join(ROOT, "samples", "sdira-sample.xlsx");

/** A throwaway strategy: trades nothing, says so. */
const hold = defineStrategy({
  name: "Hold Steady",
  summary: "Trades nothing (a test's strategy).",
  usesRebalanceTo: false,
  taxAware: false,
  compare: [{ rebalanceTo: "Target", label: "(holds)" }],
  plan: (ctx) => ({ execution: noTrades(ctx), warnings: ["Hold Steady: nothing is traded"] }),
});

async function sampleWithStrategy(name: string): Promise<WorkbookSnapshot> {
  const snapshot = await readWorkbookSnapshot(fs.readFileSync(SAMPLE));
  const policy = snapshot.ranges["policy"];
  const row = policy.values.findIndex((r) => String(r[0]).toLowerCase() === "strategy");
  if (row >= 0) policy.values[row][1] = name;
  else policy.values.push(["Strategy", name]);
  return snapshot;
}

describe("the registry", () => {
  test("holds Full, Cash Flow and Tax Aware, Full first (the default)", () => {
    expect(strategyNames()).toEqual(["Full", "Cash Flow", "Tax Aware"]);
    expect(strategyNamed("Tax Aware").taxAware).toBe(true);
    expect(() => strategyNamed("Nope")).toThrow(/No strategy is registered as "Nope"/);
  });

  test("README's strategy table lists exactly the registered strategies, each with its summary", () => {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    const start = readme.indexOf("### Strategies");
    const section = readme.slice(start, readme.indexOf("\n## ", start));
    const rows = [...section.matchAll(/^\| `([^`]+)` \| (.+) \|$/gm)].map((m) => ({ name: m[1], summary: m[2] }));
    expect(rows).toEqual(strategies().map((s) => ({ name: s.name, summary: s.summary })));
  });

  test("a name already registered is refused", () => {
    expect(() => registerStrategy({ ...hold, name: "full" })).toThrow(/already registered/);
  });
});

describe("a strategy added by one file and one registry line", () => {
  let unregister: () => void = () => undefined;
  beforeAll(() => {
    unregister = registerStrategy(hold);
  });
  afterAll(() => unregister());

  test("the Policy parser accepts it and lists it among the choices", async () => {
    const parsed = parseWorkbook(await sampleWithStrategy("hold steady"), { today: "2026-11-20" });
    if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.text).join("\n"));
    expect(parsed.portfolio.policy.strategy).toBe("Hold Steady");
    const bad = parseWorkbook(await sampleWithStrategy("Sit Still"), { today: "2026-11-20" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => e.message)).toEqual(['Strategy must be one of Full, Cash Flow, Tax Aware, Hold Steady (found "Sit Still")']);
  });

  test("the engine plans with it", async () => {
    const result = planWorkbook(await sampleWithStrategy("Hold Steady"), { today: "2026-11-20" });
    if (!result.ok) throw new Error(result.errors.map((e) => e.text).join("\n"));
    expect(result.plan.trades).toEqual([]);
    expect(result.plan.warnings).toContain("Hold Steady: nothing is traded");
  });

  test("--compare lists it, after the strategies Rebalance To shapes", async () => {
    const json = await run([SAMPLE, "--compare", "--json"]);
    expect(json.code).toBe(0);
    const rows = JSON.parse(json.stdout) as { strategy: string; rebalanceTo: string }[];
    // Full and Tax Aware twice per Rebalance To (Optimal and Greedy); Cash Flow twice (Optimal and Greedy); Hold Steady, which the optimizer does not decide, once.
    expect(rows.map((r) => r.strategy)).toEqual([...Array(6)].map(() => "Full").concat([...Array(6)].map(() => "Tax Aware"), ["Cash Flow", "Cash Flow", "Hold Steady"]));
    const text = await run([SAMPLE, "--compare"]);
    expect(text.stdout).toMatch(/^Hold Steady\s+\(holds\)\s+—\s+0\s/m);
  });

  test("taken out again, it is refused", async () => {
    unregister();
    const parsed = parseWorkbook(await sampleWithStrategy("Hold Steady"), { today: "2026-11-20" });
    expect(parsed.ok).toBe(false);
    unregister = registerStrategy(hold);
  });
});

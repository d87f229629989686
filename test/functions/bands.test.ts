/** REBAL.BAND, REBAL.STATUS, REBAL.NEEDED, and agreement with the engine's class table. */
import fc from "fast-check";
import { bandFunction, neededFunction, statusFunction } from "../../src/functions/bands";
import { driftFunction, weightsFunction } from "../../src/functions/weights";
import { bandEdges, bandWidth } from "../../src/engine/bands";
import { classTable } from "../../src/engine/classes";
import { groupAccounts } from "../../src/engine/positions";
import { DEFAULT_ABS_BAND, DEFAULT_REL_BAND, defaultPolicy } from "../../src/contract/policy";
import { householdArb, PROP_RUNS, PROP_SEED } from "../support/households";
import { col, expectValueError, row } from "./helpers";

const edges = (t: number, abs: number | null, rel: number | null) => {
  const e = bandEdges(t, bandWidth(t, abs, rel));
  return [e.low, e.high];
};

describe("REBAL.BAND", () => {
  test("defaults are the Policy defaults: 5 points absolute, 25% relative", () => {
    expect([DEFAULT_ABS_BAND, DEFAULT_REL_BAND]).toEqual([0.05, 0.25]);
    const p = defaultPolicy("Full", "2026-01-01");
    expect([DEFAULT_ABS_BAND, DEFAULT_REL_BAND]).toEqual([p.absBand, p.relBand]);
  });

  test("the smaller of abs and rel × target: 60% → ±5, 30% → ±5, 10% → ±2.5", () => {
    const out = bandFunction(col(0.6, 0.3, 0.1));
    expect(out).toEqual([edges(0.6, 0.05, 0.25), edges(0.3, 0.05, 0.25), edges(0.1, 0.05, 0.25)]);
    expect(out[0][0]).toBeCloseTo(0.55, 15);
    expect(out[0][1]).toBeCloseTo(0.65, 15);
    expect(out[2][0]).toBeCloseTo(0.075, 15);
    expect(out[2][1]).toBeCloseTo(0.125, 15);
  });

  test("one band turned off with None; given as text; per row with blanks taking the default", () => {
    expect(bandFunction(col(0.6, 0.4), 0.1, "None")).toEqual([edges(0.6, 0.1, null), edges(0.4, 0.1, null)]);
    expect(bandFunction(col(0.6, 0.4), "off", "10%")).toEqual([edges(0.6, null, 0.1), edges(0.4, null, 0.1)]);
    expect(bandFunction(col(0.6, 0.4), [["none"]], [["none"]])).toEqual([[0.6, 0.6], [0.4, 0.4]]);
    expect(bandFunction(col(0.6, 0.4), col(0.02, ""))).toEqual([edges(0.6, 0.02, 0.25), edges(0.4, 0.05, 0.25)]);
    expect(bandFunction(col(0.6, "", 0.4), col(0.02, "", 0.03))).toEqual([edges(0.6, 0.02, 0.25), ["", ""], edges(0.4, 0.03, 0.25)]);
  });

  test("the low edge never goes below 0", () => {
    expect(bandFunction(col(0.98, 0.02), 0.05, "None")[1][0]).toBe(0);
  });

  test("a row of targets gives two rows (low, high)", () => {
    expect(bandFunction(row(0.6, 0.4))).toEqual([
      [edges(0.6, 0.05, 0.25)[0], edges(0.4, 0.05, 0.25)[0]],
      [edges(0.6, 0.05, 0.25)[1], edges(0.4, 0.05, 0.25)[1]],
    ]);
  });

  test("errors", () => {
    expectValueError(() => bandFunction(col(0.6, 0.3)), "Targets sum to 90.00%, expected 100%");
    expectValueError(() => bandFunction(col(0.6, 0.4), "wide"), 'absBand must be a percent from 0% to 100%, like 5% or 0.05, or None (found "wide")');
    expectValueError(() => bandFunction(col(0.6, 0.4), 0.05, col(0.1, 2)), "relBand row 2 must be a percent from 0% to 100%, like 5% or 0.05, or None (found 2)");
    expectValueError(() => bandFunction(col(0.6, 0.4), col(0.1, 0.1, 0.1)), "absBand must be one value or one per row (2); it has 3 cells");
  });
});

describe("REBAL.STATUS and REBAL.NEEDED", () => {
  const targets = col(0.6, 0.3, 0.1);

  test("Over, In band (exactly on the edge counts as in band), Under", () => {
    // Weights 70% / 25% / 5%: +10 points (band ±5) Over; −5 points (band ±5) on the edge; −5 points (band ±2.5) Under.
    expect(statusFunction(col(70000, 25000, 5000), targets)).toEqual([["Over"], ["In band"], ["Under"]]);
    expect(neededFunction(col(70000, 25000, 5000), targets)).toBe(true);
  });

  test("wider bands make every row in band and NEEDED false", () => {
    expect(statusFunction(col(70000, 25000, 5000), targets, 0.1, 0.5)).toEqual([["In band"], ["In band"], ["In band"]]);
    expect(neededFunction(col(70000, 25000, 5000), targets, 0.1, 0.5)).toBe(false);
    expect(neededFunction(col(60000, 30000, 10000), targets)).toBe(false);
  });

  test("blank rows skipped together; a row input spills a row", () => {
    expect(statusFunction(col(70000, "", 25000, 5000), col(0.6, "", 0.3, 0.1))).toEqual([["Over"], [""], ["In band"], ["Under"]]);
    expect(statusFunction(row(70000, 25000, 5000), targets)).toEqual([["Over", "In band", "Under"]]);
  });

  test("errors", () => {
    expectValueError(() => statusFunction(col(1, 2), targets), "values has 2 rows but targets has 3 rows; the ranges must be the same size");
    expectValueError(() => neededFunction(col(1, 2, "x"), targets), 'values row 3 must be a number of 0 or more (found "x")');
    expectValueError(() => neededFunction(col(1, 2, 3), col(0.6, 0.3, 0.2)), "Targets sum to 110.00%, expected 100%");
    expectValueError(() => statusFunction(col(1, 2, 3), targets, 0.05, "lots"), 'relBand must be a percent from 0% to 100%, like 5% or 0.05, or None (found "lots")');
  });
});

describe("a cell and the pane never disagree", () => {
  test("WEIGHTS, DRIFT, BAND and STATUS over the class table's values equal the engine's class rows", () => {
    fc.assert(
      fc.property(householdArb(), (portfolio) => {
        const { classes } = classTable(portfolio, groupAccounts(portfolio));
        const { policy, targets } = portfolio;
        const values = col(...classes.map((c) => c.value.toNumber()));
        const t = col(...classes.map((c) => c.target));
        const rowOf = (name: string) => targets.find((x) => x.assetClass === name);
        const band = (pick: "absBand" | "relBand") =>
          col(...classes.map((c) => rowOf(c.assetClass)?.[pick] ?? policy[pick] ?? "None"));
        const w = weightsFunction(values);
        const d = driftFunction(values, t);
        const b = bandFunction(t, band("absBand"), band("relBand"));
        const s = statusFunction(values, t, band("absBand"), band("relBand"));
        classes.forEach((c, i) => {
          expect(w[i][0]).toBe(c.weight);
          expect(d[i][0]).toBe(c.drift);
          if (!c.hasTarget) return; // the implicit Cash row follows the reserves rule, not a band
          expect(b[i]).toEqual([c.bandLow, c.bandHigh]);
          expect(s[i][0]).toBe(c.status === "Locked" ? (c.drift > 0 ? "Over" : "Under") : c.status);
        });
      }),
      { numRuns: Math.min(PROP_RUNS, 500), seed: PROP_SEED },
    );
  });
});

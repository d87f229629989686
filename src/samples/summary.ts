/** The sample household in numbers (value, weight, band and status per class), from its source data alone. */
import Decimal from "decimal.js";
import { bandStatus, bandWidth } from "../engine/bands";
import { SAMPLE_HOLDINGS, SAMPLE_POLICY, SAMPLE_TARGETS, SampleHolding, SamplePolicySetting, SampleTarget } from "./sdira-sample";

export function marketValue(h: SampleHolding): Decimal {
  return new Decimal(h.quantity).times(h.price);
}

/** Dollars rounded to the cent, as a number. */
export function money(n: number | Decimal): number {
  return new Decimal(n).toDecimalPlaces(2).toNumber();
}

export interface ClassSummary {
  assetClass: string;
  value: Decimal;
  weight: number;
  target: number;
  band: number;
  status: string;
}

/** Per-class value, weight, band and status of the sample as written (bands as the contract defines them). */
export function summarizeSample(
  holdings: SampleHolding[] = SAMPLE_HOLDINGS,
  targets: SampleTarget[] = SAMPLE_TARGETS,
  policy: SamplePolicySetting[] = SAMPLE_POLICY,
): { total: Decimal; classes: ClassSummary[] } {
  const setting = (name: string): number | null => {
    const p = policy.find((s) => s.setting === name);
    return p === undefined ? null : Number(p.value);
  };
  const total = holdings.reduce((s, h) => s.plus(marketValue(h)), new Decimal(0));
  const classes = targets.map((t) => {
    const value = holdings.filter((h) => h.assetClass === t.assetClass).reduce((s, h) => s.plus(marketValue(h)), new Decimal(0));
    const weight = value.div(total).toNumber();
    const band = bandWidth(t.target, t.absBand ?? setting("Abs Band"), t.relBand ?? setting("Rel Band"));
    return { assetClass: t.assetClass, value, weight, target: t.target, band, status: bandStatus(weight - t.target, band) };
  });
  return { total, classes };
}

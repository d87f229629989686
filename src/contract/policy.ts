/** The optional Policy range: two columns, Setting | Value. */
import Decimal from "decimal.js";
import { Frequency, LotOrder, Policy, RebalanceTo, SellOrder, StrategyName, TriggerKind } from "./portfolio";
import { ContractError, contractError } from "./errors";
import { describe, isBlank, normalizeKey, readDate, readNumber, readPercent, readYesNo } from "./cells";
import { CellValue, RangeSnapshot } from "./snapshot";
import { readTable } from "./table";
import { todayIso } from "../engine/calendar";

type Apply = (policy: Policy, v: CellValue) => string | null;

function choice<T extends string>(options: readonly T[], set: (p: Policy, value: T) => void): Apply {
  return (p, v) => {
    const found = options.find((o) => normalizeKey(o) === normalizeKey(v));
    if (!found) return `must be one of ${options.join(", ")} (found ${describe(v)})`;
    set(p, found);
    return null;
  };
}

function date(set: (p: Policy, iso: string | null) => void, allowBlank: boolean): Apply {
  return (p, v) => {
    if (isBlank(v) && allowBlank) {
      set(p, null);
      return null;
    }
    const d = readDate(v);
    if (!d.ok) return `must be a date (found ${describe(v)})`;
    set(p, d.value);
    return null;
  };
}

function money(set: (p: Policy, value: Decimal) => void): Apply {
  return (p, v) => {
    if (isBlank(v)) return null;
    const n = readNumber(v);
    if (!n.ok || n.value.isNegative()) return `must be a dollar amount of 0 or more (found ${describe(v)})`;
    set(p, n.value);
    return null;
  };
}

function bps(set: (p: Policy, value: Decimal) => void): Apply {
  return (p, v) => {
    if (isBlank(v)) return null;
    const n = readNumber(v);
    if (!n.ok || n.value.isNegative() || n.value.gt(10000)) return `must be basis points from 0 to 10000 (found ${describe(v)})`;
    set(p, n.value);
    return null;
  };
}

function band(set: (p: Policy, value: number | null) => void): Apply {
  return (p, v) => {
    if (isBlank(v) || ["none", "off"].includes(normalizeKey(v))) {
      set(p, null);
      return null;
    }
    const n = readPercent(v);
    if (!n.ok || n.value < 0 || n.value > 1) return `must be a percent from 0% to 100%, like 5% or 0.05, or None (found ${describe(v)})`;
    set(p, n.value);
    return null;
  };
}

/** Settings this version understands, with how each is read. */
const SETTINGS: Record<string, Apply> = {
  "As Of": date((p, d) => (p.asOf = d ?? p.asOf), true),
  Trigger: choice<TriggerKind>(["Band", "Calendar", "Hybrid"], (p, t) => (p.trigger = t)),
  Frequency: choice<Frequency>(["Monthly", "Quarterly", "Semiannual", "Annual"], (p, f) => (p.frequency = f)),
  "Last Rebalanced": date((p, d) => (p.lastRebalanced = d), true),
  "Abs Band": band((p, b) => (p.absBand = b)),
  "Rel Band": band((p, b) => (p.relBand = b)),
  "Rebalance To": choice<RebalanceTo>(["Target", "Band Edge", "Halfway"], (p, r) => (p.rebalanceTo = r)),
  Strategy: choice<StrategyName>(["Full", "Cash Flow", "Tax Aware"], (p, s) => (p.strategy = s)),
  "Cash Flow": (p, v) => {
    if (isBlank(v)) return null;
    const n = readNumber(v);
    if (!n.ok) return `must be a dollar amount: positive to contribute, negative to withdraw (found ${describe(v)})`;
    p.cashFlow = n.value;
    return null;
  },
  "Cash Flow Account": (p, v) => {
    p.cashFlowAccount = isBlank(v) ? null : String(v).trim();
    return null;
  },
  "Sell Order": choice<SellOrder>(["Most Overweight", "Highest Gain First", "Lowest Gain First"], (p, o) => (p.sellOrder = o)),
  "Lot Order": choice<LotOrder>(["HIFO", "FIFO", "Min Tax"], (p, o) => (p.lotOrder = o)),
  "Max Valuation Age": (p, v) => {
    if (isBlank(v)) return null;
    const n = readNumber(v);
    if (!n.ok || n.value.lt(1) || !n.value.isInteger()) return `must be a whole number of days, 1 or more (found ${describe(v)})`;
    p.maxValuationAge = n.value.toNumber();
    return null;
  },
  "Contribution Limit": money((p, m) => (p.contributionLimit = m)),
  "Owner Age": (p, v) => {
    if (isBlank(v)) return null;
    const n = readNumber(v);
    if (!n.ok || n.value.lt(0) || n.value.gt(130) || !n.value.isInteger()) return `must be a whole number of years (found ${describe(v)})`;
    p.ownerAge = n.value.toNumber();
    return null;
  },
  "Min Trade": money((p, m) => (p.minTrade = m)),
  "Fee Per Trade": money((p, m) => (p.feePerTrade = m)),
  "Fee Bps": bps((p, b) => (p.feeBps = b)),
  "Cash Reserve": money((p, m) => (p.cashReserve = m)),
  "Limit Offset Bps": bps((p, b) => (p.limitOffsetBps = b)),
  Fractional: (p, v) => {
    if (isBlank(v)) return null;
    const yn = readYesNo(v);
    if (!yn.ok) return `must be Yes or No (found ${describe(v)})`;
    p.fractional = yn.value;
    return null;
  },
};

export const KNOWN_SETTINGS = Object.keys(SETTINGS);

export function defaultPolicy(today: string = todayIso()): Policy {
  return {
    asOf: today,
    trigger: "Band",
    frequency: "Annual",
    lastRebalanced: null,
    absBand: 0.05,
    relBand: 0.25,
    rebalanceTo: "Target",
    strategy: "Full",
    minTrade: new Decimal(0),
    feePerTrade: new Decimal(0),
    feeBps: new Decimal(0),
    cashReserve: new Decimal(0),
    limitOffsetBps: new Decimal(0),
    fractional: false,
    cashFlow: new Decimal(0),
    cashFlowAccount: null,
    sellOrder: "Most Overweight",
    lotOrder: "HIFO",
    maxValuationAge: 365,
    contributionLimit: new Decimal(7500),
    ownerAge: null,
    refs: {},
  };
}

/** Reads the Policy range over the defaults; every problem is pushed to errors. */
export function readPolicy(range: RangeSnapshot | undefined, errors: ContractError[], today?: string): Policy {
  const policy = defaultPolicy(today);
  if (!range) return policy;
  const table = readTable(
    range,
    [
      { header: "Setting", required: true },
      { header: "Value", required: true },
    ],
    errors,
  );
  if (!table) return policy;
  const seen = new Map<string, string>();
  for (const row of table.rows) {
    const settingCell = row.get("Setting");
    const key = normalizeKey(settingCell);
    const ref = row.ref("Setting");
    const name = KNOWN_SETTINGS.find((s) => normalizeKey(s) === key);
    if (!name) {
      errors.push(
        contractError(ref.sheet, ref.cell, `Unknown policy setting ${describe(settingCell)}; known settings: ${KNOWN_SETTINGS.join(", ")}`),
      );
      continue;
    }
    if (seen.has(name)) {
      errors.push(contractError(ref.sheet, ref.cell, `Policy setting "${name}" is given twice (also in ${seen.get(name)})`));
      continue;
    }
    seen.set(name, ref.cell);
    const valueRef = row.ref("Value");
    policy.refs[name] = valueRef;
    const problem = SETTINGS[name](policy, row.get("Value"));
    if (problem) errors.push(contractError(valueRef.sheet, valueRef.cell, `${name} ${problem}`));
  }
  return policy;
}

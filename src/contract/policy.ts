/** The optional Policy range: two columns, Setting | Value. */
import Decimal from "decimal.js";
import { Policy } from "./portfolio";
import { LOT_ORDERS, OPTIMIZERS, REBALANCE_TO, SELL_ORDERS, StrategyChoices, TRIGGERS } from "./vocabulary";
import { ContractError, contractError } from "./errors";
import { MAX_AMOUNT, describe, findChoice, isBlank, normalizeKey, readBand, readDate, readNumber, readPercent, readYesNo } from "./cells";
import { CellValue, RangeSnapshot } from "./snapshot";
import { readTable } from "./table";
import { RETURNS_ARE } from "./backtest";
import { FREQUENCIES, todayIso } from "../dates/calendar";
import { DateSystem } from "../dates/serial";

/** Applies one setting's value; `system` is the workbook's date system (for serial numbers read as dates). */
type Apply = (policy: Policy, v: CellValue, system: DateSystem) => string | null;

/** A choice setting (blank keeps the default, as for every setting). */
function choice<T extends string>(options: readonly T[], set: (p: Policy, value: T) => void): Apply {
  return (p, v) => {
    if (isBlank(v)) return null;
    const found = findChoice(options, v);
    if (!found) return `must be one of ${options.join(", ")} (found ${describe(v)})`;
    set(p, found);
    return null;
  };
}

function date(set: (p: Policy, iso: string | null) => void, allowBlank: boolean): Apply {
  return (p, v, system) => {
    if (isBlank(v) && allowBlank) {
      set(p, null);
      return null;
    }
    const d = readDate(v, system);
    if (!d.ok) return `must be a date (found ${describe(v)})`;
    set(p, d.value);
    return null;
  };
}

/** A number setting (blank keeps the default); `problem` says what the number must be, or null when it is fine. */
function amount(set: (p: Policy, value: Decimal) => void, problem: (d: Decimal | null) => string | null): Apply {
  return (p, v) => {
    if (isBlank(v)) return null;
    const n = readNumber(v);
    const wrong = problem(n.ok ? n.value : null);
    if (wrong) return `must be ${wrong} (found ${describe(v)})`;
    if (n.ok) set(p, n.value);
    return null;
  };
}

const money = (set: (p: Policy, value: Decimal) => void) =>
  amount(set, (d) => (d === null || d.isNegative() ? "a dollar amount of 0 or more" : d.gte(MAX_AMOUNT) ? "below $1,000,000,000,000" : null));
/** Basis points below 100%: an offset or fee of 10,000 bps would price an order at $0.00. */
const bps = (set: (p: Policy, value: Decimal) => void) =>
  amount(set, (d) => (d === null || d.isNegative() || d.gte(10000) ? "basis points from 0 to below 10000 (100%)" : null));

/** A band setting: a percent, or None / Off to not apply it; blank keeps the default. */
function band(set: (p: Policy, value: number | null) => void): Apply {
  return (p, v) => {
    if (isBlank(v)) return null;
    const b = readBand(v);
    if (!b.ok) return `${b.problem} (found ${describe(v)})`;
    set(p, b.value);
    return null;
  };
}

/** A tax rate: a percent from 0% to 100% (blank keeps it unset). */
function taxRate(set: (p: Policy, rate: number) => void): Apply {
  return (p, v) => {
    if (isBlank(v)) return null;
    const n = readPercent(v);
    if (!n.ok || n.value < 0 || n.value > 1) return `must be a percent from 0% to 100%, like 24% (found ${describe(v)})`;
    set(p, n.value);
    return null;
  };
}

const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A month and day as "MM-DD": from "12-31", "12/31", "Dec 31" or a date cell (its year ignored); null when it is none. */
function readMonthDay(v: CellValue, system: DateSystem): string | null {
  const of = (m: number, d: number) => (m >= 1 && m <= 12 && d >= 1 && d <= MONTH_DAYS[m - 1] ? `${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}` : null);
  if (typeof v === "string") {
    const t = v.trim();
    const numeric = /^(\d{1,2})[-/](\d{1,2})$/.exec(t);
    if (numeric) return of(Number(numeric[1]), Number(numeric[2]));
    const named = /^([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2})$/.exec(t);
    if (named) {
      const m = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].indexOf(named[1].toLowerCase());
      return m < 0 ? null : of(m + 1, Number(named[2]));
    }
  }
  const d = readDate(v, system);
  return d.ok ? d.value.slice(5) : null;
}

/** Settings this version understands, with how each is read (Strategy's choices come from the engine). */
const settings = (strategies: StrategyChoices): Record<string, Apply> => ({
  "As Of": date((p, d) => (p.asOf = d ?? p.asOf), true),
  Trigger: choice(TRIGGERS, (p, t) => (p.trigger = t)),
  Frequency: choice(FREQUENCIES, (p, f) => (p.frequency = f)),
  "Last Rebalanced": date((p, d) => (p.lastRebalanced = d), true),
  "Abs Band": band((p, b) => (p.absBand = b)),
  "Rel Band": band((p, b) => (p.relBand = b)),
  "Rebalance To": choice(REBALANCE_TO, (p, r) => (p.rebalanceTo = r)),
  Strategy: choice(strategies, (p, s) => (p.strategy = s)),
  "Cash Flow": (p, v) => {
    if (isBlank(v)) return null;
    if (normalizeKey(v) === "rmd") {
      p.rmdFlow = true;
      return null;
    }
    const n = readNumber(v);
    if (!n.ok) return `must be a dollar amount (positive to contribute, negative to withdraw) or RMD (found ${describe(v)})`;
    if (n.value.abs().gte(MAX_AMOUNT)) return `must be below $1,000,000,000,000 either way (found ${describe(v)})`;
    p.cashFlow = n.value;
    return null;
  },
  "Cash Flow Account": (p, v) => {
    p.cashFlowAccount = isBlank(v) ? null : String(v).trim();
    return null;
  },
  "Sell Order": choice(SELL_ORDERS, (p, o) => (p.sellOrder = o)),
  "Lot Order": choice(LOT_ORDERS, (p, o) => (p.lotOrder = o)),
  "Max Valuation Age": (p, v) => {
    if (isBlank(v)) return null;
    const n = readNumber(v);
    if (!n.ok || n.value.lt(1) || !n.value.isInteger()) return `must be a whole number of days, 1 or more (found ${describe(v)})`;
    p.maxValuationAge = n.value.toNumber();
    return null;
  },
  "Valuation Deadline": (p, v, system) => {
    if (isBlank(v)) return null;
    const md = readMonthDay(v, system);
    if (!md) return `must be a month and day, like 12-31 or 1/31 (found ${describe(v)})`;
    p.valuationDeadline = md;
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
  "Owner Birth Date": date((p, d) => (p.ownerBirthDate = d), true),
  "RMD In Kind": choice(["No", "Allowed"] as const, (p, v) => (p.rmdInKind = v === "Allowed")),
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
  Optimizer: choice(OPTIMIZERS, (p, o) => (p.optimizer = o)),
  "Solver Time Limit": (p, v) => {
    if (isBlank(v)) return null;
    const n = readNumber(v);
    if (!n.ok || n.value.lte(0) || n.value.gt(MAX_SOLVER_TIME_LIMIT)) return `must be a number of seconds above 0, at most ${MAX_SOLVER_TIME_LIMIT} (found ${describe(v)})`;
    p.solverTimeLimit = n.value.toNumber();
    return null;
  },
  "Max Turnover": (p, v) => {
    if (isBlank(v)) return null;
    const n = readPercent(v);
    if (!n.ok || n.value < 0 || n.value > 1) return `must be a percent of the household from 0% to 100%, like 10% (found ${describe(v)})`;
    p.maxTurnover = n.value;
    return null;
  },
  "Fewest Trades": (p, v) => {
    if (isBlank(v)) return null;
    const yn = readYesNo(v);
    if (!yn.ok) return `must be Yes or No (found ${describe(v)})`;
    p.fewestTrades = yn.value;
    return null;
  },
  "Short Term Tax Rate": taxRate((p, r) => (p.shortTermTaxRate = r)),
  "Long Term Tax Rate": taxRate((p, r) => (p.longTermTaxRate = r)),
  "Tax Budget": money((p, m) => (p.taxBudget = m)),
  "Returns Are": choice(RETURNS_ARE, (p, r) => (p.returnsAre = r)),
  "Periods Per Year": (p, v) => {
    if (isBlank(v)) return null;
    const n = readNumber(v);
    if (!n.ok || n.value.lt(1) || n.value.gt(366) || !n.value.isInteger()) return `must be a whole number from 1 to 366, like 12 for monthly returns (found ${describe(v)})`;
    p.periodsPerYear = n.value.toNumber();
    return null;
  },
});

export const KNOWN_SETTINGS = Object.keys(settings([""]));

/** Seconds HiGHS may take by default, and at most. */
export const DEFAULT_SOLVER_TIME_LIMIT = 2;
export const MAX_SOLVER_TIME_LIMIT = 600;

/** The Policy's default bands: 5 percentage points absolute, 25% of the target relative. */
export const DEFAULT_ABS_BAND = 0.05;
export const DEFAULT_REL_BAND = 0.25;

/** The policy of a workbook without a Policy range; `strategy` is the registry's default. */
export function defaultPolicy(strategy: string, today: string = todayIso()): Policy {
  return {
    asOf: today,
    trigger: "Band",
    frequency: "Annual",
    lastRebalanced: null,
    absBand: DEFAULT_ABS_BAND,
    relBand: DEFAULT_REL_BAND,
    rebalanceTo: "Target",
    strategy,
    minTrade: new Decimal(0),
    feePerTrade: new Decimal(0),
    feeBps: new Decimal(0),
    cashReserve: new Decimal(0),
    limitOffsetBps: new Decimal(0),
    fractional: false,
    cashFlow: new Decimal(0),
    cashFlowAccount: null,
    rmdFlow: false,
    rmdInKind: false,
    ownerBirthDate: null,
    sellOrder: "Most Overweight",
    lotOrder: "HIFO",
    maxValuationAge: 365,
    valuationDeadline: "12-31",
    contributionLimit: new Decimal(7500),
    ownerAge: null,
    optimizer: "Optimal",
    solverTimeLimit: DEFAULT_SOLVER_TIME_LIMIT,
    maxTurnover: null,
    fewestTrades: false,
    shortTermTaxRate: null,
    longTermTaxRate: null,
    taxBudget: null,
    returnsAre: "Returns",
    periodsPerYear: null,
    refs: {},
  };
}

/** Reads the Policy range over the defaults; every problem is pushed to errors. */
export function readPolicy(range: RangeSnapshot | undefined, errors: ContractError[], strategies: StrategyChoices, today?: string, system: DateSystem = 1900): Policy {
  const policy = defaultPolicy(strategies[0], today);
  const SETTINGS = settings(strategies);
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
    const ref = row.ref("Setting");
    const name = findChoice(KNOWN_SETTINGS, settingCell);
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
    const problem = SETTINGS[name](policy, row.get("Value"), system);
    if (problem) errors.push(contractError(valueRef.sheet, valueRef.cell, `${name} ${problem}`));
  }
  // Checks between settings, once every row is read (As Of may come after Last Rebalanced).
  const last = policy.refs["Last Rebalanced"];
  if (last && policy.lastRebalanced !== null && policy.lastRebalanced > policy.asOf) {
    errors.push(contractError(last.sheet, last.cell, `Last Rebalanced (${policy.lastRebalanced}) is after As Of (${policy.asOf})`));
  }
  const born = policy.refs["Owner Birth Date"];
  if (born && policy.ownerBirthDate !== null) {
    if (policy.ownerBirthDate > policy.asOf) {
      errors.push(contractError(born.sheet, born.cell, `Owner Birth Date ${policy.ownerBirthDate} is after As Of (${policy.asOf}): a birth date cannot be in the future`));
      policy.ownerBirthDate = null;
    }
    const age = policy.refs["Owner Age"];
    if (age && policy.ownerAge !== null) {
      errors.push(contractError(age.sheet, age.cell, "Owner Age is derived from Owner Birth Date when that is given; leave Owner Age blank"));
    }
  }
  return policy;
}

/** The Policy range (src/contract/policy.ts): defaults, each setting's good and bad values, unknown and repeated settings. */
import Decimal from "decimal.js";
import { ContractError } from "../../src/contract/errors";
import { KNOWN_SETTINGS, readPolicy } from "../../src/contract/policy";
import { Policy } from "../../src/contract/portfolio";
import { CellValue, RangeSnapshot } from "../../src/contract/snapshot";
import { StrategyChoices } from "../../src/contract/vocabulary";

const STRATEGIES: StrategyChoices = ["Full", "Cash Flow", "Tax Aware"];
const TODAY = "2026-11-20";

/** A Policy range at A1 of the sheet "Policy": a Setting | Value header, then the rows (the first in row 2). */
const policyRange = (rows: CellValue[][], at: Partial<RangeSnapshot> = {}): RangeSnapshot => ({
  name: "Policy",
  sheet: "Policy",
  top: 1,
  left: 1,
  values: [["Setting", "Value"], ...rows],
  numberFormats: [],
  ...at,
});

function read(rows: CellValue[][] | undefined, strategies: StrategyChoices = STRATEGIES, at: Partial<RangeSnapshot> = {}) {
  const errors: ContractError[] = [];
  const policy = readPolicy(rows && policyRange(rows, at), errors, strategies, TODAY);
  return { policy, texts: errors.map((e) => e.text) };
}

/** A policy field as a plain value (Decimals as their text). */
const shown = (policy: Policy, field: keyof Policy) => {
  const v = policy[field];
  return v instanceof Decimal ? v.toString() : v;
};

describe("defaults", () => {
  test("without a Policy range", () => {
    const { policy, texts } = read(undefined);
    expect(texts).toEqual([]);
    expect({ ...policy, minTrade: 0, feePerTrade: 0, feeBps: 0, cashReserve: 0, limitOffsetBps: 0, cashFlow: 0, contributionLimit: 0 }).toEqual({
      asOf: TODAY,
      trigger: "Band",
      frequency: "Annual",
      lastRebalanced: null,
      absBand: 0.05,
      relBand: 0.25,
      rebalanceTo: "Target",
      strategy: "Full",
      minTrade: 0,
      feePerTrade: 0,
      feeBps: 0,
      cashReserve: 0,
      limitOffsetBps: 0,
      fractional: false,
      cashFlow: 0,
      cashFlowAccount: null,
      sellOrder: "Most Overweight",
      lotOrder: "HIFO",
      maxValuationAge: 365,
      contributionLimit: 0,
      ownerAge: null,
      ownerBirthDate: null,
      rmdFlow: false,
      rmdInKind: false,
      valuationDeadline: "12-31",
      optimizer: "Optimal",
      solverTimeLimit: 2,
      maxTurnover: null,
      fewestTrades: false,
      shortTermTaxRate: null,
      longTermTaxRate: null,
      taxBudget: null,
      returnsAre: "Returns",
      periodsPerYear: null,
      refs: {},
    });
    for (const field of ["minTrade", "feePerTrade", "feeBps", "cashReserve", "limitOffsetBps", "cashFlow"] as const) expect(shown(policy, field)).toBe("0");
    expect(shown(policy, "contributionLimit")).toBe("7500");
  });

  test("a range with only its header row changes nothing", () => {
    expect(read([])).toEqual(read(undefined));
  });

  test("a setting whose Value is blank keeps its default (bands, choices, amounts, dates alike)", () => {
    const blanks = ["Trigger", "Frequency", "Abs Band", "Rel Band", "Rebalance To", "Strategy", "Sell Order", "Lot Order", "Fractional", "Min Trade", "Cash Reserve"].map((s) => [s, null]);
    const { policy, texts } = read([...blanks, ["Last Rebalanced", ""]]);
    expect(texts).toEqual([]);
    const defaults = read(undefined).policy;
    for (const field of ["trigger", "frequency", "absBand", "relBand", "rebalanceTo", "strategy", "sellOrder", "lotOrder", "fractional", "lastRebalanced"] as const) {
      expect({ field, value: policy[field] }).toEqual({ field, value: defaults[field] });
    }
    // None still turns a band off.
    expect(read([["Abs Band", "None"]]).policy.absBand).toBeNull();
  });

  test("the first strategy passed is the default", () => {
    expect(read(undefined, ["Tax Aware", "Full"]).policy.strategy).toBe("Tax Aware");
  });
});

describe("good values", () => {
  test.each<[string, CellValue, keyof Policy, unknown]>([
    ["As Of", "2026-03-15", "asOf", "2026-03-15"],
    ["As Of", 46053, "asOf", "2026-01-31"],
    ["As Of", null, "asOf", TODAY],
    ["Trigger", "calendar", "trigger", "Calendar"],
    ["Trigger", " HYBRID ", "trigger", "Hybrid"],
    ["Frequency", "quarterly", "frequency", "Quarterly"],
    ["Frequency", "Semi annual", "frequency", "Semiannual"],
    ["Last Rebalanced", "3/15/2026", "lastRebalanced", "2026-03-15"],
    ["Last Rebalanced", "", "lastRebalanced", null],
    ["Abs Band", "3%", "absBand", 0.03],
    ["Abs Band", "None", "absBand", null],
    ["Rel Band", 0.1, "relBand", 0.1],
    ["Rel Band", "off", "relBand", null],
    ["Rebalance To", "band edge", "rebalanceTo", "Band Edge"],
    ["Optimizer", "greedy", "optimizer", "Greedy"],
    ["Optimizer", "OPTIMAL", "optimizer", "Optimal"],
    ["Solver Time Limit", 0.5, "solverTimeLimit", 0.5],
    ["Max Turnover", "10%", "maxTurnover", 0.1],
    ["Max Turnover", 0, "maxTurnover", 0],
    ["Fewest Trades", "yes", "fewestTrades", true],
    ["Fewest Trades", false, "fewestTrades", false],
    ["Short Term Tax Rate", "37%", "shortTermTaxRate", 0.37],
    ["Long Term Tax Rate", 0.15, "longTermTaxRate", 0.15],
    ["Tax Budget", "$5,000", "taxBudget", "5000"],
    ["Tax Budget", 0, "taxBudget", "0"],
    ["Solver Time Limit", 600, "solverTimeLimit", 600],
    ["Rebalance To", "Halfway", "rebalanceTo", "Halfway"],
    ["Strategy", "tax aware", "strategy", "Tax Aware"],
    ["Strategy", "Cash Flow", "strategy", "Cash Flow"],
    ["Cash Flow", "-$5,000", "cashFlow", "-5000"],
    ["Cash Flow", 1200.5, "cashFlow", "1200.5"],
    ["Cash Flow", null, "cashFlow", "0"],
    ["Cash Flow Account", " Roth ", "cashFlowAccount", "Roth"],
    ["Cash Flow Account", 401, "cashFlowAccount", "401"],
    ["Cash Flow Account", "", "cashFlowAccount", null],
    ["Sell Order", "highest gain first", "sellOrder", "Highest Gain First"],
    ["Lot Order", "min tax", "lotOrder", "Min Tax"],
    ["Lot Order", "fifo", "lotOrder", "FIFO"],
    ["Max Valuation Age", 90, "maxValuationAge", 90],
    ["Max Valuation Age", "1", "maxValuationAge", 1],
    ["Contribution Limit", "$8,600", "contributionLimit", "8600"],
    ["Owner Age", 52, "ownerAge", 52],
    ["Owner Age", 130, "ownerAge", 130],
    ["Min Trade", 100, "minTrade", "100"],
    ["Fee Per Trade", "$4.95", "feePerTrade", "4.95"],
    ["Fee Bps", 9999, "feeBps", "9999"],
    ["Fee Bps", 0, "feeBps", "0"],
    ["Cash Reserve", "2,500", "cashReserve", "2500"],
    ["Limit Offset Bps", 25, "limitOffsetBps", "25"],
    ["Fractional", "Yes", "fractional", true],
    ["Fractional", "n", "fractional", false],
  ])("%s = %p sets %s to %p", (setting, cell, field, expected) => {
    const { policy, texts } = read([[setting, cell]]);
    expect(texts).toEqual([]);
    expect(shown(policy, field)).toEqual(expected);
    expect(policy.refs[setting]).toEqual({ sheet: "Policy", cell: "B2" });
  });

  test("setting names are matched ignoring case, spaces and underscores", () => {
    const { policy, texts } = read([
      ["ABSBAND", "2%"],
      ["last_rebalanced", "2026-01-31"],
      ["  rebalance   to ", "Halfway"],
    ]);
    expect(texts).toEqual([]);
    expect([policy.absBand, policy.lastRebalanced, policy.rebalanceTo]).toEqual([0.02, "2026-01-31", "Halfway"]);
    expect(Object.keys(policy.refs)).toEqual(["Abs Band", "Last Rebalanced", "Rebalance To"]);
  });
});

describe("bad values", () => {
  test.each<[string, CellValue, string]>([
    ["As Of", "soon", 'As Of must be a date (found "soon")'],
    ["Trigger", "Drift", 'Trigger must be one of Band, Calendar, Hybrid (found "Drift")'],
    ["Frequency", "Weekly", 'Frequency must be one of Monthly, Quarterly, Semiannual, Annual (found "Weekly")'],
    ["Last Rebalanced", 0, "Last Rebalanced must be a date (found 0)"],
    ["Last Rebalanced", "2026-02-30", 'Last Rebalanced must be a date (found "2026-02-30")'],
    ["Abs Band", 1.5, "Abs Band must be a percent from 0% to 100%, like 5% or 0.05, or None (found 1.5)"],
    ["Rel Band", "-5%", 'Rel Band must be a percent from 0% to 100%, like 5% or 0.05, or None (found "-5%")'],
    ["Rebalance To", "Edge", 'Rebalance To must be one of Target, Band Edge, Halfway (found "Edge")'],
    ["Strategy", "Lazy", 'Strategy must be one of Full, Cash Flow, Tax Aware (found "Lazy")'],
    ["Cash Flow", "lots", 'Cash Flow must be a dollar amount (positive to contribute, negative to withdraw) or RMD (found "lots")'],
    ["Sell Order", "Random", 'Sell Order must be one of Most Overweight, Highest Gain First, Lowest Gain First (found "Random")'],
    ["Lot Order", "LIFO", 'Lot Order must be one of HIFO, FIFO, Min Tax (found "LIFO")'],
    ["Max Valuation Age", 0, "Max Valuation Age must be a whole number of days, 1 or more (found 0)"],
    ["Max Valuation Age", 1.5, "Max Valuation Age must be a whole number of days, 1 or more (found 1.5)"],
    ["Contribution Limit", -1, "Contribution Limit must be a dollar amount of 0 or more (found -1)"],
    ["Owner Age", 131, "Owner Age must be a whole number of years (found 131)"],
    ["Owner Age", 50.5, "Owner Age must be a whole number of years (found 50.5)"],
    ["Min Trade", "-$10", 'Min Trade must be a dollar amount of 0 or more (found "-$10")'],
    ["Fee Per Trade", "free", 'Fee Per Trade must be a dollar amount of 0 or more (found "free")'],
    ["Fee Bps", 10000, "Fee Bps must be basis points from 0 to below 10000 (100%) (found 10000)"],
    ["Cash Reserve", -100, "Cash Reserve must be a dollar amount of 0 or more (found -100)"],
    ["Limit Offset Bps", -1, "Limit Offset Bps must be basis points from 0 to below 10000 (100%) (found -1)"],
    ["Fractional", "maybe", 'Fractional must be Yes or No (found "maybe")'],
    ["Optimizer", "Best", 'Optimizer must be one of Optimal, Greedy (found "Best")'],
    ["Fewest Trades", "few", 'Fewest Trades must be Yes or No (found "few")'],
    ["Max Turnover", -0.1, "Max Turnover must be a percent of the household from 0% to 100%, like 10% (found -0.1)"],
    ["Max Turnover", "150%", 'Max Turnover must be a percent of the household from 0% to 100%, like 10% (found "150%")'],
    ["Short Term Tax Rate", -0.1, "Short Term Tax Rate must be a percent from 0% to 100%, like 24% (found -0.1)"],
    ["Long Term Tax Rate", "120%", 'Long Term Tax Rate must be a percent from 0% to 100%, like 24% (found "120%")'],
    ["Tax Budget", -1000, "Tax Budget must be a dollar amount of 0 or more (found -1000)"],
    ["Solver Time Limit", 0, "Solver Time Limit must be a number of seconds above 0, at most 600 (found 0)"],
    ["Solver Time Limit", -2, "Solver Time Limit must be a number of seconds above 0, at most 600 (found -2)"],
    ["Solver Time Limit", 601, "Solver Time Limit must be a number of seconds above 0, at most 600 (found 601)"],
    ["Solver Time Limit", "soon", 'Solver Time Limit must be a number of seconds above 0, at most 600 (found "soon")'],
  ])("%s = %p", (setting, cell, message) => {
    expect(read([[setting, cell]]).texts).toEqual([`Policy!B2: ${message}`]);
  });

  test("a bad value leaves the default in place", () => {
    const { policy } = read([
      ["Trigger", "Drift"],
      ["Max Valuation Age", 0],
      ["Fee Bps", 10001],
    ]);
    expect([policy.trigger, policy.maxValuationAge, policy.feeBps.toString()]).toEqual(["Band", 365, "0"]);
  });
});

describe("strategies come from the caller", () => {
  test("a name passed is accepted, in its own spelling", () => {
    expect(read([["Strategy", "LAZY"]], ["Full", "Lazy"]).policy.strategy).toBe("Lazy");
  });

  test("a name not passed is refused, the choices listed in the order given", () => {
    expect(read([["Strategy", "Cash Flow"]], ["Tax Aware", "Full"]).texts).toEqual(['Policy!B2: Strategy must be one of Tax Aware, Full (found "Cash Flow")']);
  });
});

describe("settings", () => {
  test("KNOWN_SETTINGS, in the order messages list them", () => {
    expect(KNOWN_SETTINGS).toEqual([
      "As Of",
      "Trigger",
      "Frequency",
      "Last Rebalanced",
      "Abs Band",
      "Rel Band",
      "Rebalance To",
      "Strategy",
      "Cash Flow",
      "Cash Flow Account",
      "Sell Order",
      "Lot Order",
      "Max Valuation Age",
      "Valuation Deadline",
      "Contribution Limit",
      "Owner Age",
      "Owner Birth Date",
      "RMD In Kind",
      "Min Trade",
      "Fee Per Trade",
      "Fee Bps",
      "Cash Reserve",
      "Limit Offset Bps",
      "Fractional",
      "Optimizer",
      "Solver Time Limit",
      "Max Turnover",
      "Fewest Trades",
      "Short Term Tax Rate",
      "Long Term Tax Rate",
      "Tax Budget",
      "Returns Are",
      "Periods Per Year",
    ]);
  });

  test("an unknown setting lists the known ones", () => {
    expect(read([["Drift Band", "5%"]]).texts).toEqual([
      'Policy!A2: Unknown policy setting "Drift Band"; known settings: As Of, Trigger, Frequency, Last Rebalanced, Abs Band, Rel Band, Rebalance To, Strategy, Cash Flow, Cash Flow Account, Sell Order, Lot Order, Max Valuation Age, Valuation Deadline, Contribution Limit, Owner Age, Owner Birth Date, RMD In Kind, Min Trade, Fee Per Trade, Fee Bps, Cash Reserve, Limit Offset Bps, Fractional, Optimizer, Solver Time Limit, Max Turnover, Fewest Trades, Short Term Tax Rate, Long Term Tax Rate, Tax Budget, Returns Are, Periods Per Year',
    ]);
  });

  test("a setting given twice is reported at its second row; the first value stands", () => {
    const { policy, texts } = read([
      ["Trigger", "Calendar"],
      ["Frequency", "Monthly"],
      ["trigger", "Hybrid"],
    ]);
    expect(texts).toEqual(['Policy!A4: Policy setting "Trigger" is given twice (also in A2)']);
    expect(policy.trigger).toBe("Calendar");
    expect(policy.refs["Trigger"]).toEqual({ sheet: "Policy", cell: "B2" });
  });

  test("every problem is reported, in row order", () => {
    expect(
      read([
        ["Trigger", "Drift"],
        ["Colour", "Blue"],
        ["Owner Age", -1],
        ["Trigger", "Band"],
      ]).texts,
    ).toEqual([
      'Policy!B2: Trigger must be one of Band, Calendar, Hybrid (found "Drift")',
      expect.stringMatching(/^Policy!A3: Unknown policy setting "Colour"; known settings: As Of, /),
      "Policy!B4: Owner Age must be a whole number of years (found -1)",
      'Policy!A5: Policy setting "Trigger" is given twice (also in A2)',
    ]);
  });

  test("a range placed elsewhere, on a sheet whose name needs quotes, is addressed there", () => {
    const { policy, texts } = read(
      [
        ["Strategy", "Tax Aware"],
        ["Lot Order", "LIFO"],
      ],
      STRATEGIES,
      { sheet: "Plan Settings", top: 3, left: 4 },
    );
    expect(texts).toEqual([`'Plan Settings'!E5: Lot Order must be one of HIFO, FIFO, Min Tax (found "LIFO")`]);
    expect(policy.refs["Strategy"]).toEqual({ sheet: "Plan Settings", cell: "E4" });
  });

  test("columns in any order; a missing Value column is reported and the defaults kept", () => {
    const errors: ContractError[] = [];
    const range: RangeSnapshot = { name: "Policy", sheet: "Policy", top: 1, left: 1, values: [["Value", "Setting"], ["Monthly", "Frequency"]], numberFormats: [] };
    expect(readPolicy(range, errors, STRATEGIES, TODAY).frequency).toBe("Monthly");
    expect(errors).toEqual([]);
    const noValue: RangeSnapshot = { ...range, values: [["Setting"], ["Frequency"]] };
    const policy = readPolicy(noValue, errors, STRATEGIES, TODAY);
    expect(errors.map((e) => e.text)).toEqual([
      'Policy!A1: Policy is missing the required column "Value" (headers are read from row 1, A1:A1; case and spaces are ignored)',
    ]);
    expect(policy.frequency).toBe("Annual");
  });
});

/** fast-check generators of random households (several accounts, lots, locked rows, fees, lot sizes). */
import fc from "fast-check";
import { AccountType, Portfolio, RebalanceTo } from "../../src/contract/portfolio";
import { StrategyName } from "../../src/engine/strategies/registry";
import Decimal from "decimal.js";
import { accounts, LotSpec, location, policy, portfolio, targets } from "./portfolio";
import { raisableCash } from "../../src/contract/cross-checks";

/** Runs per property: 2,000 in `npm test`, more with PROP_RUNS (npm run test:props sets 10,000). */
export const PROP_RUNS = Number(process.env.PROP_RUNS ?? 2000);
/** Fixed so CI runs repeat; override with PROP_SEED to explore. */
export const PROP_SEED = Number(process.env.PROP_SEED ?? 20261120);

const CLASSES = ["Stocks", "Bonds", "Real Estate", "Gold", "Notes"];

/** A position's lots; `restrict` draws Do Not Buy / Do Not Sell (without it, no draw: the households of the other suites are unchanged). */
const positionArb = (restrict: boolean) => fc.record({
  classIndex: fc.nat({ max: CLASSES.length - 1 }),
  priceCents: fc.integer({ min: 100, max: 50000 }),
  lotSize: fc.constantFrom(0, 1, 1, 1, 10, 100),
  /** 0 = Do Not Buy (with `restrictions`). */
  noBuy: restrict ? fc.nat({ max: 7 }) : fc.constant(1),
  lots: fc.array(
    fc.record({
      quantity: fc.integer({ min: 0, max: 3000 }),
      locked: fc.nat({ max: 9 }),
      /** Cost per unit as a multiple of the price (gain or loss); 0 = no cost basis given. */
      costFactor: fc.constantFrom(0, 0.3, 0.8, 1, 1.25, 2),
      heldDays: fc.integer({ min: 1, max: 4000 }),
      /** 0 = Do Not Sell (with `restrictions`). */
      keep: restrict ? fc.nat({ max: 7 }) : fc.constant(1),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});

const accountArb = (restrict: boolean) =>
  fc.record({
    cashCents: fc.integer({ min: 0, max: 5_000_000 }),
    positions: fc.array(positionArb(restrict), { minLength: 0, maxLength: 6 }),
  });

export interface HouseholdOptions {
  rebalanceTo?: RebalanceTo[];
  strategies?: StrategyName[];
  /** Add a random contribution or a feasible withdrawal. */
  cashFlows?: boolean;
  /**
   * Add the advisor's restrictions and costs at random: Do Not Buy / Do Not Sell rows, Policy Max Turnover,
   * Tax Budget, Short and Long Term Tax Rate, Fewest Trades, and a Location range.
   */
  restrictions?: boolean;
}

const TYPES: AccountType[] = ["Traditional IRA", "Roth IRA", "Taxable", "Taxable", "SEP IRA"];

export function householdArb(options: HouseholdOptions = {}): fc.Arbitrary<Portfolio> {
  return fc
    .record({
      accounts: fc.array(accountArb(options.restrictions === true), { minLength: 1, maxLength: 4 }),
      classCount: fc.integer({ min: 2, max: CLASSES.length }),
      weights: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: CLASSES.length + 1, maxLength: CLASSES.length + 1 }),
      cashTarget: fc.boolean(),
      feePerTrade: fc.constantFrom(0, 0, 1, 4.95, 10),
      feeBps: fc.constantFrom(0, 0, 5, 25),
      reserve: fc.constantFrom(0, 0, 100, 500, 2500),
      minTrade: fc.constantFrom(0, 0, 50, 250),
      limitOffsetBps: fc.constantFrom(0, 10, 25),
      rebalanceTo: fc.constantFrom<RebalanceTo>(...(options.rebalanceTo ?? ["Target", "Band Edge", "Halfway"])),
      absBand: fc.constantFrom(0.01, 0.05, 0.1),
      strategy: fc.constantFrom<StrategyName>(...(options.strategies ?? ["Full"])),
      types: fc.array(fc.nat({ max: TYPES.length - 1 }), { minLength: 4, maxLength: 4 }),
      flow: options.cashFlows ? fc.integer({ min: -100, max: 100 }) : fc.constant(0),
      flowSize: fc.integer({ min: 1, max: 100_000 }),
      flowAccount: fc.nat({ max: 3 }),
      sellOrder: fc.constantFrom("Most Overweight" as const, "Highest Gain First" as const, "Lowest Gain First" as const),
      lotOrder: fc.constantFrom("HIFO" as const, "FIFO" as const, "Min Tax" as const),
      restricted: options.restrictions
        ? fc.record({
            maxTurnover: fc.constantFrom<number | null>(null, null, null, 0.02, 0.1, 0.3),
            taxBudget: fc.constantFrom<number | null>(null, null, null, 0, 1000, 25000),
            taxRates: fc.constantFrom<[number | null, number | null]>([null, null], [null, null], [0.37, 0.2], [0.24, 0.15], [0, 0]),
            fewestTrades: fc.constantFrom(false, false, false, true),
            location: fc.array(fc.record({ classIndex: fc.nat({ max: CLASSES.length - 1 }), type: fc.nat({ max: TYPES.length - 1 }) }), { maxLength: 3 }),
          })
        : fc.constant(null),
    })
    .map((h) => {
      const r = h.restricted;
      const classes = CLASSES.slice(0, h.classCount);
      const names = h.cashTarget ? [...classes, "Cash"] : classes;
      const raw = names.map((_, i) => h.weights[i]);
      const sum = raw.reduce((s, w) => s + w, 0);
      // Targets in basis points so they sum to exactly 1.
      const bps = raw.map((w) => Math.floor((w / sum) * 10000));
      bps[0] += 10000 - bps.reduce((s, b) => s + b, 0);
      const t: Record<string, number> = {};
      names.forEach((n, i) => (t[n] = bps[i] / 10000));

      const lots: LotSpec[] = [];
      h.accounts.forEach((a, ai) => {
        const account = `Acct ${ai + 1}`;
        lots.push({ account, symbol: "CASH", quantity: (a.cashCents / 100).toFixed(2) });
        a.positions.forEach((p, pi) => {
          const assetClass = classes[p.classIndex % classes.length];
          p.lots.forEach((l) =>
            lots.push({
              account,
              symbol: `S${ai}${pi}`,
              assetClass,
              quantity: l.quantity,
              price: (p.priceCents / 100).toFixed(2),
              lotSize: p.lotSize,
              tradable: l.locked !== 0,
              doNotSell: options.restrictions === true && l.keep === 0,
              doNotBuy: options.restrictions === true && p.noBuy === 0,
              costBasis: l.costFactor === 0 ? undefined : ((l.quantity * p.priceCents * l.costFactor) / 100).toFixed(2),
              acquired: new Date(Date.UTC(2026, 10, 20) - l.heldDays * 86400000).toISOString().slice(0, 10),
            }),
          );
        });
      });
      const accountRows = accounts(Object.fromEntries(h.accounts.map((_, ai) => [`Acct ${ai + 1}`, TYPES[h.types[ai]]])));
      const flowAccount = `Acct ${(h.flowAccount % h.accounts.length) + 1}`;
      let cashFlow = 0;
      if (h.flow > 0) cashFlow = h.flowSize;
      else if (h.flow < 0) {
        // A withdrawal the account can certainly raise: at most half of its cash and tradable holdings above the reserve.
        const own = portfolio(lots, [], policy()).holdings.filter((x) => x.account === flowAccount);
        const raisable = raisableCash(own).minus(h.reserve).div(2);
        cashFlow = -Math.min(h.flowSize, Math.floor(raisable.toNumber()));
      }
      return portfolio(
        lots,
        targets(t),
        policy({
          strategy: h.strategy,
          cashFlow,
          cashFlowAccount: flowAccount,
          sellOrder: h.sellOrder,
          lotOrder: h.lotOrder,
          feePerTrade: h.feePerTrade,
          feeBps: h.feeBps,
          cashReserve: h.reserve,
          minTrade: h.minTrade,
          limitOffsetBps: h.limitOffsetBps,
          rebalanceTo: h.rebalanceTo,
          absBand: h.absBand,
          ...(r ? { maxTurnover: r.maxTurnover, taxBudget: r.taxBudget === null ? null : new Decimal(r.taxBudget), shortTermTaxRate: r.taxRates[0], longTermTaxRate: r.taxRates[1], fewestTrades: r.fewestTrades } : {}),
        }),
        accountRows,
        // One Location row per class at most (the contract refuses a class named twice).
        r ? location(Object.fromEntries(r.location.filter((l) => l.classIndex < classes.length).map((l) => [classes[l.classIndex], TYPES[l.type]]))) : [],
      );
    });
}

/** Builds Portfolio objects directly (no workbook) for engine tests. */
import Decimal from "decimal.js";
import { AccountRow, AccountType, CASH_CLASS, CASH_SYMBOL, EquivalentRow, Holding, LocationRow, LookThroughRow, ModelRow, OwnerRow, Policy, Portfolio, TargetRow } from "../../src/contract/portfolio";
import { defaultPolicy } from "../../src/contract/policy";

export interface LotSpec {
  account?: string;
  symbol: string;
  assetClass?: string;
  quantity: number | string;
  price?: number | string;
  costBasis?: number | string;
  acquired?: string;
  tradable?: boolean;
  lotSize?: number | string;
  valuedOn?: string;
  doNotBuy?: boolean;
  doNotSell?: boolean;
  divisible?: boolean;
  tradeFee?: number;
  settleDays?: number;
}

export function holding(spec: LotSpec, index: number): Holding {
  const isCash = spec.symbol === CASH_SYMBOL;
  return {
    index,
    ref: { sheet: "Holdings", cell: `B${index + 2}` },
    accountRef: { sheet: "Holdings", cell: `A${index + 2}` },
    account: spec.account ?? "IRA",
    symbol: spec.symbol,
    assetClass: isCash ? CASH_CLASS : spec.assetClass ?? "Stocks",
    quantity: new Decimal(spec.quantity),
    price: new Decimal(isCash ? 1 : spec.price ?? 1),
    costBasis: spec.costBasis === undefined ? null : new Decimal(spec.costBasis),
    acquired: spec.acquired ?? null,
    tradable: spec.tradable ?? true,
    lotSize: new Decimal(isCash ? 0 : spec.lotSize ?? 1),
    valuedOn: spec.valuedOn ?? null,
    isCash,
    doNotBuy: spec.doNotBuy ?? false,
    doNotSell: spec.doNotSell ?? false,
    divisible: spec.divisible ?? false,
    tradeFee: spec.tradeFee === undefined ? null : new Decimal(spec.tradeFee),
    settleDays: spec.settleDays ?? null,
  };
}

export function targets(spec: Record<string, number | { target: number; abs?: number; rel?: number }>): TargetRow[] {
  return Object.entries(spec).map(([assetClass, v], i) => {
    const t = typeof v === "number" ? { target: v } : v;
    return { assetClass, target: t.target, absBand: t.abs ?? null, relBand: t.rel ?? null, ref: { sheet: "Targets", cell: `A${i + 2}` } };
  });
}

type PolicyOverrides = Partial<Omit<Policy, "minTrade" | "feePerTrade" | "feeBps" | "cashReserve" | "limitOffsetBps" | "cashFlow" | "contributionLimit">> & {
  cashFlow?: number;
  contributionLimit?: number;
  minTrade?: number;
  feePerTrade?: number;
  feeBps?: number;
  cashReserve?: number;
  limitOffsetBps?: number;
};

export function policy(overrides: PolicyOverrides = {}): Policy {
  const base = defaultPolicy("Full", "2026-11-20");
  const { minTrade, feePerTrade, feeBps, cashReserve, limitOffsetBps, cashFlow, contributionLimit, ...rest } = overrides;
  return {
    ...base,
    ...rest,
    minTrade: new Decimal(minTrade ?? 0),
    feePerTrade: new Decimal(feePerTrade ?? 0),
    feeBps: new Decimal(feeBps ?? 0),
    cashReserve: new Decimal(cashReserve ?? 0),
    limitOffsetBps: new Decimal(limitOffsetBps ?? 0),
    cashFlow: new Decimal(cashFlow ?? 0),
    contributionLimit: new Decimal(contributionLimit ?? 7500),
  };
}

export function portfolio(lots: readonly LotSpec[], t: TargetRow[], p: Policy = policy(), accounts: AccountRow[] = [], location: LocationRow[] = [], owners: OwnerRow[] = []): Portfolio {
  return { holdings: lots.map(holding), targets: t, policy: p, accounts, location, owners, models: [], equivalents: [], lookThrough: [] };
}

type AccountSpec = { type: AccountType; reserve?: number; owner?: string; priorYearEnd?: number; distributed?: number; contributed?: number; deferredRmd?: number };

/** Accounts rows: name → type (and optional reserve, owner and the RMD columns). */
export function accounts(spec: Record<string, AccountType | AccountSpec>): AccountRow[] {
  return Object.entries(spec).map(([account, v], i) => {
    const a: AccountSpec = typeof v === "string" ? { type: v } : v;
    return {
      account,
      type: a.type,
      cashReserve: a.reserve === undefined ? null : new Decimal(a.reserve),
      owner: a.owner ?? null,
      priorYearEnd: a.priorYearEnd === undefined ? null : new Decimal(a.priorYearEnd),
      distributedThisYear: new Decimal(a.distributed ?? 0),
      contributedThisYear: new Decimal(a.contributed ?? 0),
      deferredRmd: new Decimal(a.deferredRmd ?? 0),
      ref: { sheet: "Accounts", cell: `A${i + 2}` },
      refs: {},
    };
  });
}

/** Location rows: class → the account type preferred for buying it. */
export function location(spec: Record<string, AccountType>): LocationRow[] {
  return Object.entries(spec).map(([assetClass, preferred], i) => ({ assetClass, preferred, ref: { sheet: "Location", cell: `A${i + 2}` } }));
}

/** Owners rows: name → birth date (and optional spouse). */
export function owners(spec: Record<string, string | { birth: string; spouse?: string; sole?: boolean }>): OwnerRow[] {
  return Object.entries(spec).map(([owner, v], i) => {
    const o = typeof v === "string" ? { birth: v } : v;
    return { owner, birthDate: o.birth, spouseBirthDate: o.spouse ?? null, spouseSoleBeneficiary: o.sole ?? false, ref: { sheet: "Owners", cell: `A${i + 2}` }, birthRef: { sheet: "Owners", cell: `B${i + 2}` } };
  });
}

const ref = (sheet: string, i: number) => ({ sheet, cell: `B${i + 2}` });

/** Models rows: class → [symbol, share] pairs. */
export function models(spec: Record<string, [string, number][]>): ModelRow[] {
  return Object.entries(spec).flatMap(([assetClass, list]) => list.map(([symbol, share]) => ({ assetClass, symbol, share }))).map((r, i) => ({ ...r, ref: ref("Models", i) }));
}

/** Equivalents rows: [symbol, substitute] pairs. */
export function equivalents(pairs: [string, string][]): EquivalentRow[] {
  return pairs.map(([symbol, substitute], i) => ({ symbol, substitute, ref: ref("Equivalents", i), symbolRef: { sheet: "Equivalents", cell: `A${i + 2}` } }));
}

/** LookThrough rows: fund → class → share. */
export function lookThrough(spec: Record<string, Record<string, number>>): LookThroughRow[] {
  return Object.entries(spec).flatMap(([symbol, classes]) => Object.entries(classes).map(([assetClass, share]) => ({ symbol, assetClass, share }))).map((r, i) => ({ ...r, ref: ref("LookThrough", i) }));
}

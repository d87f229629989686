/**
 * The three-account chain the optimizer tests share. Total 100,000: Stocks 50% (target 40%), Gold 20%
 * (target 20%), Bonds 30% (target 40%). Account A holds the stocks and lists a gold fund it does not hold
 * yet; account B holds the gold and the bonds. Money never crosses accounts, so the only way from stocks
 * to bonds is through gold: A sells 10,000 of stocks and buys 10,000 of gold, B sells 10,000 of gold and
 * buys 10,000 of bonds — every class on target.
 */
import { LotSpec, targets } from "./portfolio";

export const CHAIN_LOTS: readonly LotSpec[] = [
  { account: "A", symbol: "VTI", assetClass: "Stocks", quantity: 500, price: 100 },
  { account: "A", symbol: "GLD", assetClass: "Gold", quantity: 0, price: 50 },
  { account: "B", symbol: "GLD", assetClass: "Gold", quantity: 400, price: 50 },
  { account: "B", symbol: "BND", assetClass: "Bonds", quantity: 300, price: 100 },
];

export const chainTargets = () => targets({ Stocks: 0.4, Gold: 0.2, Bonds: 0.4 });

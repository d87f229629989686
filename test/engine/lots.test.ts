/** Realised gains (src/engine/lots.ts): by lot, split short/long term, the sale's fee reducing the amount realised. */
import Decimal from "decimal.js";
import { realize } from "../../src/engine/lots";
import { holding } from "../support/portfolio";

const asOf = "2026-11-20";
// 10 units bought 2020 at $80 (long-term), 10 bought 2026-06 at $95 (short-term).
const longLot = holding({ account: "Brokerage", symbol: "VTI", assetClass: "Stocks", quantity: 10, price: 100, costBasis: 800, acquired: "2020-01-02" }, 0);
const shortLot = holding({ account: "Brokerage", symbol: "VTI", assetClass: "Stocks", quantity: 10, price: 100, costBasis: 950, acquired: "2026-06-01" }, 1);

test("without a fee: proceeds − basis per lot", () => {
  const r = realize([longLot, shortLot], new Decimal(15), new Decimal(100), asOf);
  // 10 × (100 − 80) = 200 long-term; 5 × (100 − 95) = 25 short-term.
  expect([r.longTerm.toFixed(2), r.shortTerm.toFixed(2), r.known]).toEqual(["200.00", "25.00", true]);
});

test("the fee reduces the amount realised, shared over the lots by quantity", () => {
  // $4.95 on 15 units: 3.30 on the 10 long-term units, 1.65 on the 5 short-term ones.
  const r = realize([longLot, shortLot], new Decimal(15), new Decimal(100), asOf, new Decimal("4.95"));
  expect([r.longTerm.toFixed(2), r.shortTerm.toFixed(2)]).toEqual(["196.70", "23.35"]);
});

test("a fee can turn a small gain into a loss (and so into a wash-sale candidate)", () => {
  const r = realize([shortLot], new Decimal(1), new Decimal("95.50"), asOf, new Decimal(1));
  // 95.50 − 95.00 − 1.00 = −0.50.
  expect(r.shortTerm.toFixed(2)).toBe("-0.50");
});

/**
 * RMD rules (src/engine/rules/rmd.ts) against IRS Publication 590-B: the Uniform Lifetime Table's published
 * divisors, the start ages SECURE 2.0 set, the April 1 first-year deadline, and hand-computed amounts.
 */
import Decimal from "decimal.js";
import { UNIFORM_LIFETIME, firstRmdYear, ownerRmds, requiredMinimumDistribution, uniformDivisor } from "../../../src/engine/rules/rmd";

describe("Uniform Lifetime Table (Pub. 590-B, Appendix B, Table III)", () => {
  test.each([
    [72, 27.4],
    [73, 26.5],
    [75, 24.6],
    [80, 20.2],
    [90, 12.2],
    [100, 6.4],
    [119, 2.3],
    [120, 2.0],
    [127, 2.0],
  ])("age %i → %f", (age, divisor) => expect(uniformDivisor(age)).toBe(divisor));

  test("no divisor below 72; the table runs 72–120 without a gap and only ever falls", () => {
    expect(uniformDivisor(71)).toBeNull();
    const ages = Object.keys(UNIFORM_LIFETIME).map(Number);
    expect(ages).toEqual(Array.from({ length: 49 }, (_, i) => 72 + i));
    for (let a = 73; a <= 120; a++) expect(UNIFORM_LIFETIME[a]).toBeLessThan(UNIFORM_LIFETIME[a - 1]);
  });
});

describe("the first RMD year (IRC § 401(a)(9)(C) as SECURE 2.0 § 107 set it)", () => {
  test.each([
    ["1948-06-30", 2018], // 70½ on 2018-12-30
    ["1948-07-01", 2019], // 70½ on 2019-01-01
    ["1949-07-01", 2021], // 72
    ["1950-12-31", 2022], // 72
    ["1951-01-01", 2024], // 73
    ["1959-12-31", 2032], // 73
    ["1960-01-01", 2035], // 75
  ])("born %s → %i", (birth, year) => expect(firstRmdYear(birth)).toBe(year));
});

describe("the RMD", () => {
  test("$500,000 at December 31, 2025, owner born 1951-03-10 (75 in 2026): 500,000 ÷ 24.6 = $20,325.20, due December 31", () => {
    expect(requiredMinimumDistribution(new Decimal(500000), "1951-03-10", 2026)).toEqual({
      year: 2026,
      age: 75,
      divisor: 24.6,
      amount: new Decimal("20325.20"),
      deadline: "2026-12-31",
      first: false,
    });
  });

  test("the first year (born 1953, 73 in 2026): 26.5, and it may wait until April 1, 2027", () => {
    const rmd = requiredMinimumDistribution(new Decimal(265000), "1953-08-01", 2026)!;
    expect(rmd).toMatchObject({ age: 73, divisor: 26.5, amount: new Decimal(10000), deadline: "2027-04-01", first: true });
  });

  test("none before the first year (born 1960: 75 in 2035)", () => {
    expect(requiredMinimumDistribution(new Decimal(1e6), "1960-05-05", 2034)).toBeNull();
    expect(requiredMinimumDistribution(new Decimal(1e6), "1960-05-05", 2035)).toMatchObject({ age: 75, divisor: 24.6, first: true });
  });

  test("an owner of 80: 20.2", () => {
    expect(requiredMinimumDistribution(new Decimal(101000), "1946-01-01", 2026)).toMatchObject({ age: 80, amount: new Decimal(5000) });
  });

  test("years before 2022 used the earlier tables and are refused", () => {
    expect(() => requiredMinimumDistribution(new Decimal(1000), "1945-01-01", 2021)).toThrow(RangeError);
  });
});

describe("an owner's RMDs across accounts", () => {
  // Born 1951-03-10 (75 in 2026, divisor 24.6). Two Traditional IRAs and a SEP IRA add up; the Solo 401k stands
  // alone; the Roth and the taxable account have none.
  const accounts = [
    { account: "Trad A", type: "Traditional IRA" as const, priorYearEnd: new Decimal(246000), distributedThisYear: new Decimal(4000) },
    { account: "Trad B", type: "Traditional IRA" as const, priorYearEnd: new Decimal(123000), distributedThisYear: new Decimal(0) },
    { account: "SEP", type: "SEP IRA" as const, priorYearEnd: new Decimal(49200), distributedThisYear: new Decimal(0) },
    { account: "401k", type: "Solo 401k" as const, priorYearEnd: new Decimal(73800), distributedThisYear: new Decimal(3000) },
    { account: "Roth", type: "Roth IRA" as const, priorYearEnd: new Decimal(500000), distributedThisYear: new Decimal(0) },
    { account: "Brokerage", type: "Taxable" as const, priorYearEnd: new Decimal(100000), distributedThisYear: new Decimal(0) },
  ];

  test("the IRAs: 10,000 + 5,000 + 2,000 = 17,000 required, 4,000 taken, 13,000 left from any of them; the 401k: 3,000, all taken", () => {
    const groups = ownerRmds(accounts, "1951-03-10", 2026);
    expect(groups.map((g) => [g.from, g.accounts, g.required.toFixed(2), g.distributed.toFixed(2), g.remaining.toFixed(2)])).toEqual([
      ["IRAs", ["Trad A", "Trad B", "SEP"], "17000.00", "4000.00", "13000.00"],
      ["401k", ["401k"], "3000.00", "3000.00", "0.00"],
    ]);
    expect(groups[0].rmd).toMatchObject({ age: 75, divisor: 24.6, deadline: "2026-12-31", first: false });
  });

  test("before the first RMD year: nothing", () => {
    expect(ownerRmds(accounts, "1962-01-01", 2026)).toEqual([]);
  });
});

/** How the plan's numbers are shown (src/display), the same in the runner's summary and the pane. */
import { grouped, money, percent, points, pp, price, quantity, relative } from "../../src/display";

describe("format", () => {
  test("money: cents, thousands, sign, half-up on the decimal string (no float rounding)", () => {
    expect(money("1234567.891")).toBe("$1,234,567.89");
    expect(money("0.005")).toBe("$0.01");
    expect(money("1.005")).toBe("$1.01"); // 1.005 as a float rounds down
    expect(money("-3")).toBe("-$3.00");
    expect(money("-0.001")).toBe("$0.00");
    expect(money("999.995")).toBe("$1,000.00");
  });
  test("prices keep their decimals, at least two", () => {
    expect(price("12.3456")).toBe("$12.3456");
    expect(price("250")).toBe("$250.00");
    expect(price("1234.5")).toBe("$1,234.50");
  });
  test("quantities are grouped with their decimals as given", () => {
    expect(quantity("1200")).toBe("1,200");
    expect(quantity("3.5")).toBe("3.5");
    expect(grouped("-1234.25")).toBe("-1,234.25");
  });
  test("percent, pp and relative drift", () => {
    expect(percent(0.6)).toBe("60.00%");
    expect(percent(0.56818181)).toBe("56.82%");
    expect(pp(0.0682)).toBe("+6.82 pp");
    expect(pp(-0.118)).toBe("-11.80 pp");
    expect(pp(-0.00001)).toBe("0.00 pp");
    expect(pp(0)).toBe("0.00 pp");
    expect(points(0.0123)).toBe("+1.23");
    expect(points(-0.004)).toBe("-0.40");
    expect(points(-0.00001)).toBe("0.00");
    expect(relative(0.125)).toBe("+12.5%");
    expect(relative(-0.59)).toBe("-59.0%");
    expect(relative(null)).toBe("—");
  });
});

/** The pane's theme: Office's body colour inside Office (hand-checked luminances), the browser's preference outside. */
import { luminance, themeName } from "../../src/taskpane/theme";

test("Office themes: a near-black or dark grey body is dark; a white or light grey body light", () => {
  // A near-black body, a mid-dark grey (luminance 0.133), white, a light grey.
  expect(themeName("#262626", false)).toBe("dark");
  expect(luminance("#666666")).toBeCloseTo(0.1329, 4);
  expect(themeName("#666666", false)).toBe("dark");
  expect(themeName("#FFFFFF", true)).toBe("light");
  expect(themeName("#E6E6E6", true)).toBe("light");
});

test("outside Office: light, or dark when the browser prefers it; an unreadable colour falls back the same way", () => {
  expect(themeName(null, false)).toBe("light");
  expect(themeName(null, true)).toBe("dark");
  expect(themeName("not a colour", true)).toBe("dark");
  expect(luminance("#000000")).toBe(0);
  expect(luminance("#ffffff")).toBeCloseTo(1, 10);
});

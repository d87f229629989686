/**
 * Which Fluent theme the pane uses: inside Office, Office's own theme (its body background: the dark
 * Office themes have a dark body; Colorful, White and the light greys a light one); outside Office,
 * light unless the browser prefers dark.
 */
import { Theme, webDarkTheme, webLightTheme } from "@fluentui/react-components";

export type ThemeName = "light" | "dark";

/** Relative luminance of a #RRGGBB colour (WCAG), or null when it is not one. */
export function luminance(hex: string): number | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return null;
  const [r, g, b] = m.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** officeBackground: Office.context.officeTheme.bodyBackgroundColor, or null outside Office. */
export function themeName(officeBackground: string | null, prefersDark: boolean): ThemeName {
  const l = officeBackground === null ? null : luminance(officeBackground);
  if (l !== null) return l < 0.2 ? "dark" : "light";
  return prefersDark ? "dark" : "light";
}

export function fluentTheme(name: ThemeName): Theme {
  return name === "dark" ? webDarkTheme : webLightTheme;
}

/** Chart data as the pane draws it: named series of (ISO date, value) points, thinned to what a pane can show. */
export interface ChartPoint {
  /** ISO date. */
  x: string;
  y: number;
}

export interface ChartSeries {
  name: string;
  points: ChartPoint[];
}

/**
 * At most `max` points of a series, evenly spaced, always keeping the first and the last: 25,000
 * daily values drawn as 25,000 SVG points would slow the pane and show nothing more.
 */
export function thin<T>(points: T[], max: number): T[] {
  if (points.length <= max || max < 2) return points;
  const step = (points.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => points[Math.round(i * step)]);
}

/** On a log axis only 1, 2 and 5 × 10^k are labelled: every minor tick labelled runs the labels together. */
export function isRoundOnLog(y: number): boolean {
  if (!(y > 0)) return false;
  const lead = y / 10 ** Math.floor(Math.log10(y) + 1e-9);
  return [1, 2, 5].some((d) => Math.abs(lead - d) < 1e-6);
}

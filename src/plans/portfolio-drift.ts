/** Portfolio drift: half the sum of |weight − target| over the classes (the share of the household that sits in the wrong class; the measure Betterment publishes). */
export function portfolioDrift(classes: { weight: number; target: number }[]): number {
  const drift = classes.reduce((s, c) => s + Math.abs(c.weight - c.target), 0) / 2;
  return Math.round(drift * 1e10) / 1e10;
}

/** A1 helpers for plans. */
import { cellAddress } from "../contract/snapshot";

export const a1 = cellAddress;

/** "A1:C3" from corners. */
export function a1Range(top: number, left: number, bottom: number, right: number): string {
  return `${cellAddress(top, left)}:${cellAddress(bottom, right)}`;
}

/** Absolute "$A$1:$A$9" for formulas. */
export function absRange(top: number, left: number, bottom: number, right: number): string {
  const abs = (r: number, c: number) => cellAddress(r, c).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  return `${abs(top, left)}:${abs(bottom, right)}`;
}

/** Sheet-qualified reference for formulas and names: 'My Sheet'!A1:B2. */
export function qualified(sheet: string, range: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${range}`;
}

/**
 * Chart colours: each has at least 4.5:1 contrast against white, so a bar reads against the page
 * and white text reads on the bar (WCAG 2.1 AA asks 3:1 for graphics and 4.5:1 for text). The
 * series are told apart by their labels and order too, never by colour alone.
 */
export const SERIES_COLOURS = ["#174bb0", "#b45309", "#047857", "#7e22ce", "#be123c", "#475569"] as const;
/** Axis text and value labels: slate-700. */
export const TEXT_COLOUR = "#334155";
/** Gridlines and the zero line: decorative, the values are printed. */
export const GRID_COLOUR = "#cbd5e1";
export const AXIS_COLOUR = "#64748b";

export function seriesColour(index: number): string {
  return SERIES_COLOURS[index % SERIES_COLOURS.length]!;
}

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of `#rrggbb`. */
export function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

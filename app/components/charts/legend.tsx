import { FONT, SMALL_FONT, VIEW_WIDTH } from "./chart-frame";
import { Fragment } from "react";
import { px, textWidth } from "./text";

export type LegendItem = { label: string; colour: string; marker?: "square" | "circle" | "triangle"; dash?: string };

const ROW = FONT + 8;

/** Legend items laid out left to right, wrapping onto new lines; returns its height too. */
export function layoutLegend(items: readonly LegendItem[]) {
  let x = 0;
  let row = 0;
  const placed = items.map((item) => {
    const w = 18 + textWidth(item.label, SMALL_FONT) + 14;
    if (x > 0 && x + w > VIEW_WIDTH) {
      x = 0;
      row += 1;
    }
    const at = { item, x, y: row * ROW };
    x += w;
    return at;
  });
  return { placed, height: items.length > 0 ? (row + 1) * ROW : 0 };
}

/** A marker as path data (a circle as two arcs), so that a line's markers are one element. */
export function markerPath(x: number, y: number, marker: LegendItem["marker"] = "square"): string {
  switch (marker) {
    case "circle":
      return `M${px(x - 4.5)} ${px(y)}a4.5 4.5 0 1 0 9 0a4.5 4.5 0 1 0-9 0z`;
    case "triangle":
      return `M${px(x)} ${px(y - 5)}L${px(x + 5)} ${px(y + 4)}H${px(x - 5)}z`;
    default:
      return `M${px(x - 4.5)} ${px(y - 4.5)}h9v9h-9z`;
  }
}

export function Legend({ items, y = 0 }: { items: readonly LegendItem[]; y?: number }) {
  const { placed } = layoutLegend(items);
  return (
    <g>
      {placed.map(({ item, x, y: dy }, i) => (
        <Fragment key={i}>
          {item.dash !== undefined ? (
            <line
              x1={x}
              x2={x + 14}
              y1={y + dy + 8}
              y2={y + dy + 8}
              stroke={item.colour}
              strokeWidth={2.5}
              strokeDasharray={item.dash || undefined}
            />
          ) : null}
          <path d={markerPath(x + 7, y + dy + 8, item.marker)} fill={item.colour} />
          <text x={x + 18} y={px(y + dy + 8 + SMALL_FONT * 0.35)}>
            {item.label}
          </text>
        </Fragment>
      ))}
    </g>
  );
}

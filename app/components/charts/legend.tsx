import { FONT, SMALL_FONT, VIEW_WIDTH } from "./chart-frame";
import { TEXT_COLOUR } from "./palette";
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

export function Marker({ x, y, item }: { x: number; y: number; item: LegendItem }) {
  switch (item.marker) {
    case "circle":
      return <circle cx={px(x)} cy={px(y)} r={4.5} fill={item.colour} />;
    case "triangle":
      return (
        <polygon
          points={`${px(x)},${px(y - 5)} ${px(x + 5)},${px(y + 4)} ${px(x - 5)},${px(y + 4)}`}
          fill={item.colour}
        />
      );
    default:
      return <rect x={px(x - 4.5)} y={px(y - 4.5)} width={9} height={9} fill={item.colour} />;
  }
}

export function Legend({ items, y = 0 }: { items: readonly LegendItem[]; y?: number }) {
  const { placed } = layoutLegend(items);
  return (
    <g>
      {placed.map(({ item, x, y: dy }, i) => (
        <g key={i}>
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
          <Marker x={x + 7} y={y + dy + 8} item={{ ...item, marker: item.marker ?? "square" }} />
          <text x={x + 18} y={y + dy + 8 + SMALL_FONT * 0.35} fontSize={SMALL_FONT} fill={TEXT_COLOUR}>
            {item.label}
          </text>
        </g>
      ))}
    </g>
  );
}

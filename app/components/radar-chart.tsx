import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { PillarResult } from "~/lib/dbi";

const WIDTH = 420;
const HEIGHT = 340;
const CX = WIDTH / 2;
const CY = HEIGHT / 2;
const RADIUS = 100;
const RINGS = [1, 2, 3, 4, 5];

function point(index: number, count: number, level: number): [number, number] {
  const angle = -Math.PI / 2 + (index * 2 * Math.PI) / count;
  const r = (RADIUS * level) / 5;
  return [CX + r * Math.cos(angle), CY + r * Math.sin(angle)];
}

const polygon = (points: [number, number][]) => points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(" ");

/**
 * The six pillar levels (0–5) as a radar chart in plain SVG. The same figures are in the table
 * that goes with it (PillarTable), which is what screen readers read.
 */
export function RadarChart({ pillars }: { pillars: PillarResult[] }) {
  const { t } = useTranslation();
  const titleId = useId();
  const n = pillars.length;
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      className="mx-auto h-auto w-full max-w-md"
      role="img"
      aria-labelledby={titleId}
    >
      <title id={titleId}>{t("assessment.result.chartTitle")}</title>
      {RINGS.map((level) => (
        <polygon
          key={level}
          points={polygon(pillars.map((_, i) => point(i, n, level)))}
          className="fill-none stroke-slate-300"
          strokeWidth={1}
        />
      ))}
      {pillars.map((_, i) => {
        const [x, y] = point(i, n, 5);
        return <line key={i} x1={CX} y1={CY} x2={x} y2={y} className="stroke-slate-300" strokeWidth={1} />;
      })}
      <polygon
        points={polygon(pillars.map((p, i) => point(i, n, p.level)))}
        className="fill-brand-600/30 stroke-brand-700"
        strokeWidth={2.5}
      />
      {pillars.map((p, i) => {
        const [x, y] = point(i, n, p.level);
        return <circle key={p.pillar} cx={x} cy={y} r={4} className="fill-brand-700" />;
      })}
      {pillars.map((p, i) => {
        const [x, y] = point(i, n, 5.9);
        const anchor = Math.abs(x - CX) < 4 ? "middle" : x > CX ? "start" : "end";
        // Two lines: the pillar's short name, then its level; above the top axis, below the bottom one.
        const top = y < CY - RADIUS / 2 ? -20 : y > CY + RADIUS / 2 ? 4 : -8;
        return (
          <text key={p.pillar} x={x} y={y + top} textAnchor={anchor} className="fill-slate-800 text-[15px]">
            <tspan x={x} dy="0.7em">
              {t(`dbiPillars.short.${p.pillar}`)}
            </tspan>
            <tspan x={x} dy="1.2em" className="font-bold">
              {p.level}
            </tspan>
          </text>
        );
      })}
    </svg>
  );
}

/** The chart's figures as a table: pillar, points out of the maximum, level. */
export function PillarTable({ pillars }: { pillars: PillarResult[] }) {
  const { t } = useTranslation();
  return (
    <table className="w-full text-left text-sm">
      <caption className="mb-2 text-left font-semibold">{t("assessment.result.tableCaption")}</caption>
      <thead>
        <tr className="border-b border-slate-300">
          <th scope="col" className="py-2 pr-2">
            {t("assessment.result.pillar")}
          </th>
          <th scope="col" className="py-2 pr-2 text-right">
            {t("assessment.result.points")}
          </th>
          <th scope="col" className="py-2">
            {t("assessment.result.level")}
          </th>
        </tr>
      </thead>
      <tbody>
        {pillars.map((p) => (
          <tr key={p.pillar} className="border-b border-slate-100">
            <th scope="row" className="py-2 pr-2 font-normal">
              {t(`dbiPillars.name.${p.pillar}`)}
            </th>
            <td className="py-2 pr-2 text-right tabular-nums">
              {p.score}/{p.max}
            </td>
            <td className="py-2">
              {p.level} · {t(`dbiLevels.${p.level}`)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import { useId } from "react";
import { useTranslation } from "~/utils/i18n-react";

type LocalText = { vi: string; en: string };
/** What the chart needs of a pillar: its key, its level (0–5) and its short name. */
export type RadarPillar = { pillar: string; level: number; short: LocalText };

const WIDTH = 440;
const HEIGHT = 360;
const CX = WIDTH / 2;
const CY = HEIGHT / 2;
const RADIUS = 105;
const RINGS = [1, 2, 3, 4, 5];

function point(index: number, count: number, level: number): [number, number] {
  const angle = -Math.PI / 2 + (index * 2 * Math.PI) / count;
  const r = (RADIUS * level) / 5;
  return [CX + r * Math.cos(angle), CY + r * Math.sin(angle)];
}

const polygon = (points: [number, number][]) => points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(" ");

function useLang(): "vi" | "en" {
  const { i18n } = useTranslation();
  return i18n.language === "en" ? "en" : "vi";
}

/**
 * The pillar levels (0–5) as a radar chart in plain SVG, for any number of pillars (three or
 * more draw a polygon). With `previous` (the earlier assessment's level for each pillar, in the
 * same order) both are drawn: the latest solid and filled, the earlier dashed with square marks,
 * so the two differ by more than colour; a legend names them. The figures are in the table that
 * goes with it (PillarTable), which is what screen readers read.
 */
export function RadarChart({
  pillars,
  previous,
  previousLabel,
}: {
  pillars: RadarPillar[];
  previous?: readonly number[] | null;
  /** The legend's name for the earlier assessment, e.g. "Lần trước (12/03/2026)". */
  previousLabel?: string;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const titleId = useId();
  const descId = useId();
  const n = pillars.length;
  const overlay = previous && previous.length === n ? previous : null;
  const describe = pillars
    .map((p, i) =>
      overlay
        ? t("assessment.chart.pillarChange", { name: p.short[lang], before: overlay[i], after: p.level })
        : t("assessment.chart.pillarLevel", { name: p.short[lang], level: p.level }),
    )
    .join("; ");
  return (
    <figure>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="mx-auto h-auto w-full max-w-md"
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
      >
        <title id={titleId}>{t("assessment.result.chartTitle", { n })}</title>
        <desc id={descId}>{describe}</desc>
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
        {overlay ? (
          <g data-series="previous">
            <polygon
              points={polygon(overlay.map((level, i) => point(i, n, level)))}
              className="fill-none stroke-amber-700"
              strokeWidth={2.5}
              strokeDasharray="7 5"
            />
            {overlay.map((level, i) => {
              const [x, y] = point(i, n, level);
              return <rect key={i} x={x - 4} y={y - 4} width={8} height={8} className="fill-amber-700" />;
            })}
          </g>
        ) : null}
        <g data-series="latest">
          <polygon
            points={polygon(pillars.map((p, i) => point(i, n, p.level)))}
            className="fill-brand-600/25 stroke-brand-700"
            strokeWidth={2.5}
          />
          {pillars.map((p, i) => {
            const [x, y] = point(i, n, p.level);
            return <circle key={p.pillar} cx={x} cy={y} r={4.5} className="fill-brand-700" />;
          })}
        </g>
        {pillars.map((p, i) => {
          const [x, y] = point(i, n, 5.9);
          const anchor = Math.abs(x - CX) < 4 ? "middle" : x > CX ? "start" : "end";
          // Two lines: the pillar's short name, then its level; above the top axis, below the bottom one.
          const top = y < CY - RADIUS / 2 ? -20 : y > CY + RADIUS / 2 ? 4 : -8;
          return (
            <text key={p.pillar} x={x} y={y + top} textAnchor={anchor} className="fill-slate-800 text-[16px]">
              <tspan x={x} dy="0.7em">
                {p.short[lang]}
              </tspan>
              <tspan x={x} dy="1.2em" className="font-bold">
                {overlay ? `${overlay[i]} → ${p.level}` : p.level}
              </tspan>
            </text>
          );
        })}
      </svg>
      {overlay ? (
        <figcaption>
          <ul className="mt-2 flex flex-wrap justify-center gap-x-5 gap-y-1 text-sm text-slate-800">
            <li className="flex items-center gap-2">
              <svg width="32" height="12" aria-hidden="true">
                <line x1="2" y1="6" x2="30" y2="6" className="stroke-brand-700" strokeWidth={3} />
                <circle cx="16" cy="6" r="4" className="fill-brand-700" />
              </svg>
              {t("assessment.chart.latest")}
            </li>
            <li className="flex items-center gap-2">
              <svg width="32" height="12" aria-hidden="true">
                <line x1="2" y1="6" x2="30" y2="6" className="stroke-amber-700" strokeWidth={3} strokeDasharray="6 4" />
                <rect x="12" y="2" width="8" height="8" className="fill-amber-700" />
              </svg>
              {previousLabel ?? t("assessment.chart.previous")}
            </li>
          </ul>
        </figcaption>
      ) : null}
    </figure>
  );
}

type TablePillar = RadarPillar & { title: LocalText; score: number; max: number; meaning?: LocalText };

/**
 * The chart's figures as a table: each pillar with what its level means in plain words, its
 * points out of the maximum and its level; with `previous`, the earlier level beside it.
 */
export function PillarTable({
  pillars,
  previous,
}: {
  pillars: TablePillar[];
  previous?: readonly (number | null)[] | null;
}) {
  const { t } = useTranslation();
  const lang = useLang();
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
          {previous ? (
            <th scope="col" className="py-2 pr-2 text-right">
              {t("assessment.result.previousLevel")}
            </th>
          ) : null}
          <th scope="col" className="py-2 text-right">
            {t("assessment.result.level")}
          </th>
        </tr>
      </thead>
      <tbody>
        {pillars.map((p, i) => (
          <tr key={p.pillar} className="border-b border-slate-100 align-top">
            <th scope="row" className="py-2 pr-2 font-normal">
              <span className="font-medium text-slate-900">{p.title[lang]}</span>
              {p.meaning ? <span className="mt-0.5 block text-slate-600">{p.meaning[lang]}</span> : null}
            </th>
            <td className="whitespace-nowrap py-2 pr-2 text-right tabular-nums">
              {p.score}/{p.max}
            </td>
            {previous ? <td className="py-2 pr-2 text-right tabular-nums">{previous[i] ?? "—"}</td> : null}
            <td className="py-2 text-right">
              <span className="font-semibold tabular-nums">{p.level}</span>
              <span className="block whitespace-nowrap text-slate-600">{t(`dbiLevels.${p.level}`)}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

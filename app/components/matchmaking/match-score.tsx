import { useTranslation } from "~/utils/i18n-react";
import { formatMoney, formatNumber, type Lang } from "~/lib/format";
import { MATCH_WEIGHTS, REASON_VALUE_KINDS, type MatchPart, type MatchParts, type Reason } from "~/lib/matching";

/** Reasons that speak for the vendor (or the need), shown with a check; the others with a dot. */
const FAVOURABLE = new Set([
  "match.reasons.offersCategory",
  "match.reasons.completedInSector",
  "match.reasons.servesSector",
  "match.reasons.priceWithinBudget",
  "match.reasons.rating",
  "match.reasons.onTime",
  "match.reasons.noActiveEngagements",
  "match.reasons.noOpenFlags",
]);

type T = ReturnType<typeof useTranslation>["t"];

/** A reason in words: ids become category and sector names, money and ratings are formatted. */
export function reasonText(t: T, lang: Lang, reason: Reason): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(reason.values ?? {})) {
    const kind = REASON_VALUE_KINDS[name as keyof typeof REASON_VALUE_KINDS];
    if (kind === "category") values[name] = t(`categories.${value}`);
    else if (kind === "sector") values[name] = t(`sectors.${value}`);
    else if (kind === "money") values[name] = formatMoney(Number(value), lang);
    else if (kind === "decimal") values[name] = formatNumber(Number(value), lang, 1);
    else values[name] = value; // integers stay numbers: `count` chooses the plural form
  }
  return t(reason.key, values);
}

export function MatchReasons({ reasons }: { reasons: Reason[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  return (
    <ul className="space-y-1 text-sm">
      {reasons.map((r) => (
        <li key={r.key} className="flex gap-2">
          <span aria-hidden="true" className={FAVOURABLE.has(r.key) ? "text-green-700" : "text-slate-500"}>
            {FAVOURABLE.has(r.key) ? "✓" : "•"}
          </span>
          <span>{reasonText(t, lang, r)}</span>
        </li>
      ))}
    </ul>
  );
}

const PARTS = Object.keys(MATCH_WEIGHTS) as MatchPart[];

/** Each part as a small bar with its points out of the weight (the bar is decoration; the numbers say it). */
export function MatchPartsBars({ parts }: { parts: MatchParts }) {
  const { t } = useTranslation();
  return (
    <ul aria-label={t("matchmaking.parts")} className="space-y-1.5 text-sm">
      {PARTS.map((part) => {
        const points = Math.round(parts[part]);
        const weight = MATCH_WEIGHTS[part];
        return (
          <li key={part}>
            <span className="flex justify-between gap-3">
              <span className="text-slate-700">{t(`match.parts.${part}`)}</span>
              <span className="font-medium tabular-nums">{t("matchmaking.partPoints", { points, weight })}</span>
            </span>
            <span aria-hidden="true" className="mt-0.5 block h-2 overflow-hidden rounded-full bg-slate-100">
              <span
                className="block h-full rounded-full bg-brand-600"
                style={{ width: `${(100 * parts[part]) / weight}%` }}
              />
            </span>
          </li>
        );
      })}
    </ul>
  );
}

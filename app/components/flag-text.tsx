import { useTranslation } from "~/utils/i18n-react";
import { Badge } from "~/components/ui/badge";
import { formatDate, formatMoney, formatNumber } from "~/lib/format";

const TONE = { high: "red", medium: "amber", low: "neutral" } as const;

export function SeverityBadge({ severity }: { severity: "low" | "medium" | "high" }) {
  const { t } = useTranslation();
  return <Badge tone={TONE[severity]}>{t(`flags.severities.${severity}`)}</Badge>;
}

/** Formats a rule's evidence for its sentence: money, dates, shares as percentages. */
function formatEvidence(evidence: Record<string, unknown>, lang: "vi" | "en", t: (key: string) => string) {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(evidence)) {
    if (typeof v !== "number") {
      // Words the rules report as codes: which low-bid test fired, the vendor's status.
      const word = (w: unknown) =>
        k === "test" ? t(`flags.lowBidTests.${w}`) : k === "vendorStatus" ? t(`vendorStatuses.${w}`) : String(w ?? "");
      out[k] = Array.isArray(v) ? v.map(word).join(", ") : word(v);
      continue;
    }
    if (
      /total|threshold$|budget|valueIncrease/i.test(k) &&
      !/thresholdDays|thresholdCount|thresholdShare|thresholdFlags|thresholdRating/.test(k)
    ) {
      out[k] = formatMoney(Math.round(v), lang);
    } else if (/At$/.test(k) || k === "deadline") out[k] = formatDate(v);
    else if (/share/i.test(k)) out[k] = `${formatNumber(v * 100, lang, 0)}%`;
    else if (/rating/i.test(k)) out[k] = formatNumber(v, lang, 1);
    else out[k] = formatNumber(v, lang, Number.isInteger(v) ? 0 : 1);
  }
  return out;
}

/** What fired a flag, in words, with its numbers. */
export function FlagText({ code, evidence }: { code: string; evidence: Record<string, unknown> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  return (
    <span>
      <span className="font-semibold">{t(`flags.rules.${code}.title`)}</span>
      <span className="block text-sm text-slate-700">
        {t(`flags.rules.${code}.evidence`, formatEvidence(evidence, lang, t))}
      </span>
    </span>
  );
}

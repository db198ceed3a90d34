import type { ReactNode } from "react";
import { useTranslation } from "~/utils/i18n-react";
import { formatDateTime, formatMoney, formatNumber, type Lang } from "~/lib/format";

/** The reader's language and the figure formatters of app/lib/format.ts, for charts and key figures. */
export function useFigureFormat() {
  const { i18n } = useTranslation();
  const lang: Lang = i18n.language === "en" ? "en" : "vi";
  return {
    lang,
    number: (v: number) => formatNumber(v, lang),
    decimal: (v: number, digits = 1) => formatNumber(v, lang, digits),
    money: (v: number) => formatMoney(v, lang),
    percent: (share: number) => `${formatNumber(share * 100, lang, 1)} %`,
    wholePercent: (share: number) => `${formatNumber(Math.round(share * 100), lang)} %`,
    /** a level change: +1,25 / -0,50 / 0,00 */
    signed: (v: number) => `${v > 0 ? "+" : ""}${formatNumber(v, lang, 2)}`,
  };
}

/** "20:15 29/11/2026": the time first, as a sentence reads it. */
export function timeAndDate(ms: number): { time: string; date: string } {
  const [date, time] = formatDateTime(ms).split(" ") as [string, string];
  return { time, date };
}

/** One headline figure; `wide` ones (money) take the whole row on a phone. */
export function KeyFigure({
  label,
  value,
  note,
  wide = false,
}: {
  label: ReactNode;
  value: ReactNode;
  note?: ReactNode;
  wide?: boolean;
}) {
  return (
    <div className={`rounded-lg border border-slate-200 bg-white p-4 ${wide ? "col-span-2 lg:col-span-1" : ""}`}>
      <dt className="text-sm text-slate-700">{label}</dt>
      <dd className="mt-1 break-words text-xl font-bold tabular-nums text-slate-900 sm:text-2xl">{value}</dd>
      {note ? <dd className="mt-1 text-xs text-slate-600">{note}</dd> : null}
    </div>
  );
}

export function KeyFigures({ children }: { children: ReactNode }) {
  return <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">{children}</dl>;
}

export function ReportSection({
  id,
  title,
  lead,
  children,
}: {
  id: string;
  title: ReactNode;
  lead?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="space-y-6 rounded-lg border border-slate-200 bg-white p-3 sm:p-6">
      <div>
        <h2 id={id} className="scroll-mt-4 text-xl font-bold text-slate-900">
          {title}
        </h2>
        {lead ? <p className="mt-1 max-w-3xl text-slate-700">{lead}</p> : null}
      </div>
      {children}
    </section>
  );
}

/**
 * A download link that names what it downloads: "Tải CSV" under a table, read as "Tải CSV: <the
 * table>"; or, in a list of downloads, the table's name itself.
 */
export function CsvLink({ href, name, named = false }: { href: string; name: string; named?: boolean }) {
  const { t } = useTranslation();
  return (
    <a
      href={href}
      download
      className="mt-2 inline-flex min-h-11 items-center gap-1 text-sm font-semibold text-brand-800 underline"
      aria-label={named ? undefined : t("reports.downloadCsvOf", { name })}
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className="h-4 w-4 shrink-0"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
      >
        <path d="M12 3v12m0 0-4-4m4 4 4-4M5 21h14" />
      </svg>
      {named ? t("reports.downloadNamed", { name }) : t("reports.downloadCsv")}
    </a>
  );
}

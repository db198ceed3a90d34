import { useTranslation } from "~/utils/i18n-react";
import { formatDateTime } from "~/lib/format";

type Event = {
  id: string;
  event: string;
  note: string | null;
  at: number;
  actorName: string;
  actorOrganisation: string | null;
  checklist?: Record<string, { checked: boolean; note: string }> | null;
};

/** Every submission, decision and declaration, newest first. */
export function VettingHistory({ events, showActors }: { events: Event[]; showActors: boolean }) {
  const { t } = useTranslation();
  if (events.length === 0) return <p className="text-sm text-slate-700">{t("vetting.history.none")}</p>;
  return (
    <ol className="space-y-3">
      {events.map((e) => (
        <li key={e.id} className="rounded-md border border-slate-200 bg-white p-3">
          <p className="text-sm">
            <span className="font-semibold">{t(`vetting.events.${e.event}`)}</span>
            <span className="text-slate-600"> · {formatDateTime(e.at)}</span>
            {showActors ? (
              <span className="text-slate-600">
                {" "}
                · {e.actorName}
                {e.actorOrganisation ? ` (${t(`staffOrganisationsShort.${e.actorOrganisation}`)})` : ""}
              </span>
            ) : null}
          </p>
          {e.note ? <p className="mt-1 whitespace-pre-line text-sm text-slate-800">{e.note}</p> : null}
          {showActors && e.checklist ? (
            <ul className="mt-2 space-y-0.5 text-sm">
              {Object.entries(e.checklist).map(([item, v]) => (
                <li key={item}>
                  <span aria-hidden="true">{v.checked ? "☑" : "☐"}</span>{" "}
                  <span className="sr-only">{v.checked ? t("vetting.checked") : t("vetting.unchecked")}</span>
                  {t(`vetting.checklist.${item}.label`)}
                  {v.note ? <span className="text-slate-600"> — {v.note}</span> : null}
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StaleAlert } from "~/components/stale-alert";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/page";
import { DossierView } from "~/components/vendor/dossier-view";
import { VettedBadge } from "~/components/vendor/vetted-badge";
import { VettingHistory } from "~/components/vendor/vetting-history";
import { getDossier } from "~/models/dossier.server";
import { submitDossier, vettingHistory } from "~/models/vetting.server";
import { requireRole } from "~/utils/auth.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = (args) => title(args, "dossier.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "vendor");
  const dossier = getDossier(user.organisationId);
  // The vendor sees decisions and their comments, not which staff member made them.
  const history = vettingHistory(user.organisationId)
    .filter((e) => e.event !== "conflict_declared")
    .map(({ id, event, note, at }) => ({ id, event, note, at, actorName: "", actorOrganisation: null }));
  const notice = new URL(request.url).searchParams.get("notice");
  return json({ dossier, history, notice });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "vendor");
  const result = await submitDossier(user, context.ip);
  if (result.ok) return redirect("/me/dossier?notice=submitted");
  // `stale`: the dossier changed (in another tab, or by staff) while it was being submitted.
  return json({ ...result, stale: result.error === "stale" }, { status: result.error === "stale" ? 409 : 400 });
}

const TONE = {
  draft: "neutral",
  submitted: "blue",
  vetted: "green",
  changes_requested: "amber",
  rejected: "red",
  suspended: "red",
  expired: "amber",
} as const;

export default function DossierOverview() {
  const { t } = useTranslation();
  const { dossier, history, notice } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const edit = (to: string) =>
    dossier.editable ? (
      <Link to={to} className="text-sm font-semibold text-brand-700 underline">
        {t("dossier.edit")}
      </Link>
    ) : null;
  const missing = failure && "missing" in failure ? failure.missing : dossier.missing;
  return (
    <div className="space-y-6">
      <PageHeader title={t("dossier.title")} lead={t("dossier.lead")} />
      <StaleAlert />
      {notice === "submitted" ? (
        <Alert tone="success" role="status">
          {t("dossier.submittedNotice")}
        </Alert>
      ) : null}
      <Card>
        <div className="flex flex-wrap items-center gap-3">
          <span className="text-sm text-slate-700">{t("dossier.status")}</span>
          <Badge tone={TONE[dossier.effectiveStatus]}>{t(`vendorStatuses.${dossier.effectiveStatus}`)}</Badge>
        </div>
        <p className="mt-2 text-slate-800">{t(`dossier.explain.${dossier.effectiveStatus}`)}</p>
        {dossier.effectiveStatus === "vetted" ? (
          <div className="mt-3">
            <VettedBadge
              vettedBy={dossier.vettedBy}
              vettedAt={dossier.vettedAt}
              vettingExpiresAt={dossier.vettingExpiresAt}
            />
            <p className="mt-2">
              <Link to={`/vendors/${dossier.id}`} className="font-medium text-brand-700 underline">
                {t("dossier.viewPublic")}
              </Link>
            </p>
          </div>
        ) : null}
        {dossier.editable ? (
          <Form method="post" className="mt-4 space-y-3">
            {missing.length ? (
              <div
                role={failure ? "alert" : undefined}
                className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
              >
                <p className="font-semibold">{t("dossier.missingTitle")}</p>
                <ul className="mt-1 list-disc pl-5">
                  {missing.map((m) => (
                    <li key={m}>{t(`dossier.missing.${m}`)}</li>
                  ))}
                </ul>
              </div>
            ) : (
              <p className="text-sm text-green-800">{t("dossier.complete")}</p>
            )}
            {failure && "error" in failure && failure.error === "illegal_transition" ? (
              <Alert tone="error" role="alert">
                {t("dossier.cannotSubmit")}
              </Alert>
            ) : null}
            <Button>{t(dossier.effectiveStatus === "draft" ? "dossier.submit" : "dossier.resubmit")}</Button>
          </Form>
        ) : null}
      </Card>
      <DossierView
        dossier={dossier}
        editLinks={{
          company: edit("/me/dossier/company"),
          references: edit("/me/dossier/references"),
          packages: edit("/me/dossier/packages"),
        }}
      />
      <section aria-labelledby="history">
        <h2 id="history" className="mb-3 text-lg font-semibold">
          {t("vetting.history.title")}
        </h2>
        <VettingHistory events={history} showActors={false} />
      </section>
    </div>
  );
}

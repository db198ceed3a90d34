import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { formatDate } from "~/lib/format";
import { useTranslation } from "~/utils/i18n-react";
import { StaleAlert } from "~/components/stale-alert";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/page";
import { DossierView } from "~/components/vendor/dossier-view";
import { VettedBadge } from "~/components/vendor/vetted-badge";
import { VettingHistory } from "~/components/vendor/vetting-history";
import { ChangeDiff } from "~/components/vendor/change-diff";
import { CaseStudyList } from "~/components/vendor/case-study-list";
import { VendorLogo } from "~/components/vendor/vendor-logo";
import { changeOfVendor, logoUrl, verifiedEngagementIds, withdrawChange } from "~/models/dossier-changes.server";
import { editModeOf, getDossier, liveContent } from "~/models/dossier.server";
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
  const mode = editModeOf({ status: dossier.status, vettingExpiresAt: dossier.vettingExpiresAt }, Date.now());
  const live = liveContent(dossier.id);
  const verified = verifiedEngagementIds(
    dossier.id,
    live.caseStudies.flatMap((c) => (c.engagementId ? [c.engagementId] : [])),
  );
  const change = changeOfVendor(dossier.id);
  const logoOf = (l: typeof live.logo) =>
    l ? { url: logoUrl(dossier.id, l), width: l.width, height: l.height } : null;
  return json({
    dossier,
    history,
    notice,
    mode,
    logoUrl: logoUrl(dossier.id, live.logo),
    caseStudies: live.caseStudies.map(({ engagementId, ...c }) => ({
      ...c,
      verified: !!engagementId && verified.has(engagementId),
    })),
    change: change
      ? {
          status: change.status,
          note: change.note,
          updatedAt: change.updatedAt,
          diff: change.diff,
          logos: { before: logoOf(change.base.logo), after: logoOf(change.proposed.logo) },
        }
      : null,
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "vendor");
  const formData = await request.formData();
  if (formData.get("intent") === "withdraw") {
    withdrawChange(user.organisationId);
    return redirect("/me/dossier?notice=withdrawn");
  }
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
  const { dossier, history, notice, mode, change, logoUrl, caseStudies } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const edit = (to: string) =>
    mode !== "locked" ? (
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
      {notice === "pending" || notice === "withdrawn" ? (
        <Alert tone="success" role="status">
          {t(`dossierChange.notice.${notice}`)}
        </Alert>
      ) : null}
      {mode === "pending" ? (
        <Card>
          <h2 className="text-lg font-semibold">{t("dossierChange.title")}</h2>
          <p className="mt-1 text-slate-800">{t("dossierChange.explain")}</p>
          {change ? (
            <div className="mt-4 space-y-4">
              <p className="font-semibold" role="status">
                {change.status === "pending"
                  ? t("dossierChange.waiting", { date: formatDate(change.updatedAt) })
                  : t("dossierChange.returned", { note: change.note ?? "" })}
              </p>
              <ChangeDiff diff={change.diff} logos={change.logos} />
              <Form method="post">
                <input type="hidden" name="intent" value="withdraw" />
                <Button variant="secondary">{t("dossierChange.withdraw")}</Button>
              </Form>
            </div>
          ) : (
            <p className="mt-2 text-sm text-slate-700">{t("dossierChange.noChange")}</p>
          )}
        </Card>
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
      <Card>
        <div className="mb-3 flex items-center justify-between gap-3">
          <h2 className="text-lg font-semibold">{t("dossierLogo.title")}</h2>
          {edit("/me/dossier/logo")}
        </div>
        <VendorLogo name={dossier.legalName} logoUrl={logoUrl} size="lg" />
      </Card>
      <Card>
        <div className="mb-3 flex items-center justify-between gap-3">
          <h2 className="text-lg font-semibold">{t("caseStudies.title")}</h2>
          {edit("/me/dossier/case-studies")}
        </div>
        <CaseStudyList caseStudies={caseStudies} />
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

import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { MatchPartsBars, MatchReasons } from "~/components/matchmaking/match-score";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/page";
import { formatDate, formatMoney } from "~/lib/format";
import { invitationsOfNeed, inviteVendor } from "~/models/invitations.server";
import { rankVendorsForNeed } from "~/models/matching.server";
import { getNeedForViewer } from "~/models/needs.server";
import { requireRole } from "~/utils/auth.server";
import { title } from "~/utils/meta";
import { parseMatchInvite } from "~/utils/button-forms.server";

export const meta: MetaFunction = (args) => title(args, "matchmaking.title");

/** The owner's need, or a 404 for anyone else (they may not know it exists). */
async function ownerNeed(request: Request, needId: string | undefined) {
  const user = await requireRole(request, "sme");
  const need = getNeedForViewer(needId ?? "", user);
  if (!need.isOwner) throw new Response("Not found", { status: 404 });
  return { user, need };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { need } = await ownerNeed(request, params.needId);
  const open = need.statusNow === "open";
  return json({
    need: {
      id: need.id,
      title: need.title,
      category: need.category,
      sector: need.sector,
      budgetMin: need.budgetMin,
      budgetMax: need.budgetMax,
    },
    open,
    vendors: open ? rankVendorsForNeed(need) : [],
    invitations: invitationsOfNeed(need.id),
    notice: new URL(request.url).searchParams.get("notice"),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, need } = await ownerNeed(request, params.needId);
  const submission = parseMatchInvite(await request.formData());
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const { vendorId } = submission.value;
  const result = await inviteVendor(user, need.id, vendorId);
  if (!result.ok) {
    const message = result.error === "stale" ? "errors.stale" : result.error;
    return json(submission.reply({ formErrors: [message] }), { status: 409 });
  }
  const notice = result.created ? "invited" : "alreadyInvited";
  return redirect(`/needs/${need.id}/matches?notice=${notice}#vendor-${vendorId}`);
}

export default function NeedMatches() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const { need, open, vendors, invitations, notice } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const failures = Object.values(lastResult?.error ?? {}).flatMap((messages) => messages ?? []);
  return (
    <div className="space-y-6">
      <p>
        <Link to={`/needs/${need.id}`} className="text-sm font-medium text-brand-700 underline">
          ← {need.title}
        </Link>
      </p>
      <PageHeader title={t("matchmaking.title")} lead={t("matchmaking.lead", { need: need.title })} />
      <p className="text-sm text-slate-700">
        {t(`categories.${need.category}`)} · {t(`sectors.${need.sector}`)} · {formatMoney(need.budgetMin, lang)} –{" "}
        {formatMoney(need.budgetMax, lang)}
      </p>
      {failures.length ? (
        <Alert tone="error" role="alert">
          {failures.map((message) => t(message)).join(" ")}
        </Alert>
      ) : null}
      {notice ? (
        <Alert tone="success" role="status">
          {t(`matchmaking.notice.${notice}`, { defaultValue: "" })}
        </Alert>
      ) : null}
      {!open ? <Alert tone="info">{t("matchmaking.notOpen")}</Alert> : null}
      {open && vendors.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center">
          {t("matchmaking.none")}
        </p>
      ) : null}
      {vendors.length > 0 ? (
        <>
          <p className="text-sm text-slate-700">{t("matchmaking.howScored")}</p>
          <ol className="grid gap-4 lg:grid-cols-2">
            {vendors.map((v, i) => (
              <li
                key={v.vendorId}
                id={`vendor-${v.vendorId}`}
                className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
              >
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div>
                    <p className="text-xs font-semibold uppercase tracking-wide text-slate-600">
                      {t("matchmaking.rank", { rank: i + 1 })}
                    </p>
                    <h2 className="text-lg font-semibold">
                      <Link to={`/vendors/${v.vendorId}`} className="text-brand-800 underline">
                        {v.name}
                      </Link>
                    </h2>
                  </div>
                  <p className="rounded-md bg-brand-50 px-3 py-1 text-lg font-bold text-brand-900">
                    {t("match.score", { score: v.score })}
                  </p>
                </div>
                <div className="mt-3 grid gap-4 sm:grid-cols-2">
                  <section aria-label={t("matchmaking.parts")}>
                    <MatchPartsBars parts={v.parts} />
                  </section>
                  <section aria-labelledby={`why-${v.vendorId}`}>
                    <h3 id={`why-${v.vendorId}`} className="text-sm font-semibold">
                      {t("matchmaking.reasons")}
                    </h3>
                    <div className="mt-1">
                      <MatchReasons reasons={v.reasons} />
                    </div>
                  </section>
                </div>
                <div className="mt-4 border-t border-slate-200 pt-3">
                  {v.invited ? (
                    <Badge tone="green">{t("matchmaking.invited")}</Badge>
                  ) : (
                    <Form method="post">
                      <input type="hidden" name="intent" value="invite" />
                      <input type="hidden" name="vendorId" value={v.vendorId} />
                      <Button className="w-full sm:w-auto">{t("matchmaking.invite")}</Button>
                    </Form>
                  )}
                </div>
              </li>
            ))}
          </ol>
        </>
      ) : null}
      <Card>
        <h2 className="text-lg font-semibold">{t("matchmaking.invitedTitle")}</h2>
        {invitations.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">{t("matchmaking.invitedNone")}</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100">
            {invitations.map((inv) => (
              <li key={inv.vendorId} className="flex flex-col gap-1 py-2 sm:flex-row sm:justify-between">
                <Link to={`/vendors/${inv.vendorId}`} className="font-medium text-brand-800 underline">
                  {inv.name}
                </Link>
                <span className="text-sm text-slate-700">
                  {t("matchmaking.invitedOn", { date: formatDate(inv.createdAt) })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { VendorMatchmaking } from "~/components/matchmaking/vendor-home";
import { MyEngagements } from "~/components/my-engagements";
import { SmeOverview } from "~/components/sme-overview";
import { Alert } from "~/components/ui/alert";
import { buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/page";
import { hasRole } from "~/lib/permissions";
import { latestAssessment } from "~/models/assessments.server";
import { listBidsOfVendor, listEngagementsForOrganisation } from "~/models/engagements.server";
import { invitationsOfVendor } from "~/models/invitations.server";
import { recommendedNeedsForVendor } from "~/models/matching.server";
import { ownNeedsByState } from "~/models/need-board.server";
import { smeTaskFacts } from "~/models/sme-home.server";
import { nextStepWhenIdle, smeTasks } from "~/lib/sme-tasks";
import { getOrganisation } from "~/models/users.server";
import { requireUser } from "~/utils/auth.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = (args) => title(args, "me.title");

/** Each role's home: for an SME, what waits for it now (its task list); for the others, what they can do. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const organisation = getOrganisation(user.organisationId);
  if (!organisation) throw new Response("Not found", { status: 404 });
  const url = new URL(request.url);
  return json({
    user: { name: user.name, email: user.email, role: user.role },
    organisation: {
      legalName: organisation.legalName,
      taxCode: organisation.taxCode,
      sector: organisation.sector,
      sizeClass: organisation.sizeClass,
      vendorStatus: organisation.vendorStatus,
      employees: organisation.employees,
    },
    notice: url.searchParams.get("notice") ?? (url.searchParams.get("welcome") ? "welcome" : null),
    sme: user.role === "sme" ? smeOverview(user.organisationId) : null,
    engagements:
      user.role === "sme" || user.role === "vendor" ? listEngagementsForOrganisation(user.organisationId).rows : null,
    bids: user.role === "vendor" ? listBidsOfVendor(user.organisationId) : null,
    matchmaking: user.role === "vendor" ? vendorMatchmaking(user.organisationId) : null,
  });
}

function vendorMatchmaking(vendorId: string) {
  const { vetted, needs } = recommendedNeedsForVendor(vendorId);
  return { vetted, recommended: needs, invitations: invitationsOfVendor(vendorId) };
}

function smeOverview(organisationId: string) {
  const now = Date.now();
  const latest = latestAssessment(organisationId);
  const facts = smeTaskFacts(organisationId, now);
  return {
    tasks: smeTasks(facts, now),
    idleStep: nextStepWhenIdle(facts),
    assessment: latest
      ? { id: latest.id, level: latest.level, completedAt: latest.completedAt, pillars: latest.pillars }
      : null,
    needs: ownNeedsByState(organisationId),
  };
}

function Detail({ label, value }: { label: string; value: string | number | null | undefined }) {
  if (value === null || value === undefined || value === "") return null;
  return (
    <div className="py-2 sm:grid sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="text-slate-900 sm:col-span-2">{value}</dd>
    </div>
  );
}

export default function MyHome() {
  const { t } = useTranslation();
  const { user, organisation, notice, sme, engagements, bids } = useLoaderData<typeof loader>();
  const { matchmaking } = useLoaderData<typeof loader>();
  const role = user.role;
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("me.greeting", { name: user.name })}
        lead={role === "sme" ? organisation.legalName : t(`me.lead.${role}`)}
      />
      {notice ? (
        <Alert tone="success" role="status">
          {t(`me.notice.${notice}`, { defaultValue: "" })}
        </Alert>
      ) : null}
      {sme ? <SmeOverview {...sme} /> : null}
      {matchmaking ? <VendorMatchmaking {...matchmaking} /> : null}
      {engagements && (role === "sme" || role === "vendor") ? (
        <MyEngagements side={role} engagements={engagements} bids={bids} />
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <h2 className="text-lg font-semibold">{t("me.organisation")}</h2>
          <dl className="mt-2 divide-y divide-slate-100">
            <Detail label={t("fields.legalName")} value={organisation.legalName} />
            <Detail label={t("fields.taxCode")} value={organisation.taxCode} />
            <Detail
              label={t("fields.sector")}
              value={organisation.sector ? t(`sectors.${organisation.sector}`) : null}
            />
            <Detail label={t("fields.employees")} value={organisation.employees} />
            <Detail
              label={t("me.sizeClass")}
              value={organisation.sizeClass ? t(`sizeClasses.${organisation.sizeClass}`) : null}
            />
            <Detail
              label={t("me.vendorStatus")}
              value={organisation.vendorStatus ? t(`vendorStatuses.${organisation.vendorStatus}`) : null}
            />
            <Detail label={t("fields.email")} value={user.email} />
            <Detail label={t("me.role")} value={t(`roles.${role}`)} />
          </dl>
        </Card>
        <Card>
          <h2 className="text-lg font-semibold">{t("me.nextSteps")}</h2>
          <p className="mt-2 text-sm text-slate-700">{t(`me.steps.${role}`)}</p>
          <div className="mt-4 flex flex-col gap-2">
            {role === "vendor" ? (
              <Link to="/me/dossier" className={buttonClass("primary")}>
                {t("me.openDossier")}
              </Link>
            ) : null}
            {hasRole({ role }, "staff") ? (
              <Link to="/staff/vendors" className={buttonClass("primary")}>
                {t("me.openVetting")}
              </Link>
            ) : null}
            {hasRole({ role }, "staff") ? (
              <Link to="/staff/incidents" className={buttonClass("primary")}>
                {t("staffIncidents.meLink")}
              </Link>
            ) : null}
            {hasRole({ role }, "admin") ? (
              <Link to="/admin/users" className={buttonClass("primary")}>
                {t("me.manageUsers")}
              </Link>
            ) : null}
            {hasRole({ role }, "admin") ? (
              <Link to="/staff/audit" className={buttonClass("secondary")}>
                {t("audit.meLink")}
              </Link>
            ) : null}
            <Link to="/me/password" className={buttonClass("secondary")}>
              {t("nav.changePassword")}
            </Link>
          </div>
        </Card>
      </div>
    </div>
  );
}

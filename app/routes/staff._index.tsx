import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "~/components/ui/page";
import { engagementHealthCounts } from "~/models/engagements.server";
import { openFlagCounts } from "~/models/flag-queue.server";
import { vendorStatusCounts } from "~/models/vetting.server";
import { requireRole } from "~/utils/auth.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = (args) => title(args, "staffHome.title");

/** What needs attention now, each figure linking to its list. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "staff");
  return json({ vendors: vendorStatusCounts(), flags: openFlagCounts(), engagements: engagementHealthCounts() });
}

function Tile({
  to,
  label,
  value,
  tone = "slate",
}: {
  to: string;
  label: string;
  value: number;
  tone?: "slate" | "red" | "amber" | "green";
}) {
  const color = { slate: "text-slate-900", red: "text-red-700", amber: "text-amber-700", green: "text-green-700" }[
    tone
  ];
  return (
    <Link to={to} className="block rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600">
      <span className="block text-sm text-slate-700">{label}</span>
      <span className={`mt-1 block text-3xl font-bold ${color}`}>{value}</span>
    </Link>
  );
}

export default function StaffHome() {
  const { t } = useTranslation();
  const { vendors, flags, engagements } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-8">
      <PageHeader title={t("staffHome.title")} lead={t("staffHome.lead")} />
      <section aria-labelledby="queues">
        <h2 id="queues" className="mb-3 text-lg font-semibold">
          {t("staffHome.queues")}
        </h2>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <Tile to="/staff/vendors?status=submitted" label={t("staffHome.vetting")} value={vendors.submitted ?? 0} />
          <Tile
            to="/staff/incidents"
            label={t("staffHome.incidents")}
            value={engagements.openIncidents}
            tone={engagements.openIncidents ? "red" : "slate"}
          />
          <Tile
            to="/staff/flags?code=MILESTONE_OVERDUE"
            label={t("staffHome.overdue")}
            value={engagements.overdueMilestones}
            tone={engagements.overdueMilestones ? "amber" : "slate"}
          />
        </div>
      </section>
      <section aria-labelledby="flags">
        <h2 id="flags" className="mb-3 text-lg font-semibold">
          {t("staffHome.flags")}
        </h2>
        <div className="grid gap-3 sm:grid-cols-3">
          {(["high", "medium", "low"] as const).map((s) => (
            <Tile
              key={s}
              to={`/staff/flags?severity=${s}`}
              label={t(`flags.severities.${s}`)}
              value={flags[s]}
              tone={s === "high" ? "red" : s === "medium" ? "amber" : "slate"}
            />
          ))}
        </div>
      </section>
      <section aria-labelledby="health">
        <h2 id="health" className="mb-3 text-lg font-semibold">
          {t("staffHome.health")}
        </h2>
        <div className="grid gap-3 sm:grid-cols-3">
          {(["red", "amber", "green"] as const).map((h) => (
            <Tile
              key={h}
              to={`/staff/engagements?health=${h}&status=active`}
              label={t(`health.${h}`)}
              value={engagements[h]}
              tone={h}
            />
          ))}
        </div>
      </section>
    </div>
  );
}

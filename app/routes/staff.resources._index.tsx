import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { ResourceCard } from "~/components/resources/resource-card";
import { buttonClass } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/page";
import { pageParam, Pagination } from "~/components/ui/pagination";
import { listResourcesForStaff } from "~/models/resources.server";
import { requireRole } from "~/utils/auth.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = (args) => title(args, "resources.staff.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "staff");
  const page = pageParam(new URL(request.url));
  return json({ page, ...listResourcesForStaff({ page }) });
}

export default function StaffResources() {
  const { t } = useTranslation();
  const { rows, page, pageCount } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("resources.staff.title")}
        lead={t("resources.staff.lead")}
        actions={
          <Link to="/staff/resources/new" className={buttonClass("primary")}>
            {t("resources.staff.new")}
          </Link>
        }
      />
      {rows.length === 0 ? (
        <p className="text-slate-700">{t("resources.none")}</p>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {rows.map((r) => (
            <ResourceCard key={r.id} resource={r} href={`/staff/resources/${r.id}`} />
          ))}
        </ul>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </div>
  );
}

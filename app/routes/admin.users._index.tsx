import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { Badge } from "~/components/ui/badge";
import { Button, buttonClass } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/page";
import { pageParam, Pagination } from "~/components/ui/pagination";
import { formatDate } from "~/lib/format";
import { ROLES, type Role } from "~/lib/reference";
import { listUsers } from "~/models/staff-accounts.server";
import { requireRole } from "~/utils/auth.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = (args) => title(args, "adminUsers.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const url = new URL(request.url);
  const q = url.searchParams.get("q")?.trim() ?? "";
  const roleParam = url.searchParams.get("role");
  const role = (ROLES as readonly string[]).includes(roleParam ?? "") ? (roleParam as Role) : undefined;
  const page = pageParam(url);
  return json({ q, role: role ?? "", page, ...listUsers({ q, role, page }) });
}

export default function AdminUsers() {
  const { t } = useTranslation();
  const { q, role, page, rows, total, pageCount } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title={t("adminUsers.title")}
        lead={t("adminUsers.lead")}
        actions={
          <Link to="/admin/users/new" className={buttonClass("primary")}>
            {t("adminUsers.create")}
          </Link>
        }
      />
      <Form
        method="get"
        role="search"
        className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-[1fr_12rem_auto] sm:items-end"
      >
        <div>
          <label htmlFor="q" className="mb-1 block text-sm font-medium">
            {t("adminUsers.search")}
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={q}
            className="block w-full rounded-md border border-slate-300 px-3 py-2"
          />
        </div>
        <div>
          <label htmlFor="role" className="mb-1 block text-sm font-medium">
            {t("me.role")}
          </label>
          <select
            id="role"
            name="role"
            defaultValue={role}
            className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2"
          >
            <option value="">{t("adminUsers.allRoles")}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <Button variant="secondary">{t("adminUsers.filter")}</Button>
      </Form>
      <p className="mb-2 text-sm text-slate-700" role="status">
        {t("adminUsers.count", { count: total })}
      </p>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-700">
          {t("adminUsers.empty")}
        </p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {rows.map((u) => (
            <li key={u.id} className="flex flex-col gap-2 p-4 sm:flex-row sm:items-center sm:justify-between">
              <div className="min-w-0">
                <p className="font-semibold">
                  <Link to={`/admin/users/${u.id}`} className="text-brand-800 underline">
                    {u.name}
                  </Link>
                </p>
                <p className="truncate text-sm text-slate-700">
                  {u.email} · {u.organisation}
                </p>
                <p className="text-xs text-slate-600">
                  {t("adminUsers.created", { date: formatDate(u.createdAt) })}
                  {u.lastSignInAt ? ` · ${t("adminUsers.lastSignIn", { date: formatDate(u.lastSignInAt) })}` : ""}
                </p>
              </div>
              <div className="flex shrink-0 gap-2">
                <Badge tone="blue">{t(`roles.${u.role}`)}</Badge>
                <Badge tone={u.active ? "green" : "red"}>
                  {t(u.active ? "adminUsers.active" : "adminUsers.inactive")}
                </Badge>
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </div>
  );
}

import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { Button } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/page";
import { pageParam, Pagination } from "~/components/ui/pagination";
import { formatDateTime } from "~/lib/format";
import { notificationText } from "~/lib/notification-kinds";
import { listNotifications, markAllRead, markRead, unreadCount } from "~/models/notifications.server";
import { requireUser, safeRedirect } from "~/utils/auth.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = (args) => title(args, "notifications.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const page = pageParam(new URL(request.url));
  return json({ page, unread: unreadCount(user.id), ...listNotifications(user.id, page) });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  if (formData.get("intent") === "all") {
    markAllRead(user.id);
    return redirect("/notifications");
  }
  const link = markRead(user.id, String(formData.get("id") ?? ""));
  if (!link) throw new Response("Not found", { status: 404 });
  return redirect(formData.get("intent") === "open" ? safeRedirect(link, "/notifications") : "/notifications");
}

export default function Notifications() {
  const { t } = useTranslation();
  const { rows, page, pageCount, unread } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title={t("notifications.title")}
        lead={t("notifications.unread", { count: unread })}
        actions={
          <>
            <Link
              to="/notifications/settings"
              className="inline-flex min-h-11 items-center rounded-md px-3 text-sm font-semibold text-brand-700 underline"
            >
              {t("notifications.settings.link")}
            </Link>
            {unread > 0 ? (
              <Form method="post">
                <input type="hidden" name="intent" value="all" />
                <Button variant="secondary">{t("notifications.markAll")}</Button>
              </Form>
            ) : null}
          </>
        }
      />
      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-700">
          {t("notifications.empty")}
        </p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {rows.map((n) => (
            <li
              key={n.id}
              className={`flex flex-col gap-2 p-4 sm:flex-row sm:items-center sm:justify-between ${n.readAt ? "" : "bg-brand-50"}`}
            >
              <div>
                <p className={n.readAt ? "" : "font-semibold"}>
                  {n.readAt ? null : <span className="sr-only">{t("notifications.new")}: </span>}
                  {notificationText(t, n.kind, n.params)}
                </p>
                <p className="text-xs text-slate-600">{formatDateTime(n.createdAt)}</p>
              </div>
              <div className="flex shrink-0 gap-2">
                <Form method="post">
                  <input type="hidden" name="id" value={n.id} />
                  <input type="hidden" name="intent" value="open" />
                  <Button variant="secondary">{t("notifications.open")}</Button>
                </Form>
                {n.readAt ? null : (
                  <Form method="post">
                    <input type="hidden" name="id" value={n.id} />
                    <input type="hidden" name="intent" value="read" />
                    <Button variant="ghost">{t("notifications.markRead")}</Button>
                  </Form>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </div>
  );
}

import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/page";
import { EMAIL_GROUPS, type EmailGroup } from "~/lib/notification-kinds";
import { emailSettings, saveEmailSettings } from "~/models/notifications.server";
import { requireUser } from "~/utils/auth.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = (args) => title(args, "notifications.settings.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ settings: emailSettings(user.id), saved: new URL(request.url).searchParams.has("saved") });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const enabled = Object.fromEntries(EMAIL_GROUPS.map((g) => [g, formData.get(g) === "on"])) as Record<
    EmailGroup,
    boolean
  >;
  saveEmailSettings(user.id, enabled);
  return redirect("/notifications/settings?saved=1");
}

export default function NotificationSettings() {
  const { t } = useTranslation();
  const { settings, saved } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <p>
        <Link to="/notifications" className="text-sm font-medium text-brand-700 underline">
          ← {t("notifications.title")}
        </Link>
      </p>
      <PageHeader title={t("notifications.settings.title")} lead={t("notifications.settings.lead")} />
      {saved ? (
        <Alert tone="success" role="status">
          {t("notifications.settings.saved")}
        </Alert>
      ) : null}
      <Card>
        <Form method="post" className="space-y-4">
          <fieldset>
            <legend className="mb-2 font-semibold">{t("notifications.settings.legend")}</legend>
            {EMAIL_GROUPS.map((g) => (
              <label key={g} htmlFor={`email-${g}`} className="flex min-h-11 items-start gap-2 py-1">
                <input
                  id={`email-${g}`}
                  type="checkbox"
                  name={g}
                  defaultChecked={settings[g]}
                  className="mt-1 h-5 w-5"
                />
                <span className="font-medium">{t(`notifications.groups.${g}.label`)}</span>
                <span className="text-sm text-slate-700">— {t(`notifications.groups.${g}.help`)}</span>
              </label>
            ))}
          </fieldset>
          <Button>{t("notifications.settings.save")}</Button>
        </Form>
      </Card>
    </div>
  );
}

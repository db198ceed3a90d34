import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { z } from "zod";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { FieldErrors } from "~/components/ui/field";
import { Card, PageHeader } from "~/components/ui/page";
import { EMAIL_GROUPS, type EmailGroup } from "~/lib/notification-kinds";
import { emailSettings, saveEmailSettings } from "~/models/notifications.server";
import { requireUser } from "~/utils/auth.server";
import { title } from "~/utils/meta";
import { ErrorSummary } from "~/components/ui/error-summary";

/** One checkbox per group of emails: ticked, the user gets that group by email (an absent box is off). */
const EmailSettingsSchema = z.object(
  Object.fromEntries(
    EMAIL_GROUPS.map((g) => [g, z.boolean({ invalid_type_error: "errors.choose" }).default(false)]),
  ) as Record<EmailGroup, z.ZodDefault<z.ZodBoolean>>,
);

export const meta: MetaFunction = (args) => title(args, "notifications.settings.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ settings: emailSettings(user.id), saved: new URL(request.url).searchParams.has("saved") });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseWithZod(await request.formData(), { schema: EmailSettingsSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  saveEmailSettings(user.id, submission.value);
  return redirect("/notifications/settings?saved=1");
}

export default function NotificationSettings() {
  const { t } = useTranslation();
  const { settings, saved } = useLoaderData<typeof loader>();
  const [form, fields] = useForm({
    id: "email-settings",
    lastResult: useActionData<typeof action>(),
    constraint: getZodConstraint(EmailSettingsSchema),
    defaultValue: settings,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EmailSettingsSchema }),
  });
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
        <Form method="post" {...getFormProps(form)} className="space-y-4">
          <ErrorSummary form={form} />
          <fieldset>
            <legend className="mb-2 font-semibold">{t("notifications.settings.legend")}</legend>
            {EMAIL_GROUPS.map((g) => (
              <div key={g}>
                <label htmlFor={fields[g].id} className="flex min-h-11 items-start gap-2 py-1">
                  <input {...getInputProps(fields[g], { type: "checkbox" })} className="mt-1 h-5 w-5" />
                  <span className="font-medium">{t(`notifications.groups.${g}.label`)}</span>
                  <span className="text-sm text-slate-700">— {t(`notifications.groups.${g}.help`)}</span>
                </label>
                <FieldErrors id={fields[g].errorId} errors={fields[g].errors} />
              </div>
            ))}
          </fieldset>
          <Button>{t("notifications.settings.save")}</Button>
        </Form>
      </Card>
    </div>
  );
}

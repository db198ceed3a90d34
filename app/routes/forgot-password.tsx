import { json, redirect, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { Button } from "~/components/ui/button";
import { ServerField } from "~/components/ui/server-field";
import { Card, Narrow, PageHeader } from "~/components/ui/page";
import { sendPasswordResetEmail } from "~/models/account-emails.server";
import { passwordResetAllowed, recordPasswordResetRequest } from "~/models/rate-limits.server";
import { findUserByEmail } from "~/models/users.server";
import { title } from "~/utils/meta";
import { parseForgot } from "~/utils/account-forms.server";
import { useServerForm } from "~/utils/server-form";
import { ErrorSummary } from "~/components/ui/error-summary";

export const meta: MetaFunction = (args) => title(args, "forgot.title");

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseForgot(await request.formData());
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  // Limited per email and per address, counted whether or not the email has an account.
  if (!passwordResetAllowed(submission.value.email, context.ip)) {
    return json(submission.reply({ formErrors: ["errors.resetLimited"] }), { status: 429 });
  }
  recordPasswordResetRequest(submission.value.email, context.ip);
  const user = findUserByEmail(submission.value.email);
  if (user?.active) sendPasswordResetEmail(request, user);
  // The same answer whether or not the address has an account.
  return redirect("/check-email?for=reset");
}

export default function ForgotPassword() {
  const { t } = useTranslation();
  const lastResult = useActionData<typeof action>();
  const { form, field } = useServerForm("forgot", lastResult);
  return (
    <Narrow>
      <PageHeader title={t("forgot.title")} lead={t("forgot.lead")} />
      <Card>
        <Form method="post" {...form.props} className="space-y-4">
          <ErrorSummary form={form} labels={{ email: t("fields.email") }} />
          <ServerField
            meta={field("email")}
            type="email"
            label={t("fields.email")}
            inputProps={{ autoComplete: "email", maxLength: 254 }}
          />
          <Button className="w-full">{t("forgot.submit")}</Button>
        </Form>
        <p className="mt-4 text-sm">
          <Link to="/login" className="font-medium text-brand-700 underline">
            {t("forgot.back")}
          </Link>
        </p>
      </Card>
    </Narrow>
  );
}

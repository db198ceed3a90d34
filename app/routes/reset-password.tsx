import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { z } from "zod";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { Card, Narrow, PageHeader } from "~/components/ui/page";
import { resetPassword } from "~/models/accounts.server";
import { peekToken } from "~/models/tokens.server";
import { title } from "~/utils/meta";
import { confirmPasswords, newPassword } from "~/utils/validation";
import { ErrorSummary } from "~/components/ui/error-summary";

const ResetSchema = z
  .object({
    token: z.string().min(1),
    password: newPassword,
    confirmPassword: z.string({ required_error: "errors.required" }),
  })
  .superRefine(confirmPasswords);

export const meta: MetaFunction = (args) => title(args, "reset.title");

export function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return json({ token, valid: !!token && peekToken(token, "password_reset") !== null });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: ResetSchema });
  if (submission.status !== "success") {
    return json(submission.reply({ hideFields: ["password", "confirmPassword"] }), { status: 400 });
  }
  const reset = await resetPassword(submission.value.token, submission.value.password, context.ip);
  // A link unknown, expired or used, or used by another request at the same moment.
  if (!reset.ok) {
    return json(
      submission.reply({ formErrors: ["errors.resetLinkInvalid"], hideFields: ["password", "confirmPassword"] }),
      {
        status: 400,
      },
    );
  }
  return redirect("/login?notice=passwordReset");
}

export default function ResetPassword() {
  const { t } = useTranslation();
  const { token, valid } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "reset",
    lastResult,
    constraint: getZodConstraint(ResetSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ResetSchema }),
  });
  return (
    <Narrow>
      <PageHeader title={t("reset.title")} />
      <Card>
        {valid ? (
          <Form method="post" {...getFormProps(form)} className="space-y-4">
            <ErrorSummary
              form={form}
              labels={{ password: t("fields.newPassword"), confirmPassword: t("fields.confirmPassword") }}
            />
            <input type="hidden" name="token" value={token} />
            <Field
              meta={fields.password}
              type="password"
              label={t("fields.newPassword")}
              hint={t("fields.passwordHint")}
              inputProps={{ autoComplete: "new-password" }}
            />
            <Field
              meta={fields.confirmPassword}
              type="password"
              label={t("fields.confirmPassword")}
              inputProps={{ autoComplete: "new-password" }}
            />
            <Button className="w-full">{t("reset.submit")}</Button>
          </Form>
        ) : (
          <div className="space-y-3">
            <p role="alert">{t("reset.invalid")}</p>
            <Link to="/forgot-password" className="font-medium text-brand-700 underline">
              {t("reset.again")}
            </Link>
          </div>
        )}
      </Card>
    </Narrow>
  );
}

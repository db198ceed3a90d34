import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { z } from "zod";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { Card, Narrow, PageHeader } from "~/components/ui/page";
import { changePassword } from "~/models/accounts.server";
import { recordSignInFailure, signInLockedUntil } from "~/models/rate-limits.server";
import { createSessionCookie, requireUser } from "~/utils/auth.server";
import { title } from "~/utils/meta";
import { confirmPasswords, currentPassword, newPassword } from "~/utils/validation";
import { ErrorSummary } from "~/components/ui/error-summary";

const ChangePasswordSchema = z
  .object({
    currentPassword,
    password: newPassword,
    confirmPassword: z.string({ required_error: "errors.required" }),
  })
  .superRefine(confirmPasswords)
  .refine((d) => d.password !== d.currentPassword, { path: ["password"], message: "errors.passwordSame" });

const HIDDEN = ["currentPassword", "password", "confirmPassword"];

export const meta: MetaFunction = (args) => title(args, "changePassword.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ mustChange: user.mustChangePassword });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseWithZod(await request.formData(), { schema: ChangePasswordSchema });
  if (submission.status !== "success") return json(submission.reply({ hideFields: HIDDEN }), { status: 400 });
  // Guessing the current password here counts toward the same lock as guessing it at sign-in.
  if (signInLockedUntil(user.email, context.ip)) {
    return json(submission.reply({ formErrors: ["errors.signInLocked"], hideFields: HIDDEN }), { status: 429 });
  }
  // Every session ends with the change: a changed password must lock out whoever knew the old one.
  const changed = await changePassword(user.id, submission.value, context.ip);
  if (!changed.ok) {
    if (changed.error !== "stale") recordSignInFailure(user.email, context.ip);
    const refusal =
      changed.error === "stale"
        ? { formErrors: ["errors.stale"] }
        : { fieldErrors: { currentPassword: ["errors.currentPasswordWrong"] } };
    return json(submission.reply({ ...refusal, hideFields: HIDDEN }), {
      status: changed.error === "stale" ? 409 : 400,
    });
  }
  return redirect("/me?notice=passwordChanged", { headers: { "Set-Cookie": await createSessionCookie(user.id) } });
}

export default function ChangePassword() {
  const { t } = useTranslation();
  const { mustChange } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "change-password",
    lastResult,
    constraint: getZodConstraint(ChangePasswordSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ChangePasswordSchema }),
  });
  return (
    <Narrow>
      <PageHeader title={t("changePassword.title")} />
      {mustChange ? (
        <div className="mb-4">
          <Alert tone="warning" role="status">
            {t("changePassword.mustChange")}
          </Alert>
        </div>
      ) : null}
      <Card>
        <Form method="post" {...getFormProps(form)} className="space-y-4">
          <ErrorSummary
            form={form}
            labels={{
              currentPassword: t(mustChange ? "fields.temporaryPassword" : "fields.currentPassword"),
              password: t("fields.newPassword"),
              confirmPassword: t("fields.confirmPassword"),
            }}
          />
          <Field
            meta={fields.currentPassword}
            type="password"
            label={t(mustChange ? "fields.temporaryPassword" : "fields.currentPassword")}
            inputProps={{ autoComplete: "current-password" }}
          />
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
          <Button className="w-full">{t("changePassword.submit")}</Button>
        </Form>
      </Card>
    </Narrow>
  );
}

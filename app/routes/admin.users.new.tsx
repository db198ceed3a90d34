import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { z } from "zod";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Field, SelectField } from "~/components/ui/field";
import { Card, PageHeader } from "~/components/ui/page";
import { STAFF_ROLES } from "~/lib/permissions";
import { STAFF_ORGANISATIONS } from "~/lib/reference";
import { createStaffAccount } from "~/models/staff-accounts.server";
import { requireRole } from "~/utils/auth.server";
import { getLang } from "~/utils/i18n.server";
import { title } from "~/utils/meta";
import { email, oneOf, text } from "~/utils/validation";
import { ErrorSummary } from "~/components/ui/error-summary";

const StaffSchema = z.object({
  name: text(120),
  email,
  staffCode: oneOf(STAFF_ORGANISATIONS),
  role: oneOf(STAFF_ROLES),
});

export const meta: MetaFunction = (args) => title(args, "adminNewUser.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const submission = parseWithZod(await request.formData(), { schema: StaffSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), created: null }, { status: 400 });
  const result = await createStaffAccount(
    admin,
    { ...submission.value, lang: getLang(request) },
    { ip: context.ip, request },
  );
  if (!result.ok) {
    return json(
      { result: submission.reply({ fieldErrors: { email: ["errors.emailTaken"] } }), created: null },
      { status: 400 },
    );
  }
  // The temporary password is shown once, to the admin, and never stored in clear or emailed.
  return json({
    result: submission.reply({ resetForm: true }),
    created: { id: result.userId, email: submission.value.email, password: result.password },
  });
}

export default function NewStaffUser() {
  const { t } = useTranslation();
  const data = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "new-staff",
    lastResult: data?.result,
    constraint: getZodConstraint(StaffSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: StaffSchema }),
    defaultValue: { role: "staff" },
  });
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <p>
        <Link to="/admin/users" className="text-sm font-medium text-brand-700 underline">
          ← {t("adminUser.back")}
        </Link>
      </p>
      <PageHeader title={t("adminNewUser.title")} lead={t("adminNewUser.lead")} />
      {data?.created ? (
        <Alert tone="success" role="status">
          <p className="font-semibold">{t("adminNewUser.created", { email: data.created.email })}</p>
          <p className="mt-2">{t("adminNewUser.tempPassword")}</p>
          <p className="mt-1 select-all font-mono text-lg" data-testid="temporary-password">
            {data.created.password}
          </p>
          <p className="mt-2">{t("adminNewUser.handOver")}</p>
          <Link to={`/admin/users/${data.created.id}`} className="mt-2 inline-block font-medium underline">
            {t("adminNewUser.view")}
          </Link>
        </Alert>
      ) : null}
      <Card>
        <Form method="post" {...getFormProps(form)} className="space-y-4">
          <ErrorSummary
            form={form}
            labels={{
              name: t("fields.fullName"),
              email: t("fields.email"),
              staffCode: t("fields.staffOrganisation"),
              role: t("me.role"),
            }}
          />
          <Field meta={fields.name} label={t("fields.fullName")} />
          <Field meta={fields.email} type="email" label={t("fields.email")} />
          <SelectField
            meta={fields.staffCode}
            label={t("fields.staffOrganisation")}
            placeholder={t("form.choose")}
            options={STAFF_ORGANISATIONS.map((o) => ({ value: o, label: t(`staffOrganisations.${o}`) }))}
          />
          <SelectField
            meta={fields.role}
            label={t("me.role")}
            options={STAFF_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          />
          <Button>{t("adminNewUser.submit")}</Button>
        </Form>
      </Card>
    </div>
  );
}

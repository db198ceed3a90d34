import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { z } from "zod";
import { StaleAlert } from "~/components/stale-alert";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { FieldErrors } from "~/components/ui/field";
import { Card, PageHeader } from "~/components/ui/page";
import { formatDateTime } from "~/lib/format";
import { setUserActive } from "~/models/staff-accounts.server";
import { getOrganisation, getUserById } from "~/models/users.server";
import { requireRole } from "~/utils/auth.server";
import { title } from "~/utils/meta";
import { ErrorSummary } from "~/components/ui/error-summary";

const ActiveSchema = z.object({
  intent: z.enum(["deactivate", "reactivate"]),
  confirm: z.literal("on", { errorMap: () => ({ message: "errors.confirmRequired" }) }),
});

export const meta: MetaFunction = (args) => title(args, "adminUser.title");

function load(userId: string | undefined) {
  const user = userId ? getUserById(userId) : undefined;
  if (!user) throw new Response("Not found", { status: 404 });
  return user;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const user = load(params.userId);
  const organisation = getOrganisation(user.organisationId);
  const url = new URL(request.url);
  return json({
    self: admin.id === user.id,
    notice: url.searchParams.get("notice"),
    user: {
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      active: user.active,
      mustChangePassword: user.mustChangePassword,
      lastSignInAt: user.lastSignInAt,
      createdAt: user.createdAt,
      organisation: organisation?.legalName ?? "",
    },
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const user = load(params.userId);
  const submission = parseWithZod(await request.formData(), { schema: ActiveSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), stale: false }, { status: 400 });
  const active = submission.value.intent === "reactivate";
  const result = await setUserActive(admin, user.id, active, context.ip);
  if (!result.ok && result.error === "self") {
    return json(
      { result: submission.reply({ formErrors: ["errors.cannotDeactivateSelf"] }), stale: false },
      { status: 400 },
    );
  }
  // Another admin did it first: the page shows the account as it now stands.
  if (!result.ok) return json({ result: submission.reply({ resetForm: true }), stale: true }, { status: 409 });
  return redirect(`/admin/users/${user.id}?notice=${active ? "reactivated" : "deactivated"}`);
}

export default function AdminUser() {
  const { t } = useTranslation();
  const { user, self, notice } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>()?.result;
  const intent = user.active ? "deactivate" : "reactivate";
  const [form, fields] = useForm({
    id: `active-${user.id}-${intent}`,
    lastResult,
    constraint: getZodConstraint(ActiveSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ActiveSchema }),
  });
  return (
    <div className="space-y-6">
      <p>
        <Link to="/admin/users" className="text-sm font-medium text-brand-700 underline">
          ← {t("adminUser.back")}
        </Link>
      </p>
      <PageHeader title={user.name} lead={user.email} />
      <StaleAlert />
      {notice ? (
        <Alert tone="success" role="status">
          {t(`adminUser.notice.${notice}`, { defaultValue: "" })}
        </Alert>
      ) : null}
      <Card>
        <dl className="grid gap-3 sm:grid-cols-2">
          <div>
            <dt className="text-sm text-slate-600">{t("me.organisation")}</dt>
            <dd>{user.organisation}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t("me.role")}</dt>
            <dd>{t(`roles.${user.role}`)}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t("adminUser.status")}</dt>
            <dd>
              <Badge tone={user.active ? "green" : "red"}>
                {t(user.active ? "adminUsers.active" : "adminUsers.inactive")}
              </Badge>
              {user.mustChangePassword ? (
                <span className="ml-2 text-sm text-slate-700">{t("adminUser.mustChange")}</span>
              ) : null}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t("adminUser.lastSignIn")}</dt>
            <dd>{user.lastSignInAt ? formatDateTime(user.lastSignInAt) : t("adminUser.never")}</dd>
          </div>
        </dl>
      </Card>
      {self ? null : (
        <Card>
          <h2 className="text-lg font-semibold">{t(`adminUser.${intent}.title`)}</h2>
          <p className="mt-1 text-sm text-slate-700">{t(`adminUser.${intent}.explain`)}</p>
          <Form method="post" {...getFormProps(form)} className="mt-4 space-y-3">
            <ErrorSummary form={form} />
            <input type="hidden" name="intent" value={intent} />
            <div className="flex items-start gap-2">
              <input
                id={fields.confirm.id}
                name={fields.confirm.name}
                type="checkbox"
                required
                aria-invalid={fields.confirm.errors ? true : undefined}
                aria-describedby={fields.confirm.errors ? fields.confirm.errorId : undefined}
                className="mt-1 h-5 w-5"
              />
              <label htmlFor={fields.confirm.id} className="text-sm">
                {t(`adminUser.${intent}.confirm`, { name: user.name })}
              </label>
            </div>
            <FieldErrors id={fields.confirm.errorId} errors={fields.confirm.errors} />
            <Button variant={user.active ? "danger" : "primary"}>{t(`adminUser.${intent}.submit`)}</Button>
          </Form>
        </Card>
      )}
    </div>
  );
}

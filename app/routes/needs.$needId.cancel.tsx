import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { z } from "zod";
import { refusalErrors, TextareaField } from "~/components/need-form";
import { Alert } from "~/components/ui/alert";
import { Button, buttonClass } from "~/components/ui/button";
import { FieldErrors } from "~/components/ui/field";
import { Card, PageHeader } from "~/components/ui/page";
import { needActionAllowed } from "~/lib/need-status";
import { cancelNeed, getNeedForOwner, needStatusNow } from "~/models/needs.server";
import { requireRole } from "~/utils/auth.server";
import { title } from "~/utils/meta";
import { text } from "~/utils/validation";
import { ErrorSummary } from "~/components/ui/error-summary";

/** Cancelling is final: a reason, and an explicit confirmation. */
const CancelSchema = z.object({
  cancelReason: text(1000),
  confirm: z.literal("on", { errorMap: () => ({ message: "errors.confirmRequired" }) }),
});

export const meta: MetaFunction = (args) => title(args, "needs.cancel.title");

function load(needId: string | undefined, user: Parameters<typeof getNeedForOwner>[1]) {
  const need = getNeedForOwner(needId ?? "", user);
  if (!needActionAllowed("cancel", needStatusNow(need))) throw redirect(`/needs/${need.id}?notice=notCancellable`);
  return need;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "sme");
  const need = load(params.needId, user);
  return json({ id: need.id, title: need.title });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "sme");
  const need = load(params.needId, user);
  const submission = parseWithZod(await request.formData(), { schema: CancelSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const result = await cancelNeed(need.id, user, submission.value.cancelReason);
  // Awarded or cancelled by someone else first: the need's page as it now stands says so.
  if (!result.ok && result.error === "stale") return redirect(`/needs/${need.id}?notice=stale`);
  if (!result.ok) return json(submission.reply(refusalErrors(result)), { status: 400 });
  return redirect(`/needs/${need.id}?notice=cancelled`);
}

export default function CancelNeed() {
  const { t } = useTranslation();
  const need = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: `cancel-${need.id}`,
    lastResult,
    constraint: getZodConstraint(CancelSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CancelSchema }),
  });
  return (
    <div className="mx-auto max-w-2xl">
      <p>
        <Link to={`/needs/${need.id}`} className="text-sm font-medium text-brand-700 underline">
          ← {need.title}
        </Link>
      </p>
      <PageHeader title={t("needs.cancel.title")} lead={need.title} />
      <Card>
        <Alert tone="warning">{t("needs.cancel.explain")}</Alert>
        <Form method="post" {...getFormProps(form)} className="mt-4 space-y-4">
          <ErrorSummary form={form} labels={{ cancelReason: t("needs.cancel.reason") }} />
          <TextareaField
            meta={fields.cancelReason}
            label={t("needs.cancel.reason")}
            hint={t("needs.cancel.reasonHint")}
            rows={4}
          />
          <div>
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
                {t("needs.cancel.confirm")}
              </label>
            </div>
            <FieldErrors id={fields.confirm.errorId} errors={fields.confirm.errors} />
          </div>
          <div className="flex flex-col gap-3 sm:flex-row">
            <Button variant="danger">{t("needs.cancel.submit")}</Button>
            <Link to={`/needs/${need.id}`} className={buttonClass("secondary")}>
              {t("needs.cancel.keep")}
            </Link>
          </div>
        </Form>
      </Card>
    </div>
  );
}

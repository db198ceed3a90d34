import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { z } from "zod";
import { Button } from "~/components/ui/button";
import { ConfirmAction } from "~/components/ui/confirm";
import { Field, TextareaField } from "~/components/ui/field";
import { RemovalErrors } from "~/components/vendor/removal-errors";
import { Card, PageHeader } from "~/components/ui/page";
import { MIN_REFERENCES } from "~/lib/dossier";
import { addReference, removeReference } from "~/models/dossier.server";
import { requireRole } from "~/utils/auth.server";
import { requireEditableDossier } from "~/utils/dossier-guard.server";
import { PendingChangeNote } from "~/components/vendor/pending-change-note";
import { title } from "~/utils/meta";
import { useIntentResult } from "~/utils/use-intent-result";
import { email, phone, text } from "~/utils/validation";
import { ErrorSummary } from "~/components/ui/error-summary";

const ReferenceSchema = z.object({
  intent: z.literal("add"),
  clientName: text(200),
  contactName: text(120),
  contactPhone: phone,
  contactEmail: email.optional(),
  project: text(1000),
});

const RemoveSchema = z.object({
  intent: z.literal("remove"),
  referenceId: z.string({ required_error: "errors.required" }).trim().min(1, "errors.required").max(100),
});

export const meta: MetaFunction = (args) => title(args, "dossier.references.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { dossier } = await requireEditableDossier(request);
  return json({ references: dossier.references, mode: dossier.mode, change: dossier.change });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "vendor");
  const formData = await request.formData();
  if (formData.get("intent") === "remove") {
    const submission = parseWithZod(formData, { schema: RemoveSchema });
    if (submission.status !== "success") return json({ intent: "remove", result: submission.reply() }, { status: 400 });
    const result = removeReference(user.organisationId, submission.value.referenceId);
    if (!result.ok) {
      return json(
        { intent: "remove", result: submission.reply({ formErrors: ["errors.dossierLocked"] }) },
        { status: 409 },
      );
    }
    return redirect("/me/dossier/references");
  }
  const submission = parseWithZod(formData, { schema: ReferenceSchema });
  if (submission.status !== "success") return json({ intent: "add", result: submission.reply() }, { status: 400 });
  const { intent: _intent, ...input } = submission.value;
  const result = addReference(user.organisationId, input);
  if (!result.ok) {
    return json({ intent: "add", result: submission.reply({ formErrors: ["errors.dossierLocked"] }) }, { status: 409 });
  }
  return redirect("/me/dossier/references");
}

export default function DossierReferences() {
  const { t } = useTranslation();
  const { references, mode, change } = useLoaderData<typeof loader>();
  const removal = useIntentResult("remove");
  const [form, fields] = useForm({
    id: "reference",
    lastResult: useIntentResult("add"),
    constraint: getZodConstraint(ReferenceSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ReferenceSchema }),
  });
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p>
        <Link to="/me/dossier" className="text-sm font-medium text-brand-700 underline">
          ← {t("dossier.back")}
        </Link>
      </p>
      <PageHeader
        title={t("dossier.references.title")}
        lead={t("dossier.references.lead", { count: MIN_REFERENCES })}
      />
      <PendingChangeNote mode={mode} change={change} />
      <Card>
        <h2 className="text-lg font-semibold">{t("dossier.references.current", { count: references.length })}</h2>
        <RemovalErrors result={removal} />
        {references.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">{t("dossier.references.none")}</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100">
            {references.map((r) => (
              <li key={r.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-start sm:justify-between">
                <div>
                  <p className="font-semibold">{r.clientName}</p>
                  <p className="text-sm text-slate-700">{r.project}</p>
                  <p className="text-sm">
                    {[r.contactName, r.contactPhone, r.contactEmail].filter(Boolean).join(" · ")}
                  </p>
                </div>
                <ConfirmAction
                  label={t("dossier.remove")}
                  question={t("dossier.references.removeQuestion", { name: r.clientName })}
                  confirmLabel={t("dossier.confirmRemove")}
                  fields={{ intent: "remove", referenceId: r.id }}
                />
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">{t("dossier.references.add")}</h2>
        <Form method="post" {...getFormProps(form)} className="mt-4 space-y-4">
          <ErrorSummary
            form={form}
            labels={{
              clientName: t("dossier.references.clientName"),
              project: t("dossier.references.project"),
              contactName: t("dossier.references.contactName"),
              contactPhone: t("fields.phone"),
              contactEmail: t("fields.email"),
            }}
          />
          <input type="hidden" name="intent" value="add" />
          <Field meta={fields.clientName} label={t("dossier.references.clientName")} />
          <TextareaField meta={fields.project} label={t("dossier.references.project")} rows={3} />
          <Field meta={fields.contactName} label={t("dossier.references.contactName")} />
          <div className="grid gap-4 sm:grid-cols-2">
            <Field meta={fields.contactPhone} type="tel" label={t("fields.phone")} />
            <Field meta={fields.contactEmail} type="email" label={t("fields.email")} />
          </div>
          <Button>{t("dossier.references.submit")}</Button>
        </Form>
      </Card>
    </div>
  );
}

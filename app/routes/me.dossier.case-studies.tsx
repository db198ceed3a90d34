import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { z } from "zod";
import { Button } from "~/components/ui/button";
import { ConfirmAction } from "~/components/ui/confirm";
import { ErrorSummary } from "~/components/ui/error-summary";
import { Field, SelectField, TextareaField } from "~/components/ui/field";
import { Card, PageHeader } from "~/components/ui/page";
import { CaseStudyList } from "~/components/vendor/case-study-list";
import { PendingChangeNote } from "~/components/vendor/pending-change-note";
import { RemovalErrors } from "~/components/vendor/removal-errors";
import { formatDate } from "~/lib/format";
import { SECTORS } from "~/lib/reference";
import {
  completedEngagementsOf,
  removeCaseStudy,
  saveCaseStudy,
  verifiedEngagementIds,
} from "~/models/dossier-changes.server";
import { requireRole } from "~/utils/auth.server";
import { requireEditableDossier } from "~/utils/dossier-guard.server";
import { title } from "~/utils/meta";
import { useIntentResult } from "~/utils/use-intent-result";
import { oneOf, optionalText, text } from "~/utils/validation";

const CaseStudySchema = z.object({
  intent: z.literal("add"),
  title: text(200),
  sector: oneOf(SECTORS),
  challenge: text(2000),
  work: text(2000),
  result: text(2000),
  engagementId: optionalText(100),
});

const RemoveSchema = z.object({
  intent: z.literal("remove"),
  caseStudyId: z.string({ required_error: "errors.required" }).trim().min(1, "errors.required").max(100),
});

export const meta: MetaFunction = (args) => title(args, "caseStudies.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { dossier } = await requireEditableDossier(request);
  const verified = verifiedEngagementIds(
    dossier.id,
    dossier.caseStudies.flatMap((c) => (c.engagementId ? [c.engagementId] : [])),
  );
  return json({
    caseStudies: dossier.caseStudies.map(({ engagementId, ...c }) => ({
      ...c,
      verified: !!engagementId && verified.has(engagementId),
    })),
    engagements: completedEngagementsOf(dossier.id),
    mode: dossier.mode,
    change: dossier.change,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "vendor");
  const formData = await request.formData();
  if (formData.get("intent") === "remove") {
    const submission = parseWithZod(formData, { schema: RemoveSchema });
    if (submission.status !== "success") return json({ intent: "remove", result: submission.reply() }, { status: 400 });
    const result = removeCaseStudy(user.organisationId, submission.value.caseStudyId);
    if (!result.ok) {
      return json(
        { intent: "remove", result: submission.reply({ formErrors: ["errors.dossierLocked"] }) },
        { status: 409 },
      );
    }
    return redirect("/me/dossier/case-studies");
  }
  const submission = parseWithZod(formData, { schema: CaseStudySchema });
  if (submission.status !== "success") return json({ intent: "add", result: submission.reply() }, { status: 400 });
  const { intent: _intent, engagementId, ...input } = submission.value;
  const result = saveCaseStudy(user.organisationId, null, { ...input, engagementId: engagementId ?? null });
  if (!result.ok) {
    const reply =
      result.error === "engagement"
        ? submission.reply({ fieldErrors: { engagementId: ["errors.caseStudyEngagement"] } })
        : submission.reply({ formErrors: ["errors.dossierLocked"] });
    return json({ intent: "add", result: reply }, { status: 409 });
  }
  return redirect("/me/dossier/case-studies");
}

export default function DossierCaseStudies() {
  const { t } = useTranslation();
  const { caseStudies, engagements, mode, change } = useLoaderData<typeof loader>();
  const removal = useIntentResult("remove");
  const [form, fields] = useForm({
    id: "case-study",
    lastResult: useIntentResult("add"),
    constraint: getZodConstraint(CaseStudySchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CaseStudySchema }),
  });
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p>
        <Link to="/me/dossier" className="text-sm font-medium text-brand-700 underline">
          ← {t("dossier.back")}
        </Link>
      </p>
      <PageHeader title={t("caseStudies.title")} lead={t("caseStudies.lead")} />
      <PendingChangeNote mode={mode} change={change} />
      <Card>
        <h2 className="mb-3 text-lg font-semibold">{t("caseStudies.current", { count: caseStudies.length })}</h2>
        <RemovalErrors result={removal} />
        <CaseStudyList
          caseStudies={caseStudies}
          actions={(c) => (
            <ConfirmAction
              label={t("dossier.remove")}
              question={t("caseStudies.removeQuestion", { title: c.title })}
              confirmLabel={t("dossier.confirmRemove")}
              fields={{ intent: "remove", caseStudyId: c.id }}
            />
          )}
        />
      </Card>
      <Card>
        <h2 className="mb-4 text-lg font-semibold">{t("caseStudies.add")}</h2>
        <Form method="post" {...getFormProps(form)} className="space-y-4">
          <ErrorSummary form={form} />
          <input type="hidden" name="intent" value="add" />
          <Field meta={fields.title} label={t("caseStudies.fields.title")} hint={t("caseStudies.fields.titleHint")} />
          <SelectField
            meta={fields.sector}
            label={t("caseStudies.fields.sector")}
            placeholder={t("caseStudies.fields.sectorPlaceholder")}
            options={SECTORS.map((s) => ({ value: s, label: t(`sectors.${s}`) }))}
          />
          <TextareaField meta={fields.challenge} label={t("caseStudies.fields.challenge")} rows={3} />
          <TextareaField meta={fields.work} label={t("caseStudies.fields.work")} rows={3} />
          <TextareaField
            meta={fields.result}
            label={t("caseStudies.fields.result")}
            hint={t("caseStudies.fields.resultHint")}
            rows={3}
          />
          <SelectField
            meta={fields.engagementId}
            label={t("caseStudies.fields.engagement")}
            hint={engagements.length ? t("caseStudies.fields.engagementHint") : t("caseStudies.fields.noEngagements")}
            placeholder={t("caseStudies.fields.engagementNone")}
            options={engagements.map((e) => ({
              value: e.id,
              label: `${e.needTitle} — ${e.smeName}${e.completedAt ? ` (${formatDate(e.completedAt)})` : ""}`,
            }))}
          />
          <Button>{t("caseStudies.submit")}</Button>
        </Form>
      </Card>
    </div>
  );
}

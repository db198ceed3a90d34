import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { StaleAlert } from "~/components/stale-alert";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { FieldErrors, TextareaField } from "~/components/ui/field";
import { Card, PageHeader } from "~/components/ui/page";
import { DossierView } from "~/components/vendor/dossier-view";
import { VettedBadge } from "~/components/vendor/vetted-badge";
import { VettingHistory } from "~/components/vendor/vetting-history";
import { checkTaxCode } from "~/lib/tax-code";
import { availableActions } from "~/lib/vendor-lifecycle";
import { CHECKLIST_ITEMS, type Checklist } from "~/lib/vendor-options";
import { ChangeDiff } from "~/components/vendor/change-diff";
import { VendorLogo } from "~/components/vendor/vendor-logo";
import { formatDate } from "~/lib/format";
import { changeForStaff, decideChange, logoUrl } from "~/models/dossier-changes.server";
import { getDossier, liveContent } from "~/models/dossier.server";
import { decide, declareConflict, hasDeclaredConflict, vettingHistory } from "~/models/vetting.server";
import { requireRole } from "~/utils/auth.server";
import { title } from "~/utils/meta";
import { useIntentResult } from "~/utils/use-intent-result";
import { optionalText, text } from "~/utils/validation";
import { ErrorSummary } from "~/components/ui/error-summary";

const checklistSchema = z.object(
  Object.fromEntries(
    CHECKLIST_ITEMS.map((item) => [item, z.object({ checked: z.boolean().default(false), note: optionalText(500) })]),
  ) as Record<
    (typeof CHECKLIST_ITEMS)[number],
    z.ZodObject<{ checked: z.ZodDefault<z.ZodBoolean>; note: ReturnType<typeof optionalText> }>
  >,
);

const DecisionSchema = z
  .object({
    intent: z.literal("decide"),
    decision: z.enum(["approve", "request_changes", "reject"], { errorMap: () => ({ message: "errors.choose" }) }),
    note: optionalText(2000),
    checklist: checklistSchema,
  })
  .superRefine((v, ctx) => {
    if (v.decision === "approve") {
      for (const item of CHECKLIST_ITEMS) {
        if (!v.checklist[item].checked) {
          ctx.addIssue({ code: "custom", path: ["checklist", item, "checked"], message: "errors.checklistRequired" });
        }
      }
    } else if (!v.note) {
      ctx.addIssue({ code: "custom", path: ["note"], message: "errors.noteRequired" });
    }
  });

const SuspendSchema = z.object({
  intent: z.literal("suspend"),
  note: text(2000),
  confirm: z.literal("on", { errorMap: () => ({ message: "errors.confirmRequired" }) }),
});
const ReinstateSchema = z.object({ intent: z.literal("reinstate"), note: optionalText(2000) });
const ConflictSchema = z.object({ intent: z.literal("conflict"), note: text(1000) });
const ChangeSchema = z
  .object({
    intent: z.literal("change"),
    decision: z.enum(["approve", "request_changes"], { errorMap: () => ({ message: "errors.choose" }) }),
    version: z.coerce.number().int().min(1),
    note: optionalText(2000),
  })
  .refine((v) => v.decision === "approve" || !!v.note, { path: ["note"], message: "errors.noteRequired" });

const CHANGE_FAILURE: Record<string, string> = {
  conflict_of_interest: "errors.vettingConflict",
  note_required: "errors.noteRequired",
  base_changed: "dossierChange.errors.baseChanged",
};

export const meta: MetaFunction = (args) => title(args, "vetting.review.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireRole(request, "staff");
  const dossier = getDossier(params.vendorId ?? "");
  const now = Date.now();
  const change = changeForStaff(dossier.id);
  const logoOf = (l: { key: string; width: number; height: number } | null) =>
    l ? { url: logoUrl(dossier.id, l), width: l.width, height: l.height } : null;
  return json({
    dossier,
    logoUrl: logoUrl(dossier.id, liveContent(dossier.id).logo),
    change: change
      ? {
          status: change.status,
          version: change.version,
          note: change.note,
          updatedAt: change.updatedAt,
          diff: change.diff,
          logos: { before: logoOf(change.base.logo), after: logoOf(change.proposed.logo) },
        }
      : null,
    taxCodeValid: dossier.taxCode ? checkTaxCode(dossier.taxCode).valid : false,
    history: vettingHistory(dossier.id),
    conflict: hasDeclaredConflict(dossier.id, staff.id),
    actions: availableActions({ status: dossier.status, vettingExpiresAt: dossier.vettingExpiresAt }, now),
    notice: new URL(request.url).searchParams.get("notice"),
  });
}

const FAILURE_MESSAGE: Record<string, string> = {
  illegal_transition: "errors.vettingIllegal",
  conflict_of_interest: "errors.vettingConflict",
  checklist_incomplete: "errors.checklistRequired",
  note_required: "errors.noteRequired",
  incomplete: "errors.vettingIllegal",
  not_editable: "errors.vettingIllegal",
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const staff = await requireRole(request, "staff");
  const vendorId = getDossier(params.vendorId ?? "").id;
  const formData = await request.formData();
  const intent = String(formData.get("intent"));
  const done = (notice: string) => redirect(`/staff/vendors/${vendorId}?notice=${notice}`);

  if (intent === "change") {
    const submission = parseWithZod(formData, { schema: ChangeSchema });
    if (submission.status !== "success") {
      return json({ intent, result: submission.reply(), stale: false }, { status: 400 });
    }
    const { decision, version, note } = submission.value;
    const result = decideChange(staff, vendorId, decision, { version, note }, context.ip);
    if (!result.ok && result.error === "stale") {
      return json({ intent, result: submission.reply(), stale: true }, { status: 409 });
    }
    if (!result.ok) {
      return json(
        {
          intent,
          result: submission.reply({ formErrors: [CHANGE_FAILURE[result.error] ?? "errors.stale"] }),
          stale: false,
        },
        { status: 409 },
      );
    }
    return done(decision === "approve" ? "change_approved" : "change_returned");
  }
  if (intent === "conflict") {
    const submission = parseWithZod(formData, { schema: ConflictSchema });
    if (submission.status !== "success") {
      return json({ intent, result: submission.reply(), stale: false }, { status: 400 });
    }
    declareConflict(staff, vendorId, submission.value.note, context.ip);
    return done("conflict");
  }
  const schema = intent === "suspend" ? SuspendSchema : intent === "reinstate" ? ReinstateSchema : DecisionSchema;
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success")
    return json({ intent, result: submission.reply(), stale: false }, { status: 400 });
  const value = submission.value;
  const decision = value.intent === "decide" ? value.decision : value.intent;
  const checklist = value.intent === "decide" ? (value.checklist as Checklist) : null;
  const result = await decide(staff, vendorId, decision, { note: value.note, checklist }, context.ip);
  // A colleague decided first: the page shows the vendor as it now stands. The page only offers
  // what the vendor's state allows, so a decision the state no longer allows means the same.
  if (!result.ok && (result.error === "stale" || result.error === "illegal_transition")) {
    return json({ intent, result: submission.reply(), stale: true }, { status: 409 });
  }
  if (!result.ok) {
    return json(
      {
        intent,
        result: submission.reply({ formErrors: [FAILURE_MESSAGE[result.error] ?? "errors.vettingIllegal"] }),
        stale: false,
      },
      { status: 409 },
    );
  }
  return done(decision);
}

function DecisionForm({ taxCodeValid }: { taxCodeValid: boolean }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "decision",
    lastResult: useIntentResult("decide"),
    constraint: getZodConstraint(DecisionSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DecisionSchema }),
    shouldRevalidate: "onInput",
  });
  const checklist = fields.checklist.getFieldset();
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-5">
      <input type="hidden" name="intent" value="decide" />
      <ErrorSummary form={form} labels={{ note: t("vetting.note") }} />
      <fieldset className="space-y-3">
        <legend className="text-base font-semibold">{t("vetting.checklist.title")}</legend>
        {CHECKLIST_ITEMS.map((item) => {
          const f = checklist[item].getFieldset();
          return (
            <div key={item} className="rounded-md border border-slate-200 p-3">
              <div className="flex items-start gap-2">
                <input {...getInputProps(f.checked, { type: "checkbox" })} className="mt-1 h-5 w-5 shrink-0" />
                <label htmlFor={f.checked.id} className="text-sm">
                  <span className="font-semibold">{t(`vetting.checklist.${item}.label`)}</span>
                  <span className="block text-slate-700">{t(`vetting.checklist.${item}.help`)}</span>
                  {item === "taxCode" ? (
                    <span className={`block ${taxCodeValid ? "text-green-800" : "text-red-700"}`}>
                      {t(taxCodeValid ? "vetting.taxCodeValid" : "vetting.taxCodeInvalid")}
                    </span>
                  ) : null}
                </label>
              </div>
              <FieldErrors id={f.checked.errorId} errors={f.checked.errors} />
              <label htmlFor={f.note.id} className="sr-only">
                {t("vetting.checklist.note", { item: t(`vetting.checklist.${item}.label`) })}
              </label>
              <input
                {...getInputProps(f.note, { type: "text" })}
                placeholder={t("vetting.checklist.notePlaceholder")}
                className="mt-2 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
              />
            </div>
          );
        })}
      </fieldset>
      <fieldset>
        <legend className="text-base font-semibold">{t("vetting.decision")}</legend>
        <div className="mt-2 flex flex-col gap-1">
          {(["approve", "request_changes", "reject"] as const).map((d) => (
            <label key={d} className="flex min-h-11 items-center gap-2">
              <input type="radio" name={fields.decision.name} value={d} className="h-5 w-5" required />
              <span>{t(`vetting.decisions.${d}`)}</span>
            </label>
          ))}
        </div>
        <FieldErrors id={fields.decision.errorId} errors={fields.decision.errors} />
      </fieldset>
      <TextareaField meta={fields.note} label={t("vetting.note")} hint={t("vetting.noteHint")} rows={4} />
      <Button>{t("vetting.record")}</Button>
    </Form>
  );
}

function SuspendForm() {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "suspend",
    lastResult: useIntentResult("suspend"),
    constraint: getZodConstraint(SuspendSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SuspendSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3">
      <input type="hidden" name="intent" value="suspend" />
      <ErrorSummary form={form} labels={{ note: t("vetting.suspend.reason") }} />
      <TextareaField meta={fields.note} label={t("vetting.suspend.reason")} rows={3} />
      <div className="flex items-start gap-2">
        <input {...getInputProps(fields.confirm, { type: "checkbox" })} className="mt-1 h-5 w-5" />
        <label htmlFor={fields.confirm.id} className="text-sm">
          {t("vetting.suspend.confirm")}
        </label>
      </div>
      <FieldErrors id={fields.confirm.errorId} errors={fields.confirm.errors} />
      <Button variant="danger">{t("vetting.suspend.submit")}</Button>
    </Form>
  );
}

function ReinstateForm() {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "reinstate",
    lastResult: useIntentResult("reinstate"),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ReinstateSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3">
      <input type="hidden" name="intent" value="reinstate" />
      <ErrorSummary form={form} labels={{ note: t("vetting.reinstate.note") }} />
      <TextareaField meta={fields.note} label={t("vetting.reinstate.note")} rows={3} />
      <Button>{t("vetting.reinstate.submit")}</Button>
    </Form>
  );
}

function ChangeForm({ version }: { version: number }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "change",
    lastResult: useIntentResult("change"),
    constraint: getZodConstraint(ChangeSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ChangeSchema }),
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4">
      <input type="hidden" name="intent" value="change" />
      <input type="hidden" name="version" value={version} />
      <ErrorSummary form={form} />
      <fieldset>
        <legend className="text-base font-semibold">{t("vetting.decision")}</legend>
        <div className="mt-2 flex flex-col gap-1">
          {(["approve", "request_changes"] as const).map((d) => (
            <label key={d} className="flex min-h-11 items-center gap-2">
              <input type="radio" name={fields.decision.name} value={d} className="h-5 w-5" required />
              <span>{t(`dossierChange.decisions.${d}`)}</span>
            </label>
          ))}
        </div>
        <FieldErrors id={fields.decision.errorId} errors={fields.decision.errors} />
      </fieldset>
      <TextareaField meta={fields.note} label={t("vetting.note")} hint={t("dossierChange.noteHint")} rows={3} />
      <Button>{t("vetting.record")}</Button>
    </Form>
  );
}

function ConflictForm() {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "conflict",
    lastResult: useIntentResult("conflict"),
    constraint: getZodConstraint(ConflictSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ConflictSchema }),
  });
  return (
    <details>
      <summary className="cursor-pointer text-sm font-semibold text-brand-800 underline">
        {t("vetting.conflict.open")}
      </summary>
      <Form method="post" {...getFormProps(form)} className="mt-3 space-y-3">
        <input type="hidden" name="intent" value="conflict" />
        <p className="text-sm text-slate-700">{t("vetting.conflict.explain")}</p>
        <label htmlFor={fields.note.id} className="block text-sm font-medium">
          {t("vetting.conflict.note")}
        </label>
        <textarea
          {...getTextareaProps(fields.note)}
          rows={2}
          className="block w-full rounded-md border border-slate-300 px-3 py-2"
        />
        <FieldErrors id={fields.note.errorId} errors={fields.note.errors} />
        <Button variant="secondary">{t("vetting.conflict.submit")}</Button>
      </Form>
    </details>
  );
}

export default function VendorReview() {
  const { t } = useTranslation();
  const { dossier, history, conflict, actions, notice, taxCodeValid, change, logoUrl } = useLoaderData<typeof loader>();
  const canDecide = actions.includes("approve");
  return (
    <div className="space-y-6">
      <p>
        <Link to="/staff/vendors" className="text-sm font-medium text-brand-700 underline">
          ← {t("vetting.review.back")}
        </Link>
      </p>
      <PageHeader
        title={
          <span className="flex items-center gap-3">
            <VendorLogo name={dossier.legalName} logoUrl={logoUrl} size="sm" />
            {dossier.legalName}
          </span>
        }
        lead={
          <span className="flex flex-wrap items-center gap-2">
            <Badge>{t(`vendorStatuses.${dossier.effectiveStatus}`)}</Badge>
            <VettedBadge
              vettedBy={dossier.vettedBy}
              vettedAt={dossier.vettedAt}
              vettingExpiresAt={dossier.vettingExpiresAt}
            />
          </span>
        }
      />
      <StaleAlert />
      {notice ? (
        <Alert tone="success" role="status">
          {t(`vetting.notice.${notice}`, { defaultValue: "" })}
        </Alert>
      ) : null}
      {change ? (
        <Card>
          <h2 className="text-lg font-semibold">{t("dossierChange.staffTitle")}</h2>
          <p className="mt-1 text-sm text-slate-700">
            {t(change.status === "pending" ? "dossierChange.staffLead" : "dossierChange.staffReturned", {
              date: formatDate(change.updatedAt),
              note: change.note ?? "",
            })}
          </p>
          <div className="mt-4 grid gap-6 lg:grid-cols-5">
            <div className="lg:col-span-3">
              <ChangeDiff diff={change.diff} logos={change.logos} />
            </div>
            <div className="lg:col-span-2">
              {conflict ? (
                <Alert tone="warning" role="status">
                  {t("vetting.conflict.declared")}
                </Alert>
              ) : change.status === "pending" ? (
                <ChangeForm version={change.version} />
              ) : null}
            </div>
          </div>
        </Card>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-5">
        <div className="lg:col-span-3">
          <DossierView dossier={dossier} />
        </div>
        <div className="space-y-6 lg:col-span-2">
          {conflict ? (
            <Alert tone="warning" role="status">
              {t("vetting.conflict.declared")}
            </Alert>
          ) : (
            <>
              {canDecide ? (
                <Card>
                  <h2 className="mb-4 text-lg font-semibold">{t("vetting.review.decide")}</h2>
                  <DecisionForm taxCodeValid={taxCodeValid} />
                </Card>
              ) : null}
              {actions.includes("suspend") ? (
                <Card>
                  <h2 className="mb-2 text-lg font-semibold">{t("vetting.suspend.title")}</h2>
                  <SuspendForm />
                </Card>
              ) : null}
              {actions.includes("reinstate") ? (
                <Card>
                  <h2 className="mb-2 text-lg font-semibold">{t("vetting.reinstate.title")}</h2>
                  <ReinstateForm />
                </Card>
              ) : null}
              {!canDecide && !actions.includes("suspend") && !actions.includes("reinstate") ? (
                <p className="text-sm text-slate-700">{t(`vetting.review.nothingToDo`)}</p>
              ) : null}
              <ConflictForm />
            </>
          )}
          <section aria-labelledby="history">
            <h2 id="history" className="mb-3 text-lg font-semibold">
              {t("vetting.history.title")}
            </h2>
            <VettingHistory events={history} showActors />
          </section>
        </div>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import { getFormProps, useForm, type DefaultValue, type FieldMetadata } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/utils/i18n-react";
import { z } from "zod";
import { Button } from "~/components/ui/button";
import { Field, FieldErrors, SelectField, TextareaField } from "~/components/ui/field";
import { Card, PageHeader } from "~/components/ui/page";
import { MAX_MILESTONES, planProblems, VALIDITY_DAYS } from "~/lib/bid-rules";
import { formatDate, formatMoney } from "~/lib/format";
import { getOwnBid, submitBid, updateBid } from "~/models/bids.server";
import { getNeedForViewer } from "~/models/needs.server";
import { vendorStanding } from "~/models/dossier.server";
import { requireRole } from "~/utils/auth.server";
import { title } from "~/utils/meta";
import { money, text, wholeNumber } from "~/utils/validation";
import { ErrorSummary } from "~/components/ui/error-summary";

const BidSchema = z
  .object({
    total: money(),
    durationDays: wholeNumber(1, 3650),
    approach: text(4000),
    validityDays: z
      .enum(VALIDITY_DAYS.map(String) as [string, ...string[]], { errorMap: () => ({ message: "errors.choose" }) })
      .transform(Number),
    milestones: z
      .array(z.object({ title: text(200), dueOffsetDays: wholeNumber(1, 3650), amount: money() }), {
        required_error: "errors.milestonesRequired",
      })
      .min(1, "errors.milestonesRequired")
      .max(MAX_MILESTONES, "errors.tooMany"),
  })
  .superRefine((bid, ctx) => {
    for (const p of planProblems(bid.total, bid.durationDays, bid.milestones)) {
      ctx.addIssue({ code: "custom", path: p.path, message: p.message });
    }
  });

export const meta: MetaFunction = (args) => title(args, "bids.formTitle");

async function load(request: Request, needId: string | undefined) {
  const user = await requireRole(request, "vendor");
  const need = getNeedForViewer(needId ?? "", user);
  if (need.statusNow !== "open" || vendorStanding(user.organisationId) !== "vetted")
    throw redirect(`/needs/${need.id}`);
  return { user, need };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, need } = await load(request, params.needId);
  const own = getOwnBid(need.id, user.organisationId);
  if (own && own.status !== "submitted") throw redirect(`/needs/${need.id}`);
  return json({
    need: {
      id: need.id,
      title: need.title,
      deadline: need.deadline,
      budgetMin: need.budgetMin,
      budgetMax: need.budgetMax,
    },
    editing: !!own,
    defaultValue: own
      ? {
          total: String(own.total),
          durationDays: String(own.durationDays),
          approach: own.approach,
          validityDays: String(own.validityDays),
          milestones: own.milestones.map((m) => ({
            title: m.title,
            dueOffsetDays: String(m.dueOffsetDays),
            amount: String(m.amount),
          })),
        }
      : { validityDays: "60", milestones: [{ title: "", dueOffsetDays: "", amount: "" }] },
  });
}

const REFUSAL: Record<string, string> = {
  closed: "errors.biddingClosed",
  already_bid: "errors.alreadyBid",
  not_vetted: "errors.notVetted",
  not_live: "errors.bidNotLive",
  not_found: "errors.biddingClosed",
  stale: "errors.stale",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, need } = await load(request, params.needId);
  const submission = parseWithZod(await request.formData(), { schema: BidSchema });
  if (submission.status !== "success")
    return json(submission.reply(), { status: submission.status === "error" ? 400 : 200 });
  const editing = !!getOwnBid(need.id, user.organisationId);
  const result = editing
    ? await updateBid(user, need.id, submission.value)
    : await submitBid(user, need.id, submission.value);
  if (!result.ok) {
    return json(submission.reply({ formErrors: [REFUSAL[result.error] ?? "errors.bidNotLive"] }), { status: 409 });
  }
  return redirect(`/needs/${need.id}?notice=${editing ? "bidUpdated" : "bidSubmitted"}`);
}

function MilestoneRow({
  meta,
  index,
  removeButton,
}: {
  meta: FieldMetadata<{ title: string; dueOffsetDays: number; amount: number }>;
  index: number;
  removeButton: ReactNode;
}) {
  const { t } = useTranslation();
  const f = meta.getFieldset();
  return (
    <fieldset className="rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-sm font-semibold">{t("bids.milestoneN", { n: index + 1 })}</legend>
      <div className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr]">
        <Field meta={f.title} label={t("bids.fields.milestoneTitle")} />
        <Field
          meta={f.dueOffsetDays}
          type="number"
          label={t("bids.fields.dueOffsetDays")}
          inputProps={{ inputMode: "numeric", min: 1 }}
        />
        <Field meta={f.amount} label={t("bids.fields.amount")} inputProps={{ inputMode: "numeric" }} />
      </div>
      <div className="mt-2">{removeButton}</div>
    </fieldset>
  );
}

export default function BidForm() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const { need, editing, defaultValue } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<z.infer<typeof BidSchema>>({
    id: `bid-${need.id}`,
    lastResult,
    defaultValue: defaultValue as DefaultValue<z.infer<typeof BidSchema>>,
    constraint: getZodConstraint(BidSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: BidSchema }),
  });
  const milestones = fields.milestones.getFieldList();
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p>
        <Link to={`/needs/${need.id}`} className="text-sm font-medium text-brand-700 underline">
          ← {need.title}
        </Link>
      </p>
      <PageHeader
        title={t(editing ? "bids.editTitle" : "bids.formTitle")}
        lead={t("bids.formLead", {
          deadline: formatDate(need.deadline),
          budget: `${formatMoney(need.budgetMin, lang)} – ${formatMoney(need.budgetMax, lang)}`,
        })}
      />
      <Card>
        <Form method="post" {...getFormProps(form)} className="space-y-5">
          <ErrorSummary
            form={form}
            labels={{
              total: t("bids.fields.total"),
              durationDays: t("bids.fields.durationDays"),
              validityDays: t("bids.fields.validityDays"),
              approach: t("bids.fields.approach"),
              milestones: t("bids.fields.milestones"),
              ...Object.fromEntries(
                milestones.flatMap((_, i) => {
                  const row = t("bids.milestoneN", { n: i + 1 });
                  return [
                    [`milestones[${i}].title`, `${row} · ${t("bids.fields.milestoneTitle")}`],
                    [`milestones[${i}].dueOffsetDays`, `${row} · ${t("bids.fields.dueOffsetDays")}`],
                    [`milestones[${i}].amount`, `${row} · ${t("bids.fields.amount")}`],
                  ];
                }),
              ),
            }}
          />
          <div className="grid gap-4 sm:grid-cols-3">
            <Field
              meta={fields.total}
              label={t("bids.fields.total")}
              hint={t("packages.vndHint")}
              inputProps={{ inputMode: "numeric" }}
            />
            <Field
              meta={fields.durationDays}
              type="number"
              label={t("bids.fields.durationDays")}
              inputProps={{ inputMode: "numeric", min: 1 }}
            />
            <SelectField
              meta={fields.validityDays}
              label={t("bids.fields.validityDays")}
              options={VALIDITY_DAYS.map((d) => ({ value: String(d), label: t("bids.days", { count: d }) }))}
            />
          </div>
          <TextareaField
            meta={fields.approach}
            label={t("bids.fields.approach")}
            hint={t("bids.approachHint")}
            rows={6}
          />
          <section aria-labelledby="milestones-title" className="space-y-3">
            <h2 id="milestones-title" className="text-base font-semibold">
              {t("bids.fields.milestones")}
            </h2>
            <p className="text-sm text-slate-700">{t("bids.milestonesHint")}</p>
            <FieldErrors id={fields.milestones.errorId} errors={fields.milestones.errors} />
            {milestones.map((m, index) => (
              <MilestoneRow
                key={m.key ?? m.id}
                meta={m}
                index={index}
                removeButton={
                  milestones.length > 1 ? (
                    <button
                      {...form.remove.getButtonProps({ name: fields.milestones.name, index })}
                      className="text-sm font-medium text-red-700 underline"
                    >
                      {t("bids.removeMilestone", { n: index + 1 })}
                    </button>
                  ) : null
                }
              />
            ))}
            {milestones.length < MAX_MILESTONES ? (
              <button
                {...form.insert.getButtonProps({
                  name: fields.milestones.name,
                  defaultValue: { title: "", dueOffsetDays: "", amount: "" },
                })}
                className="min-h-11 rounded-md border border-dashed border-slate-400 px-4 text-sm font-semibold text-brand-800 hover:bg-slate-50"
              >
                + {t("bids.addMilestone")}
              </button>
            ) : null}
          </section>
          <Button>{t(editing ? "bids.saveChanges" : "bids.send")}</Button>
        </Form>
      </Card>
    </div>
  );
}

import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState, type MouseEvent, type ReactNode } from "react";
import { useTranslation } from "~/utils/i18n-react";
import { Button } from "~/components/ui/button";
import { FieldErrors } from "~/components/ui/field-errors";
import { ServerField, ServerSelectField, ServerTextareaField } from "~/components/ui/server-field";
import { Card, PageHeader } from "~/components/ui/page";
import { MAX_MILESTONES, VALIDITY_DAYS } from "~/lib/bid-rules";
import { formatDate, formatMoney } from "~/lib/format";
import { getOwnBid, submitBid, updateBid } from "~/models/bids.server";
import { getNeedForViewer } from "~/models/needs.server";
import { vendorStanding } from "~/models/dossier.server";
import { requireRole } from "~/utils/auth.server";
import { parseBid } from "~/utils/bid-form.server";
import { useServerForm } from "~/utils/server-form";
import { title } from "~/utils/meta";
import { ErrorSummary } from "~/components/ui/error-summary";

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
  const submission = parseBid(await request.formData());
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

type Field = ReturnType<ReturnType<typeof useServerForm>["field"]>;

function MilestoneRow({
  fields,
  index,
  removeButton,
}: {
  fields: { title: Field; dueOffsetDays: Field; amount: Field };
  index: number;
  removeButton: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-sm font-semibold">{t("bids.milestoneN", { n: index + 1 })}</legend>
      <div className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr]">
        <ServerField meta={fields.title} label={t("bids.fields.milestoneTitle")} inputProps={{ maxLength: 200 }} />
        <ServerField
          meta={fields.dueOffsetDays}
          type="number"
          label={t("bids.fields.dueOffsetDays")}
          inputProps={{ inputMode: "numeric", min: 1, max: 3650 }}
        />
        <ServerField meta={fields.amount} label={t("bids.fields.amount")} inputProps={{ inputMode: "numeric" }} />
      </div>
      <div className="mt-2">{removeButton}</div>
    </fieldset>
  );
}

const EMPTY_MILESTONE = { title: "", dueOffsetDays: "", amount: "" };

export default function BidForm() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const { need, editing, defaultValue } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { form, field, rows, listButton } = useServerForm(`bid-${need.id}`, lastResult, defaultValue);
  // The milestone rows: with JavaScript, adding or removing one happens here; without it, the
  // buttons send the form and the server's answer brings the list back changed. Each row keeps
  // its key and its first values, so what was typed in a row stays with it when an earlier row
  // is removed (its fields' names follow its place; their errors are the server's, by place).
  const [milestones, setMilestones] = useState(() => rows("milestones").map((value, key) => ({ key, value })));
  const [nextKey, setNextKey] = useState(milestones.length);
  const change = (event: MouseEvent<HTMLButtonElement>, next: typeof milestones) => {
    event.preventDefault();
    setMilestones(next);
  };
  const milestone = (index: number, value: Record<string, unknown>) => {
    const at = (name: keyof typeof EMPTY_MILESTONE) => {
      const meta = field(`milestones[${index}].${name}`);
      const typed = value[name];
      return { ...meta, defaultValue: typeof typed === "string" && typed ? typed : undefined };
    };
    return { title: at("title"), dueOffsetDays: at("dueOffsetDays"), amount: at("amount") };
  };
  const list = field("milestones");
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
        <Form method="post" {...form.props} className="space-y-5">
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
            <ServerField
              meta={field("total")}
              label={t("bids.fields.total")}
              hint={t("packages.vndHint")}
              inputProps={{ inputMode: "numeric" }}
            />
            <ServerField
              meta={field("durationDays")}
              type="number"
              label={t("bids.fields.durationDays")}
              inputProps={{ inputMode: "numeric", min: 1, max: 3650 }}
            />
            <ServerSelectField
              meta={field("validityDays")}
              label={t("bids.fields.validityDays")}
              options={VALIDITY_DAYS.map((d) => ({ value: String(d), label: t("bids.days", { count: d }) }))}
            />
          </div>
          <ServerTextareaField
            meta={field("approach")}
            label={t("bids.fields.approach")}
            hint={t("bids.approachHint")}
            rows={6}
            maxLength={4000}
          />
          <section aria-labelledby="milestones-title" className="space-y-3">
            <h2 id="milestones-title" className="text-base font-semibold">
              {t("bids.fields.milestones")}
            </h2>
            <p className="text-sm text-slate-700">{t("bids.milestonesHint")}</p>
            <FieldErrors id={list.errorId} errors={list.errors} />
            {milestones.map((row, index) => (
              <MilestoneRow
                key={row.key}
                fields={milestone(index, row.value)}
                index={index}
                removeButton={
                  milestones.length > 1 ? (
                    <button
                      {...listButton({ type: "remove", name: "milestones", index })}
                      onClick={(event) =>
                        change(
                          event,
                          milestones.filter((m) => m !== row),
                        )
                      }
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
                {...listButton({ type: "insert", name: "milestones", defaultValue: EMPTY_MILESTONE })}
                onClick={(event) => {
                  setNextKey(nextKey + 1);
                  change(event, [...milestones, { key: nextKey, value: {} }]);
                }}
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

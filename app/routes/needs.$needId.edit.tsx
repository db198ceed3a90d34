import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { NeedForm, needInputFrom, NeedSchema, refusalErrors } from "~/components/need-form";
import { NeedStatusBadge } from "~/components/need-status-badge";
import { Card, PageHeader } from "~/components/ui/page";
import { formatNumber } from "~/lib/format";
import { dateInputFromTime } from "~/lib/date-input";
import { needActionAllowed } from "~/lib/need-status";
import { getNeedForOwner, needStatusNow, updateNeed } from "~/models/needs.server";
import { requireRole } from "~/utils/auth.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = (args) => title(args, "needs.edit.title");

/** The owner's need while it can be edited; else to its page, saying why (`notEditable` or `stale`). */
function load(needId: string | undefined, user: Parameters<typeof getNeedForOwner>[1], notice = "notEditable") {
  const need = getNeedForOwner(needId ?? "", user);
  const status = needStatusNow(need);
  if (!needActionAllowed("edit", status)) throw redirect(`/needs/${need.id}?notice=${notice}`);
  return { need, status };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "sme");
  const { need, status } = load(params.needId, user);
  return json({
    id: need.id,
    title: need.title,
    status,
    defaultValue: {
      title: need.title,
      description: need.description,
      category: need.category,
      sector: need.sector,
      budgetMin: formatNumber(need.budgetMin),
      budgetMax: formatNumber(need.budgetMax),
      desiredStart: dateInputFromTime(need.desiredStart),
      deadline: dateInputFromTime(need.deadline),
      requirements: need.requirements,
    },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "sme");
  const { need } = load(params.needId, user);
  const submission = parseWithZod(await request.formData(), { schema: NeedSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const publish = submission.value.intent === "publish";
  const result = await updateNeed(need.id, user, needInputFrom(submission.value), { publish });
  if (!result.ok) {
    // Changed by someone else first: the form again with what was typed while the need can still be
    // edited, else its page as it now stands.
    if (result.error === "stale") load(need.id, user, "stale");
    return json(submission.reply(refusalErrors(result)), { status: result.error === "stale" ? 409 : 400 });
  }
  const notice = publish ? "published" : submission.value.intent === "draft" ? "drafted" : "saved";
  return redirect(`/needs/${need.id}?notice=${notice}`);
}

export default function EditNeed() {
  const { t } = useTranslation();
  const { id, title: needTitle, status, defaultValue } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-2xl">
      <p>
        <Link to={`/needs/${id}`} className="text-sm font-medium text-brand-700 underline">
          ← {needTitle}
        </Link>
      </p>
      <PageHeader title={t("needs.edit.title")} actions={<NeedStatusBadge status={status} />} />
      <Card>
        <NeedForm
          id={`need-edit-${id}`}
          mode={status === "open" ? "open" : "draft"}
          defaultValue={defaultValue}
          lastResult={lastResult}
        />
      </Card>
    </div>
  );
}

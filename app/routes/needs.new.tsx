import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { NeedForm, needInputFrom, NeedSchema, refusalErrors } from "~/components/need-form";
import { Card, PageHeader } from "~/components/ui/page";
import { CATEGORIES } from "~/lib/reference";
import { createNeed } from "~/models/needs.server";
import { getOrganisation } from "~/models/users.server";
import { requireRole } from "~/utils/auth.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = (args) => title(args, "needs.new.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "sme");
  // ?category=… (from the assessment's recommendations or a vendor's profile) fills the category in; an unknown one is ignored.
  const asked = new URL(request.url).searchParams.get("category");
  const category = CATEGORIES.find((c) => c === asked) ?? "";
  return json({ sector: getOrganisation(user.organisationId)?.sector ?? "", category });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "sme");
  const submission = parseWithZod(await request.formData(), { schema: NeedSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const publish = submission.value.intent === "publish";
  const result = await createNeed(user, needInputFrom(submission.value), { publish });
  if (!result.ok) return json(submission.reply(refusalErrors(result)), { status: 400 });
  return redirect(`/needs/${result.needId}?notice=${publish ? "published" : "drafted"}`);
}

export default function NewNeed() {
  const { t } = useTranslation();
  const { sector, category } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-2xl">
      <p>
        <Link to="/needs" className="text-sm font-medium text-brand-700 underline">
          ← {t("needs.mine.title")}
        </Link>
      </p>
      <PageHeader title={t("needs.new.title")} lead={t("needs.new.lead")} />
      <Card>
        <NeedForm id="need-new" mode="new" defaultValue={{ sector, category }} lastResult={lastResult} />
      </Card>
    </div>
  );
}

import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { refusalErrors } from "~/components/need-form";
import { ResourceForm, ResourceSchema, resourceInputFrom } from "~/components/resources/resource-form";
import { Card, PageHeader } from "~/components/ui/page";
import { createResource } from "~/models/resources.server";
import { pillarOptions } from "~/models/questionnaires.server";
import { requireRole } from "~/utils/auth.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = (args) => title(args, "resources.staff.newTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "staff");
  return json({ pillars: pillarOptions() });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "staff");
  const submission = parseWithZod(await request.formData(), { schema: ResourceSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const result = createResource(user, resourceInputFrom(submission.value), {
    publish: submission.value.intent === "publish",
  });
  if (!result.ok) return json(submission.reply(refusalErrors(result)), { status: 400 });
  return redirect(`/staff/resources/${result.id}?notice=saved`);
}

export default function NewResource() {
  const { t } = useTranslation();
  const { pillars } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-3xl">
      <p>
        <Link to="/staff/resources" className="text-sm font-medium text-brand-700 underline">
          ← {t("resources.staff.title")}
        </Link>
      </p>
      <PageHeader title={t("resources.staff.newTitle")} />
      <Card>
        <ResourceForm id="resource-new" lastResult={lastResult} mode="new" pillars={pillars} />
      </Card>
    </div>
  );
}

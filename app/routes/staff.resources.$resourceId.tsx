import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { refusalErrors } from "~/components/need-form";
import {
  ResourceForm,
  ResourceSchema,
  resourceDefaults,
  resourceInputFrom,
} from "~/components/resources/resource-form";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button, buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/page";
import { getResourceForStaff, setResourcePublished, updateResource } from "~/models/resources.server";
import { pillarOptions } from "~/models/questionnaires.server";
import { requireRole } from "~/utils/auth.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = (args) => title(args, "resources.staff.editTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "staff");
  const r = getResourceForStaff(params.resourceId ?? "");
  return json({
    id: r.id,
    slug: r.slug,
    status: r.status,
    titleVi: r.titleVi,
    defaults: resourceDefaults(r),
    pillars: pillarOptions(),
    notice: new URL(request.url).searchParams.get("notice"),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "staff");
  const r = getResourceForStaff(params.resourceId ?? "");
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "publish" || intent === "unpublish") {
    const result = setResourcePublished(r.id, user, intent === "publish");
    return redirect(`/staff/resources/${r.id}?notice=${result.ok ? `${intent}ed` : "stale"}`);
  }
  const submission = parseWithZod(formData, { schema: ResourceSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const result = updateResource(r.id, user, resourceInputFrom(submission.value));
  if (!result.ok) return json(submission.reply(refusalErrors(result)), { status: 400 });
  return redirect(`/staff/resources/${r.id}?notice=saved`);
}

const NOTICES = ["saved", "published", "unpublished", "stale"];

export default function EditResource() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const notice = data.notice && NOTICES.includes(data.notice) ? data.notice : null;
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <p>
        <Link to="/staff/resources" className="text-sm font-medium text-brand-700 underline">
          ← {t("resources.staff.title")}
        </Link>
      </p>
      <PageHeader
        title={data.titleVi}
        lead={
          <Badge tone={data.status === "published" ? "green" : "amber"}>{t(`resources.statuses.${data.status}`)}</Badge>
        }
        actions={
          <Link to={`/resources/${data.slug}`} className={buttonClass("secondary")}>
            {t("resources.staff.view")}
          </Link>
        }
      />
      {notice ? (
        <Alert tone="info" role="status">
          {t(`resources.staff.notices.${notice}`)}
        </Alert>
      ) : null}
      <Form method="post">
        <input type="hidden" name="intent" value={data.status === "published" ? "unpublish" : "publish"} />
        <Button variant={data.status === "published" ? "secondary" : "primary"}>
          {data.status === "published" ? t("resources.staff.unpublish") : t("resources.staff.publish")}
        </Button>
      </Form>
      <Card>
        <ResourceForm
          id={`resource-${data.id}`}
          lastResult={lastResult}
          defaultValue={data.defaults}
          mode="edit"
          pillars={data.pillars}
        />
      </Card>
    </div>
  );
}

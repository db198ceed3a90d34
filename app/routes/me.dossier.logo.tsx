import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import {
  json,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { z } from "zod";
import { Button } from "~/components/ui/button";
import { ErrorSummary } from "~/components/ui/error-summary";
import { FieldErrors } from "~/components/ui/field";
import { Card, PageHeader } from "~/components/ui/page";
import { PendingChangeNote } from "~/components/vendor/pending-change-note";
import { VendorLogo } from "~/components/vendor/vendor-logo";
import { LOGO_BODY_LIMIT } from "~/lib/body-limit";
import { LOGO_MIMES, MAX_LOGO_BYTES, MIN_LOGO_PX } from "~/lib/logo";
import { logoUrl, saveLogo } from "~/models/dossier-changes.server";
import { requireRole } from "~/utils/auth.server";
import { requireEditableDossier } from "~/utils/dossier-guard.server";
import { title } from "~/utils/meta";
import { useIntentResult } from "~/utils/use-intent-result";

const UploadSchema = z.object({
  intent: z.literal("upload"),
  logo: z.instanceof(File, { message: "errors.logoRequired" }).refine((f) => f.size > 0, "errors.logoRequired"),
});
const RemoveSchema = z.object({ intent: z.literal("remove") });

const REFUSAL = {
  logo_type: "errors.logoType",
  logo_size: "errors.logoSize",
  logo_dimensions: "errors.logoDimensions",
} as const;

export const meta: MetaFunction = (args) => title(args, "dossierLogo.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { dossier } = await requireEditableDossier(request);
  return json({
    name: dossier.legalName,
    logo: dossier.logo
      ? { url: logoUrl(dossier.id, dossier.logo), width: dossier.logo.width, height: dossier.logo.height }
      : null,
    mode: dossier.mode,
    change: dossier.change,
    limits: { megabytes: MAX_LOGO_BYTES / 1024 / 1024, minPx: MIN_LOGO_PX },
  });
}

/** The multipart form, each part at most a little over the logo limit (a larger file: a message by the field). */
async function readForm(request: Request): Promise<FormData | null> {
  if (!(request.headers.get("Content-Type") ?? "").includes("multipart/form-data")) return request.formData();
  try {
    return await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: LOGO_BODY_LIMIT }),
    );
  } catch {
    return null;
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "vendor");
  const formData = await readForm(request);
  if (!formData) {
    return json(
      { intent: "upload", result: { status: "error" as const, error: { logo: [REFUSAL.logo_size] } } },
      { status: 413 },
    );
  }
  if (formData.get("intent") === "remove") {
    const submission = parseWithZod(formData, { schema: RemoveSchema });
    if (submission.status !== "success") return json({ intent: "remove", result: submission.reply() }, { status: 400 });
    const result = saveLogo(user.organisationId, null);
    if (!result.ok) {
      return json(
        { intent: "remove", result: submission.reply({ formErrors: ["errors.dossierLocked"] }) },
        { status: 409 },
      );
    }
    return redirect(result.pending ? "/me/dossier?notice=pending" : "/me/dossier/logo");
  }
  const submission = parseWithZod(formData, { schema: UploadSchema });
  if (submission.status !== "success") {
    return json({ intent: "upload", result: submission.reply({ hideFields: ["logo"] }) }, { status: 400 });
  }
  const file = submission.value.logo;
  const result = saveLogo(user.organisationId, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  if (!result.ok) {
    const message = result.error in REFUSAL ? REFUSAL[result.error as keyof typeof REFUSAL] : "errors.dossierLocked";
    const reply =
      result.error in REFUSAL
        ? submission.reply({ fieldErrors: { logo: [message] }, hideFields: ["logo"] })
        : submission.reply({ formErrors: [message], hideFields: ["logo"] });
    return json({ intent: "upload", result: reply }, { status: 400 });
  }
  return redirect(result.pending ? "/me/dossier?notice=pending" : "/me/dossier/logo");
}

export default function DossierLogo() {
  const { t } = useTranslation();
  const { name, logo, mode, change, limits } = useLoaderData<typeof loader>();
  const [form, fields] = useForm({
    id: "logo",
    lastResult: useIntentResult("upload"),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: UploadSchema }),
    shouldValidate: "onSubmit",
  });
  const hintId = `${fields.logo.id}-hint`;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p>
        <Link to="/me/dossier" className="text-sm font-medium text-brand-700 underline">
          ← {t("dossier.back")}
        </Link>
      </p>
      <PageHeader title={t("dossierLogo.title")} lead={t("dossierLogo.lead")} />
      <PendingChangeNote mode={mode} change={change} />
      <Card>
        <h2 className="mb-3 text-lg font-semibold">{t("dossierLogo.current")}</h2>
        <div className="flex items-center gap-4">
          <VendorLogo name={name} logoUrl={logo?.url ?? null} size="lg" />
          <p className="text-sm text-slate-700">
            {logo ? t("dossierLogo.size", { width: logo.width, height: logo.height }) : t("dossierLogo.none")}
          </p>
        </div>
        {logo ? (
          <Form method="post" className="mt-4">
            <input type="hidden" name="intent" value="remove" />
            <Button variant="secondary">{t("dossierLogo.remove")}</Button>
          </Form>
        ) : null}
      </Card>
      <Card>
        <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="space-y-4">
          <ErrorSummary form={form} labels={{ logo: t("dossierLogo.file") }} />
          <input type="hidden" name="intent" value="upload" />
          <div>
            <label htmlFor={fields.logo.id} className="mb-1 block text-sm font-medium text-slate-800">
              {t("dossierLogo.file")}
            </label>
            <p id={hintId} className="mb-1 text-sm text-slate-600">
              {t("dossierLogo.hint", limits)}
            </p>
            <input
              {...getInputProps(fields.logo, { type: "file" })}
              accept={LOGO_MIMES.join(",")}
              aria-describedby={fields.logo.errors ? `${hintId} ${fields.logo.errorId}` : hintId}
              className="block w-full text-sm file:mr-3 file:min-h-11 file:rounded-md file:border-0 file:bg-brand-700 file:px-4 file:font-semibold file:text-white"
            />
            <FieldErrors id={fields.logo.errorId} errors={fields.logo.errors} />
          </div>
          <Button>{t("dossierLogo.upload")}</Button>
        </Form>
      </Card>
    </div>
  );
}

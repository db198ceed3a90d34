import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { z } from "zod";
import { Button } from "~/components/ui/button";
import { CheckboxGroup, Field, TextareaField } from "~/components/ui/field";
import { Card, PageHeader } from "~/components/ui/page";
import { CATEGORIES, SECTORS } from "~/lib/reference";
import { saveCompany } from "~/models/dossier.server";
import { requireRole } from "~/utils/auth.server";
import { afterEdit, requireEditableDossier } from "~/utils/dossier-guard.server";
import { PendingChangeNote } from "~/components/vendor/pending-change-note";
import { title } from "~/utils/meta";
import { email, oneOf, optionalText, phone, text, wholeNumber } from "~/utils/validation";
import { ErrorSummary } from "~/components/ui/error-summary";

const COMMON_CERTIFICATIONS = ["ISO 27001", "ISO 9001", "ISO 20000-1", "CMMI", "PCI DSS", "SOC 2"] as const;

const thisYear = new Date().getUTCFullYear();

const CompanySchema = z.object({
  description: z
    .string({ required_error: "errors.required" })
    .trim()
    .min(30, "errors.descriptionTooShort")
    .max(3000, "errors.tooLong"),
  yearFounded: wholeNumber(1950, thisYear),
  teamSize: wholeNumber(1, 100_000),
  website: z
    .string({ required_error: "errors.required" })
    .trim()
    .max(200, "errors.tooLong")
    .transform((v) => (/^https?:\/\//i.test(v) ? v : `https://${v}`))
    .pipe(z.string().url("errors.url")),
  street: text(200),
  ward: text(100),
  city: text(100),
  contactName: text(120),
  contactEmail: email,
  contactPhone: phone,
  categories: z
    .array(oneOf(CATEGORIES), { required_error: "errors.chooseAtLeastOne" })
    .min(1, "errors.chooseAtLeastOne"),
  sectors: z.array(oneOf(SECTORS), { required_error: "errors.chooseAtLeastOne" }).min(1, "errors.chooseAtLeastOne"),
  certifications: z.array(z.string().max(60)).default([]),
  otherCertifications: optionalText(300),
});

export const meta: MetaFunction = (args) => title(args, "dossier.company.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { dossier } = await requireEditableDossier(request);
  return json({ dossier });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "vendor");
  const submission = parseWithZod(await request.formData(), { schema: CompanySchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const { otherCertifications, certifications, ...rest } = submission.value;
  const others = (otherCertifications ?? "")
    .split(",")
    .map((c) => c.trim())
    .filter(Boolean);
  const result = saveCompany(user.organisationId, {
    ...rest,
    certifications: [...new Set([...certifications, ...others])],
  });
  if (!result.ok) return json(submission.reply({ formErrors: ["errors.dossierLocked"] }), { status: 409 });
  return afterEdit(result, "/me/dossier");
}

export default function DossierCompany() {
  const { t } = useTranslation();
  const { dossier } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const common = COMMON_CERTIFICATIONS as readonly string[];
  const [form, fields] = useForm({
    id: "dossier-company",
    lastResult,
    constraint: getZodConstraint(CompanySchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CompanySchema }),
    defaultValue: {
      description: dossier.description,
      yearFounded: dossier.yearFounded ?? "",
      teamSize: dossier.teamSize ?? "",
      website: dossier.website ?? "",
      street: dossier.street ?? "",
      ward: dossier.ward ?? "",
      city: dossier.city ?? "TP. Hồ Chí Minh",
      contactName: dossier.contactName ?? "",
      contactEmail: dossier.contactEmail ?? "",
      contactPhone: dossier.contactPhone ?? "",
      categories: dossier.categories,
      sectors: dossier.sectors,
      certifications: dossier.certifications.filter((c) => common.includes(c)),
      otherCertifications: dossier.certifications.filter((c) => !common.includes(c)).join(", "),
    },
  });
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p>
        <Link to="/me/dossier" className="text-sm font-medium text-brand-700 underline">
          ← {t("dossier.back")}
        </Link>
      </p>
      <PageHeader title={t("dossier.company.title")} lead={t("dossier.company.lead")} />
      <PendingChangeNote mode={dossier.mode} change={dossier.change} />
      <Card>
        <Form method="post" {...getFormProps(form)} className="space-y-6">
          <ErrorSummary
            form={form}
            labels={{
              description: t("dossier.fields.description"),
              yearFounded: t("dossier.fields.yearFounded"),
              teamSize: t("dossier.fields.teamSize"),
              website: t("dossier.fields.website"),
              street: t("dossier.fields.street"),
              ward: t("dossier.fields.ward"),
              city: t("dossier.fields.city"),
              contactName: t("fields.contactName"),
              contactEmail: t("fields.email"),
              contactPhone: t("fields.phone"),
              categories: t("dossier.fields.categories"),
              sectors: t("dossier.fields.sectors"),
              certifications: t("vendors.profile.certifications"),
              otherCertifications: t("dossier.fields.otherCertifications"),
            }}
          />
          <TextareaField
            meta={fields.description}
            label={t("dossier.fields.description")}
            hint={t("dossier.fields.descriptionHint")}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              meta={fields.yearFounded}
              type="number"
              label={t("dossier.fields.yearFounded")}
              inputProps={{ inputMode: "numeric" }}
            />
            <Field
              meta={fields.teamSize}
              type="number"
              label={t("dossier.fields.teamSize")}
              inputProps={{ inputMode: "numeric" }}
            />
          </div>
          <Field
            meta={fields.website}
            type="text"
            label={t("dossier.fields.website")}
            inputProps={{ inputMode: "url", placeholder: "https://" }}
          />
          <fieldset className="space-y-4">
            <legend className="text-base font-semibold">{t("dossier.fields.address")}</legend>
            <Field
              meta={fields.street}
              label={t("dossier.fields.street")}
              inputProps={{ autoComplete: "street-address" }}
            />
            <div className="grid gap-4 sm:grid-cols-2">
              <Field meta={fields.ward} label={t("dossier.fields.ward")} hint={t("dossier.fields.wardHint")} />
              <Field meta={fields.city} label={t("dossier.fields.city")} />
            </div>
          </fieldset>
          <fieldset className="space-y-4">
            <legend className="text-base font-semibold">{t("dossier.fields.contact")}</legend>
            <Field meta={fields.contactName} label={t("fields.contactName")} />
            <div className="grid gap-4 sm:grid-cols-2">
              <Field meta={fields.contactEmail} type="email" label={t("fields.email")} />
              <Field meta={fields.contactPhone} type="tel" label={t("fields.phone")} />
            </div>
          </fieldset>
          <CheckboxGroup
            meta={fields.categories}
            legend={t("dossier.fields.categories")}
            options={CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
          />
          <CheckboxGroup
            meta={fields.sectors}
            legend={t("dossier.fields.sectors")}
            options={SECTORS.map((s) => ({ value: s, label: t(`sectors.${s}`) }))}
            columns={3}
          />
          <CheckboxGroup
            meta={fields.certifications}
            legend={t("vendors.profile.certifications")}
            hint={t("dossier.fields.certificationsHint")}
            options={COMMON_CERTIFICATIONS.map((c) => ({ value: c, label: c }))}
            columns={3}
          />
          <Field meta={fields.otherCertifications} label={t("dossier.fields.otherCertifications")} />
          <Button>{t("dossier.save")}</Button>
        </Form>
      </Card>
    </div>
  );
}

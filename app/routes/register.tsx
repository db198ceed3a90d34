import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { z } from "zod";
import { Button } from "~/components/ui/button";
import { Field, SelectField } from "~/components/ui/field";
import { Card, PageHeader } from "~/components/ui/page";
import { CAPITAL_BAND_IDS, REVENUE_BAND_IDS, sizeClassFromBands } from "~/lib/enterprise-size";
import { SECTORS, sectorGroup } from "~/lib/reference";
import { recordSignUp, signUpAllowed } from "~/models/rate-limits.server";
import { registerSme, registerVendor } from "~/models/users.server";
import { hashPassword, requireAnonymous } from "~/utils/auth.server";
import { getLang } from "~/utils/i18n.server";
import { title } from "~/utils/meta";
import { email, newPassword, oneOf, optionalText, phone, taxCode, text, wholeNumber } from "~/utils/validation";
import { ErrorSummary } from "~/components/ui/error-summary";

const common = {
  legalName: text(200),
  taxCode,
  name: text(120),
  email,
  password: newPassword,
};

const SmeSchema = z.object({
  kind: z.literal("sme"),
  ...common,
  sector: oneOf(SECTORS),
  employees: wholeNumber(0, 1_000_000),
  revenueBand: oneOf(REVENUE_BAND_IDS),
  capitalBand: oneOf(CAPITAL_BAND_IDS),
  phone,
});

const VendorSchema = z.object({
  kind: z.literal("vendor"),
  ...common,
  phone: optionalText(20),
});

type Kind = "sme" | "vendor";
const schemaFor = (kind: Kind) => (kind === "vendor" ? VendorSchema : SmeSchema);
const kindOf = (value: unknown): Kind => (value === "vendor" ? "vendor" : "sme");

export const meta: MetaFunction = (args) => title(args, "register.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return json({ kind: kindOf(new URL(request.url).searchParams.get("as")) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const formData = await request.formData();
  const kind = kindOf(formData.get("kind"));
  const submission = parseWithZod(formData, { schema: schemaFor(kind) });
  if (submission.status !== "success") {
    return json(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  if (!signUpAllowed(context.ip)) {
    return json(submission.reply({ formErrors: ["errors.signUpLimited"], hideFields: ["password"] }), { status: 429 });
  }
  const value = submission.value;
  const lang = getLang(request);
  const user = {
    name: value.name,
    email: value.email,
    phone: value.phone || null,
    passwordHash: await hashPassword(value.password),
    lang,
  };

  let result;
  if (value.kind === "sme") {
    const size = sizeClassFromBands({
      group: sectorGroup(value.sector),
      employees: value.employees,
      revenueBand: value.revenueBand,
      capitalBand: value.capitalBand,
    });
    if (size === "large") {
      return json(submission.reply({ fieldErrors: { employees: ["errors.notSme"] }, hideFields: ["password"] }), {
        status: 400,
      });
    }
    result = registerSme({ ...value, user }, { ip: context.ip, request });
  } else {
    result = registerVendor({ legalName: value.legalName, taxCode: value.taxCode, user }, { ip: context.ip, request });
  }
  recordSignUp(context.ip);

  if (!result.ok && result.reason === "taxCodeTaken") {
    return json(submission.reply({ fieldErrors: { taxCode: ["errors.taxCodeTaken"] }, hideFields: ["password"] }), {
      status: 400,
    });
  }
  // A new account was sent its confirmation link; an address already registered was told so by
  // mail. The answer is the same: whether an address is registered is not ours to reveal.
  return redirect("/check-email?for=verify");
}

export default function Register() {
  const { t } = useTranslation();
  const { kind } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title={t("register.title")} lead={t("register.lead")} />
      <nav aria-label={t("register.chooseKind")} className="mb-4 grid grid-cols-2 gap-2">
        {(["sme", "vendor"] as const).map((k) => (
          <Link
            key={k}
            to={`/register?as=${k}`}
            aria-current={kind === k ? "page" : undefined}
            className={`rounded-md border px-3 py-3 text-center text-sm font-semibold ${
              kind === k
                ? "border-brand-700 bg-brand-700 text-white"
                : "border-slate-300 bg-white text-slate-800 hover:bg-slate-100"
            }`}
          >
            {t(`register.as.${k}`)}
          </Link>
        ))}
      </nav>
      <p className="mb-4 text-sm text-slate-700">{t(`register.explain.${kind}`)}</p>
      <Card>{kind === "sme" ? <SmeForm /> : <VendorForm />}</Card>
      <p className="mt-4 text-sm">
        {t("register.haveAccount")}{" "}
        <Link to="/login" className="font-medium text-brand-700 underline">
          {t("nav.login")}
        </Link>
      </p>
    </div>
  );
}

function useRegisterForm(kind: Kind) {
  const lastResult = useActionData<typeof action>();
  const schema = schemaFor(kind);
  return useForm({
    id: `register-${kind}`,
    lastResult,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
}

/** The fields' names for the error summary ("Tên doanh nghiệp: Vui lòng điền mục này."). */
function useRegisterLabels() {
  const { t } = useTranslation();
  return {
    legalName: t("fields.legalName"),
    taxCode: t("fields.taxCode"),
    sector: t("fields.sector"),
    employees: t("fields.employees"),
    revenueBand: t("fields.revenueBand"),
    capitalBand: t("fields.capitalBand"),
    phone: t("fields.phone"),
    name: t("fields.contactName"),
    email: t("fields.email"),
    password: t("fields.password"),
  };
}

function AccountFields({ fields }: { fields: ReturnType<typeof useRegisterForm>[1] }) {
  const { t } = useTranslation();
  return (
    <fieldset className="space-y-4">
      <legend className="mb-2 text-base font-semibold">{t("register.accountSection")}</legend>
      <Field meta={fields.name} label={t("fields.contactName")} inputProps={{ autoComplete: "name" }} />
      <Field meta={fields.email} type="email" label={t("fields.email")} inputProps={{ autoComplete: "email" }} />
      <Field
        meta={fields.password}
        type="password"
        label={t("fields.password")}
        hint={t("fields.passwordHint")}
        inputProps={{ autoComplete: "new-password" }}
      />
    </fieldset>
  );
}

function SmeForm() {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const [form, fields] = useRegisterForm("sme");
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-6">
      <input type="hidden" name="kind" value="sme" />
      <ErrorSummary form={form} labels={useRegisterLabels()} />
      <fieldset className="space-y-4">
        <legend className="mb-2 text-base font-semibold">{t("register.companySection")}</legend>
        <Field meta={fields.legalName} label={t("fields.legalName")} inputProps={{ autoComplete: "organization" }} />
        <Field
          meta={fields.taxCode}
          label={t("fields.taxCode")}
          hint={t("fields.taxCodeHint")}
          inputProps={{ inputMode: "numeric" }}
        />
        <SelectField
          meta={fields.sector}
          label={t("fields.sector")}
          placeholder={t("form.choose")}
          options={SECTORS.map((s) => ({ value: s, label: t(`sectors.${s}`) }))}
        />
        <p className="rounded-md bg-brand-50 p-3 text-sm text-slate-800">{t("register.sizeWhy")}</p>
        <Field
          meta={fields.employees}
          type="number"
          label={t("fields.employees")}
          hint={t("fields.employeesHint")}
          inputProps={{ inputMode: "numeric", min: 0 }}
        />
        <SelectField
          meta={fields.revenueBand}
          label={t("fields.revenueBand")}
          placeholder={t("form.choose")}
          options={REVENUE_BAND_IDS.map((b) => ({ value: b, label: t(`bands.revenue.${b}`) }))}
        />
        <SelectField
          meta={fields.capitalBand}
          label={t("fields.capitalBand")}
          placeholder={t("form.choose")}
          options={CAPITAL_BAND_IDS.map((b) => ({ value: b, label: t(`bands.capital.${b}`) }))}
        />
        <Field meta={fields.phone} type="tel" label={t("fields.phone")} inputProps={{ autoComplete: "tel" }} />
      </fieldset>
      <AccountFields fields={fields} />
      <Button className="w-full sm:w-auto" disabled={navigation.state === "submitting"}>
        {t("register.submitSme")}
      </Button>
    </Form>
  );
}

function VendorForm() {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const [form, fields] = useRegisterForm("vendor");
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-6">
      <input type="hidden" name="kind" value="vendor" />
      <ErrorSummary form={form} labels={useRegisterLabels()} />
      <fieldset className="space-y-4">
        <legend className="mb-2 text-base font-semibold">{t("register.companySection")}</legend>
        <Field meta={fields.legalName} label={t("fields.legalName")} inputProps={{ autoComplete: "organization" }} />
        <Field
          meta={fields.taxCode}
          label={t("fields.taxCode")}
          hint={t("fields.taxCodeHint")}
          inputProps={{ inputMode: "numeric" }}
        />
        <Field meta={fields.phone} type="tel" label={t("fields.phone")} inputProps={{ autoComplete: "tel" }} />
      </fieldset>
      <AccountFields fields={fields} />
      <Button className="w-full sm:w-auto" disabled={navigation.state === "submitting"}>
        {t("register.submitVendor")}
      </Button>
    </Form>
  );
}

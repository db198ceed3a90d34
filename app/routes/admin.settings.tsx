import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { StaleAlert } from "~/components/stale-alert";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { Card, PageHeader } from "~/components/ui/page";
import { ELIGIBLE_SIZE_CLASSES, SUPPORT_KINDS, SupportRatesSchema, type SupportRates } from "~/lib/support-estimate";
import { RISK_THRESHOLDS_DEFAULT, RiskThresholdsSchema, type RiskThresholds } from "~/lib/risk-rules";
import { getRiskThresholds, RISK_THRESHOLDS_KEY } from "~/models/flags.server";
import { getSupportRates, saveSetting, settingVersion, SUPPORT_RATES_KEY } from "~/models/settings.server";
import { requireRole } from "~/utils/auth.server";
import { title } from "~/utils/meta";
import { useIntentResult } from "~/utils/use-intent-result";
import { ErrorSummary } from "~/components/ui/error-summary";

const THRESHOLD_KEYS = Object.keys(RISK_THRESHOLDS_DEFAULT) as (keyof RiskThresholds)[];

const REQUIRED = { required_error: "errors.required", invalid_type_error: "errors.required" };

/**
 * A number as an admin types it ("1,5" or "1.5"), then checked by the stored setting's own rule
 * (`then`), scaled first (a percentage typed, a fraction stored).
 */
const typedNumber = (then: z.ZodTypeAny, scale = 1, separators = /,/) =>
  z
    .string(REQUIRED)
    .trim()
    .transform((typed, ctx) => {
      const plain = separators.source === "," ? typed.replace(",", ".") : typed.replace(separators, "");
      if (!/^\d+(\.\d+)?$/.test(plain)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: "errors.number" });
        return z.NEVER;
      }
      return Number(plain) / scale;
    })
    .pipe(then);

/** The form's version of a setting: when it was last saved as the page loaded it (none: default). */
const version = z.number().int().optional();

const rateShape = SupportRatesSchema.shape.micro.shape.solution.shape;
const supportKind = z.object({
  rate: typedNumber(rateShape.rate, 100),
  cap: typedNumber(rateShape.cap, 1, /[\s.,₫đ]/gi),
});
const supportSize = z.object({ solution: supportKind, consulting: supportKind });
const SupportSchema = z.object({
  intent: z.literal("support"),
  version,
  micro: supportSize,
  small: supportSize,
  medium: supportSize,
});

const thresholdShape = RiskThresholdsSchema.innerType().shape;
const ThresholdsSchema = z
  .object({
    intent: z.literal("thresholds"),
    version,
    ...(Object.fromEntries(THRESHOLD_KEYS.map((key) => [key, typedNumber(thresholdShape[key])])) as Record<
      keyof RiskThresholds,
      ReturnType<typeof typedNumber>
    >),
  })
  // The rules across fields (a high threshold above its medium one) are the stored schema's own.
  .superRefine((value, ctx) => {
    const checked = RiskThresholdsSchema.safeParse(thresholdsOf(value));
    if (!checked.success) for (const issue of checked.error.issues) ctx.addIssue(issue);
  });

function thresholdsOf(value: Record<string, unknown>): RiskThresholds {
  return Object.fromEntries(THRESHOLD_KEYS.map((key) => [key, value[key]])) as RiskThresholds;
}

export const meta: MetaFunction = (args) => title(args, "adminSettings.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  return json({
    rates: getSupportRates(),
    ratesVersion: settingVersion(SUPPORT_RATES_KEY),
    thresholds: getRiskThresholds(),
    thresholdsVersion: settingVersion(RISK_THRESHOLDS_KEY),
    saved: new URL(request.url).searchParams.get("saved"),
  });
}

/** Rates are typed as percentages and caps as whole đồng; stored as fractions and đồng. */
export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const formData = await request.formData();
  const intent = formData.get("intent") === "thresholds" ? "thresholds" : "support";
  const submission =
    intent === "thresholds"
      ? parseWithZod(formData, { schema: ThresholdsSchema })
      : parseWithZod(formData, { schema: SupportSchema });
  if (submission.status !== "success")
    return json({ intent, result: submission.reply(), stale: false }, { status: 400 });
  const value = submission.value;
  const saved =
    value.intent === "thresholds"
      ? saveSetting(admin, RISK_THRESHOLDS_KEY, thresholdsOf(value), value.version ?? null, context.ip)
      : saveSetting(
          admin,
          SUPPORT_RATES_KEY,
          SupportRatesSchema.parse({ micro: value.micro, small: value.small, medium: value.medium }),
          value.version ?? null,
          context.ip,
        );
  // Another admin saved since this page was loaded: what they saved shows, this form keeps what was typed.
  if (!saved.ok) return json({ intent, result: submission.reply(), stale: true }, { status: 409 });
  return redirect(`/admin/settings?saved=${intent}`);
}

const percent = (rate: number) => String(Math.round(rate * 10000) / 100);

/**
 * The version the page now shows, always the latest loaded (not what was last submitted): after a
 * `stale` answer, saving again means saving over what the other admin saved, knowingly.
 */
function VersionInput({ version }: { version: number | null }) {
  return <input type="hidden" name="version" value={version ?? ""} />;
}

function SupportForm({ rates, version }: { rates: SupportRates; version: number | null }) {
  const { t } = useTranslation();
  const lastResult = useIntentResult("support");
  const [form, fields] = useForm({
    id: "support",
    lastResult,
    constraint: getZodConstraint(SupportSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SupportSchema }),
    defaultValue: {
      ...Object.fromEntries(
        ELIGIBLE_SIZE_CLASSES.map((size) => [
          size,
          Object.fromEntries(
            SUPPORT_KINDS.map((kind) => [
              kind,
              { rate: percent(rates[size][kind].rate), cap: String(rates[size][kind].cap) },
            ]),
          ),
        ]),
      ),
    },
  });
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4 space-y-5">
      <input type="hidden" name="intent" value="support" />
      <VersionInput version={version} />
      <ErrorSummary form={form} />
      {ELIGIBLE_SIZE_CLASSES.map((size) => {
        const kinds = fields[size].getFieldset();
        return (
          <fieldset key={size} className="rounded-md border border-slate-200 p-3">
            <legend className="px-1 font-semibold">{t(`sizeClasses.${size}`)}</legend>
            <div className="grid gap-3 sm:grid-cols-2">
              {SUPPORT_KINDS.map((kind) => {
                const f = kinds[kind].getFieldset();
                return (
                  <div key={kind} className="space-y-2">
                    <p className="text-sm font-medium">{t(`support.kinds.${kind}`)}</p>
                    <Field
                      meta={f.rate}
                      label={t("adminSettings.support.rate")}
                      inputProps={{ inputMode: "decimal" }}
                    />
                    <Field meta={f.cap} label={t("adminSettings.support.cap")} inputProps={{ inputMode: "numeric" }} />
                  </div>
                );
              })}
            </div>
          </fieldset>
        );
      })}
      <Button>{t("adminSettings.save")}</Button>
    </Form>
  );
}

function ThresholdsForm({ thresholds, version }: { thresholds: RiskThresholds; version: number | null }) {
  const { t } = useTranslation();
  const lastResult = useIntentResult("thresholds");
  const [form, fields] = useForm({
    id: "thresholds",
    lastResult,
    constraint: getZodConstraint(ThresholdsSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ThresholdsSchema }),
    defaultValue: {
      ...Object.fromEntries(THRESHOLD_KEYS.map((key) => [key, String(thresholds[key])])),
    },
  });
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4 space-y-4">
      <input type="hidden" name="intent" value="thresholds" />
      <VersionInput version={version} />
      <ErrorSummary form={form} />
      <div className="grid gap-4 sm:grid-cols-2">
        {THRESHOLD_KEYS.map((key) => (
          <Field
            key={key}
            meta={fields[key]}
            label={t(`adminSettings.thresholds.keys.${key}`)}
            inputProps={{ inputMode: "decimal" }}
          />
        ))}
      </div>
      <Button>{t("adminSettings.save")}</Button>
    </Form>
  );
}

export default function AdminSettings() {
  const { t } = useTranslation();
  const { rates, ratesVersion, thresholds, thresholdsVersion, saved } = useLoaderData<typeof loader>();
  const support = useIntentResult("support");
  const thresholdsResult = useIntentResult("thresholds");
  const invalid = support?.status === "error" || thresholdsResult?.status === "error";
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader title={t("adminSettings.title")} lead={t("adminSettings.lead")} />
      {saved ? (
        <Alert tone="success" role="status">
          {t("adminSettings.saved")}
        </Alert>
      ) : null}
      <StaleAlert />
      {invalid ? (
        <Alert tone="error" role="alert">
          {t("adminSettings.invalid")}
        </Alert>
      ) : null}
      <Card>
        <h2 className="text-lg font-semibold">{t("adminSettings.support.title")}</h2>
        <p className="mt-1 text-sm text-slate-700">{t("adminSettings.support.lead")}</p>
        <SupportForm rates={rates} version={ratesVersion} />
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">{t("adminSettings.thresholds.title")}</h2>
        <p className="mt-1 text-sm text-slate-700">{t("adminSettings.thresholds.lead")}</p>
        <ThresholdsForm thresholds={thresholds} version={thresholdsVersion} />
      </Card>
    </div>
  );
}

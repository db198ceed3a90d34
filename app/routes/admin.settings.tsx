import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { z } from "zod";
import { StaleAlert } from "~/components/stale-alert";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { Card, PageHeader } from "~/components/ui/page";
import { ELIGIBLE_SIZE_CLASSES, SUPPORT_KINDS, SupportRatesSchema, type SupportRates } from "~/lib/support-estimate";
import type { Lang } from "~/lib/format";
import { RISK_THRESHOLDS_DEFAULT, RiskThresholdsSchema, type RiskThresholds } from "~/lib/risk-rules";
import {
  formatDecimalInput,
  formatMoneyInput,
  formatPercentInput,
  parseDecimalInput,
  parseMoneyInput,
  parsePercentInput,
} from "~/lib/setting-input";
import { THRESHOLD_GROUPS, THRESHOLD_KINDS, type ThresholdKind } from "~/lib/threshold-groups";
import { getRiskThresholds, RISK_THRESHOLDS_KEY } from "~/models/flags.server";
import { getSupportRates, saveSetting, settingVersion, SUPPORT_RATES_KEY } from "~/models/settings.server";
import { requireRole } from "~/utils/auth.server";
import { title } from "~/utils/meta";
import { useIntentResult } from "~/utils/use-intent-result";
import { ErrorSummary } from "~/components/ui/error-summary";

const THRESHOLD_KEYS = Object.keys(RISK_THRESHOLDS_DEFAULT) as (keyof RiskThresholds)[];

const REQUIRED = { required_error: "errors.required", invalid_type_error: "errors.required" };

/**
 * A number as the page shows it and the admin types it ("20.000.000 ₫", "50 %", "1,5"; see
 * app/lib/setting-input.ts), then checked by the stored setting's own rule (`then`).
 */
const typed = (parse: (text: string) => number | null, then: z.ZodTypeAny) =>
  z
    .string(REQUIRED)
    .trim()
    .transform((text, ctx) => {
      const value = parse(text);
      if (value === null) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: "errors.number" });
        return z.NEVER;
      }
      return value;
    })
    .pipe(then);

const PARSERS: Record<ThresholdKind, (text: string) => number | null> = {
  whole: parseDecimalInput,
  decimal: parseDecimalInput,
  percent: parsePercentInput,
};

/** The form's version of a setting: when it was last saved as the page loaded it (none: default). */
const version = z.number().int().optional();

const rateShape = SupportRatesSchema.shape.micro.shape.solution.shape;
const supportKind = z.object({
  rate: typed(parsePercentInput, rateShape.rate),
  cap: typed(parseMoneyInput, rateShape.cap),
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
    ...(Object.fromEntries(
      THRESHOLD_KEYS.map((key) => [key, typed(PARSERS[THRESHOLD_KINDS[key]], thresholdShape[key])]),
    ) as Record<keyof RiskThresholds, ReturnType<typeof typed>>),
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

/** Rates are typed as percentages and caps as đồng, as shown; stored as fractions and đồng. */
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

/** A threshold as the page shows it, in its kind's format. */
function shownThreshold(key: keyof RiskThresholds, value: number, lang: Lang) {
  return THRESHOLD_KINDS[key] === "percent" ? formatPercentInput(value, lang) : formatDecimalInput(value, lang);
}

/**
 * The version the page now shows, always the latest loaded (not what was last submitted): after a
 * `stale` answer, saving again means saving over what the other admin saved, knowingly.
 */
function VersionInput({ version }: { version: number | null }) {
  return <input type="hidden" name="version" value={version ?? ""} />;
}

function SupportForm({ rates, version }: { rates: SupportRates; version: number | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
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
              {
                rate: formatPercentInput(rates[size][kind].rate, lang),
                cap: formatMoneyInput(rates[size][kind].cap, lang),
              },
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
                    <Field meta={f.cap} label={t("adminSettings.support.cap")} inputProps={{ inputMode: "decimal" }} />
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
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const lastResult = useIntentResult("thresholds");
  const [form, fields] = useForm({
    id: "thresholds",
    lastResult,
    constraint: getZodConstraint(ThresholdsSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ThresholdsSchema }),
    defaultValue: {
      ...Object.fromEntries(THRESHOLD_KEYS.map((key) => [key, shownThreshold(key, thresholds[key], lang)])),
    },
  });
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4 space-y-4">
      <input type="hidden" name="intent" value="thresholds" />
      <VersionInput version={version} />
      <ErrorSummary form={form} />
      {THRESHOLD_GROUPS.map((group) => (
        <fieldset key={group.rule} className="rounded-md border border-slate-200 p-3">
          <legend className="px-1 font-semibold">
            {group.rule === "ALL" ? t("adminSettings.thresholds.allRules") : t(`flags.rules.${group.rule}.title`)}
          </legend>
          <p className="mb-3 text-sm text-slate-700">{t(`adminSettings.thresholds.rules.${group.rule}`)}</p>
          <div className="grid gap-4 sm:grid-cols-2">
            {group.keys.map((key) => (
              <Field
                key={key}
                meta={fields[key]}
                label={t(`adminSettings.thresholds.keys.${key}`)}
                inputProps={{ inputMode: "decimal" }}
              />
            ))}
          </div>
        </fieldset>
      ))}
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

import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/page";
import { ELIGIBLE_SIZE_CLASSES, SUPPORT_KINDS, SupportRatesSchema } from "~/lib/support-estimate";
import { RISK_THRESHOLDS_DEFAULT, RiskThresholdsSchema, type RiskThresholds } from "~/lib/risk-rules";
import { getRiskThresholds, RISK_THRESHOLDS_KEY } from "~/models/flags.server";
import { getSupportRates, saveSetting, SUPPORT_RATES_KEY } from "~/models/settings.server";
import { requireRole } from "~/utils/auth.server";
import { title } from "~/utils/meta";

const THRESHOLD_KEYS = Object.keys(RISK_THRESHOLDS_DEFAULT) as (keyof RiskThresholds)[];

export const meta: MetaFunction = (args) => title(args, "adminSettings.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  return json({
    rates: getSupportRates(),
    thresholds: getRiskThresholds(),
    saved: new URL(request.url).searchParams.get("saved"),
  });
}

/** Rates are typed as percentages and caps as whole đồng; stored as fractions and đồng. */
export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const form = await request.formData();
  if (form.get("intent") === "thresholds") {
    const typed: Record<string, string> = {};
    const raw: Record<string, number> = {};
    for (const key of THRESHOLD_KEYS) {
      const value = String(form.get(key) ?? "")
        .trim()
        .replace(",", ".");
      typed[key] = value;
      raw[key] = value === "" || !/^\d+(\.\d+)?$/.test(value) ? Number.NaN : Number(value);
    }
    const parsed = RiskThresholdsSchema.safeParse(raw);
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) errors[issue.path.join(".") || "form"] = issue.message;
      return json({ section: "thresholds", errors, typed }, { status: 400 });
    }
    saveSetting(RISK_THRESHOLDS_KEY, parsed.data, admin.id, context.ip);
    return redirect("/admin/settings?saved=thresholds");
  }
  const raw: Record<string, Record<string, { rate: number; cap: number }>> = {};
  const typed: Record<string, string> = {};
  for (const size of ELIGIBLE_SIZE_CLASSES) {
    raw[size] = {};
    for (const kind of SUPPORT_KINDS) {
      const rate = String(form.get(`${size}.${kind}.rate`) ?? "").trim();
      const cap = String(form.get(`${size}.${kind}.cap`) ?? "").replace(/[\s.,₫]/g, "");
      typed[`${size}.${kind}.rate`] = rate;
      typed[`${size}.${kind}.cap`] = cap;
      raw[size]![kind] = {
        rate: rate === "" || !/^\d+(\.\d+)?$/.test(rate) ? Number.NaN : Number(rate) / 100,
        cap: cap === "" || !/^\d+$/.test(cap) ? Number.NaN : Number(cap),
      };
    }
  }
  const parsed = SupportRatesSchema.safeParse(raw);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[issue.path.join(".")] = issue.message;
    return json({ section: "support", errors, typed }, { status: 400 });
  }
  saveSetting(SUPPORT_RATES_KEY, parsed.data, admin.id, context.ip);
  return redirect("/admin/settings?saved=support");
}

export default function AdminSettings() {
  const { t } = useTranslation();
  const { rates, thresholds, saved } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const failed = data?.section === "support" ? data : undefined;
  const failedThresholds = data?.section === "thresholds" ? data : undefined;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader title={t("adminSettings.title")} lead={t("adminSettings.lead")} />
      {saved ? (
        <Alert tone="success" role="status">
          {t("adminSettings.saved")}
        </Alert>
      ) : null}
      {data ? (
        <Alert tone="error" role="alert">
          {t("adminSettings.invalid")}
        </Alert>
      ) : null}
      <Card>
        <h2 className="text-lg font-semibold">{t("adminSettings.support.title")}</h2>
        <p className="mt-1 text-sm text-slate-700">{t("adminSettings.support.lead")}</p>
        <Form method="post" className="mt-4 space-y-5">
          {ELIGIBLE_SIZE_CLASSES.map((size) => (
            <fieldset key={size} className="rounded-md border border-slate-200 p-3">
              <legend className="px-1 font-semibold">{t(`sizeClasses.${size}`)}</legend>
              <div className="grid gap-3 sm:grid-cols-2">
                {SUPPORT_KINDS.map((kind) => {
                  const rateName = `${size}.${kind}.rate`;
                  const capName = `${size}.${kind}.cap`;
                  const rateError = failed?.errors[rateName];
                  const capError = failed?.errors[capName];
                  return (
                    <div key={kind} className="space-y-2">
                      <p className="text-sm font-medium">{t(`support.kinds.${kind}`)}</p>
                      <label htmlFor={rateName} className="block text-sm">
                        {t("adminSettings.support.rate")}
                      </label>
                      <input
                        id={rateName}
                        name={rateName}
                        inputMode="decimal"
                        defaultValue={
                          failed?.typed[rateName] ?? String(Math.round(rates[size][kind].rate * 10000) / 100)
                        }
                        aria-invalid={rateError ? true : undefined}
                        aria-describedby={rateError ? `${rateName}-error` : undefined}
                        className="block w-full rounded-md border border-slate-300 px-3 py-2"
                      />
                      {rateError ? (
                        <p id={`${rateName}-error`} className="text-sm text-red-700">
                          {t(rateError)}
                        </p>
                      ) : null}
                      <label htmlFor={capName} className="block text-sm">
                        {t("adminSettings.support.cap")}
                      </label>
                      <input
                        id={capName}
                        name={capName}
                        inputMode="numeric"
                        defaultValue={failed?.typed[capName] ?? String(rates[size][kind].cap)}
                        aria-invalid={capError ? true : undefined}
                        aria-describedby={capError ? `${capName}-error` : undefined}
                        className="block w-full rounded-md border border-slate-300 px-3 py-2"
                      />
                      {capError ? (
                        <p id={`${capName}-error`} className="text-sm text-red-700">
                          {t(capError)}
                        </p>
                      ) : null}
                    </div>
                  );
                })}
              </div>
            </fieldset>
          ))}
          <Button>{t("adminSettings.save")}</Button>
        </Form>
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">{t("adminSettings.thresholds.title")}</h2>
        <p className="mt-1 text-sm text-slate-700">{t("adminSettings.thresholds.lead")}</p>
        <Form method="post" className="mt-4 space-y-4">
          <input type="hidden" name="intent" value="thresholds" />
          {failedThresholds?.errors.form ? (
            <p role="alert" className="text-sm text-red-700">
              {t(failedThresholds.errors.form)}
            </p>
          ) : null}
          <div className="grid gap-4 sm:grid-cols-2">
            {THRESHOLD_KEYS.map((key) => {
              const error = failedThresholds?.errors[key];
              return (
                <div key={key}>
                  <label htmlFor={key} className="mb-1 block text-sm font-medium">
                    {t(`adminSettings.thresholds.keys.${key}`)}
                  </label>
                  <input
                    id={key}
                    name={key}
                    inputMode="decimal"
                    defaultValue={failedThresholds?.typed[key] ?? String(thresholds[key])}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${key}-error` : undefined}
                    className="block w-full rounded-md border border-slate-300 px-3 py-2"
                  />
                  {error ? (
                    <p id={`${key}-error`} className="text-sm text-red-700">
                      {t(error)}
                    </p>
                  ) : null}
                </div>
              );
            })}
          </div>
          <Button>{t("adminSettings.save")}</Button>
        </Form>
      </Card>
    </div>
  );
}

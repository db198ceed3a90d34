import { json, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EventsAndGuides } from "~/components/events/events-and-guides";
import { nextEvents } from "~/models/events.server";
import { newestResources } from "~/models/resources.server";
import { useTranslation } from "~/utils/i18n-react";
import { formatNumber } from "~/lib/format";
import { buttonClass } from "~/components/ui/button";
import { Card } from "~/components/ui/page";
import { useRootData } from "~/utils/use-root-data";
import { title } from "~/utils/meta";

export const meta: MetaFunction = (args) => [
  ...title(args, "landing.metaTitle"),
  { name: "description", content: "Kết Nối Số — HUBA · HCA · Sở KH&CN TP.HCM" },
];

const STEPS = ["assess", "post", "bid", "deliver"] as const;
const PARTIES = ["department", "huba", "hca"] as const;
const FIGURES = [
  { value: 71.18, key: "platforms" },
  { value: 80.2, key: "econtracts" },
  { value: 95.21, key: "etax" },
] as const;

export const loader = () => json({ events: nextEvents(3), guides: newestResources(3) });

export default function Landing() {
  const learning = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const user = useRootData()?.user;
  return (
    <div className="space-y-12">
      <section className="rounded-2xl bg-brand-800 px-5 py-10 text-white sm:px-10 sm:py-14">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-100">{t("landing.kicker")}</p>
        <h1 className="mt-3 max-w-3xl text-3xl font-bold leading-tight sm:text-4xl">{t("landing.title")}</h1>
        <p className="mt-4 max-w-2xl text-lg text-brand-50">{t("landing.lead")}</p>
        <div className="mt-6 flex flex-col gap-3 sm:flex-row">
          {user ? (
            <Link to="/me" className={buttonClass("secondary", "text-brand-900")}>
              {t("landing.toMyHome")}
            </Link>
          ) : (
            <>
              <Link to="/register?as=sme" className={buttonClass("secondary", "text-brand-900")}>
                {t("landing.ctaSme")}
              </Link>
              <Link
                to="/register?as=vendor"
                className="inline-flex min-h-11 items-center justify-center rounded-md border border-white px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
              >
                {t("landing.ctaVendor")}
              </Link>
            </>
          )}
        </div>
      </section>

      <section aria-labelledby="how">
        <h2 id="how" className="text-2xl font-bold">
          {t("landing.howTitle")}
        </h2>
        <ol className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {STEPS.map((step, i) => (
            <li key={step} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
              <span
                className="inline-flex h-8 w-8 items-center justify-center rounded-full bg-brand-100 font-bold text-brand-800"
                aria-hidden="true"
              >
                {i + 1}
              </span>
              <h3 className="mt-3 font-semibold">{t(`landing.steps.${step}.title`)}</h3>
              <p className="mt-1 text-sm text-slate-700">{t(`landing.steps.${step}.body`)}</p>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="audiences" className="grid gap-4 md:grid-cols-2">
        <h2 id="audiences" className="sr-only">
          {t("landing.audiencesTitle")}
        </h2>
        <Card>
          <h3 className="text-xl font-semibold">{t("landing.forSme.title")}</h3>
          <p className="mt-2 text-slate-700">{t("landing.forSme.body")}</p>
        </Card>
        <Card>
          <h3 className="text-xl font-semibold">{t("landing.forVendor.title")}</h3>
          <p className="mt-2 text-slate-700">{t("landing.forVendor.body")}</p>
        </Card>
      </section>

      <section aria-labelledby="who">
        <h2 id="who" className="text-2xl font-bold">
          {t("landing.whoTitle")}
        </h2>
        <p className="mt-2 max-w-3xl text-slate-700">{t("landing.agreement")}</p>
        <ul className="mt-4 grid gap-4 md:grid-cols-3">
          {PARTIES.map((party) => (
            <li key={party} className="rounded-lg border border-slate-200 bg-white p-5">
              <h3 className="font-semibold">{t(`landing.parties.${party}.name`)}</h3>
              <p className="mt-1 text-sm text-slate-700">{t(`landing.parties.${party}.role`)}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="figures">
        <h2 id="figures" className="text-2xl font-bold">
          {t("landing.figuresTitle")}
        </h2>
        <dl className="mt-4 grid gap-4 sm:grid-cols-3">
          {FIGURES.map((f) => (
            <div key={f.key} className="rounded-lg border border-slate-200 bg-white p-5">
              <dt className="text-sm text-slate-700">{t(`landing.figures.${f.key}`)}</dt>
              <dd className="mt-1 text-3xl font-bold text-brand-800">{formatNumber(f.value, lang, 2)}%</dd>
            </div>
          ))}
        </dl>
        <p className="mt-2 text-sm text-slate-600">{t("landing.figuresSource")}</p>
      </section>

      <EventsAndGuides events={learning.events} guides={learning.guides} />
    </div>
  );
}

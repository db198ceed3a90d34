import { Link } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { buttonClass } from "~/components/ui/button";
import { NEED_STEPS, type NeedBanner, type NeedStep } from "~/lib/need-progress";

/**
 * Where the need stands: the six steps as an ordered list (the current one `aria-current="step"`),
 * compact on a phone (numbers, with the current step's name under them), and under it the one
 * thing the owner should do now.
 */
export function NeedProgress({
  needId,
  step,
  stopped,
  banner,
}: {
  needId: string;
  step: NeedStep;
  stopped: boolean;
  banner: NeedBanner | null;
}) {
  const { t } = useTranslation();
  const current = NEED_STEPS.indexOf(step);
  return (
    <div className="space-y-3">
      <nav aria-label={t("needProgress.label")}>
        <ol className="flex items-start">
          {NEED_STEPS.map((s, i) => {
            const done = i < current || (i === current && s === "completed");
            const isCurrent = i === current;
            return (
              <li
                key={s}
                aria-current={isCurrent ? "step" : undefined}
                className="relative flex flex-1 flex-col items-center text-center"
              >
                {i > 0 ? (
                  <span
                    aria-hidden="true"
                    className={`absolute right-1/2 top-4 -z-0 h-0.5 w-full ${i <= current ? "bg-brand-600" : "bg-slate-300"}`}
                  />
                ) : null}
                <span
                  aria-hidden="true"
                  className={`relative z-10 flex h-8 w-8 items-center justify-center rounded-full border-2 text-sm font-semibold ${
                    isCurrent
                      ? stopped
                        ? "border-slate-500 bg-slate-500 text-white"
                        : "border-brand-700 bg-brand-700 text-white ring-4 ring-brand-100"
                      : done
                        ? "border-brand-600 bg-brand-600 text-white"
                        : "border-slate-300 bg-white text-slate-600"
                  }`}
                >
                  {done && !isCurrent ? "✓" : i + 1}
                </span>
                <span
                  className={`mt-1 hidden text-xs sm:block ${isCurrent ? "font-semibold text-slate-900" : "text-slate-600"}`}
                >
                  {t(`needProgress.steps.${s}`)}
                </span>
                <span className="sr-only sm:hidden">
                  {t("needProgress.stepOf", { n: i + 1, total: NEED_STEPS.length, name: t(`needProgress.steps.${s}`) })}
                </span>
                {isCurrent ? (
                  <span className="sr-only">
                    {" "}
                    {t(
                      done
                        ? "needProgress.doneState"
                        : stopped
                          ? "needProgress.stoppedState"
                          : "needProgress.currentState",
                    )}
                  </span>
                ) : done ? (
                  <span className="sr-only"> {t("needProgress.doneState")}</span>
                ) : null}
              </li>
            );
          })}
        </ol>
        <p className="mt-2 text-sm font-semibold text-slate-900 sm:hidden" aria-hidden="true">
          {t("needProgress.stepOf", {
            n: current + 1,
            total: NEED_STEPS.length,
            name: t(`needProgress.steps.${step}`),
          })}
        </p>
      </nav>
      {banner ? <Banner needId={needId} banner={banner} /> : null}
    </div>
  );
}

function Banner({ needId, banner }: { needId: string; banner: NeedBanner }) {
  const { t } = useTranslation();
  const tone =
    banner.kind === "compare" || banner.kind === "publish"
      ? "border-brand-700 bg-brand-50"
      : banner.kind === "expired" || banner.kind === "cancelled"
        ? "border-slate-400 bg-slate-50"
        : "border-green-700 bg-green-50";
  const action =
    banner.kind === "compare" ? (
      <Link to={`/needs/${needId}/compare`} className={buttonClass("primary")}>
        {t("needProgress.banner.compareAction")}
      </Link>
    ) : banner.kind === "publish" ? (
      <Link to={`/needs/${needId}/edit`} className={buttonClass("primary")}>
        {t("needProgress.banner.publishAction")}
      </Link>
    ) : banner.kind === "delivery" || banner.kind === "completed" ? (
      <Link to={`/engagements/${banner.engagementId}`} className={buttonClass("secondary")}>
        {t("bids.openEngagement")}
      </Link>
    ) : banner.kind === "expired" ? (
      <Link to="/needs/new" className={buttonClass("secondary")}>
        {t("needs.mine.create")}
      </Link>
    ) : null;
  const text =
    banner.kind === "open"
      ? t("needProgress.banner.open", { count: banner.daysLeft, bids: banner.bidCount })
      : banner.kind === "compare"
        ? t("needProgress.banner.compare", { count: banner.bidCount })
        : t(`needProgress.banner.${banner.kind}`);
  return (
    <div
      role="region"
      aria-label={t("needProgress.bannerLabel")}
      className={`flex flex-col gap-3 rounded-md border-l-4 p-4 sm:flex-row sm:items-center sm:justify-between ${tone}`}
    >
      <p className="font-medium text-slate-900">{text}</p>
      {action}
    </div>
  );
}

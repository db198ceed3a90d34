import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { buttonClass } from "~/components/ui/button";

/** Tells the user what happened and what to do, in their language; never a stack trace. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const kind = status === 403 ? "forbidden" : status === 404 ? "notFound" : status === 429 ? "tooMany" : "server";
  return (
    <div className="mx-auto max-w-xl py-10 text-center">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">{status}</p>
      <h1 className="mt-2 text-3xl font-bold">{t(`errorPage.${kind}.title`)}</h1>
      <p className="mt-3 text-slate-700">{t(`errorPage.${kind}.body`)}</p>
      <div className="mt-6 flex justify-center gap-3">
        <Link to="/" className={buttonClass("primary")}>
          {t("errorPage.home")}
        </Link>
        <Link to="/me" className={buttonClass("secondary")}>
          {t("errorPage.myHome")}
        </Link>
      </div>
    </div>
  );
}

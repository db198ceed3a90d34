import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { Card, Narrow, PageHeader } from "~/components/ui/page";
import { title } from "~/utils/meta";

export const meta: MetaFunction = (args) => title(args, "checkEmail.title");

export function loader({ request }: LoaderFunctionArgs) {
  const kind = new URL(request.url).searchParams.get("for") === "reset" ? "reset" : "verify";
  return json({ kind });
}

/** The same words whether or not the address has an account. */
export default function CheckEmail() {
  const { t } = useTranslation();
  const { kind } = useLoaderData<typeof loader>();
  return (
    <Narrow>
      <PageHeader title={t("checkEmail.title")} />
      <Card>
        <p role="status">{t(`checkEmail.${kind}`)}</p>
        <p className="mt-3 text-sm text-slate-700">{t("checkEmail.spam")}</p>
        <p className="mt-4">
          <Link to="/login" className="font-medium text-brand-700 underline">
            {t("checkEmail.toLogin")}
          </Link>
        </p>
      </Card>
    </Narrow>
  );
}

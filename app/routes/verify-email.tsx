import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { Card, Narrow, PageHeader } from "~/components/ui/page";
import { recordAudit } from "~/models/audit.server";
import { consumeToken, peekToken } from "~/models/tokens.server";
import { markEmailVerified, recordSignIn } from "~/models/users.server";
import { createSessionCookie } from "~/utils/auth.server";
import { getLang } from "~/utils/i18n.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = (args) => title(args, "verify.title");

/** Opening the link changes nothing (mail scanners open links): the button confirms. */
export function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return json({ token, valid: !!token && peekToken(token, "email_verification") !== null });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const token = String(formData.get("token") ?? "");
  const userId = consumeToken(token, "email_verification", (id, tx) => markEmailVerified(id, tx));
  if (!userId) return redirect(`/verify-email?token=${encodeURIComponent(token)}`);
  recordSignIn(userId, getLang(request));
  recordAudit({ actorId: userId, action: "email_verified", ip: context.ip });
  recordAudit({ actorId: userId, action: "sign_in", ip: context.ip });
  return redirect("/me?welcome=1", { headers: { "Set-Cookie": await createSessionCookie(userId) } });
}

export default function VerifyEmail() {
  const { t } = useTranslation();
  const { token, valid } = useLoaderData<typeof loader>();
  return (
    <Narrow>
      <PageHeader title={t("verify.title")} />
      <Card>
        {valid ? (
          <Form method="post" className="space-y-4">
            <p>{t("verify.ready")}</p>
            <input type="hidden" name="token" value={token} />
            <Button className="w-full">{t("verify.submit")}</Button>
          </Form>
        ) : (
          <div className="space-y-3">
            <p role="alert">{t("verify.invalid")}</p>
            <Link to="/login" className="font-medium text-brand-700 underline">
              {t("verify.toLogin")}
            </Link>
          </div>
        )}
      </Card>
    </Narrow>
  );
}

import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { ServerField } from "~/components/ui/server-field";
import { Card, Narrow, PageHeader } from "~/components/ui/page";
import { signIn } from "~/models/accounts.server";
import { recordSignInFailure, signInLockedUntil } from "~/models/rate-limits.server";
import { createSessionCookie, requireAnonymous, safeRedirect } from "~/utils/auth.server";
import { getLang } from "~/utils/i18n.server";
import { title } from "~/utils/meta";
import { parseLogin } from "~/utils/account-forms.server";
import { useServerForm } from "~/utils/server-form";
import { ErrorSummary } from "~/components/ui/error-summary";

export const meta: MetaFunction = (args) => title(args, "login.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const url = new URL(request.url);
  return json({ notice: url.searchParams.get("notice") });
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const formData = await request.formData();
  const submission = parseLogin(formData);
  if (submission.status !== "success") {
    return json(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const { email: address, password, redirectTo } = submission.value;
  const refuse = (message: string, status = 400) =>
    json(submission.reply({ formErrors: [message], hideFields: ["password"] }), { status });

  if (signInLockedUntil(address, context.ip)) return refuse("errors.signInLocked", 429);

  const signedIn = await signIn({ email: address, password, lang: getLang(request) }, { ip: context.ip, request });
  if (!signedIn.ok) {
    if (signedIn.error === "failed") recordSignInFailure(address, context.ip);
    if (signedIn.error === "inactive") return refuse("errors.accountDeactivated", 403);
    if (signedIn.error === "unverified") return refuse("errors.emailNotVerified", 403);
    // A wrong password, or one changed (or the account deactivated) while it was being checked.
    return refuse("errors.signInFailed");
  }
  const cookie = await createSessionCookie(signedIn.userId);
  const to = signedIn.mustChangePassword ? "/me/password" : safeRedirect(redirectTo);
  return redirect(to, { headers: { "Set-Cookie": cookie } });
}

export default function Login() {
  const { t } = useTranslation();
  const { notice } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const redirectTo = searchParams.get("redirectTo");
  const { form, field } = useServerForm("login", lastResult);
  return (
    <Narrow>
      <PageHeader title={t("login.title")} lead={t("login.lead")} />
      {notice ? (
        <div className="mb-4">
          <Alert tone="success" role="status">
            {t(`login.notice.${notice}`, { defaultValue: "" })}
          </Alert>
        </div>
      ) : null}
      <Card>
        <Form method="post" {...form.props} className="space-y-4">
          <ErrorSummary form={form} labels={{ email: t("fields.email"), password: t("fields.password") }} />
          {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
          <ServerField
            meta={field("email")}
            type="email"
            label={t("fields.email")}
            inputProps={{ autoComplete: "email", maxLength: 254 }}
          />
          <ServerField
            meta={field("password")}
            type="password"
            label={t("fields.password")}
            inputProps={{ autoComplete: "current-password", maxLength: 200 }}
          />
          <Button className="w-full" disabled={navigation.state === "submitting"}>
            {t("login.submit")}
          </Button>
        </Form>
        <div className="mt-4 flex flex-col gap-2 text-sm sm:flex-row sm:justify-between">
          <Link to="/forgot-password" className="font-medium text-brand-700 underline">
            {t("login.forgot")}
          </Link>
          <Link to="/register" className="font-medium text-brand-700 underline">
            {t("login.noAccount")}
          </Link>
        </div>
      </Card>
    </Narrow>
  );
}

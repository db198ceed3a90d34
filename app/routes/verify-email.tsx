import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { z } from "zod";
import { Button } from "~/components/ui/button";
import { FormErrors } from "~/components/ui/field";
import { Card, Narrow, PageHeader } from "~/components/ui/page";
import { verifyEmail } from "~/models/accounts.server";
import { peekToken } from "~/models/tokens.server";
import { createSessionCookie } from "~/utils/auth.server";
import { getLang } from "~/utils/i18n.server";
import { title } from "~/utils/meta";

const VerifySchema = z.object({
  token: z.string({ required_error: "verify.invalid" }).trim().min(1, "verify.invalid").max(200, "verify.invalid"),
});

export const meta: MetaFunction = (args) => title(args, "verify.title");

/** Opening the link changes nothing (mail scanners open links): the button confirms. */
export function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return json({ token, valid: !!token && peekToken(token, "email_verification") !== null });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: VerifySchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const { token } = submission.value;
  const verified = verifyEmail(token, getLang(request), context.ip);
  // Unknown, expired or already used (perhaps a moment ago, in another tab): the page says so.
  if (!verified.ok) return redirect(`/verify-email?token=${encodeURIComponent(token)}`);
  return redirect("/me?welcome=1", { headers: { "Set-Cookie": await createSessionCookie(verified.userId) } });
}

export default function VerifyEmail() {
  const { t } = useTranslation();
  const { token, valid } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "verify-email",
    lastResult,
    constraint: getZodConstraint(VerifySchema),
    defaultValue: { token },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: VerifySchema }),
  });
  const errors = [...(form.errors ?? []), ...(fields.token.errors ?? [])];
  return (
    <Narrow>
      <PageHeader title={t("verify.title")} />
      <Card>
        {valid ? (
          <Form method="post" {...getFormProps(form)} className="space-y-4">
            <FormErrors id={form.errorId} errors={errors} />
            <p>{t("verify.ready")}</p>
            <input {...getInputProps(fields.token, { type: "hidden" })} />
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

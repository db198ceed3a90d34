/** The emails of the account journeys, written in the recipient's language. */
import type { UserRow } from "./users.server";
import { issueToken } from "./tokens.server";
import { absoluteUrl, sendEmail } from "~/utils/email.server";
import { translator } from "~/utils/i18n";

type Recipient = Pick<UserRow, "id" | "email" | "name" | "lang">;

export async function sendVerificationEmail(request: Request, user: Recipient) {
  const t = translator(user.lang);
  const token = issueToken(user.id, "email_verification");
  const link = absoluteUrl(request, `/verify-email?token=${token}`);
  await sendEmail({
    to: user.email,
    subject: t("emails.verify.subject"),
    text: t("emails.verify.body", { name: user.name, link }),
  });
}

export async function sendPasswordResetEmail(request: Request, user: Recipient) {
  const t = translator(user.lang);
  const token = issueToken(user.id, "password_reset");
  const link = absoluteUrl(request, `/reset-password?token=${token}`);
  await sendEmail({
    to: user.email,
    subject: t("emails.reset.subject"),
    text: t("emails.reset.body", { name: user.name, link }),
  });
}

/** Someone tried to register with an address that already has an account. */
export async function sendAlreadyRegisteredEmail(request: Request, user: Recipient) {
  const t = translator(user.lang);
  await sendEmail({
    to: user.email,
    subject: t("emails.alreadyRegistered.subject"),
    text: t("emails.alreadyRegistered.body", {
      name: user.name,
      login: absoluteUrl(request, "/login"),
      reset: absoluteUrl(request, "/forgot-password"),
    }),
  });
}

export async function sendStaffWelcomeEmail(request: Request, user: Recipient) {
  const t = translator(user.lang);
  await sendEmail({
    to: user.email,
    subject: t("emails.staffWelcome.subject"),
    text: t("emails.staffWelcome.body", { name: user.name, login: absoluteUrl(request, "/login") }),
  });
}

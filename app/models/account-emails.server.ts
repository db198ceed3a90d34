/** The emails of the account journeys, written in the recipient's language. */
import type { UserRow } from "./users.server";
import { issueToken } from "./tokens.server";
import { absoluteUrl, enqueueEmail } from "~/utils/email.server";
import { translator } from "~/utils/i18n";

type Recipient = Pick<UserRow, "id" | "email" | "name" | "lang">;

export function sendVerificationEmail(request: Request, user: Recipient) {
  const t = translator(user.lang);
  const token = issueToken(user.id, "email_verification");
  const link = absoluteUrl(request, `/verify-email?token=${token}`);
  enqueueEmail({
    to: user.email,
    subject: t("emails.verify.subject"),
    text: t("emails.verify.body", { name: user.name, link }),
  });
}

export function sendPasswordResetEmail(request: Request, user: Recipient) {
  const t = translator(user.lang);
  const token = issueToken(user.id, "password_reset");
  const link = absoluteUrl(request, `/reset-password?token=${token}`);
  enqueueEmail({
    to: user.email,
    subject: t("emails.reset.subject"),
    text: t("emails.reset.body", { name: user.name, link }),
  });
}

/** Someone tried to register with an address that already has an account. */
export function sendAlreadyRegisteredEmail(request: Request, user: Recipient) {
  const t = translator(user.lang);
  enqueueEmail({
    to: user.email,
    subject: t("emails.alreadyRegistered.subject"),
    text: t("emails.alreadyRegistered.body", {
      name: user.name,
      login: absoluteUrl(request, "/login"),
      reset: absoluteUrl(request, "/forgot-password"),
    }),
  });
}

export function sendStaffWelcomeEmail(request: Request, user: Recipient) {
  const t = translator(user.lang);
  enqueueEmail({
    to: user.email,
    subject: t("emails.staffWelcome.subject"),
    text: t("emails.staffWelcome.body", { name: user.name, login: absoluteUrl(request, "/login") }),
  });
}

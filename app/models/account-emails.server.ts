/**
 * The emails of the account journeys, written in the recipient's language to the outbox. Each takes
 * the transaction of the change that causes it (`db`), so the mail (and its single-use link) exists
 * exactly when the change does.
 */
import { getDb, type DbOrTx } from "../../db/client.server";
import type { UserRow } from "./users.server";
import { issueToken } from "./tokens.server";
import { absoluteUrl, enqueueEmail } from "~/utils/email.server";
import { translator } from "~/utils/i18n";

type Recipient = Pick<UserRow, "id" | "email" | "name" | "lang">;

export function sendVerificationEmail(request: Request, user: Recipient, db: DbOrTx = getDb()) {
  db.transaction((tx) => {
    const t = translator(user.lang);
    const token = issueToken(user.id, "email_verification", Date.now(), tx);
    const link = absoluteUrl(request, `/verify-email?token=${token}`);
    enqueueEmail(
      { to: user.email, subject: t("emails.verify.subject"), text: t("emails.verify.body", { name: user.name, link }) },
      tx,
    );
  });
}

export function sendPasswordResetEmail(request: Request, user: Recipient, db: DbOrTx = getDb()) {
  db.transaction((tx) => {
    const t = translator(user.lang);
    const token = issueToken(user.id, "password_reset", Date.now(), tx);
    const link = absoluteUrl(request, `/reset-password?token=${token}`);
    enqueueEmail(
      { to: user.email, subject: t("emails.reset.subject"), text: t("emails.reset.body", { name: user.name, link }) },
      tx,
    );
  });
}

/** Someone tried to register with an address that already has an account. */
export function sendAlreadyRegisteredEmail(request: Request, user: Recipient, db: DbOrTx = getDb()) {
  const t = translator(user.lang);
  enqueueEmail(
    {
      to: user.email,
      subject: t("emails.alreadyRegistered.subject"),
      text: t("emails.alreadyRegistered.body", {
        name: user.name,
        login: absoluteUrl(request, "/login"),
        reset: absoluteUrl(request, "/forgot-password"),
      }),
    },
    db,
  );
}

export function sendStaffWelcomeEmail(request: Request, user: Recipient, db: DbOrTx = getDb()) {
  const t = translator(user.lang);
  enqueueEmail(
    {
      to: user.email,
      subject: t("emails.staffWelcome.subject"),
      text: t("emails.staffWelcome.body", { name: user.name, login: absoluteUrl(request, "/login") }),
    },
    db,
  );
}

/**
 * The notification centre (docs/product.md §13): in-app notifications, and the same by email unless the
 * user turned that kind of email off. Every capability notifies through `notify`.
 */
import crypto from "node:crypto";
import { and, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb, preparedOnce, schema, type DbOrTx } from "../../db/client.server";
import {
  emailGroupOf,
  EMAIL_GROUPS,
  notificationText,
  type EmailGroup,
  type NotificationKind,
} from "~/lib/notification-kinds";
import { STAFF_ROLES } from "~/lib/permissions";
import { enqueueEmail, siteUrl, type MailAttachment } from "~/utils/email.server";
import { translator } from "~/utils/i18n";
import { pageCount } from "~/lib/paging";

export type NotificationParams = Record<string, string | number>;

/** Active users of an organisation. */
export function organisationUserIds(organisationId: string, db: DbOrTx = getDb()): string[] {
  return db
    .select({ id: schema.users.id })
    .from(schema.users)
    .where(and(eq(schema.users.organisationId, organisationId), eq(schema.users.active, true)))
    .all()
    .map((r) => r.id);
}

/** Active staff and admins. */
export function staffUserIds(db: DbOrTx = getDb()): string[] {
  return db
    .select({ id: schema.users.id })
    .from(schema.users)
    .where(and(inArray(schema.users.role, [...STAFF_ROLES]), eq(schema.users.active, true)))
    .all()
    .map((r) => r.id);
}

/**
 * Notifies users in-app and, unless they turned that kind of email off, by email through the outbox.
 * Synchronous: pass the transaction of the change that causes it (`tx`), so that the notification
 * and its mail are written exactly when the change commits, and not at all when it rolls back.
 */
export function notify(
  userIds: string[],
  kind: NotificationKind,
  params: NotificationParams,
  link: string,
  db: DbOrTx = getDb(),
  mail: { attachments?: MailAttachment[] } = {},
): void {
  if (userIds.length === 0) return;
  const now = Date.now();
  const json = JSON.stringify(params);
  for (const userId of userIds) {
    db.insert(schema.notifications)
      .values({ id: crypto.randomUUID(), userId, kind, params: json, link, createdAt: now })
      .run();
  }
  const group = emailGroupOf(kind);
  const recipients = db
    .select({ id: schema.users.id, email: schema.users.email, name: schema.users.name, lang: schema.users.lang })
    .from(schema.users)
    .where(inArray(schema.users.id, userIds))
    .all();
  const optedOut = new Set(
    db
      .select({ userId: schema.emailOptOuts.userId })
      .from(schema.emailOptOuts)
      .where(and(inArray(schema.emailOptOuts.userId, userIds), eq(schema.emailOptOuts.kind, group)))
      .all()
      .map((r) => r.userId),
  );
  for (const user of recipients) {
    if (optedOut.has(user.id)) continue;
    const t = translator(user.lang);
    const message = notificationText(t, kind, params);
    enqueueEmail(
      {
        to: user.email,
        subject: message,
        text: t("notifications.email", {
          name: user.name,
          message,
          link: siteUrl(link),
          settings: siteUrl("/notifications/settings"),
        }),
        attachments: mail.attachments,
      },
      db,
    );
  }
}

export const NOTIFICATIONS_PAGE_SIZE = 20;

export function listNotifications(userId: string, page: number) {
  const db = getDb();
  const rows = db
    .select()
    .from(schema.notifications)
    .where(eq(schema.notifications.userId, userId))
    .orderBy(desc(schema.notifications.createdAt), desc(schema.notifications.id))
    .limit(NOTIFICATIONS_PAGE_SIZE)
    .offset((page - 1) * NOTIFICATIONS_PAGE_SIZE)
    .all()
    .map((r) => ({ ...r, params: JSON.parse(r.params) as NotificationParams }));
  const total =
    db.select({ n: count() }).from(schema.notifications).where(eq(schema.notifications.userId, userId)).get()?.n ?? 0;
  return { rows, total, pageCount: pageCount(total, NOTIFICATIONS_PAGE_SIZE) };
}

/** Prepared once per connection: every page's header asks (ADR 014). */
export function unreadCount(userId: string): number {
  const db = getDb();
  return (
    preparedOnce(db, "notifications.unread", () =>
      db
        .select({ n: count() })
        .from(schema.notifications)
        .where(and(eq(schema.notifications.userId, sql.placeholder("userId")), isNull(schema.notifications.readAt)))
        .prepare(),
    ).get({ userId })?.n ?? 0
  );
}

/** Marks one of the user's notifications read; returns its link, or null if it is not theirs. */
export function markRead(userId: string, notificationId: string): string | null {
  const db = getDb();
  const row = db
    .select({ link: schema.notifications.link, readAt: schema.notifications.readAt })
    .from(schema.notifications)
    .where(and(eq(schema.notifications.id, notificationId), eq(schema.notifications.userId, userId)))
    .get();
  if (!row) return null;
  if (row.readAt === null) {
    db.update(schema.notifications)
      .set({ readAt: Date.now() })
      .where(eq(schema.notifications.id, notificationId))
      .run();
  }
  return row.link;
}

export function markAllRead(userId: string) {
  getDb()
    .update(schema.notifications)
    .set({ readAt: Date.now() })
    .where(and(eq(schema.notifications.userId, userId), isNull(schema.notifications.readAt)))
    .run();
}

export function emailSettings(userId: string): Record<EmailGroup, boolean> {
  const off = new Set(
    getDb()
      .select({ kind: schema.emailOptOuts.kind })
      .from(schema.emailOptOuts)
      .where(eq(schema.emailOptOuts.userId, userId))
      .all()
      .map((r) => r.kind),
  );
  return Object.fromEntries(EMAIL_GROUPS.map((g) => [g, !off.has(g)])) as Record<EmailGroup, boolean>;
}

export function saveEmailSettings(userId: string, enabled: Record<EmailGroup, boolean>) {
  getDb().transaction((tx) => {
    tx.delete(schema.emailOptOuts).where(eq(schema.emailOptOuts.userId, userId)).run();
    for (const group of EMAIL_GROUPS) {
      if (!enabled[group]) tx.insert(schema.emailOptOuts).values({ userId, kind: group }).run();
    }
  });
}

/** Tells the vendors interested in a need (bidders, and askers unless `onlyBidders`) about it. */
export function notifyNeedWatchers(
  vendorIds: string[],
  needId: string,
  kind: "need_edited" | "need_closed_early" | "need_cancelled",
  params: NotificationParams,
  db: DbOrTx = getDb(),
) {
  notify(
    vendorIds.flatMap((v) => organisationUserIds(v, db)),
    kind,
    params,
    `/needs/${needId}`,
    db,
  );
}

import { describe, expect, it } from "vitest";
import { getDb, getSqlite } from "../../db/client.server";
import { createUser } from "../../db/test/factories";
import {
  emailSettings,
  listNotifications,
  markAllRead,
  markRead,
  notify,
  saveEmailSettings,
  unreadCount,
} from "./notifications.server";

const outboxCount = (to: string) =>
  (getSqlite().prepare('SELECT count(*) AS n FROM outbox WHERE "to" = ?').get(to) as { n: number }).n;

describe("notifications", () => {
  it("are listed newest first, counted unread, and marked read one by one or all at once", async () => {
    const user = createUser({ role: "vendor" });
    notify([user.id], "vetting_approved", { vendor: "A" }, "/me/dossier");
    notify([user.id], "vendor_suspended", { vendor: "A", note: "x" }, "/me/dossier");
    const { rows } = listNotifications(user.id, 1);
    expect(rows.map((r) => r.kind)).toEqual(["vendor_suspended", "vetting_approved"]);
    expect(rows[0]!.params).toEqual({ vendor: "A", note: "x" });
    expect(unreadCount(user.id)).toBe(2);
    expect(markRead(user.id, rows[0]!.id)).toBe("/me/dossier");
    expect(unreadCount(user.id)).toBe(1);
    markAllRead(user.id);
    expect(unreadCount(user.id)).toBe(0);
  });

  it("cannot be read or marked by another user", async () => {
    const owner = createUser({ role: "vendor" });
    const other = createUser({ role: "vendor" });
    notify([owner.id], "vetting_approved", { vendor: "A" }, "/me/dossier");
    const id = listNotifications(owner.id, 1).rows[0]!.id;
    expect(markRead(other.id, id)).toBeNull();
    expect(unreadCount(owner.id)).toBe(1);
    expect(listNotifications(other.id, 1).total).toBe(0);
  });

  it("are emailed unless the user turned that kind of email off", async () => {
    const user = createUser({ role: "vendor" });
    notify([user.id], "vetting_approved", { vendor: "A" }, "/me/dossier");
    expect(outboxCount(user.email)).toBe(1);
    saveEmailSettings(user.id, { ...emailSettings(user.id), vetting: false });
    expect(emailSettings(user.id).vetting).toBe(false);
    notify([user.id], "vetting_rejected", { vendor: "A", note: "no" }, "/me/dossier");
    expect(outboxCount(user.email)).toBe(1);
    expect(unreadCount(user.id)).toBe(2);
  });

  it("are written in the transaction of the change that causes them, and vanish when it rolls back", () => {
    const user = createUser({ role: "vendor" });
    expect(() =>
      getDb().transaction((tx) => {
        notify([user.id], "vetting_approved", { vendor: "A" }, "/me/dossier", tx);
        throw new Error("the change failed");
      }),
    ).toThrow("the change failed");
    expect(unreadCount(user.id)).toBe(0);
    expect(outboxCount(user.email)).toBe(0);
  });
});

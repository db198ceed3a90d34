import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { getSqlite } from "../../db/client.server";
import { createUser } from "../../db/test/factories";
import { notify, unreadCount } from "./notifications.server";
import { expectOneChange, transition } from "./transition.server";

describe("transition", () => {
  it("returns the change's result when its compare-and-set write matched", () => {
    const result = transition(() => {
      expectOneChange({ changes: 1 });
      return { ok: true as const, value: 7 };
    });
    expect(result).toEqual({ ok: true, value: 7 });
  });

  it("rolls back every write, notifications included, and answers stale when the state moved on", () => {
    const user = createUser({ role: "vendor" });
    const id = crypto.randomUUID();
    const result = transition((tx) => {
      notify([user.id], "vetting_approved", { vendor: "A" }, "/me/dossier", tx);
      // A compare-and-set on a row another request already moved on: no row matches.
      expectOneChange(getSqlite().prepare("UPDATE users SET name = name WHERE id = ? AND active = 0").run(id));
      return { ok: true as const };
    });
    expect(result).toEqual({ ok: false, error: "stale" });
    expect(unreadCount(user.id)).toBe(0);
  });

  it("lets other errors through after rolling back", () => {
    expect(() =>
      transition(() => {
        throw new Error("boom");
      }),
    ).toThrow("boom");
  });
});

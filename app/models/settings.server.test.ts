import { describe, expect, it } from "vitest";
import { getSqlite } from "../../db/client.server";
import { createUser } from "../../db/test/factories";
import { changeBeforeNextTransaction, rowCount, thrownBy } from "../../db/test/transitions";
import { z } from "zod";
import { getSetting, saveSetting, settingVersion } from "./settings.server";

const Days = z.object({ days: z.number() });
const read = (key: string) => getSetting(key, Days, { days: 0 });
const audited = (key: string) =>
  (
    getSqlite().prepare("SELECT action FROM audit_log WHERE subject_type = 'setting' AND subject_id = ?").all(key) as {
      action: string;
    }[]
  ).map((r) => r.action);

describe("settings", () => {
  it("are saved by an admin over the version they saw, each change audited", () => {
    const admin = createUser({ role: "admin" });
    expect(settingVersion("t_days")).toBeNull();
    expect(saveSetting(admin, "t_days", { days: 7 }, null, "ip", 1_000)).toEqual({ ok: true });
    expect(settingVersion("t_days")).toBe(1_000);
    expect(saveSetting(admin, "t_days", { days: 9 }, 1_000, "ip", 2_000)).toEqual({ ok: true });
    expect(read("t_days")).toEqual({ days: 9 });
    expect(audited("t_days")).toEqual(["setting_changed", "setting_changed"]);
  });

  it("refuse as stale a save over a version another admin replaced meanwhile, writing nothing", () => {
    const admin = createUser({ role: "admin" });
    saveSetting(admin, "t_race", { days: 7 }, null, "ip", 1_000);
    const audit = rowCount("audit_log");
    changeBeforeNextTransaction("UPDATE settings SET value = '{\"days\":30}', updated_at = 1500 WHERE key = 't_race'");
    expect(saveSetting(admin, "t_race", { days: 14 }, 1_000, "ip", 2_000)).toEqual({ ok: false, error: "stale" });
    expect(read("t_race")).toEqual({ days: 30 });
    expect(rowCount("audit_log")).toBe(audit);
    // Saving over the first save, while another admin's first save came in: stale too.
    changeBeforeNextTransaction("INSERT INTO settings (key, value, updated_at) VALUES ('t_new', '{\"days\":1}', 1500)");
    expect(saveSetting(admin, "t_new", { days: 2 }, null, "ip")).toEqual({ ok: false, error: "stale" });
    expect(rowCount("audit_log")).toBe(audit);
  });

  it("are refused to staff (403)", () => {
    const staff = createUser({ role: "staff" });
    expect(thrownBy(() => saveSetting(staff, "t_staff", { days: 1 }, null, "ip"))).toMatchObject({ status: 403 });
    expect(settingVersion("t_staff")).toBeNull();
  });
});

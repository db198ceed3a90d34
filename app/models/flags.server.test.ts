import { describe, expect, it } from "vitest";
import { getSqlite } from "../../db/client.server";
import { createEngagement, createUser } from "../../db/test/factories";
import { DAY_MS as DAY } from "~/lib/local-date";
import { actOnFlag } from "./flag-queue.server";
import { healthOf, reevaluate, sweep } from "./flags.server";
const flagsOf = (engagementId: string) =>
  getSqlite()
    .prepare(
      "SELECT code, severity, status FROM flags WHERE engagement_id = ? AND subject_type = 'engagement' ORDER BY code, status",
    )
    .all(engagementId) as {
    code: string;
    severity: string;
    status: string;
  }[];

function overdue(engagementId: string, days: number) {
  getSqlite()
    .prepare("UPDATE engagement_milestones SET due_at = ? WHERE engagement_id = ? AND position = 0")
    .run(Date.now() - days * DAY, engagementId);
}

describe("the flag engine", () => {
  it("raises a flag with its evidence, and a second run writes nothing new", async () => {
    const { engagementId } = createEngagement();
    overdue(engagementId, 10);
    const first = await sweep();
    expect(first.raised).toBeGreaterThan(0);
    expect(flagsOf(engagementId)).toEqual([{ code: "MILESTONE_OVERDUE", severity: "medium", status: "open" }]);
    const count = () => (getSqlite().prepare("SELECT count(*) AS n FROM flags").get() as { n: number }).n;
    const events = () => (getSqlite().prepare("SELECT count(*) AS n FROM flag_events").get() as { n: number }).n;
    const [flags, history] = [count(), events()];
    const second = await sweep();
    expect(second).toMatchObject({ raised: 0, escalated: 0 });
    expect([count(), events()]).toEqual([flags, history]);
    const evidence = JSON.parse(
      (
        getSqlite().prepare("SELECT evidence FROM flags WHERE engagement_id = ?").get(engagementId) as {
          evidence: string;
        }
      ).evidence,
    );
    expect(evidence.daysOverdue).toBe(10);
  });

  it("escalates the open flag when the condition gets worse, instead of adding one", async () => {
    const { engagementId } = createEngagement();
    overdue(engagementId, 10);
    await reevaluate({ engagementId });
    overdue(engagementId, 31);
    const r = await reevaluate({ engagementId });
    expect(r.escalated).toBe(1);
    expect(flagsOf(engagementId)).toEqual([{ code: "MILESTONE_OVERDUE", severity: "high", status: "open" }]);
  });

  it("does not re-raise a resolved flag for the same condition, but does when it got worse (ADR 005)", async () => {
    const { engagementId } = createEngagement();
    const staff = createUser({ role: "staff" });
    overdue(engagementId, 10);
    await reevaluate({ engagementId });
    const id = (getSqlite().prepare("SELECT id FROM flags WHERE engagement_id = ?").get(engagementId) as { id: string })
      .id;
    expect(actOnFlag(staff, id, "resolve", { note: "x" }, "ip")).toEqual({ ok: false, error: "illegal_transition" });
    expect(actOnFlag(staff, id, "acknowledge", {}, "ip")).toEqual({ ok: true });
    expect(actOnFlag(staff, id, "resolve", { note: " " }, "ip")).toEqual({ ok: false, error: "note_required" });
    expect(actOnFlag(staff, id, "resolve", { note: "Đã gọi nhà cung cấp, hẹn bàn giao tuần sau" }, "ip")).toEqual({
      ok: true,
    });
    expect((await reevaluate({ engagementId })).raised).toBe(0);
    overdue(engagementId, 31);
    expect((await reevaluate({ engagementId })).raised).toBe(1);
    expect(flagsOf(engagementId).map((f) => `${f.severity}/${f.status}`)).toEqual(["high/open", "medium/resolved"]);
  });

  it("keeps at most one open flag per rule and subject in the database itself", async () => {
    const { engagementId } = createEngagement();
    overdue(engagementId, 10);
    await reevaluate({ engagementId });
    expect(() =>
      getSqlite()
        .prepare(
          "INSERT INTO flags (id, code, subject_type, subject_id, severity, status, evidence, raised_at, updated_at) VALUES ('dup', 'MILESTONE_OVERDUE', 'engagement', ?, 'high', 'open', '{}', 1, 1)",
        )
        .run(engagementId),
    ).toThrow(/UNIQUE/);
  });

  it("derives an engagement's health from its open flags", async () => {
    const { engagementId } = createEngagement();
    expect(healthOf(engagementId)).toBe("green");
    overdue(engagementId, 10);
    await reevaluate({ engagementId });
    expect(healthOf(engagementId)).toBe("amber");
    overdue(engagementId, 40);
    await reevaluate({ engagementId });
    expect(healthOf(engagementId)).toBe("red");
  });
});

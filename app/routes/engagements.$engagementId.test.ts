import { describe, expect, it } from "vitest";
import { createEngagement, createUser } from "../../db/test/factories";
import { getSqlite, sideEffects } from "~/models/engagement-test-kit";
import { createSessionCookie } from "~/utils/auth.server";
import { action } from "./engagements.$engagementId";

/** Posts the page's form as a signed-in user would, with a real session cookie. */
async function post(userId: string, engagementId: string, fields: Record<string, string>) {
  const cookie = (await createSessionCookie(userId)).split(";")[0]!;
  const request = new Request(`http://localhost/engagements/${engagementId}`, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });
  try {
    return await action({
      request,
      params: { engagementId },
      context: { ip: "127.0.0.1", cspNonce: "", requestId: "test" },
    });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe("the engagement page's action", () => {
  it("answers 404 to another SME and another vendor posting milestone, amendment and message forms, and changes nothing", async () => {
    const { engagementId, milestoneIds, vendor } = createEngagement();
    const m1 = milestoneIds[0]!;
    getSqlite()
      .prepare(
        `INSERT INTO amendments (id, engagement_id, milestone_id, kind, new_amount, value_delta, reason, status, proposed_by, proposed_by_side, created_at)
         VALUES (?, ?, ?, 'amount', 60000000, 10000000, 'Thêm', 'proposed', ?, 'vendor', ?)`,
      )
      .run(`amend-${engagementId}`, engagementId, m1, vendor.id, Date.now());
    const forms: Record<string, string>[] = [
      { intent: "submit", milestoneId: m1, status: "pending", note: "Đã bàn giao" },
      { intent: "decide", milestoneId: m1, status: "submitted", decision: "accept" },
      { intent: "amend", kind: "amount", milestoneId: m1, newAmount: "1000000", reason: "Giảm giá" },
      { intent: "amend_decide", id: `amend-${engagementId}`, accept: "yes" },
      { intent: "message", body: "Xin chào" },
    ];
    const before = sideEffects(engagementId);
    for (const role of ["sme", "vendor"] as const) {
      const stranger = createUser({ role });
      for (const form of forms) {
        const response = await post(stranger.id, engagementId, form);
        expect({ form: form.intent, role, status: response.status }).toEqual({ form: form.intent, role, status: 404 });
      }
    }
    expect(sideEffects(engagementId)).toEqual(before);
    expect(getSqlite().prepare("SELECT status FROM engagement_milestones WHERE id = ?").get(m1)).toEqual({
      status: "pending",
    });
    expect(getSqlite().prepare("SELECT status FROM amendments WHERE id = ?").get(`amend-${engagementId}`)).toEqual({
      status: "proposed",
    });
  });

  it("keeps what was typed and puts the error next to its field", async () => {
    const { engagementId, sme } = createEngagement();
    const response = await post(sme.id, engagementId, {
      intent: "amend",
      form: "amend-new",
      kind: "new_milestone",
      newTitle: "Bảo trì",
      newAmount: "abc",
      "newDueAt.day": "30",
      "newDueAt.month": "2",
      "newDueAt.year": "2031",
      reason: "",
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      intent: string;
      result: { initialValue: Record<string, unknown>; error: Record<string, string[]> };
    };
    expect(body.intent).toBe("amend-new");
    expect(body.result.initialValue).toMatchObject({
      newTitle: "Bảo trì",
      newAmount: "abc",
      newDueAt: { day: "30", month: "2", year: "2031" },
    });
    expect(body.result.error).toMatchObject({
      newAmount: ["errors.money"],
      newDueAt: ["errors.dateInput.notReal"],
      reason: ["errors.required"],
    });
  });

  it("answers a decision someone else already made with the page's stale message", async () => {
    const { engagementId, sme, vendor } = createEngagement();
    getSqlite()
      .prepare(
        `INSERT INTO amendments (id, engagement_id, kind, new_title, new_amount, new_due_at, value_delta, reason, status, proposed_by, proposed_by_side, created_at)
         VALUES (?, ?, 'new_milestone', 'Bảo trì', 1000000, ?, 1000000, 'Thêm', 'declined', ?, 'vendor', ?)`,
      )
      .run(`amend-${engagementId}`, engagementId, Date.now() + 1e9, vendor.id, Date.now());
    const response = await post(sme.id, engagementId, {
      intent: "amend_decide",
      form: `amend_decide-amend-${engagementId}`,
      id: `amend-${engagementId}`,
      accept: "yes",
    });
    expect(response.status).toBe(409);
    const body = (await response.json()) as { stale?: boolean; result: { error?: Record<string, string[]> } };
    expect(body.stale).toBe(true);
    expect(body.result.error ?? {}).toEqual({});
  });
});

import { describe, expect, it } from "vitest";
import { getSqlite } from "../../db/client.server";
import { createEngagement, createUser } from "../../db/test/factories";
import { as, sideEffects } from "./engagement-test-kit";
import { postMessage } from "./messages.server";

describe("messages", () => {
  it("go on the timeline and to the other party, together", async () => {
    const { engagementId, sme, vendor } = createEngagement();
    expect(await postMessage(as(sme, "sme"), engagementId, "Khi nào lắp đặt?")).toEqual({ ok: true });
    expect(
      getSqlite().prepare("SELECT kind, body FROM engagement_events WHERE engagement_id = ?").all(engagementId),
    ).toContainEqual({ kind: "message", body: "Khi nào lắp đặt?" });
    expect(getSqlite().prepare("SELECT kind FROM notifications WHERE user_id = ?").all(vendor.id)).toEqual([
      { kind: "engagement_message" },
    ]);
    expect(getSqlite().prepare("SELECT count(*) AS n FROM notifications WHERE user_id = ?").get(sme.id)).toEqual({
      n: 0,
    });
  });

  it("strangers get a 404 and post nothing", async () => {
    const { engagementId } = createEngagement();
    const before = sideEffects(engagementId);
    for (const stranger of [as(createUser({ role: "sme" }), "sme"), as(createUser({ role: "vendor" }), "vendor")]) {
      const refusal = await postMessage(stranger, engagementId, "Xin chào").catch((e) => e);
      expect(refusal).toBeInstanceOf(Response);
      expect((refusal as Response).status).toBe(404);
    }
    expect(sideEffects(engagementId)).toEqual(before);
  });
});

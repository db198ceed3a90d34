/**
 * Bids are sealed (docs/product.md §7): through the routes a vendor reads only its own bid, only
 * the SME that owns the need compares them, and another SME cannot tell the comparison exists.
 */
import { describe, expect, it } from "vitest";
import { getSqlite } from "../../db/client.server";
import { createUser } from "../../db/test/factories";
import { submitBid, type BidInput } from "~/models/bids.server";
import * as bidRoute from "~/routes/needs.$needId.bid";
import * as compareRoute from "~/routes/needs.$needId.compare";
import * as awardRoute from "~/routes/needs.$needId.award";
import * as needRoute from "~/routes/needs.$needId._index";
import { asViewer, openNeed, person, vettedVendor } from "./people";
import { request, run } from "./routes";

type Handler = Parameters<typeof run>[0];

const plan = (total: number): BidInput => ({
  total,
  durationDays: 45,
  approach: "Triển khai",
  validityDays: 60,
  milestones: [{ title: "Trọn gói", dueOffsetDays: 45, amount: total }],
});

/** A need with bids from vendors A (87.654.000 ₫) and B (76.543.000 ₫). */
async function needWithTwoBids() {
  const { needId, owner } = openNeed();
  const a = vettedVendor("Alpha Niêm Phong");
  const b = vettedVendor("Beta Niêm Phong");
  const bidA = await submitBid(asViewer(a, "vendor"), needId, plan(87_654_000));
  const bidB = await submitBid(asViewer(b, "vendor"), needId, plan(76_543_000));
  if (!bidA.ok || !bidB.ok) throw new Error("bids refused");
  return { needId, owner, a, b, bidA: bidA.bidId, bidB: bidB.bidId };
}

/** Nothing of vendor A's bid in what a page gave. */
function expectNothingOf(data: unknown, a: { name: string; organisation: string }, bidA: string) {
  const text = JSON.stringify(data);
  for (const secret of ["87654000", "87.654.000", a.organisation, a.name, bidA]) expect(text).not.toContain(secret);
}

const bidStatuses = (needId: string) =>
  getSqlite().prepare("SELECT status FROM bids WHERE need_id = ? ORDER BY total").pluck().all(needId);

describe("a vendor", () => {
  it("loads only its own bid, on the need page and on the bid form", async () => {
    const { needId, a, b, bidA } = await needWithTwoBids();
    const page = await run(needRoute.loader as Handler, await request(`/needs/${needId}`, { userId: b.id }), {
      needId,
    });
    expect(page.status).toBe(200);
    expect(JSON.stringify(page.data)).toContain("76543000");
    expectNothingOf(page.data, a, bidA);

    const form = await run(bidRoute.loader as Handler, await request(`/needs/${needId}/bid`, { userId: b.id }), {
      needId,
    });
    expect(form.status).toBe(200);
    expect(form.data).toMatchObject({ editing: true, defaultValue: { total: "76543000" } });
    expectNothingOf(form.data, a, bidA);
  });

  it("cannot open the comparison (403: vendors know it exists) nor award through it", async () => {
    const { needId, a, bidA } = await needWithTwoBids();
    const url = `/needs/${needId}/compare`;
    expect((await run(compareRoute.loader as Handler, await request(url, { userId: a.id }), { needId })).status).toBe(
      403,
    );
    const award = await run(
      compareRoute.action as Handler,
      await request(url, { userId: a.id, form: { intent: "award", bidId: bidA, confirm: "on" } }),
      { needId },
    );
    expect(award.status).toBe(403);
    const confirmUrl = `/needs/${needId}/award?bid=${bidA}`;
    expect(
      (await run(awardRoute.loader as Handler, await request(confirmUrl, { userId: a.id }), { needId })).status,
    ).toBe(403);
    const viaConfirmation = await run(
      awardRoute.action as Handler,
      await request(confirmUrl, { userId: a.id, form: { bidId: bidA } }),
      { needId },
    );
    expect(viaConfirmation.status).toBe(403);
    expect(bidStatuses(needId)).toEqual(["submitted", "submitted"]);
  });

  it("withdrawing touches only its own bid", async () => {
    const { needId, b } = await needWithTwoBids();
    const withdrawn = await run(
      needRoute.action as Handler,
      await request(`/needs/${needId}`, { userId: b.id, form: { intent: "withdraw", confirm: "on" } }),
      { needId },
    );
    expect(withdrawn.status).toBe(302);
    expect(bidStatuses(needId)).toEqual(["withdrawn", "submitted"]);
  });
});

describe("the comparison", () => {
  it("shows the owner every bid", async () => {
    const { needId, owner, a, b } = await needWithTwoBids();
    const compared = await run(
      compareRoute.loader as Handler,
      await request(`/needs/${needId}/compare`, { userId: owner.id }),
      { needId },
    );
    expect(compared.status).toBe(200);
    const text = JSON.stringify(compared.data);
    for (const seen of ["87654000", "76543000", a.organisation, b.organisation]) expect(text).toContain(seen);
  });

  it("is a 404 for another SME, whose award and shortlist change nothing", async () => {
    const { needId, bidA } = await needWithTwoBids();
    const stranger = person("sme", "Doanh nghiệp Lạ");
    const url = `/needs/${needId}/compare`;
    const loaded = await run(compareRoute.loader as Handler, await request(url, { userId: stranger.id }), { needId });
    expect(loaded.status).toBe(404);
    expectNothingOf(loaded.data, { name: "Alpha Niêm Phong", organisation: "Alpha Niêm Phong" }, bidA);
    const forms: Record<string, string>[] = [
      { intent: "award", bidId: bidA, confirm: "on" },
      { intent: "shortlist", bidId: bidA },
    ];
    for (const form of forms) {
      const posted = await run(compareRoute.action as Handler, await request(url, { userId: stranger.id, form }), {
        needId,
      });
      expect(posted.status, form.intent).toBe(404);
    }
    expect(bidStatuses(needId)).toEqual(["submitted", "submitted"]);
    expect(getSqlite().prepare("SELECT count(*) FROM engagements WHERE need_id = ?").pluck().get(needId)).toBe(0);
  });

  it("sends a visitor to sign in", async () => {
    const { needId } = await needWithTwoBids();
    const loaded = await run(compareRoute.loader as Handler, await request(`/needs/${needId}/compare`), { needId });
    expect(loaded.status).toBe(302);
    expect(loaded.location).toMatch(/^\/login\?redirectTo=/);
  });
});

describe("another SME", () => {
  it("cannot open a need that is not its own: a 404 with nothing of its bids", async () => {
    const { needId, a, bidA } = await needWithTwoBids();
    const other = createUser({ role: "sme" });
    const page = await run(needRoute.loader as Handler, await request(`/needs/${needId}`, { userId: other.id }), {
      needId,
    });
    expect(page.status).toBe(404);
    expectNothingOf(page.data, a, bidA);
  });
});

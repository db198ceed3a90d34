import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, getSqlite, schema } from "../../db/client.server";
import { seed } from "../../db/seed";
import { createEngagement, createOpenNeed, createUser, setVendorStanding } from "../../db/test/factories";
import { releasePackageValidator } from "../../db/test/ocds-schema";
import { exportOcds, ocdsPackageStream, ocdsQueries } from "./ocds.server";
import type { Release } from "~/lib/ocds";

const DAY = 86_400_000;
const PREFIX = "ocds-t3st00-kns";
const meta = { uri: "http://localhost:3000/staff/reports/ocds", publisher: { name: "Kết Nối Số" } };

type Package = { uri: string; version: string; publishedDate: string; releases: Release[] };
type U = ReturnType<typeof createUser>;

async function download(opts: { now: number; pageSize?: number }): Promise<string> {
  return new Response(ocdsPackageStream(meta, { ...opts, ocidPrefix: PREFIX })).text();
}

let taxCounter = 0;
/** A person's name and phone on the user, a legal name, tax code, phone and street on the organisation. */
function personalise(user: U, name: string, phone: string, legalName: string) {
  taxCounter += 1;
  const db = getDb();
  db.update(schema.users).set({ name, phone }).where(eq(schema.users.id, user.id)).run();
  db.update(schema.organisations)
    .set({
      legalName,
      taxCode: `01000000${String(taxCounter).padStart(2, "0")}`,
      phone: `028 3${String(taxCounter).padStart(3, "0")} 4567`,
      street: `${taxCounter} Đường Nguyễn Thị Minh Khai`,
    })
    .where(eq(schema.organisations.id, user.organisationId))
    .run();
}

function vendorUser(name: string, phone: string, legalName: string) {
  const v = createUser({ role: "vendor" });
  personalise(v, name, phone, legalName);
  setVendorStanding(v.organisationId, "vetted");
  getDb()
    .update(schema.vendorProfiles)
    .set({
      contactName: `${name} (liên hệ)`,
      contactEmail: `lienhe.${v.id.slice(0, 6)}@vendor.vn`,
      contactPhone: phone,
    })
    .where(eq(schema.vendorProfiles.organisationId, v.organisationId))
    .run();
  return v;
}

function insertBid(needId: string, vendor: U, status: "submitted" | "withdrawn" | "not_selected", total: number) {
  const id = crypto.randomUUID();
  const now = Date.now();
  getDb()
    .insert(schema.bids)
    .values({
      id,
      needId,
      vendorId: vendor.organisationId,
      submittedBy: vendor.id,
      status,
      total,
      durationDays: 60,
      approach: "Triển khai trong 60 ngày, gọi anh Tuấn 0977 111 222",
      validityDays: 60,
      createdAt: now - 5 * DAY,
      updatedAt: now - 5 * DAY,
      withdrawnAt: status === "withdrawn" ? now - 4 * DAY : null,
    })
    .run();
  return id;
}

const ids = {} as {
  draft: string;
  cancelledDraft: string;
  open: string;
  pastDeadline: string;
  closedEarly: string;
  expired: string;
  cancelled: string;
  awarded: string;
  engagement: string;
  awardedBid: string;
  terminated: string;
};
let sme: U;
let vendorA: U;
let vendorB: U;
let vendorC: U;

beforeAll(async () => {
  // The demo data, then a hand-made need in every status around it.
  await seed(getSqlite());
  const db = getDb();
  const now = Date.now();
  sme = createUser({ role: "sme" });
  personalise(sme, "Phạm Thị Hồng Nhung", "0903 111 222", "Công ty TNHH Trà Sen Hồng");
  vendorA = vendorUser("Lê Quang Vinh", "0912 000 111", "Công ty CP Phần mềm Sông Xanh");
  vendorB = vendorUser("Trần Ngọc Bích", "0912 000 222", "Công ty TNHH Số Hóa Bình An");
  vendorC = vendorUser("Đỗ Minh Khôi", "0912 000 333", "Công ty TNHH Giải pháp Khôi Nguyên");

  const need = (deadlineInDays: number, set: Partial<typeof schema.needs.$inferInsert> = {}) => {
    const { needId } = createOpenNeed(deadlineInDays, sme);
    if (Object.keys(set).length) db.update(schema.needs).set(set).where(eq(schema.needs.id, needId)).run();
    return needId;
  };
  ids.draft = need(10, { status: "draft", publishedAt: null, title: "Bản nháp không công bố" });
  ids.cancelledDraft = need(10, { status: "cancelled", publishedAt: null, cancelledAt: now - DAY });
  ids.open = need(10, {
    title: "Website bán trà, liên hệ nhung.pham@trasen.vn",
    description: "Cần website bán hàng. Gọi chị Nhung 0903 111 222 để trao đổi.",
  });
  insertBid(ids.open, vendorA, "submitted", 80_000_000);
  ids.pastDeadline = need(-2);
  insertBid(ids.pastDeadline, vendorA, "submitted", 70_000_000);
  insertBid(ids.pastDeadline, vendorB, "withdrawn", 65_000_000);
  ids.closedEarly = need(5, { status: "evaluating", closedAt: now - DAY });
  insertBid(ids.closedEarly, vendorC, "submitted", 90_000_000);
  ids.expired = need(-3);
  insertBid(ids.expired, vendorB, "withdrawn", 60_000_000);
  ids.cancelled = need(5, {
    status: "cancelled",
    cancelledAt: now - DAY,
    cancelReason: "Chị Nhung đổi ý, gọi 0903 111 222",
  });
  insertBid(ids.cancelled, vendorC, "submitted", 75_000_000);
  db.insert(schema.needQuestions)
    .values({
      id: crypto.randomUUID(),
      needId: ids.open,
      askedBy: vendorA.id,
      vendorId: vendorA.organisationId,
      question: "Anh Vinh hỏi: cửa hàng có mấy máy tính?",
      answer: "Chị Nhung trả lời: hai máy tính bàn.",
    })
    .run();

  // The award: an engagement with an accepted, an overdue and a pending milestone and amendments.
  const e = createEngagement();
  personalise(e.sme, "Vũ Thị Thanh Hương", "0988 123 456", "Công ty TNHH Bánh Mì Hương Quê");
  personalise(e.vendor, "Ngô Bảo Châu Anh", "0977 654 321", "Công ty CP Công nghệ Châu Á Số");
  ids.awarded = e.needId;
  ids.engagement = e.engagementId;
  ids.awardedBid = db
    .select({ id: schema.engagements.bidId })
    .from(schema.engagements)
    .where(eq(schema.engagements.id, e.engagementId))
    .get()!.id;
  insertBid(e.needId, vendorB, "not_selected", 110_000_000);
  insertBid(e.needId, vendorC, "withdrawn", 95_000_000);
  const [m1, m2] = e.milestoneIds as [string, string];
  db.update(schema.engagementMilestones)
    .set({ status: "accepted", firstSubmittedAt: now - 3 * DAY, submittedAt: now - 3 * DAY, acceptedAt: now - 2 * DAY })
    .where(eq(schema.engagementMilestones.id, m1))
    .run();
  db.update(schema.engagementMilestones)
    .set({ dueAt: now - 10 * DAY })
    .where(eq(schema.engagementMilestones.id, m2))
    .run();
  db.insert(schema.engagementMilestones)
    .values({
      id: crypto.randomUUID(),
      engagementId: e.engagementId,
      position: 2,
      title: "Đào tạo nhân viên",
      dueAt: now + 40 * DAY,
      amount: 10_000_000,
      status: "pending",
    })
    .run();
  db.update(schema.engagements).set({ total: 110_000_000 }).where(eq(schema.engagements.id, e.engagementId)).run();
  for (const [status, reason] of [
    ["accepted", "Chị Hương muốn thêm buổi đào tạo, gọi 0988 123 456"],
    ["declined", "Anh Châu Anh đề nghị tăng giá"],
  ] as const) {
    db.insert(schema.amendments)
      .values({
        id: crypto.randomUUID(),
        engagementId: e.engagementId,
        kind: "new_milestone",
        newTitle: "Đào tạo nhân viên",
        newAmount: 10_000_000,
        newDueAt: now + 40 * DAY,
        valueDelta: 10_000_000,
        reason,
        status,
        proposedBy: e.sme.id,
        proposedBySide: "sme",
        decidedBy: e.vendor.id,
        decidedAt: now - DAY,
      })
      .run();
  }
  // A second award whose engagement staff terminated, its second milestone never delivered.
  const t = createEngagement();
  ids.terminated = t.needId;
  db.update(schema.engagementMilestones)
    .set({ status: "accepted", acceptedAt: now - DAY })
    .where(eq(schema.engagementMilestones.id, t.milestoneIds[0]!))
    .run();
  db.update(schema.engagements)
    .set({ status: "terminated", terminatedAt: now - 1000, terminationReason: "Nhà cung cấp bỏ dở, anh Khoa báo" })
    .where(eq(schema.engagements.id, t.engagementId))
    .run();
  db.insert(schema.engagementEvents)
    .values({
      engagementId: e.engagementId,
      kind: "message",
      actorId: e.sme.id,
      body: "Anh Châu Anh ơi, mai 9 giờ em gọi lại nhé",
      at: now - DAY,
    })
    .run();
  db.insert(schema.incidents)
    .values({
      id: crypto.randomUUID(),
      engagementId: e.engagementId,
      raisedBy: e.sme.id,
      raisedBySide: "sme",
      category: "delay",
      description: "Nhà cung cấp trễ hẹn hai lần, chị Hương rất bực",
      status: "open",
    })
    .run();
}, 60_000);

describe("the OCDS release package", () => {
  let text: string;
  let pkg: Package;
  let now: number;
  const byNeed = (needId: string) => pkg.releases.find((r) => r.ocid === `${PREFIX}-${needId}`);

  beforeAll(async () => {
    now = Date.now();
    text = await download({ now, pageSize: 7 });
    pkg = JSON.parse(text) as Package;
  });

  it("validates against the OCDS 1.1.5 release-package schema with the bids extension", () => {
    const validate = releasePackageValidator();
    const valid = validate(pkg);
    expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 5), null, 1)).toEqual([]);
    expect(valid).toBe(true);
    expect(pkg.version).toBe("1.1");
  });

  it("has one release per published need, and none for drafts or needs never published", () => {
    const published = getSqlite()
      .prepare("SELECT count(*) AS n FROM needs WHERE status <> 'draft' AND published_at IS NOT NULL")
      .get() as { n: number };
    expect(pkg.releases).toHaveLength(published.n);
    expect(published.n).toBeGreaterThan(50);
    expect(new Set(pkg.releases.map((r) => r.ocid)).size).toBe(published.n);
    expect(byNeed(ids.draft)).toBeUndefined();
    expect(byNeed(ids.cancelledDraft)).toBeUndefined();
    for (const r of pkg.releases) expect(r.ocid).toMatch(/^ocds-t3st00-kns-[0-9a-f-]{36}$/);
  });

  it("reads the same in pages of 7 as in pages of 200", async () => {
    expect(await download({ now, pageSize: 200 })).toBe(text);
  });

  it("maps each need's status to the tender's", () => {
    const status = (id: string) => byNeed(id)?.tender.status;
    expect(status(ids.open)).toBe("active");
    expect(status(ids.pastDeadline)).toBe("active");
    expect(status(ids.closedEarly)).toBe("active");
    expect(status(ids.expired)).toBe("unsuccessful");
    expect(status(ids.cancelled)).toBe("cancelled");
    expect(status(ids.awarded)).toBe("complete");
  });

  it("publishes no bid and no bidder while bidding is open", () => {
    const open = byNeed(ids.open)!;
    expect(open.bids).toBeUndefined();
    expect(open.tender.tenderers).toBeUndefined();
    expect(open.parties.map((p) => p.roles)).toEqual([["buyer"]]);
    // Across the whole package: a tender still taking bids never shows them.
    for (const r of pkg.releases) {
      if (r.tender.status === "active" && Date.parse(r.tender.tenderPeriod.endDate) > now) {
        expect(r.bids, r.ocid).toBeUndefined();
        expect(
          r.parties.every((p) => p.roles.join() === "buyer"),
          r.ocid,
        ).toBe(true);
      }
    }
  });

  it("publishes live and withdrawn bids once bidding closed", () => {
    const closed = byNeed(ids.pastDeadline)!;
    expect(closed.bids!.details.map((b) => b.status).sort()).toEqual(["valid", "withdrawn"]);
    expect(closed.tender.numberOfTenderers).toBe(1);
    expect(byNeed(ids.closedEarly)!.bids!.details).toHaveLength(1);
    expect(byNeed(ids.expired)!.bids!.details.map((b) => b.status)).toEqual(["withdrawn"]);
  });

  it("maps the award, the contract, its milestones and its accepted amendment", () => {
    const r = byNeed(ids.awarded)!;
    expect(r.awards).toHaveLength(1);
    expect(r.awards![0]).toMatchObject({ id: ids.engagement, status: "active", relatedBid: ids.awardedBid });
    expect(r.awards![0]!.value).toEqual({ amount: 100_000_000, currency: "VND" });
    const contract = r.contracts![0]!;
    expect(contract).toMatchObject({ id: ids.engagement, awardID: ids.engagement, status: "active" });
    expect(contract.value.amount).toBe(110_000_000);
    expect(contract.implementation.milestones.map((m) => m.status)).toEqual(["met", "notMet", "scheduled"]);
    expect(contract.amendments).toHaveLength(1);
    expect(contract.amendments![0]!.rationale).toBe("Bổ sung mốc");
    expect(r.bids!.details.map((b) => b.status).sort()).toEqual(["valid", "valid", "withdrawn"]);
    expect(r.tag).toEqual(["tender", "award", "contract", "implementation", "contractAmendment"]);
  });

  it("closes a terminated engagement's contract and marks what was never delivered", () => {
    const r = byNeed(ids.terminated)!;
    expect(r.tag).toContain("contractTermination");
    expect(r.contracts![0]!.status).toBe("terminated");
    expect(r.contracts![0]!.implementation.milestones.map((m) => m.status)).toEqual(["met", "notMet"]);
  });

  it("is refused by the same validator when a field is wrong (so the validation does validate)", () => {
    const validate = releasePackageValidator();
    const r = byNeed(ids.awarded)!;
    const wrongTender = { ...r, tender: { ...r.tender, status: "open" } };
    const wrongBid = { ...r, bids: { ...r.bids!, details: [{ ...r.bids!.details[0]!, status: "submitted" }] } };
    const noOcid = { ...r, ocid: undefined };
    for (const broken of [wrongTender, wrongBid, noOcid]) {
      expect(validate({ ...pkg, releases: [broken] }), JSON.stringify(broken).slice(0, 80)).toBe(false);
    }
    expect(validate({ ...pkg, releases: [r] })).toBe(true);
  });

  it("names organisations by legal name and tax code (VN-TIN)", () => {
    const r = byNeed(ids.pastDeadline)!;
    const buyer = r.parties.find((p) => p.id === r.buyer.id)!;
    expect(buyer.name).toBe("Công ty TNHH Trà Sen Hồng");
    expect(buyer.identifier).toMatchObject({ scheme: "VN-TIN", legalName: "Công ty TNHH Trà Sen Hồng" });
    expect(buyer.roles).toEqual(["buyer"]);
  });

  it("refers only to parties, awards and bids that exist in the same release", () => {
    let checked = 0;
    for (const r of pkg.releases) {
      const parties = new Map(r.parties.map((p) => [p.id, p]));
      expect(parties.size, `${r.ocid}: party ids are unique`).toBe(r.parties.length);
      const refersTo = (ref: { id: string; name: string }, role: string) => {
        const party = parties.get(ref.id);
        expect(party, `${r.ocid}: ${ref.id}`).toBeDefined();
        expect(party!.name).toBe(ref.name);
        expect(party!.roles, `${r.ocid}: ${ref.id} as ${role}`).toContain(role);
        checked += 1;
      };
      refersTo(r.buyer, "buyer");
      for (const t of r.tender.tenderers ?? []) refersTo(t, "tenderer");
      const bidIds = new Set((r.bids?.details ?? []).map((b) => b.id));
      for (const b of r.bids?.details ?? []) for (const t of b.tenderers) refersTo(t, "tenderer");
      const awardIds = new Set((r.awards ?? []).map((a) => a.id));
      for (const a of r.awards ?? []) {
        for (const s of a.suppliers) refersTo(s, "supplier");
        expect(bidIds.has(a.relatedBid), `${r.ocid}: relatedBid ${a.relatedBid}`).toBe(true);
      }
      for (const c of r.contracts ?? []) expect(awardIds.has(c.awardID), `${r.ocid}: awardID ${c.awardID}`).toBe(true);
    }
    expect(checked).toBeGreaterThan(100);
  });

  it("contains no personal data and none of the words people wrote to each other", () => {
    const sqlite = getSqlite();
    const column = (query: string) =>
      (sqlite.prepare(query).raw().all() as unknown[][])
        .flat()
        .filter((v): v is string => typeof v === "string" && v.trim().length > 0);
    const personal = [
      ...column("SELECT email, name, phone FROM users"),
      ...column("SELECT phone, street FROM organisations"),
      ...column("SELECT contact_name, contact_email, contact_phone FROM vendor_profiles"),
      ...column("SELECT contact_name, contact_phone, contact_email FROM vendor_references"),
    ];
    const phones = [
      ...column("SELECT phone FROM users"),
      ...column("SELECT phone FROM organisations"),
      ...column("SELECT contact_phone FROM vendor_profiles"),
      ...column("SELECT contact_phone FROM vendor_references"),
    ].map((p) => p.replace(/\D/g, ""));
    const written = [
      ...column("SELECT body FROM engagement_events"),
      ...column("SELECT question, answer FROM need_questions"),
      ...column("SELECT comment, reply FROM reviews"),
      ...column("SELECT description, resolution FROM incidents"),
      ...column("SELECT reason FROM amendments"),
      ...column("SELECT cancel_reason FROM needs"),
      ...column("SELECT termination_reason FROM engagements"),
      ...column("SELECT approach FROM bids"),
      ...column("SELECT note, decision_reason FROM milestone_submissions"),
      ...column("SELECT comment FROM sme_ratings"),
    ].filter((w) => w.length >= 12);
    expect(personal.length).toBeGreaterThan(200);
    expect(written.length).toBeGreaterThan(20);
    const found = [...personal, ...written, ...phones.filter((p) => p.length >= 9)].filter((s) => text.includes(s));
    expect(found).toEqual([]);
    // Free text typed into a need: the email and phone number are taken out, the rest stays.
    const open = byNeed(ids.open)!;
    expect(open.tender.title).toBe("Website bán trà, liên hệ […]");
    expect(open.tender.description).toBe("Cần website bán hàng. Gọi chị Nhung […] để trao đổi.");
    for (const key of ["contactPoint", "email", "telephone", "address"]) expect(text).not.toContain(`"${key}"`);
  });
});

describe("the export", () => {
  it("is recorded in the audit log", async () => {
    const staff = createUser({ role: "staff" });
    const stream = exportOcds(staff, "203.0.113.9", meta);
    const pkg = JSON.parse(await new Response(stream).text()) as Package;
    expect(pkg.releases.length).toBeGreaterThan(0);
    const row = getSqlite().prepare("SELECT action, ip FROM audit_log WHERE actor_id = ?").get(staff.id) as {
      action: string;
      ip: string;
    };
    expect(row).toEqual({ action: "ocds_exported", ip: "203.0.113.9" });
  });

  it("reads every page through an index, never a whole table or a sort", () => {
    const ids = ["a", "b"];
    const queries = [
      ocdsQueries.needs(null, 200),
      ocdsQueries.needs("8", 200),
      ocdsQueries.bids(ids),
      ocdsQueries.engagements(ids),
      ocdsQueries.milestones(ids),
      ocdsQueries.amendments(ids),
      ocdsQueries.organisations(ids),
    ];
    for (const q of queries) {
      const { sql, params } = q.toSQL();
      const plan = (
        getSqlite()
          .prepare(`EXPLAIN QUERY PLAN ${sql}`)
          .all(...params) as { detail: string }[]
      ).map((row) => row.detail);
      for (const step of plan) {
        expect(step, sql).not.toMatch(/^SCAN \w+$/);
        expect(step, sql).not.toMatch(/TEMP B-TREE/);
      }
    }
  });
});

/**
 * Demo delivery (the engagements issue): engagements in every state — on time, overdue, sent
 * back twice and amended, with an open incident — and completed engagements with verified reviews,
 * so that vendor profiles show real ratings, completed counts and on-time rates.
 */
import crypto from "node:crypto";
import { fakerVI } from "@faker-js/faker";
import { and, asc, eq, gt } from "drizzle-orm";
import type { DB } from "./client.server";
import * as schema from "./schema";
import { DAY_MS } from "../app/lib/local-date";

const faker = fakerVI;

function event(
  tx: DB,
  engagementId: string,
  kind: (typeof schema.TIMELINE_KINDS)[number],
  actorId: string | null,
  at: number,
  body?: string,
  params?: object,
) {
  tx.insert(schema.engagementEvents)
    .values({ engagementId, kind, actorId, at, body: body ?? null, params: params ? JSON.stringify(params) : null })
    .run();
  tx.update(schema.engagements).set({ lastActivityAt: at }).where(eq(schema.engagements.id, engagementId)).run();
}

function userOf(tx: DB, organisationId: string) {
  return tx
    .select({ id: schema.users.id })
    .from(schema.users)
    .where(eq(schema.users.organisationId, organisationId))
    .get()!.id;
}

function submit(
  tx: DB,
  e: { id: string; vendorId: string },
  m: { id: string; title: string },
  at: number,
  note: string,
) {
  const vendorUser = userOf(tx, e.vendorId);
  const id = crypto.randomUUID();
  tx.insert(schema.milestoneSubmissions)
    .values({ id, milestoneId: m.id, engagementId: e.id, note, submittedBy: vendorUser, submittedAt: at })
    .run();
  event(tx, e.id, "milestone_submitted", vendorUser, at, note, { milestone: m.title });
  return id;
}

function decide(
  tx: DB,
  e: { id: string; smeId: string },
  m: { id: string; title: string },
  submissionId: string,
  at: number,
  accept: boolean,
  reason?: string,
) {
  const smeUser = userOf(tx, e.smeId);
  tx.update(schema.milestoneSubmissions)
    .set({
      decision: accept ? "accepted" : "changes_requested",
      decisionReason: reason ?? null,
      decidedBy: smeUser,
      decidedAt: at,
    })
    .where(eq(schema.milestoneSubmissions.id, submissionId))
    .run();
  event(tx, e.id, accept ? "milestone_accepted" : "milestone_changes_requested", smeUser, at, reason, {
    milestone: m.title,
  });
}

export function seedDelivery(tx: DB, now: number) {
  faker.seed(9112026);
  const active = tx.select().from(schema.engagements).orderBy(asc(schema.engagements.awardedAt)).all();
  const milestonesOf = (engagementId: string) =>
    tx
      .select()
      .from(schema.engagementMilestones)
      .where(eq(schema.engagementMilestones.engagementId, engagementId))
      .orderBy(asc(schema.engagementMilestones.position))
      .all();

  active.forEach((e, i) => {
    event(tx, e.id, "awarded", e.awardedBy, e.awardedAt);
    const first = milestonesOf(e.id)[0]!;
    // Moments between the award and now, so the timeline reads in order.
    const between = (share: number) => Math.round(e.awardedAt + share * (now - e.awardedAt));
    const smeUser = userOf(tx, e.smeId);
    const vendorUser = userOf(tx, e.vendorId);
    if (i === 0) {
      // On time: the first milestone delivered early and accepted; the next is still to come.
      const at = between(0.3);
      const s = submit(tx, e, first, at, "Đã khảo sát quy trình và cấu hình hệ thống theo biên bản.");
      decide(tx, e, first, s, between(0.5), true);
      tx.update(schema.engagementMilestones)
        .set({
          status: "accepted",
          firstSubmittedAt: at,
          submittedAt: at,
          acceptedAt: between(0.5),
          dueAt: Math.max(first.dueAt, at),
        })
        .where(eq(schema.engagementMilestones.id, first.id))
        .run();
      event(
        tx,
        e.id,
        "message",
        smeUser,
        between(0.8),
        "Cảm ơn anh chị, tuần sau bên em sắp xếp buổi đào tạo cho nhân viên được không?",
      );
    } else if (i === 1) {
      // Overdue: the first milestone was due 12 days ago and has not been delivered.
      tx.update(schema.engagementMilestones)
        .set({ dueAt: now - 12 * DAY_MS })
        .where(eq(schema.engagementMilestones.id, first.id))
        .run();
    } else if (i === 2) {
      // Sent back twice, then amended.
      for (let k = 0; k < 2; k++) {
        const s = submit(tx, e, first, between(0.1 + 0.3 * k), k === 0 ? "Bản nháp đầu tiên." : "Đã sửa theo góp ý.");
        decide(
          tx,
          e,
          first,
          s,
          between(0.2 + 0.3 * k),
          false,
          k === 0 ? "Thiếu báo cáo tồn kho theo ngày." : "Vẫn chưa in được hóa đơn ở quầy.",
        );
      }
      const reason = "Cần thêm thời gian tích hợp máy in hóa đơn.";
      tx.insert(schema.amendments)
        .values({
          id: crypto.randomUUID(),
          engagementId: e.id,
          milestoneId: first.id,
          kind: "due_date",
          newDueAt: first.dueAt + 14 * DAY_MS,
          valueDelta: 0,
          reason,
          status: "accepted",
          proposedBy: vendorUser,
          proposedBySide: "vendor",
          decidedBy: smeUser,
          decidedAt: between(0.9),
          createdAt: between(0.7),
        })
        .run();
      tx.update(schema.engagementMilestones)
        .set({
          status: "changes_requested",
          rejections: 2,
          firstSubmittedAt: between(0.1),
          submittedAt: between(0.4),
          dueAt: first.dueAt + 14 * DAY_MS,
        })
        .where(eq(schema.engagementMilestones.id, first.id))
        .run();
      event(tx, e.id, "amendment_proposed", vendorUser, between(0.7), reason, { milestone: first.title });
      event(tx, e.id, "amendment_accepted", smeUser, between(0.9), reason);
    } else {
      // An open incident.
      const description = "Nhà cung cấp không trả lời điện thoại và Zalo trong 5 ngày làm việc.";
      tx.insert(schema.incidents)
        .values({
          id: crypto.randomUUID(),
          engagementId: e.id,
          raisedBy: smeUser,
          raisedBySide: "sme",
          category: "communication",
          description,
          status: "open",
          createdAt: between(0.6),
        })
        .run();
      event(tx, e.id, "incident_raised", smeUser, between(0.6), description, { category: "communication" });
    }
  });

  // Completed engagements with verified reviews, spread over vetted vendors (the demo vendor first).
  const vendors = tx
    .select({ id: schema.organisations.id })
    .from(schema.organisations)
    .innerJoin(schema.vendorProfiles, eq(schema.vendorProfiles.organisationId, schema.organisations.id))
    .innerJoin(schema.users, eq(schema.users.organisationId, schema.organisations.id))
    .where(and(eq(schema.organisations.vendorStatus, "vetted"), gt(schema.vendorProfiles.vettingExpiresAt, now)))
    .orderBy(asc(schema.users.email))
    .all();
  const smes = tx
    .select({ id: schema.organisations.id, sector: schema.organisations.sector, userId: schema.users.id })
    .from(schema.organisations)
    .innerJoin(schema.users, eq(schema.users.organisationId, schema.organisations.id))
    .where(eq(schema.organisations.kind, "sme"))
    .all();
  const comments = [
    "Triển khai đúng hẹn, nhân viên được hướng dẫn kỹ, hỗ trợ nhiệt tình sau bàn giao.",
    "Phần mềm dễ dùng, báo cáo rõ ràng. Lúc đầu chậm phản hồi nhưng sau đó cải thiện.",
    "Giá hợp lý, làm việc chuyên nghiệp. Sẽ tiếp tục hợp tác giai đoạn sau.",
    "Chất lượng tạm được, trễ một mốc nhưng có báo trước.",
  ];
  const demoVendor = vendors.find(
    (v) =>
      tx.select({ e: schema.users.email }).from(schema.users).where(eq(schema.users.organisationId, v.id)).get()?.e ===
      "vendor@demo.test",
  );
  const order = demoVendor ? [demoVendor, demoVendor, ...vendors.filter((v) => v !== demoVendor)] : vendors;
  order.slice(0, 24).forEach((vendor, k) => {
    const sme = smes[k % smes.length]!;
    // Most finished months ago; a few recently, so that the monitoring rules on outcomes apply.
    const awardedAt =
      now - (k % 6 === 3 ? faker.number.int({ min: 70, max: 100 }) : faker.number.int({ min: 120, max: 300 })) * DAY_MS;
    const total = faker.number.int({ min: 20, max: 300 }) * 1_000_000;
    const needId = crypto.randomUUID();
    tx.insert(schema.needs)
      .values({
        id: needId,
        organisationId: sme.id,
        createdBy: sme.userId,
        title: faker.helpers.arrayElement([
          "Số hóa quy trình bán hàng",
          "Hóa đơn điện tử và kế toán",
          "Website bán hàng",
          "Quản lý kho bằng mã vạch",
          "Tư vấn lộ trình chuyển đổi số",
        ]),
        description: "Nhu cầu đã hoàn thành trong chương trình.",
        category: "accounting",
        sector: sme.sector ?? "other",
        budgetMin: Math.round(total * 0.8),
        budgetMax: Math.round(total * 1.2),
        desiredStart: awardedAt + 7 * DAY_MS,
        deadline: awardedAt - DAY_MS,
        status: "awarded",
        publishedAt: awardedAt - 20 * DAY_MS,
        createdAt: awardedAt - 25 * DAY_MS,
        updatedAt: awardedAt,
      })
      .run();
    const bidId = crypto.randomUUID();
    tx.insert(schema.bids)
      .values({
        id: bidId,
        needId,
        vendorId: vendor.id,
        submittedBy: userOf(tx, vendor.id),
        status: "awarded",
        total,
        durationDays: 60,
        approach: "Triển khai trọn gói.",
        validityDays: 60,
        createdAt: awardedAt - 10 * DAY_MS,
        updatedAt: awardedAt,
      })
      .run();
    const engagementId = crypto.randomUUID();
    const completedAt = awardedAt + 65 * DAY_MS;
    tx.insert(schema.engagements)
      .values({
        id: engagementId,
        needId,
        bidId,
        smeId: sme.id,
        vendorId: vendor.id,
        status: "completed",
        total,
        awardedAt,
        awardedBy: sme.userId,
        completedAt,
        lastActivityAt: completedAt,
        createdAt: awardedAt,
      })
      .run();
    [30, 60].forEach((offset, position) => {
      const dueAt = awardedAt + offset * DAY_MS;
      const late = (k + position) % 5 === 0;
      const submittedAt = dueAt + (late ? 4 : -2) * DAY_MS;
      tx.insert(schema.engagementMilestones)
        .values({
          id: crypto.randomUUID(),
          engagementId,
          position,
          title: position === 0 ? "Cài đặt và cấu hình" : "Đào tạo và nghiệm thu",
          dueAt,
          amount: position === 0 ? Math.floor(total / 2) : total - Math.floor(total / 2),
          status: "accepted",
          firstSubmittedAt: submittedAt,
          submittedAt,
          acceptedAt: submittedAt + DAY_MS,
        })
        .run();
    });
    const marks =
      k % 7 === 3
        ? [2, 2, 3, 2]
        : [
            faker.number.int({ min: 4, max: 5 }),
            faker.number.int({ min: 3, max: 5 }),
            faker.number.int({ min: 4, max: 5 }),
            faker.number.int({ min: 4, max: 5 }),
          ];
    tx.insert(schema.reviews)
      .values({
        id: crypto.randomUUID(),
        engagementId,
        vendorId: vendor.id,
        smeId: sme.id,
        quality: marks[0]!,
        schedule: marks[1]!,
        value: marks[2]!,
        communication: marks[3]!,
        recommend: k % 7 === 3 ? 4 : faker.number.int({ min: 7, max: 10 }),
        comment:
          k % 7 === 3
            ? "Chậm tiến độ, nhiều lỗi khi bàn giao, phải yêu cầu sửa nhiều lần."
            : comments[k % comments.length]!,
        reply: k % 3 === 0 ? "Cảm ơn quý doanh nghiệp đã tin tưởng; chúng tôi sẽ tiếp tục cải thiện." : null,
        repliedAt: k % 3 === 0 ? completedAt + 3 * DAY_MS : null,
        createdAt: completedAt + DAY_MS,
      })
      .run();
    event(tx, engagementId, "awarded", sme.userId, awardedAt);
    event(tx, engagementId, "completed", null, completedAt);
    event(tx, engagementId, "reviewed", sme.userId, completedAt + DAY_MS);
  });

  // Ratings computed from the reviews just written.
  for (const v of vendors) {
    const rows = tx.select().from(schema.reviews).where(eq(schema.reviews.vendorId, v.id)).all();
    if (rows.length === 0) continue;
    const avg = rows.reduce((s, r) => s + (r.quality + r.schedule + r.value + r.communication) / 4, 0) / rows.length;
    tx.update(schema.vendorProfiles)
      .set({ ratingAvg: Math.round(avg * 100), ratingCount: rows.length })
      .where(eq(schema.vendorProfiles.organisationId, v.id))
      .run();
  }
}

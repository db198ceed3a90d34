/**
 * Demo situations for the monitoring rules that the rest of the demo data does not already
 * show, so that a new staff user sees every kind of flag (issue: monitoring). Each situation is
 * ordinary data — needs, bids, engagements, milestones, amendments, reviews — and the flags come
 * from the sweep that ends the seed, never written here.
 */
import crypto from "node:crypto";
import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { DB } from "./client.server";
import * as schema from "./schema";
import { DAY_MS } from "../app/lib/local-date";
import { searchText } from "../app/lib/search-text";

type Org = { id: string; userId: string };

type MilestonePlan = { dueIn: number; status: schema.MilestoneStatus; submittedAgo?: number; rejections?: number };

export function seedFlagScenarios(tx: DB, now: number) {
  const orgsOf = (kind: "sme" | "vendor", vendorStatus?: "vetted" | "suspended") =>
    tx
      .select({ id: schema.organisations.id, userId: schema.users.id })
      .from(schema.organisations)
      .innerJoin(schema.users, eq(schema.users.organisationId, schema.organisations.id))
      .leftJoin(schema.vendorProfiles, eq(schema.vendorProfiles.organisationId, schema.organisations.id))
      .where(
        and(
          eq(schema.organisations.kind, kind),
          vendorStatus ? eq(schema.organisations.vendorStatus, vendorStatus) : undefined,
          vendorStatus === "vetted" ? gt(schema.vendorProfiles.vettingExpiresAt, now) : undefined,
        ),
      )
      .orderBy(asc(schema.users.email))
      .all();
  const smes = orgsOf("sme").slice(2) as Org[];
  const vendors = orgsOf("vendor", "vetted").slice(5) as Org[];
  const suspended = orgsOf("vendor", "suspended") as Org[];
  if (smes.length < 6 || vendors.length < 4 || suspended.length < 1) return;

  const need = (
    sme: Org,
    title: string,
    o: { budgetMax?: number; status?: "open" | "awarded"; deadlineIn?: number; publishedAgo?: number } = {},
  ) => {
    const id = crypto.randomUUID();
    const budgetMax = o.budgetMax ?? 100_000_000;
    const publishedAt = now - (o.publishedAgo ?? 60) * DAY_MS;
    tx.insert(schema.needs)
      .values({
        id,
        organisationId: sme.id,
        createdBy: sme.userId,
        title,
        description: "Nhu cầu minh họa cho việc giám sát của chương trình.",
        category: "erp",
        sector: "manufacturing",
        budgetMin: Math.round(budgetMax * 0.6),
        budgetMax,
        desiredStart: publishedAt + 30 * DAY_MS,
        deadline: now + (o.deadlineIn ?? -40) * DAY_MS,
        status: o.status ?? "awarded",
        publishedAt,
        createdAt: publishedAt - DAY_MS,
        updatedAt: publishedAt,
      })
      .run();
    tx.run(sql`INSERT INTO needs_fts (need_id, body) VALUES (${id}, ${searchText(title)})`);
    return id;
  };
  const bid = (needId: string, vendor: Org, total: number, status: "submitted" | "awarded") => {
    const id = crypto.randomUUID();
    tx.insert(schema.bids)
      .values({
        id,
        needId,
        vendorId: vendor.id,
        submittedBy: vendor.userId,
        status,
        total,
        durationDays: 90,
        approach: "Triển khai theo giai đoạn.",
        validityDays: 60,
        updatedAt: now - 45 * DAY_MS,
      })
      .run();
    return id;
  };
  const engagement = (
    sme: Org,
    vendor: Org,
    title: string,
    o: {
      total?: number;
      budgetMax?: number;
      awardedAgo?: number;
      lastActivityAgo?: number;
      milestones?: MilestonePlan[];
      status?: "active" | "completed";
      completedAgo?: number;
    },
  ) => {
    const needId = need(sme, title, { budgetMax: o.budgetMax });
    const total = o.total ?? 90_000_000;
    const bidId = bid(needId, vendor, total, "awarded");
    const id = crypto.randomUUID();
    const awardedAt = now - (o.awardedAgo ?? 35) * DAY_MS;
    tx.insert(schema.engagements)
      .values({
        id,
        needId,
        bidId,
        smeId: sme.id,
        vendorId: vendor.id,
        status: o.status ?? "active",
        total,
        awardedAt,
        awardedBy: sme.userId,
        completedAt: o.completedAgo !== undefined ? now - o.completedAgo * DAY_MS : null,
        lastActivityAt: now - (o.lastActivityAgo ?? 2) * DAY_MS,
        createdAt: awardedAt,
      })
      .run();
    (o.milestones ?? [{ dueIn: 30, status: "pending" }]).forEach((m, position) => {
      const submittedAt = m.submittedAgo !== undefined ? now - m.submittedAgo * DAY_MS : null;
      tx.insert(schema.engagementMilestones)
        .values({
          id: crypto.randomUUID(),
          engagementId: id,
          position,
          title: ["Phân tích nghiệp vụ", "Cấu hình và chuyển dữ liệu", "Đào tạo và nghiệm thu"][position % 3]!,
          dueAt: now + m.dueIn * DAY_MS,
          amount: Math.round(total / (o.milestones?.length ?? 1)),
          status: m.status,
          firstSubmittedAt: submittedAt,
          submittedAt,
          acceptedAt: m.status === "accepted" ? submittedAt : null,
          rejections: m.rejections ?? 0,
        })
        .run();
    });
    tx.insert(schema.engagementEvents)
      .values({ engagementId: id, kind: "awarded", actorId: sme.userId, at: awardedAt })
      .run();
    return id;
  };

  const [s1, s2, s3, s4, s5, s6] = smes as [Org, Org, Org, Org, Org, Org];
  const [v1, v2, v3, v4] = vendors as [Org, Org, Org, Org];

  // IDENTICAL_BIDS: two different vendors offer exactly the same total on an open need.
  const open = need(s1, "Hệ thống ERP cho xưởng may", { status: "open", deadlineIn: 10, publishedAgo: 12 });
  bid(open, v1, 150_000_000, "submitted");
  bid(open, v2, 150_000_000, "submitted");
  bid(open, v3, 162_000_000, "submitted");
  // LOW_BID: a fourth offer far below the others (and below 70% of the budget's lower bound).
  bid(open, v4, 40_000_000, "submitted");

  // One vendor (v4) in several kinds of trouble at once, which makes it a VENDOR_RISK.
  engagement(s2, v4, "ERP cho nhà máy bao bì", { total: 180_000_000, budgetMax: 120_000_000 }); // OVER_BUDGET_AWARD
  engagement(s3, v4, "Số hóa quy trình kho vải", {
    milestones: [{ dueIn: -5, status: "submitted", submittedAgo: 20 }],
  }); // REVIEW_OVERDUE
  engagement(s4, v4, "Phần mềm quản lý xưởng cơ khí", { awardedAgo: 45, lastActivityAgo: 30 }); // STALLED
  const amended = engagement(s5, v4, "Quản lý đơn hàng xuất khẩu", {}); // AMENDMENTS
  for (let k = 0; k < 3; k++) {
    tx.insert(schema.amendments)
      .values({
        id: crypto.randomUUID(),
        engagementId: amended,
        kind: "new_milestone",
        newTitle: `Hạng mục bổ sung ${k + 1}`,
        newAmount: 8_000_000,
        newDueAt: now + (40 + k * 10) * DAY_MS,
        valueDelta: 8_000_000,
        reason: "Doanh nghiệp cần thêm báo cáo.",
        status: "accepted",
        proposedBy: v4.userId,
        proposedBySide: "vendor",
        createdAt: now - (20 - k) * DAY_MS,
      })
      .run();
  }

  // REPEAT_AWARD: the same SME awards the same vendor a third time within a year.
  for (const [k, ago] of [200, 120, 20].entries()) {
    engagement(s6, v1, `Gói hỗ trợ chuyển đổi số đợt ${k + 1}`, { awardedAgo: ago, lastActivityAgo: Math.min(ago, 3) });
  }

  // LOW_RATING: completed ten days ago with a poor review.
  const poor = engagement(s1, v2, "Website bán hàng cho cửa hàng gốm", {
    status: "completed",
    awardedAgo: 80,
    completedAgo: 10,
    milestones: [{ dueIn: -20, status: "accepted", submittedAgo: 15 }],
  });
  tx.insert(schema.reviews)
    .values({
      id: crypto.randomUUID(),
      engagementId: poor,
      vendorId: v2.id,
      smeId: s1.id,
      quality: 2,
      schedule: 1,
      value: 2,
      communication: 2,
      recommend: 2,
      comment: "Giao trễ, nhiều lỗi, hỗ trợ kém.",
      createdAt: now - 9 * DAY_MS,
    })
    .run();

  // VENDOR_STATUS: an engagement still active while its vendor is suspended.
  engagement(s2, suspended[0]!, "Triển khai CRM cho chuỗi nhà thuốc", { awardedAgo: 30 });
}

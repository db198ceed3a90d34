/**
 * Demo bids, questions and awards (the bidding issue): open needs with several sealed bids from
 * different vetted vendors, one with a single bid, needs whose bidding closed waiting for a
 * decision, and awarded needs with their engagements — one between the demo SME and the demo
 * vendor, one with a milestone already overdue.
 */
import crypto from "node:crypto";
import { fakerVI } from "@faker-js/faker";
import { and, eq, gt, sql } from "drizzle-orm";
import type { DB } from "./client.server";
import * as schema from "./schema";
import { DAY_MS } from "../app/lib/local-date";

const faker = fakerVI;

type Vendor = { id: string; userId: string; categories: string[] };

function vettedVendors(tx: DB, now: number): Vendor[] {
  const rows = tx
    .select({ id: schema.organisations.id, userId: schema.users.id, email: schema.users.email })
    .from(schema.organisations)
    .innerJoin(schema.vendorProfiles, eq(schema.vendorProfiles.organisationId, schema.organisations.id))
    .innerJoin(schema.users, eq(schema.users.organisationId, schema.organisations.id))
    .where(and(eq(schema.organisations.vendorStatus, "vetted"), gt(schema.vendorProfiles.vettingExpiresAt, now)))
    .all();
  const categories = tx.select().from(schema.vendorCategories).all();
  return rows
    .sort((a, b) =>
      a.email === "vendor@demo.test" ? -1 : b.email === "vendor@demo.test" ? 1 : a.email.localeCompare(b.email),
    )
    .map((r) => ({
      id: r.id,
      userId: r.userId,
      categories: categories.filter((c) => c.vendorId === r.id).map((c) => c.category),
    }));
}

/** 2–3 milestones whose amounts add up to the total exactly, due within the duration. */
function plan(total: number, durationDays: number) {
  const parts = durationDays >= 45 ? 3 : 2;
  const base = Math.floor(total / parts / 100_000) * 100_000;
  return Array.from({ length: parts }, (_, i) => ({
    title: ["Khảo sát và cấu hình", "Triển khai và chuyển dữ liệu", "Đào tạo và nghiệm thu"][parts === 2 ? i + 1 : i]!,
    dueOffsetDays: Math.round((durationDays * (i + 1)) / parts),
    amount: i === parts - 1 ? total - base * (parts - 1) : base,
  }));
}

export function seedBids(tx: DB, now: number) {
  faker.seed(7052022);
  const vendors = vettedVendors(tx, now);
  const needs = tx
    .select()
    .from(schema.needs)
    .where(sql`${schema.needs.status} IN ('open', 'evaluating')`)
    .orderBy(schema.needs.createdAt)
    .all();
  const demoSme = tx
    .select({ organisationId: schema.users.organisationId })
    .from(schema.users)
    .where(eq(schema.users.email, "sme@demo.test"))
    .get()!.organisationId;
  const demoVendor = vendors[0]!;

  let singleDone = false;
  let awarded = 0;
  let demoAwarded = false;
  let overdueDone = false;
  needs.forEach((need, i) => {
    const biddingOver = need.status === "evaluating" || need.deadline <= now;
    let count = [3, 2, 4, 0, 2, 3, 1, 5, 2, 0][i % 10]!;
    if (!singleDone && !biddingOver) {
      count = 1;
      singleDone = true;
    }
    const demoOwned = need.organisationId === demoSme;
    if (biddingOver && need.status === "open" && i % 2 === 1 && !demoOwned) count = 0; // stays expired
    // The demo SME's first need whose bidding closed is awarded to the demo vendor below.
    if (biddingOver && demoOwned && !demoAwarded) count = Math.max(count, 3);
    const matching = vendors.filter((v) => v.categories.includes(need.category));
    const pool = faker.helpers.shuffle(matching.length >= count ? matching : vendors).slice(0, count);
    if (need.organisationId === demoSme && count > 0 && !pool.includes(demoVendor)) pool[0] = demoVendor;
    const bidIds: { id: string; vendor: Vendor; total: number; plan: ReturnType<typeof plan> }[] = [];
    pool.forEach((vendor, k) => {
      const total =
        Math.round(
          faker.number.int({ min: Math.round(need.budgetMin * 0.85), max: Math.round(need.budgetMax * 1.05) }) /
            500_000,
        ) * 500_000;
      const durationDays = faker.helpers.arrayElement([30, 45, 60, 90]);
      const milestones = plan(total, durationDays);
      const id = crypto.randomUUID();
      const at = (need.publishedAt ?? now) + (k + 1) * DAY_MS;
      tx.insert(schema.bids)
        .values({
          id,
          needId: need.id,
          vendorId: vendor.id,
          submittedBy: vendor.userId,
          status: "submitted",
          total,
          durationDays,
          approach:
            "Khảo sát quy trình hiện tại trong tuần đầu, cấu hình theo nghiệp vụ của doanh nghiệp, chuyển dữ liệu cũ, đào tạo người dùng tại chỗ và hỗ trợ 3 tháng sau nghiệm thu.",
          validityDays: 60,
          createdAt: at,
          updatedAt: at,
        })
        .run();
      milestones.forEach((m, position) =>
        tx
          .insert(schema.bidMilestones)
          .values({ id: crypto.randomUUID(), bidId: id, position, ...m })
          .run(),
      );
      bidIds.push({ id, vendor, total, plan: milestones });
    });

    if (count > 0 && i % 4 === 0) {
      const asker = pool[0]!;
      tx.insert(schema.needQuestions)
        .values({
          id: crypto.randomUUID(),
          needId: need.id,
          askedBy: asker.userId,
          vendorId: asker.id,
          question: "Doanh nghiệp đang dùng phần mềm nào, và có cần chuyển dữ liệu cũ sang hệ thống mới không?",
          answer: i % 8 === 0 ? "Hiện dùng Excel; cần chuyển dữ liệu khách hàng và tồn kho của 3 năm gần nhất." : null,
          answeredAt: i % 8 === 0 ? (need.publishedAt ?? now) + 2 * DAY_MS : null,
          createdAt: (need.publishedAt ?? now) + DAY_MS,
        })
        .run();
    }

    // Award some needs whose bidding closed: the demo SME's first, with the demo vendor winning.
    const demoTurn = demoOwned && !demoAwarded;
    if (biddingOver && bidIds.length >= 2 && (awarded < 4 || demoTurn)) {
      if (demoOwned) demoAwarded = true;
      awarded += 1;
      const winner = bidIds.find((b) => b.vendor === demoVendor) ?? bidIds[0]!;
      const awardedAt = Math.min(now - 6 * DAY_MS, Math.max(need.deadline, need.closedAt ?? 0) + DAY_MS);
      tx.update(schema.needs)
        .set({ status: "awarded", updatedAt: awardedAt })
        .where(eq(schema.needs.id, need.id))
        .run();
      for (const b of bidIds) {
        tx.update(schema.bids)
          .set({ status: b === winner ? "awarded" : "not_selected", updatedAt: awardedAt })
          .where(eq(schema.bids.id, b.id))
          .run();
      }
      const owner = tx
        .select({ id: schema.needs.createdBy })
        .from(schema.needs)
        .where(eq(schema.needs.id, need.id))
        .get()!;
      const engagementId = crypto.randomUUID();
      tx.insert(schema.engagements)
        .values({
          id: engagementId,
          needId: need.id,
          bidId: winner.id,
          smeId: need.organisationId,
          vendorId: winner.vendor.id,
          status: "active",
          total: winner.total,
          awardedAt,
          awardedBy: owner.id,
          createdAt: awardedAt,
        })
        .run();
      // One engagement runs late: its first milestone was due a few days after the award.
      const late = !overdueDone;
      overdueDone = true;
      winner.plan.forEach((m, position) =>
        tx
          .insert(schema.engagementMilestones)
          .values({
            id: crypto.randomUUID(),
            engagementId,
            position,
            title: m.title,
            dueAt: awardedAt + (late && position === 0 ? 1 : m.dueOffsetDays) * DAY_MS,
            amount: m.amount,
            status: "pending",
          })
          .run(),
      );
      tx.insert(schema.needEvents)
        .values({ needId: need.id, actorId: owner.id, event: "awarded", at: awardedAt })
        .run();
    }
  });
}

/**
 * Demo invitations (the matchmaking issue): the demo vendor is invited to open needs of its
 * categories (or related ones) that it has not bid on, the demo SME's first, and told so in its
 * notifications; a few other vetted vendors are invited to the demo SME's open needs.
 */
import crypto from "node:crypto";
import { and, eq, gt, inArray, sql } from "drizzle-orm";
import type { DB } from "./client.server";
import * as schema from "./schema";
import { relatedCategories } from "../app/lib/matching";
import type { Category } from "../app/lib/reference";

const HOUR_MS = 3_600_000;

export function seedMatching(tx: DB, now: number) {
  const demoVendor = tx
    .select({ organisationId: schema.users.organisationId })
    .from(schema.users)
    .where(eq(schema.users.email, "vendor@demo.test"))
    .get();
  const demoSme = tx
    .select({ organisationId: schema.users.organisationId })
    .from(schema.users)
    .where(eq(schema.users.email, "sme@demo.test"))
    .get();
  if (!demoVendor || !demoSme) return;
  const vendorId = demoVendor.organisationId;

  const offered = tx
    .select({ category: schema.vendorCategories.category })
    .from(schema.vendorCategories)
    .where(eq(schema.vendorCategories.vendorId, vendorId))
    .all()
    .map((r) => r.category);
  const categories = [...new Set(offered.flatMap((c) => [c, ...relatedCategories(c as Category)]))];
  const open = tx
    .select({
      id: schema.needs.id,
      title: schema.needs.title,
      organisationId: schema.needs.organisationId,
      createdBy: schema.needs.createdBy,
      category: schema.needs.category,
    })
    .from(schema.needs)
    .where(
      and(
        eq(schema.needs.status, "open"),
        gt(schema.needs.deadline, now),
        sql`NOT EXISTS (SELECT 1 FROM bids b WHERE b.need_id = ${schema.needs.id} AND b.vendor_id = ${vendorId})`,
      ),
    )
    .orderBy(schema.needs.createdAt, schema.needs.id)
    .all();
  const fits = open.filter((n) => categories.includes(n.category));
  const chosen = [
    ...fits.filter((n) => n.organisationId === demoSme.organisationId),
    ...fits.filter((n) => n.organisationId !== demoSme.organisationId),
    ...open.filter((n) => !categories.includes(n.category)), // only if nothing fits
  ].slice(0, 2);

  const smeNames = new Map(
    chosen.length
      ? tx
          .select({ id: schema.organisations.id, name: schema.organisations.legalName })
          .from(schema.organisations)
          .where(
            inArray(
              schema.organisations.id,
              chosen.map((n) => n.organisationId),
            ),
          )
          .all()
          .map((r) => [r.id, r.name])
      : [],
  );
  const vendorUsers = tx
    .select({ id: schema.users.id })
    .from(schema.users)
    .where(eq(schema.users.organisationId, vendorId))
    .all();
  chosen.forEach((need, i) => {
    const at = now - (i + 1) * 5 * HOUR_MS;
    tx.insert(schema.needInvitations)
      .values({ needId: need.id, vendorId, invitedBy: need.createdBy, createdAt: at })
      .run();
    for (const user of vendorUsers) {
      tx.insert(schema.notifications)
        .values({
          id: crypto.randomUUID(),
          userId: user.id,
          kind: "need_invitation",
          params: JSON.stringify({ need: need.title, sme: smeNames.get(need.organisationId) ?? "" }),
          link: `/needs/${need.id}`,
          createdAt: at,
        })
        .run();
    }
  });

  // Other vendors invited to the demo SME's open needs: a vetted vendor of the need's category that has not bid.
  const smeOpen = tx
    .select({ id: schema.needs.id, createdBy: schema.needs.createdBy, category: schema.needs.category })
    .from(schema.needs)
    .where(
      and(
        eq(schema.needs.organisationId, demoSme.organisationId),
        eq(schema.needs.status, "open"),
        gt(schema.needs.deadline, now),
      ),
    )
    .orderBy(schema.needs.createdAt, schema.needs.id)
    .all();
  for (const need of smeOpen) {
    const other = tx
      .select({ id: schema.vendorCategories.vendorId })
      .from(schema.vendorCategories)
      .innerJoin(schema.organisations, eq(schema.organisations.id, schema.vendorCategories.vendorId))
      .where(
        and(
          eq(schema.vendorCategories.category, need.category),
          eq(schema.organisations.vendorStatus, "vetted"),
          sql`${schema.vendorCategories.vendorId} <> ${vendorId}`,
          sql`NOT EXISTS (SELECT 1 FROM bids b WHERE b.need_id = ${need.id} AND b.vendor_id = ${schema.vendorCategories.vendorId})`,
        ),
      )
      .orderBy(schema.vendorCategories.vendorId)
      .get();
    if (!other) continue;
    tx.insert(schema.needInvitations)
      .values({ needId: need.id, vendorId: other.id, invitedBy: need.createdBy, createdAt: now - 2 * HOUR_MS })
      .onConflictDoNothing()
      .run();
  }
}

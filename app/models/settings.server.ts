/**
 * Settings an admin can change (docs/product.md: support rates, risk thresholds): stored as JSON,
 * validated on read and write. A setting's `updatedAt` is its version: the admin's form carries the
 * version it was loaded with, and saving is a compare-and-set on it, so that of two admins editing
 * at once the second is told (`stale`) instead of silently undoing the first.
 */
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { getDb, schema } from "../../db/client.server";
import { SUPPORT_RATES_DEFAULT, SupportRatesSchema, type SupportRates } from "~/lib/support-estimate";
import { assertRole, type SessionUser } from "~/utils/auth.server";
import { recordAudit } from "./audit.server";
import { expectOneChange, transition, type TransitionResult } from "./transition.server";

/** The stored value when it is valid; the default otherwise (a bad row never breaks a page). */
export function getSetting<T>(key: string, schemaOf: z.ZodType<T, z.ZodTypeDef, unknown>, fallback: T): T {
  const row = getDb().select().from(schema.settings).where(eq(schema.settings.key, key)).get();
  if (!row) return fallback;
  const parsed = schemaOf.safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : fallback;
}

/** The version of a setting (when it was last saved), or null while it has its default. */
export function settingVersion(key: string): number | null {
  return (
    getDb()
      .select({ updatedAt: schema.settings.updatedAt })
      .from(schema.settings)
      .where(eq(schema.settings.key, key))
      .get()?.updatedAt ?? null
  );
}

/**
 * An admin saves a setting over the `version` they saw (null: never saved), with its audit entry,
 * in one transaction; `stale` when someone saved it since.
 */
export function saveSetting(
  admin: Pick<SessionUser, "id" | "role">,
  key: string,
  value: unknown,
  version: number | null,
  ip: string | null,
  now = Date.now(),
): TransitionResult<never> {
  assertRole(admin, "admin");
  const json = JSON.stringify(value);
  const settings = schema.settings;
  return transition((tx) => {
    const written =
      version === null
        ? tx
            .insert(settings)
            .values({ key, value: json, updatedAt: now, updatedBy: admin.id })
            .onConflictDoNothing()
            .run()
        : tx
            .update(settings)
            .set({ value: json, updatedAt: now, updatedBy: admin.id })
            .where(and(eq(settings.key, key), eq(settings.updatedAt, version)))
            .run();
    expectOneChange(written, "setting");
    recordAudit(
      { actorId: admin.id, action: "setting_changed", subjectType: "setting", subjectId: key, ip, details: { value } },
      tx,
    );
    return { ok: true } as const;
  });
}

export const SUPPORT_RATES_KEY = "support_rates";

export function getSupportRates(): SupportRates {
  return getSetting(SUPPORT_RATES_KEY, SupportRatesSchema, SUPPORT_RATES_DEFAULT);
}

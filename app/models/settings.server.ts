/** Settings an admin can change (DESIGN §9, §10): stored as JSON, validated on read and write. */
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { getDb, schema } from "../../db/client.server";
import { SUPPORT_RATES_DEFAULT, SupportRatesSchema, type SupportRates } from "~/lib/support-estimate";
import { recordAudit } from "./audit.server";

/** The stored value when it is valid; the default otherwise (a bad row never breaks a page). */
export function getSetting<T>(key: string, schemaOf: z.ZodType<T, z.ZodTypeDef, unknown>, fallback: T): T {
  const row = getDb().select().from(schema.settings).where(eq(schema.settings.key, key)).get();
  if (!row) return fallback;
  const parsed = schemaOf.safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : fallback;
}

export function saveSetting(key: string, value: unknown, actorId: string, ip: string, now = Date.now()) {
  const json = JSON.stringify(value);
  getDb()
    .insert(schema.settings)
    .values({ key, value: json, updatedAt: now, updatedBy: actorId })
    .onConflictDoUpdate({ target: schema.settings.key, set: { value: json, updatedAt: now, updatedBy: actorId } })
    .run();
  recordAudit({ actorId, action: "setting_changed", subjectType: "setting", subjectId: key, ip, details: { value } });
}

export const SUPPORT_RATES_KEY = "support_rates";

export function getSupportRates(): SupportRates {
  return getSetting(SUPPORT_RATES_KEY, SupportRatesSchema, SUPPORT_RATES_DEFAULT);
}

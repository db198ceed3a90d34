import crypto from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getSqlite } from "../../db/client.server";
import { assessment, buildReportFixture, local, NOW } from "../../db/test/report-fixture";
import { periodOf } from "~/lib/report-period";
import { recentOutcomes, recentOutcomesSnapshot } from "./dashboard.server";
import { computeReport, getReport } from "./report-tables.server";
import {
  clearSnapshots,
  snapshot,
  SNAPSHOT_KEYS,
  SNAPSHOT_MAX_AGE_MS,
  SNAPSHOT_REFRESH_AFTER_MS,
  step,
} from "./snapshots.server";

/** An SME registered at `at`, with one completed assessment at `level` then. */
function assessedSme(level: number, at: number) {
  const id = crypto.randomUUID();
  getSqlite()
    .prepare("INSERT INTO organisations (id, kind, legal_name, sector, created_at) VALUES (?, 'sme', ?, 'other', ?)")
    .run(id, `DN ${id}`, at);
  getSqlite()
    .prepare(
      "INSERT INTO users (id, email, name, password_hash, role, organisation_id, search_text, created_at) VALUES (?, ?, 'x', 'x', 'sme', ?, '', ?)",
    )
    .run(id, `${id}@snapshots.test`, id, at);
  assessment({ id, userId: id }, level, at);
}

const period = periodOf("2025-01", "2025-12");
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

beforeAll(() => {
  buildReportFixture();
});
beforeEach(() => clearSnapshots());

describe("report snapshots", () => {
  it("hold the report computed from scratch as of their time, and follow an event within 15 minutes", async () => {
    const first = await getReport(period, NOW);
    expect(first.computedAt).toBe(NOW);
    expect(first.value).toEqual(await computeReport({ ...period, now: NOW }));
    const registered = first.value.data.smes.total.registered;

    // An SME registers and is assessed in the period: the figures as of the snapshot stay until it is renewed.
    assessedSme(3, local("2025-11-20"));
    const later = NOW + SNAPSHOT_REFRESH_AFTER_MS - 1;
    expect(await getReport(period, later)).toBe(first);

    // Past 15 minutes a request waits for new figures, equal to the report computed from scratch then.
    const at = NOW + SNAPSHOT_MAX_AGE_MS;
    const renewed = await getReport(period, at);
    expect(renewed.computedAt).toBe(at);
    expect(renewed.value.data.smes.total.registered).toBe(registered + 1);
    expect(renewed.value).toEqual(await computeReport({ ...period, now: at }));
  });

  it("renew in the background from 12 minutes, answering with the current figures meanwhile", async () => {
    const first = await getReport(period, NOW);
    assessedSme(4, local("2025-10-02"));
    const at = NOW + SNAPSHOT_REFRESH_AFTER_MS;
    expect(await getReport(period, at)).toBe(first);
    await settle();
    const renewed = await getReport(period, at + 1);
    expect(renewed.computedAt).toBe(at);
    expect(renewed.value).toEqual(await computeReport({ ...period, now: at }));
  });

  it("are kept per period and sector", async () => {
    const all = await getReport(period, NOW);
    const retail = await getReport({ ...period, sector: "retail_trade" }, NOW);
    expect(retail).not.toBe(all);
    expect(retail.value).toEqual(await computeReport({ ...period, sector: "retail_trade", now: NOW }));
    expect(await getReport(period, NOW + 1)).toBe(all);
  });

  it("compute one aggregate at a time, giving the event loop its turn in between", async () => {
    let turns = 0;
    let waiting = true;
    const tick = () => {
      turns++;
      if (waiting) setImmediate(tick);
    };
    setImmediate(tick);
    await getReport(period, NOW);
    waiting = false;
    // Eleven aggregates: the loop ran between each of them.
    expect(turns).toBeGreaterThanOrEqual(10);
  });

  it("compute a key once however many ask, and keep at most SNAPSHOT_KEYS keys", async () => {
    let computed = 0;
    const compute = async (at: number) => {
      computed++;
      await step(() => null);
      return at;
    };
    const [a, b] = await Promise.all([snapshot("k", compute, NOW), snapshot("k", compute, NOW)]);
    expect(a).toBe(b);
    expect(computed).toBe(1);
    for (let i = 0; i <= SNAPSHOT_KEYS; i++) await snapshot(`k${i}`, compute, NOW + i + 1);
    // The oldest ("k", computed first) made room.
    await snapshot("k", compute, NOW + 100);
    expect(computed).toBe(SNAPSHOT_KEYS + 3);
  });
});

describe("the dashboard's outcomes", () => {
  it("are the reports' outcomes of the last 365 days as of their snapshot, renewed within 15 minutes", async () => {
    const first = await recentOutcomesSnapshot(NOW);
    expect(first.value).toEqual(recentOutcomes(NOW));
    const at = NOW + SNAPSHOT_MAX_AGE_MS;
    const renewed = await recentOutcomesSnapshot(at);
    expect(renewed.computedAt).toBe(at);
    expect(renewed.value).toEqual(recentOutcomes(at));
  });
});

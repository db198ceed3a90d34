import { describe, expect, it } from "vitest";
import { getSqlite } from "../../db/client.server";
import { createEngagement, createOpenNeed } from "../../db/test/factories";
import { DAY_MS as DAY } from "~/lib/local-date";
import { nextSliceSize, repairHealth, sweep, type SweepSlice } from "./flags.server";

describe("the periodic sweep", () => {
  it("commits in slices no bigger than the slice size, letting other work run between them", async () => {
    for (let i = 0; i < 12; i++) createOpenNeed(5);
    for (let i = 0; i < 12; i++) createEngagement();
    let ticks = 0;
    let done = false;
    const spin = () => {
      ticks += 1;
      if (!done) setImmediate(spin);
    };
    setImmediate(spin);
    const slices: (SweepSlice & { inTransaction: boolean; ticks: number })[] = [];
    const result = await sweep(Date.now(), {
      sliceSize: 5,
      onSlice: (s) => slices.push({ ...s, inTransaction: getSqlite().inTransaction, ticks }),
    });
    done = true;
    expect(result.needs).toBeGreaterThanOrEqual(24); // the open needs and the engagements' awarded needs
    expect(result.engagements).toBeGreaterThanOrEqual(12);
    expect(result.longestSliceMs).toBeGreaterThan(0);
    expect(Math.max(...slices.map((s) => s.size))).toBeLessThanOrEqual(5);
    for (const step of ["needs", "engagements", "vendors", "vendor_stats", "health"] as const) {
      expect(slices.filter((s) => s.step === step).length, step).toBeGreaterThanOrEqual(3);
    }
    expect(slices.every((s) => s.inTransaction)).toBe(true);
    // Between two slices the event loop ran (a waiting request would have been served).
    for (let i = 1; i < slices.length; i++) expect(slices[i]!.ticks).toBeGreaterThan(slices[i - 1]!.ticks);
    expect(getSqlite().inTransaction).toBe(false);
  });

  it("leaves out open needs whose deadline passed long ago: time has nothing left to change there", async () => {
    const { needId } = createOpenNeed(5);
    const swept: string[] = [];
    const count = async (now: number) => {
      swept.length = 0;
      const r = await sweep(now, { onSlice: (s) => swept.push(s.step) });
      return r.needs;
    };
    const soon = await count(Date.now());
    // Twenty days on, the need's deadline passed fifteen days ago: it is no longer swept.
    const later = await count(Date.now() + 20 * DAY);
    expect(later).toBeLessThan(soon);
    const stillOpen = getSqlite().prepare("SELECT status FROM needs WHERE id = ?").get(needId) as { status: string };
    expect(stillOpen.status).toBe("open");
  });

  it("repairs health ranks a slice at a time", async () => {
    const { engagementId } = createEngagement();
    getSqlite().prepare("UPDATE engagements SET health_rank = 2 WHERE id = ?").run(engagementId);
    const sizes: number[] = [];
    expect(await repairHealth(undefined, { sliceSize: 3, onSlice: (s) => sizes.push(s.size) })).toBe(1);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(3);
    const total = (getSqlite().prepare("SELECT count(*) AS n FROM engagements").get() as { n: number }).n;
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(total);
  });
});

describe("the sweep's slice size", () => {
  it("fits the time budget at the pace of the slice just done", () => {
    // 100 subjects took 50 ms: 0.5 ms each, so 20 fit in 10 ms.
    expect(nextSliceSize(100, 50, 10, 100)).toBe(20);
    // A slow subject (40 ms alone): the next slice is still one subject.
    expect(nextSliceSize(1, 40, 10, 100)).toBe(1);
  });

  it("grows at most twofold and never beyond the slice size", () => {
    expect(nextSliceSize(4, 0.4, 10, 100)).toBe(8);
    expect(nextSliceSize(80, 1, 10, 100)).toBe(100);
    expect(nextSliceSize(3, 0, 10, 5)).toBe(5);
  });
});

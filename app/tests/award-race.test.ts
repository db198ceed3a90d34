/**
 * Two awards on one need at the same moment from two threads, each with its own connection to
 * the same database file — as two server processes would (docs/product.md §7): exactly one
 * engagement, and the other award is told the need was already awarded.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { getSqlite } from "../../db/client.server";
import { submitBid } from "~/models/bids.server";
import { asViewer, openNeed, vettedVendor } from "./people";

const ROUNDS = 5;
const WORKER = path.resolve("app/tests/award-race.worker.ts");

/**
 * A worker thread that runs a TypeScript file through tsx (the app's `~` imports included); the
 * bare specifier resolves from the working directory, the project's root.
 */
function typescriptWorker(file: string, workerData: unknown): Worker {
  const boot = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(pathToFileURL(file).href)}); })`;
  return new Worker(boot, { eval: true, workerData });
}

const results = (worker: Worker) =>
  new Promise<unknown[]>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  });

async function untilReady(signal: Int32Array, count: number) {
  while (Atomics.load(signal, 1) < count) await new Promise((r) => setTimeout(r, 5));
}

describe("two awards at the same moment in two threads", () => {
  it("yield one engagement and one 'already awarded', round after round", { timeout: 30_000 }, async () => {
    const { owner, rounds } = await (async () => {
      const { owner } = openNeed("Chủ nhu cầu đua");
      const rounds: { needId: string; bids: [string, string] }[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        const { needId } = openNeed("Chủ nhu cầu đua");
        getSqlite().prepare("UPDATE needs SET organisation_id = ? WHERE id = ?").run(owner.organisationId, needId);
        const bids: string[] = [];
        for (const marker of [`A${i}`, `B${i}`]) {
          const vendor = vettedVendor(`Nhà cung cấp đua ${marker}`);
          const total = 50_000_000;
          const placed = await submitBid(asViewer(vendor, "vendor"), needId, {
            total,
            durationDays: 30,
            approach: "Triển khai",
            validityDays: 60,
            milestones: [{ title: "Trọn gói", dueOffsetDays: 30, amount: total }],
          });
          if (!placed.ok) throw new Error(JSON.stringify(placed));
          bids.push(placed.bidId);
        }
        // Bidding has closed: the deadline passed.
        getSqlite()
          .prepare("UPDATE needs SET deadline = ? WHERE id = ?")
          .run(Date.now() - 1000, needId);
        rounds.push({ needId, bids: bids as [string, string] });
      }
      return { owner, rounds };
    })();

    const barrier = new SharedArrayBuffer(8);
    const signal = new Int32Array(barrier);
    const dbFile = getSqlite().name;
    const workers = [0, 1].map((side) =>
      typescriptWorker(WORKER, {
        dbFile,
        owner: { id: owner.id, organisationId: owner.organisationId },
        rounds: rounds.map((r) => ({ needId: r.needId, bidId: r.bids[side] })),
        barrier,
      }),
    );
    const done = Promise.all(workers.map(results));
    for (let round = 1; round <= ROUNDS; round++) {
      await untilReady(signal, 2 * round);
      Atomics.store(signal, 0, round);
      Atomics.notify(signal, 0);
    }
    const [first, second] = await done;
    await Promise.all(workers.map((w) => w.terminate()));

    rounds.forEach(({ needId, bids }, i) => {
      const outcomes = [first![i], second![i]];
      expect(
        outcomes.filter((o) => (o as { ok?: boolean }).ok === true),
        `round ${i + 1}`,
      ).toHaveLength(1);
      expect(
        outcomes.filter((o) => (o as { ok?: boolean }).ok !== true),
        `round ${i + 1}`,
      ).toEqual([{ ok: false, error: "already_awarded" }]);
      const db = getSqlite();
      expect(db.prepare("SELECT count(*) FROM engagements WHERE need_id = ?").pluck().get(needId)).toBe(1);
      const winner = db.prepare("SELECT bid_id FROM engagements WHERE need_id = ?").pluck().get(needId);
      const statuses = db.prepare("SELECT id, status FROM bids WHERE need_id = ?").all(needId) as {
        id: string;
        status: string;
      }[];
      expect(statuses.map((b) => (b.id === winner ? "awarded" : b.status)).sort()).toEqual(["awarded", "not_selected"]);
      expect(statuses.find((b) => b.id === winner)?.status).toBe("awarded");
      expect(db.prepare("SELECT status FROM needs WHERE id = ?").pluck().get(needId)).toBe("awarded");
      expect(bids).toContain(winner);
    });
  });
});

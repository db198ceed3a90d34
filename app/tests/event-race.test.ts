/**
 * Two cancellations and two registrations on one full event at the same moment, from four threads
 * each with its own connection to the same database file, as four server processes would
 * (docs/product.md "Events and knowledge", ADR 013): never more people registered than the
 * capacity, every freed seat taken by someone who was waiting or arriving, and nobody lost.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { getSqlite } from "../../db/client.server";
import { createUser } from "../../db/test/factories";
import { DAY_MS } from "~/lib/local-date";
import { createEvent, registerForEvent } from "~/models/events.server";

const ROUNDS = 4;
const CAPACITY = 2;
const WORKER = path.resolve("app/tests/event-race.worker.ts");

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

const person = (role: "sme" | "vendor") => ({ id: createUser({ role }).id, role });

describe("cancellations and registrations racing on a full event", () => {
  it("never seat more people than the capacity, and fill every freed seat", { timeout: 60_000 }, async () => {
    const staff = createUser({ role: "staff" });
    const now = Date.now();
    // Per round: a full event (2 seated, 1 waiting); two seated people cancel while two newcomers register.
    const rounds = Array.from({ length: ROUNDS }, () => {
      const created = createEvent(
        { id: staff.id, role: "staff" },
        {
          type: "workshop",
          title: "Đua chỗ",
          description: "Kiểm thử",
          audience: "everyone",
          organiser: "HCA",
          category: null,
          startsAt: now + 3 * DAY_MS,
          endsAt: now + 3 * DAY_MS + 3_600_000,
          registrationDeadline: now + 2 * DAY_MS,
          street: "1 Lê Duẩn",
          ward: "Phường Sài Gòn",
          city: "TP. Hồ Chí Minh",
          onlineUrl: null,
          capacity: CAPACITY,
        },
        { publish: true },
      );
      if (!created.ok) throw new Error(JSON.stringify(created));
      const seated = [person("sme"), person("vendor")];
      const waiting = person("sme");
      for (const p of [...seated, waiting]) registerForEvent(created.eventId, p);
      return { eventId: created.eventId, seated, waiting, newcomers: [person("vendor"), person("sme")] };
    });

    const barrier = new SharedArrayBuffer(8);
    const signal = new Int32Array(barrier);
    const dbFile = getSqlite().name;
    const sides = [
      (r: (typeof rounds)[number]) => ({ eventId: r.eventId, user: r.seated[0]!, action: "cancel" }),
      (r: (typeof rounds)[number]) => ({ eventId: r.eventId, user: r.newcomers[0]!, action: "register" }),
      (r: (typeof rounds)[number]) => ({ eventId: r.eventId, user: r.seated[1]!, action: "cancel" }),
      (r: (typeof rounds)[number]) => ({ eventId: r.eventId, user: r.newcomers[1]!, action: "register" }),
    ];
    const workers = sides.map((side) => typescriptWorker(WORKER, { dbFile, rounds: rounds.map(side), barrier }));
    const done = Promise.all(workers.map(results));
    for (let round = 1; round <= ROUNDS; round++) {
      await untilReady(signal, sides.length * round);
      Atomics.store(signal, 0, round);
      Atomics.notify(signal, 0);
    }
    const outcomes = await done;
    await Promise.all(workers.map((w) => w.terminate()));

    const db = getSqlite();
    rounds.forEach((r, i) => {
      for (const side of outcomes) expect((side[i] as { ok?: boolean }).ok, `round ${i + 1}`).toBe(true);
      const statuses = Object.fromEntries(
        (
          db.prepare("SELECT user_id AS u, status FROM event_registrations WHERE event_id = ?").all(r.eventId) as {
            u: string;
            status: string;
          }[]
        ).map((row) => [row.u, row.status]),
      );
      const registered = Object.values(statuses).filter((s) => s === "registered").length;
      const waitlisted = Object.values(statuses).filter((s) => s === "waitlisted").length;
      // Exactly full: 2 left, 3 wanted a seat (the one waiting first and two newcomers).
      expect(registered, `round ${i + 1}`).toBe(CAPACITY);
      expect(waitlisted, `round ${i + 1}`).toBe(1);
      expect(statuses[r.seated[0]!.id]).toBe("cancelled");
      expect(statuses[r.seated[1]!.id]).toBe("cancelled");
      // The person who was waiting before the race always got one of the freed seats.
      expect(statuses[r.waiting.id], `round ${i + 1}`).toBe("registered");
    });
  });
});

/**
 * One side of the event race (event-race.test.ts), in its own thread with its own connection to
 * the test's database file. For each round it waits at the shared barrier for the start signal,
 * then registers or cancels at the same moment as the other threads.
 */
import { parentPort, workerData } from "node:worker_threads";

type Step = { eventId: string; user: { id: string; role: "sme" | "vendor" }; action: "register" | "cancel" };
type Data = { dbFile: string; rounds: Step[]; barrier: SharedArrayBuffer };

const { dbFile, rounds, barrier } = workerData as Data;
process.env.DATABASE_PATH = dbFile;
const { getSqlite } = await import("../../db/client.server");
const { cancelRegistration, registerForEvent } = await import("~/models/events.server");
getSqlite(); // open the connection before the start signal, not after it

/** [0]: the round that may start; [1]: how many threads are ready, summed over rounds. */
const signal = new Int32Array(barrier);
const results: unknown[] = [];
for (let round = 1; round <= rounds.length; round++) {
  Atomics.add(signal, 1, 1);
  for (let started = Atomics.load(signal, 0); started < round; started = Atomics.load(signal, 0)) {
    Atomics.wait(signal, 0, started);
  }
  const { eventId, user, action } = rounds[round - 1]!;
  try {
    results.push(action === "register" ? registerForEvent(eventId, user) : cancelRegistration(eventId, user));
  } catch (error) {
    results.push({ thrown: String(error) });
  }
}
parentPort!.postMessage(results);

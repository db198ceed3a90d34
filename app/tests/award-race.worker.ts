/**
 * One side of the award race (award-race.test.ts), in its own thread with its own connection to
 * the test's database file. For each round it says it is ready, waits at the shared barrier for
 * the start signal, then awards its bid at the same moment as the other thread.
 */
import { parentPort, workerData } from "node:worker_threads";

type Round = { needId: string; bidId: string };
type Data = {
  dbFile: string;
  owner: { id: string; organisationId: string };
  rounds: Round[];
  barrier: SharedArrayBuffer;
};

const { dbFile, owner, rounds, barrier } = workerData as Data;
process.env.DATABASE_PATH = dbFile;
const { getSqlite } = await import("../../db/client.server");
const { awardBid } = await import("~/models/bids.server");
getSqlite(); // open the connection before the start signal, not after it

/** [0]: the round that may start; [1]: how many threads are ready, summed over rounds. */
const signal = new Int32Array(barrier);
const results: unknown[] = [];
for (let round = 1; round <= rounds.length; round++) {
  Atomics.add(signal, 1, 1);
  for (let started = Atomics.load(signal, 0); started < round; started = Atomics.load(signal, 0)) {
    Atomics.wait(signal, 0, started);
  }
  const { needId, bidId } = rounds[round - 1]!;
  try {
    results.push(await awardBid({ ...owner, role: "sme" }, needId, bidId));
  } catch (error) {
    results.push({ thrown: String(error) });
  }
}
parentPort!.postMessage(results);

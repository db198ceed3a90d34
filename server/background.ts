/**
 * Background work inside the server (the risk-flag sweep; later the mail worker). Each job is
 * started by one call that returns how to stop it, so adding a job is one line in server/index.ts
 * and a clean stop waits for a run in progress instead of cutting it off.
 */
import { log } from "../app/utils/log.server";

/** Stops a background job; resolves once a run in progress has finished. */
export type Stop = () => void | Promise<void>;

/**
 * Runs `task` every `ms` milliseconds, never two runs at once (a slow run delays the next).
 * `ms` of 0 or less turns the job off. A failing run is logged and the job carries on.
 */
export function every(name: string, ms: number, task: () => unknown): Stop {
  if (!(ms > 0)) {
    log.info("background job off", { job: name });
    return () => {};
  }
  let running: Promise<void> | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(run, ms);
    timer.unref();
  };
  const run = () => {
    const started = Date.now();
    running = Promise.resolve()
      .then(task)
      .then(
        (result) => log.info(name, { ms: Date.now() - started, ...(isFields(result) ? result : {}) }),
        (error: unknown) => log.error(`${name} failed`, { error }),
      )
      .finally(() => {
        running = null;
        schedule();
      });
  };
  schedule();

  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await running;
  };
}

function isFields(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Stops every job, waiting for each to finish what it is doing. */
export async function stopAll(stops: readonly Stop[]) {
  await Promise.all(stops.map(async (stop) => stop()));
}

import { afterEach, describe, expect, it, vi } from "vitest";
import { every, stopAll } from "./background";

afterEach(() => {
  vi.useRealTimers();
});

describe("background jobs", () => {
  it("runs a job on its interval, never two runs at once, and goes on after a failure", async () => {
    vi.useFakeTimers();
    let runs = 0;
    let concurrent = 0;
    let maxConcurrent = 0;
    const stop = every("test job", 1000, async () => {
      runs += 1;
      concurrent += 1;
      maxConcurrent = Math.max(maxConcurrent, concurrent);
      await new Promise((r) => setTimeout(r, 2500));
      concurrent -= 1;
      if (runs === 1) throw new Error("first run fails");
    });
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(3000);
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toBe(2);
    expect(maxConcurrent).toBe(1);
    const stopped = stopAll([stop]);
    let done = false;
    void stopped.then(() => (done = true));
    await vi.advanceTimersByTimeAsync(100);
    expect(done).toBe(false); // waits for the run in progress
    await vi.advanceTimersByTimeAsync(2500);
    expect(done).toBe(true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(runs).toBe(2); // and starts no more
  });

  it("is off at an interval of 0", async () => {
    vi.useFakeTimers();
    const task = vi.fn();
    const stop = every("off job", 0, task);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(task).not.toHaveBeenCalled();
    await stop();
  });
});

/**
 * `npm run bench`: the scale benchmark of issue 14. Builds (once, cached under .cache/bench/scale)
 * a database of 5,000 vetted vendors, 20,000 SMEs, 100,000 needs, 500,000 bids and 30,000
 * engagements and the same at 1% scale; serves the built app (build/server.js, production) on a
 * copy of each; and measures with autocannon (20 connections) every key page, each interleaved
 * with the trivial page of the same server (/bench/trivial: session, root loader, `SELECT 1`):
 * req/s, p50, p99, the share of the trivial page's throughput and p50 at full ÷ 1% scale, with the
 * targets. Then the trivial page against a bare Remix page, a probe every 200 ms while a full
 * flag sweep runs, and 50 connections of reads while vendors post bids through the bid form.
 *
 *   REBUILD=1  build the databases again     PAGES=/,/vendors  only pages whose label matches
 *   QUICK=1    short runs (3 s per page, for trying it out; the figures are noisier)
 *   PARTS=pages,floor,sweep,writes  only these parts (all by default; only pages with PAGES)
 *
 * Ports 3290–3294 (BENCH_PORT_BASE=N: N to N+4). Not part of `npm test`. `npm run bench:browser` measures the browser side.
 */
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import autocannon from "autocannon";
import { openSqlite } from "../../db/client.server";
import { benchDatabases, type Fixture, type Scale } from "./build";
import { sessionCookie, sessions, workingCopy, type Role } from "./copies";
import { median, meets, percentile, scaleRatio, shareOfTrivial, table, TARGETS, verdict } from "./figures";
import { ensureAppBuilt, startApp, startBare, type Server } from "./servers";

const QUICK = process.env.QUICK === "1";
const PAGE_S = QUICK ? 3 : 10;
const TRIVIAL_S = QUICK ? 2 : 5;
const WARMUP_S = QUICK ? 1 : 2;
const CONNECTIONS = 20;
/** 3290–3294 unless BENCH_PORT_BASE moves them (two benchmarks on one machine). */
const PORT_BASE = Number(process.env.BENCH_PORT_BASE ?? 3290);
const PORTS = {
  full: PORT_BASE,
  small: PORT_BASE + 1,
  bare: PORT_BASE + 2,
  probe: PORT_BASE + 3,
  bareRoutes: PORT_BASE + 4,
} as const;

type Page = { label: string; path: (f: Fixture) => string; role: Role };

/** The pages of issue 14's table, then the reports and the public statistics. */
const PAGES: Page[] = [
  { label: "/", path: () => "/", role: "none" },
  { label: "/needs/:id (owner, 20 bids)", path: (f) => `/needs/${f.ownerNeedId}`, role: "owner" },
  { label: "/staff/vendors", path: () => "/staff/vendors", role: "staff" },
  { label: "/needs (vendor)", path: () => "/needs", role: "vendor" },
  { label: "/vendors", path: () => "/vendors", role: "none" },
  { label: "/vendors?q=ke+toan", path: () => "/vendors?q=ke+toan", role: "none" },
  {
    label: "/vendors?q=phan+mem&category=accounting",
    path: () => "/vendors?q=phan+mem&category=accounting",
    role: "none",
  },
  { label: "/staff", path: () => "/staff", role: "staff" },
  { label: "/staff/flags", path: () => "/staff/flags", role: "staff" },
  { label: "/needs/:id/compare", path: (f) => `/needs/${f.ownerNeedId}/compare`, role: "owner" },
  { label: "/me (vendor home)", path: () => "/me", role: "vendor" },
  { label: "/staff/engagements", path: () => "/staff/engagements", role: "staff" },
  { label: "/needs?q=phan+mem (vendor)", path: () => "/needs?q=phan+mem", role: "vendor" },
  { label: "/needs/:id/matches", path: (f) => `/needs/${f.ownerNeedId}/matches`, role: "owner" },
  { label: "/staff/reports", path: () => "/staff/reports", role: "staff" },
  { label: "/stats", path: () => "/stats", role: "none" },
];

type Run = { rps: number; p50: number; p99: number; non2xx: number; errors: number };

async function cannon(url: string, seconds: number, cookie: string | null, connections = CONNECTIONS): Promise<Run> {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    headers: { ...(cookie ? { cookie } : {}), "accept-encoding": "gzip" },
  });
  // No answer within the run (a machine so busy that every request outlasted it): nothing measured.
  const none = result.requests.total === 0;
  return {
    rps: result.requests.average,
    p50: none ? Number.NaN : result.latency.p50,
    p99: none ? Number.NaN : result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** A run after a warm-up, once the server has drained the previous one. */
async function measure(url: string, seconds: number, cookie: string | null): Promise<Run> {
  await cannon(url, WARMUP_S, cookie);
  await sleep(300);
  const run = await cannon(url, seconds, cookie);
  await sleep(300);
  return run;
}

/** Every page answers 200 to its signed-in user before anything is measured. */
async function check(server: Server, fixture: Fixture, cookies: Record<Role, string | null>, pages: Page[]) {
  const ok: Page[] = [];
  for (const page of pages) {
    const cookie = cookies[page.role];
    const res = await fetch(server.url + page.path(fixture), {
      redirect: "manual",
      headers: cookie ? { cookie } : {},
    });
    await res.arrayBuffer();
    if (res.status === 200) ok.push(page);
    else console.log(`  !! ${page.label} answered ${res.status} (${res.headers.get("location") ?? ""}): left out`);
  }
  return ok;
}

const ms = (n: number) => (Number.isNaN(n) ? "–" : `${Math.round(n)} ms`);
/** Requests per second: one decimal under 10 (a busy machine's figures are small). */
const rate = (n: number) => n.toFixed(n < 10 ? 1 : 0);
const pct = (n: number) => (Number.isNaN(n) ? "–" : `${Math.round(n * 100)}%`);

type PageFigures = { page: Page; full: Run; trivial: number[]; small?: Run };

async function measurePages(fixtures: Record<Scale, Fixture>, pages: Page[]) {
  const results: PageFigures[] = [];
  // 1% scale first: p50 of each page alone (its throughput share is not a target).
  const smallFile = workingCopy(fixtures.small);
  const smallDb = openSqlite(smallFile);
  const smallCookies = await sessions(smallDb, fixtures.small);
  const small = await startApp(PORTS.small, smallFile);
  const smallRuns = new Map<string, Run>();
  try {
    const ok = await check(small, fixtures.small, smallCookies, pages);
    console.log(`\n1% scale (${fixtures.small.counts.needs} needs): ${ok.length} pages, ${PAGE_S} s each`);
    for (const page of ok) {
      // As long as at full scale: on a busy machine a shorter run may see no request through.
      const run = await measure(small.url + page.path(fixtures.small), PAGE_S, smallCookies[page.role]);
      smallRuns.set(page.label, run);
      console.log(
        `  ${page.label.padEnd(42)} ${rate(run.rps).padStart(5)} req/s  p50 ${ms(run.p50)}` +
          (run.non2xx || run.errors ? `  !! ${run.non2xx} non-2xx, ${run.errors} errors` : ""),
      );
    }
  } finally {
    await small.stop();
    smallDb.close();
  }

  const fullFile = workingCopy(fixtures.full);
  const fullDb = openSqlite(fullFile);
  const cookies = await sessions(fullDb, fixtures.full);
  let full = await startApp(PORTS.full, fullFile);
  const trivialUrl = `${full.url}/bench/trivial`;
  /** A server that died (or was killed by something else on the machine) is started again. */
  const alive = async () => {
    if (full.child.exitCode === null && full.child.signalCode === null) return;
    console.log("  !! the server was gone: starting it again");
    full = await startApp(PORTS.full, fullFile);
  };
  try {
    const ok = await check(full, fixtures.full, cookies, pages);
    console.log(
      `\nFull scale (${fixtures.full.counts.needs} needs, ${fixtures.full.counts.bids} bids): ` +
        `${ok.length} pages, ${PAGE_S} s each, the trivial page (${TRIVIAL_S} s) between them`,
    );
    // The trivial page as a vendor: a signed-in session and the root loader's queries, like most pages.
    let before = await measure(trivialUrl, TRIVIAL_S, cookies.vendor);
    console.log(`  trivial page ${rate(before.rps)} req/s, p50 ${ms(before.p50)}`);
    for (const page of ok) {
      await alive();
      const run = await measure(full.url + page.path(fixtures.full), PAGE_S, cookies[page.role]);
      const after = await measure(trivialUrl, TRIVIAL_S, cookies.vendor);
      results.push({ page, full: run, trivial: [before.rps, after.rps], small: smallRuns.get(page.label) });
      const share = shareOfTrivial(run.rps, [before.rps, after.rps]);
      console.log(
        `  ${page.label.padEnd(42)} ${rate(run.rps).padStart(5)} req/s  p50 ${ms(run.p50).padStart(7)}  ` +
          `p99 ${ms(run.p99).padStart(7)}  ${pct(share).padStart(4)} of trivial (${rate(after.rps)} req/s)` +
          (run.non2xx || run.errors ? `  !! ${run.non2xx} non-2xx, ${run.errors} errors` : ""),
      );
      before = after;
    }
  } finally {
    await full.stop();
    fullDb.close();
  }
  return results;
}

function printPages(results: PageFigures[]) {
  const rows = results.map(({ page, full, trivial, small }) => {
    const share = shareOfTrivial(full.rps, trivial);
    const ratio = small ? scaleRatio(full.p50, small.p50) : Number.NaN;
    return [
      page.label,
      rate(full.rps),
      ms(full.p50),
      ms(full.p99),
      verdict({ value: share, limit: TARGETS.shareOfTrivial, atLeast: true }, pct(share)),
      small ? ms(small.p50) : "–",
      verdict({ value: ratio, limit: TARGETS.scaleRatio, atLeast: false }, ratio.toFixed(1)),
    ];
  });
  console.log(
    `\nPages at full scale (targets: ≥ ${pct(TARGETS.shareOfTrivial)} of the trivial page's throughput, ` +
      `p50 full ÷ 1% ≤ ${TARGETS.scaleRatio})\n`,
  );
  console.log(table(["page", "req/s", "p50", "p99", "share of trivial", "p50 at 1%", "p50 full ÷ 1%"], rows));
  const failed = results.filter(({ full, trivial, small }) => {
    const share = shareOfTrivial(full.rps, trivial);
    const ratio = small ? scaleRatio(full.p50, small.p50) : Number.NaN;
    return (
      !meets({ value: share, limit: TARGETS.shareOfTrivial, atLeast: true }) ||
      !meets({ value: ratio, limit: TARGETS.scaleRatio, atLeast: false })
    );
  });
  console.log(`\n${results.length - failed.length} of ${results.length} pages meet both targets.`);
}

/**
 * The trivial page against a bare Remix page, interleaved: the per-request floor. Also against a
 * bare Remix app with one-line copies of this app's route files, which shows how much of the gap
 * is Remix's own work over a route table of this size rather than the app's (ADR 014).
 */
async function measureFloor(fixture: Fixture) {
  const file = workingCopy(fixture);
  const sqlite = openSqlite(file);
  const cookies = await sessions(sqlite, fixture);
  const app = await startApp(PORTS.full, file);
  let bare: (Server & { routes: number }) | null = null;
  let bareRoutes: (Server & { routes: number }) | null = null;
  try {
    bare = await startBare(PORTS.bare);
    bareRoutes = await startBare(PORTS.bareRoutes, true);
    const trivial: Run[] = [];
    const bareRuns: Run[] = [];
    const bareRoutesRuns: Run[] = [];
    const anonymous: Run[] = [];
    for (let round = 0; round < 2; round++) {
      trivial.push(await measure(`${app.url}/bench/trivial`, TRIVIAL_S, cookies.vendor));
      anonymous.push(await measure(`${app.url}/bench/trivial`, TRIVIAL_S, null));
      bareRuns.push(await measure(`${bare.url}/`, TRIVIAL_S, null));
      bareRoutesRuns.push(await measure(`${bareRoutes.url}/`, TRIVIAL_S, null));
    }
    const t = median(trivial.map((r) => r.rps));
    const a = median(anonymous.map((r) => r.rps));
    const b = median(bareRuns.map((r) => r.rps));
    const br = median(bareRoutesRuns.map((r) => r.rps));
    const p50 = (runs: Run[]) => ms(median(runs.map((r) => r.p50)));
    console.log(
      `\nThe per-request floor (target: the trivial page ≥ ${pct(TARGETS.trivialOfBare)} of a bare Remix page)\n`,
    );
    console.log(
      table(
        ["page", "req/s", "p50", "share of bare", "share of bare with the routes"],
        [
          ["bare Remix page (1 route and the root)", rate(b), p50(bareRuns), "100%", "–"],
          [
            `bare Remix page beside ${bareRoutes.routes - 1} one-line routes (${bareRoutes.routes} with the root)`,
            rate(br),
            p50(bareRoutesRuns),
            pct(br / b),
            "100%",
          ],
          [
            "trivial page, signed in (vendor)",
            rate(t),
            p50(trivial),
            verdict({ value: t / b, limit: TARGETS.trivialOfBare, atLeast: true }, pct(t / b)),
            pct(t / br),
          ],
          ["trivial page, anonymous", rate(a), p50(anonymous), pct(a / b), pct(a / br)],
        ],
      ),
    );
  } finally {
    await bareRoutes?.stop();
    await bare?.stop();
    await app.stop();
    sqlite.close();
  }
}

/** A probe every 200 ms while the server runs a full flag sweep: the longest any request waited. */
async function measureSweep(fixture: Fixture) {
  const file = workingCopy(fixture);
  // The first sweep starts 6 s after the server does (FLAG_SWEEP_MINUTES=0.1).
  const app = await startApp(PORTS.probe, file, { FLAG_SWEEP_MINUTES: "0.1" }, true);
  const probes: { at: number; ms: number }[] = [];
  let sweepLine: { ms?: number; longestSliceMs?: number } | null = null;
  let failures = 0;
  const started = performance.now();
  try {
    while (!sweepLine && performance.now() - started < 300_000) {
      const t0 = performance.now();
      try {
        const res = await fetch(`${app.url}/bench/trivial`);
        await res.arrayBuffer();
        if (!res.ok) failures += 1;
      } catch {
        // A reset connection is a failed probe, counted, not the end of the measurement.
        failures += 1;
      }
      probes.push({ at: t0 - started, ms: performance.now() - t0 });
      const line = app.lines.find((l) => l.includes('"flag sweep"'));
      if (line) sweepLine = JSON.parse(line) as { ms?: number; longestSliceMs?: number };
      await sleep(Math.max(0, 200 - (performance.now() - t0)));
    }
  } finally {
    await app.stop();
  }
  const before = probes.filter((p) => p.at < 5_000 && p.at >= 1_000);
  const during = probes.filter((p) => p.at >= 5_000);
  const longest = Math.max(...during.map((p) => p.ms));
  console.log(`\nThe flag sweep at full scale (target: no request waits more than ${TARGETS.sweepWaitMs} ms)\n`);
  if (!sweepLine) console.log("  !! the sweep did not finish within 300 s");
  const p50 = (list: { ms: number }[]) =>
    percentile(
      list.map((p) => p.ms),
      50,
    );
  console.log(
    `  sweep ${sweepLine?.ms !== undefined ? `${(sweepLine.ms / 1000).toFixed(1)} s` : "–"}` +
      `, its longest slice ${ms(sweepLine?.longestSliceMs ?? Number.NaN)}; ` +
      `probe p50 before it ${ms(p50(before))} (${before.length} probes); ` +
      `${during.length} probes while it could run: p50 ${ms(p50(during))}, ` +
      `longest wait ${verdict({ value: longest, limit: TARGETS.sweepWaitMs, atLeast: false }, ms(longest))}` +
      (failures ? `; !! ${failures} probes failed` : ""),
  );
}

const bidForm = (total: number) =>
  new URLSearchParams({
    total: String(total),
    durationDays: "90",
    approach: "Khảo sát, cài đặt phần mềm kế toán, đào tạo nhân viên và hỗ trợ sau triển khai.",
    validityDays: "60",
    "milestones[0].title": "Cài đặt và đào tạo",
    "milestones[0].dueOffsetDays": "60",
    "milestones[0].amount": String(total),
  });

/** 50 connections of reads while vendors post bids through the bid form; every acknowledged bid checked. */
async function measureWrites(fixture: Fixture) {
  const file = workingCopy(fixture);
  const sqlite = openSqlite(file);
  const cookies = await sessions(sqlite, fixture);
  const live = sqlite.prepare(
    "SELECT count(*) FROM bids WHERE need_id = ? AND vendor_id = (SELECT organisation_id FROM users WHERE id = ?) AND status <> 'withdrawn'",
  );
  // Vendors and open needs with no live bid between them, spread over both (each pair once).
  const pairs: { needId: string; userId: string }[] = [];
  const seen = new Set<string>();
  const needCount = fixture.openNeedIds.length;
  for (let k = 0; k < 20_000 && pairs.length < 5_000; k++) {
    const userId = fixture.bidderUserIds[k % fixture.bidderUserIds.length]!;
    const needId = fixture.openNeedIds[(k * 7919) % needCount]!;
    if (seen.has(`${needId} ${userId}`)) continue;
    seen.add(`${needId} ${userId}`);
    if (live.pluck().get(needId, userId) === 0) pairs.push({ needId, userId });
  }
  const bidderCookies = new Map<string, string>();
  for (const userId of fixture.bidderUserIds) {
    bidderCookies.set(userId, await sessionCookie(sqlite, userId));
  }
  const app = await startApp(PORTS.full, file);
  const seconds = PAGE_S;
  const acks: { needId: string; userId: string; ms: number }[] = [];
  const refusals: string[] = [];
  let next = 0;
  try {
    const poster = async (until: number) => {
      while (performance.now() < until && next < pairs.length) {
        const pair = pairs[next++]!;
        const t0 = performance.now();
        try {
          const res = await fetch(`${app.url}/needs/${pair.needId}/bid`, {
            method: "POST",
            redirect: "manual",
            headers: {
              cookie: bidderCookies.get(pair.userId)!,
              origin: app.url,
              "content-type": "application/x-www-form-urlencoded",
            },
            body: bidForm(150_000_000),
          });
          await res.arrayBuffer();
          const location = res.headers.get("location") ?? "";
          if (res.status === 302 && location.includes("notice=bidSubmitted")) {
            acks.push({ ...pair, ms: performance.now() - t0 });
          } else refusals.push(`${res.status} ${location}`);
        } catch (error) {
          const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
          refusals.push(`${String(error)}${cause}`);
        }
      }
    };
    // Both read pages warmed up (a cold server answers its first hundred requests several times
    // slower while the JIT warms up), as in the page measurements.
    await cannon(`${app.url}/vendors?q=phan+mem`, WARMUP_S, null, 25);
    await cannon(`${app.url}/needs`, WARMUP_S, cookies.vendor, 25);
    await sleep(300);
    const until = performance.now() + seconds * 1000;
    const [vendors, needs] = await Promise.all([
      cannon(`${app.url}/vendors?q=phan+mem`, seconds, null, 25),
      cannon(`${app.url}/needs`, seconds, cookies.vendor, 25),
      poster(until),
      poster(until),
    ]);
    const found = acks.filter(
      (a) =>
        sqlite
          .prepare("SELECT count(*) FROM bids WHERE need_id = ? AND submitted_by = ? AND status = 'submitted'")
          .pluck()
          .get(a.needId, a.userId) === 1,
    ).length;
    const ackP99 = percentile(
      acks.map((a) => a.ms),
      99,
    );
    const readP99 = Math.max(vendors.p99, needs.p99);
    const errors = vendors.errors + needs.errors + vendors.non2xx + needs.non2xx + refusals.length;
    console.log(
      `\nUnder load with writes at full scale (50 connections of reads, 2 vendors posting bids, ${seconds} s)\n`,
    );
    console.log(
      table(
        ["what", "req/s", "p50", "p99"],
        [
          ["/vendors?q=phan+mem (25 connections)", rate(vendors.rps), ms(vendors.p50), ms(vendors.p99)],
          ["/needs as a vendor (25 connections)", rate(needs.rps), ms(needs.p50), ms(needs.p99)],
          [
            `bids acknowledged (${acks.length})`,
            (acks.length / seconds).toFixed(1),
            ms(
              percentile(
                acks.map((a) => a.ms),
                50,
              ),
            ),
            ms(ackP99),
          ],
        ],
      ),
    );
    console.log(
      `\n  errors ${verdict({ value: errors, limit: 0, atLeast: false }, String(errors))}` +
        (refusals.length ? ` (bids refused: ${[...new Set(refusals)].slice(0, 3).join("; ")})` : "") +
        `; acknowledged bids in the database ${verdict({ value: acks.length - found, limit: 0, atLeast: false }, `${found} of ${acks.length}`)}` +
        `; read p99 ${verdict({ value: readP99, limit: TARGETS.loadP99Ms, atLeast: false }, ms(readP99))}` +
        `; bid acknowledgement p99 ${verdict({ value: ackP99, limit: TARGETS.loadP99Ms, atLeast: false }, ms(ackP99))}`,
    );
  } finally {
    await app.stop();
    sqlite.close();
  }
}

const started = performance.now();
const fixtures = await benchDatabases(process.env.REBUILD === "1");
for (const f of Object.values(fixtures)) {
  console.log(
    `  ${f.scale}: ${Object.entries(f.counts)
      .map(([t, n]) => `${n} ${t}`)
      .join(", ")}`,
  );
}
ensureAppBuilt();
const wanted = process.env.PAGES?.split(",")
  .map((s) => s.trim())
  .filter(Boolean);
const pages = wanted ? PAGES.filter((p) => wanted.some((w) => p.label === w || p.label.startsWith(`${w} `))) : PAGES;
const parts = new Set(
  (process.env.PARTS ?? (wanted ? "pages" : "pages,floor,sweep,writes")).split(",").map((s) => s.trim()),
);
if (parts.has("pages") && pages.length) printPages(await measurePages(fixtures, pages));
if (parts.has("floor")) await measureFloor(fixtures.full);
if (parts.has("sweep")) await measureSweep(fixtures.full);
if (parts.has("writes")) await measureWrites(fixtures.full);
console.log(`\nDone in ${((performance.now() - started) / 1000 / 60).toFixed(1)} min.`);

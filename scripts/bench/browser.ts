/**
 * `npm run bench:browser`: the browser side of issue 14, on the full-scale benchmark database
 * (built by `npm run bench`, or here when missing). For each key page at 360 px wide in Chromium
 * (/usr/bin/chromium through Playwright): the gzipped JavaScript transferred, the number of
 * JavaScript files and of requests; then Lighthouse 12's mobile performance score for `/`,
 * `/vendors` and a need page. Targets: ≤ 100 KB of gzipped JavaScript per page, Lighthouse ≥ 95.
 * Port 3294 (or BENCH_BROWSER_PORT). BENCH_FIXTURE=<manifest.json> BENCH_DATABASE=<copy.db> measure on
 * an existing copy of a built database instead (its fixture from the manifest; nothing built or
 * copied). Not part of `npm test`.
 */
import { chromium } from "@playwright/test";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import fs from "node:fs";
import { openSqlite } from "../../db/client.server";
import { benchDatabases, type Fixture } from "./build";
import { sessions, workingCopy, type Role } from "./copies";
import { TARGETS, table, verdict } from "./figures";
import { ensureAppBuilt, startApp } from "./servers";

const CHROMIUM = "/usr/bin/chromium";
const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"];

type Page = { label: string; path: (f: Fixture) => string; role: Role; lighthouse: boolean };
const PAGES: Page[] = [
  { label: "/", path: () => "/", role: "none", lighthouse: true },
  { label: "/vendors", path: () => "/vendors", role: "none", lighthouse: true },
  { label: "/vendors/:id", path: (f) => `/vendors/${vendorOrg(f)}`, role: "none", lighthouse: false },
  { label: "/needs/:id (owner)", path: (f) => `/needs/${f.ownerNeedId}`, role: "owner", lighthouse: true },
  { label: "/needs/:id (vendor)", path: (f) => `/needs/${f.openNeedIds[0]}`, role: "vendor", lighthouse: false },
  {
    label: "/needs/:id/bid (vendor)",
    path: (f) => `/needs/${f.openNeedIds[0]}/bid`,
    role: "vendor",
    lighthouse: false,
  },
  { label: "/me (SME)", path: () => "/me", role: "owner", lighthouse: false },
  { label: "/me (vendor)", path: () => "/me", role: "vendor", lighthouse: false },
  { label: "/staff", path: () => "/staff", role: "staff", lighthouse: false },
];

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const PORT = Number(process.env.BENCH_BROWSER_PORT ?? 3294);
const given = process.env.BENCH_FIXTURE && process.env.BENCH_DATABASE;
const full = given
  ? (JSON.parse(fs.readFileSync(process.env.BENCH_FIXTURE!, "utf8")) as { fixtures: { full: Fixture } }).fixtures.full
  : (await benchDatabases(false)).full;
ensureAppBuilt();
const file = given ? process.env.BENCH_DATABASE! : workingCopy(full, "browser");
const sqlite = openSqlite(file);
const cookies = await sessions(sqlite, full);
/** The vendor's own organisation (its public profile). */
const vendorOrg = (f: Fixture) =>
  (sqlite.prepare("SELECT organisation_id AS id FROM users WHERE id = ?").get(f.vendorUserId) as { id: string }).id;
const app = await startApp(PORT, file);
try {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  const rows: string[][] = [];
  for (const page of PAGES) {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 });
    const cookie = cookies[page.role];
    if (cookie) {
      const [name, value] = cookie.split("=") as [string, string];
      await context.addCookies([{ name, value, url: app.url }]);
    }
    const tab = await context.newPage();
    const scripts: Promise<number>[] = [];
    let requests = 0;
    tab.on("requestfinished", (request) => {
      requests += 1;
      if (request.resourceType() === "script") scripts.push(request.sizes().then((s) => s.responseBodySize));
    });
    const res = await tab.goto(app.url + page.path(full), { waitUntil: "networkidle" });
    const js = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);
    rows.push([
      page.label,
      String(res?.status() ?? "–"),
      verdict({ value: js / 1024, limit: TARGETS.jsKb, atLeast: false }, kb(js)),
      String(scripts.length),
      String(requests),
    ]);
    await context.close();
  }
  await browser.close();
  console.log(`\nAt 360 px (target: ≤ ${TARGETS.jsKb} KB of gzipped JavaScript per page)\n`);
  console.log(table(["page", "status", "JavaScript (gzip)", "JS files", "requests"], rows));

  const scores: string[][] = [];
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: [...FLAGS, "--headless=new"] });
  try {
    for (const page of PAGES.filter((p) => p.lighthouse)) {
      const cookie = cookies[page.role];
      const result = await lighthouse(
        app.url + page.path(full),
        {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: ["performance"],
          ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
        },
        undefined,
      );
      const lhr = result?.lhr;
      const score = Math.round((lhr?.categories.performance?.score ?? Number.NaN) * 100);
      const audit = (id: string) => lhr?.audits[id]?.displayValue ?? "–";
      scores.push([
        page.label,
        verdict({ value: score, limit: TARGETS.lighthouse, atLeast: true }, String(score)),
        audit("first-contentful-paint"),
        audit("largest-contentful-paint"),
        audit("total-blocking-time"),
      ]);
    }
  } finally {
    await chrome.kill();
  }
  console.log(`\nLighthouse 12, mobile (target: performance ≥ ${TARGETS.lighthouse})\n`);
  console.log(table(["page", "performance", "FCP", "LCP", "TBT"], scores));
} finally {
  await app.stop();
  sqlite.close();
}

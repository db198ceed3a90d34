import type { APIRequestContext } from "@playwright/test";
import { demoUser, expect, signInAs, test } from "./fixtures";

/**
 * Every HTML page is streamed by React; React 18 pads a chunk with zero bytes when a multi-byte
 * character does not fit at its end (app/utils/html-stream.server.ts). Vietnamese pages cross
 * that boundary often, so this walks the links each role can follow, as the demo accounts see
 * them with the seeded data, and checks every page's bytes.
 */
const START = ["/", "/login", "/register", "/vendors", "/needs", "/me", "/assessment", "/notifications", "/staff"];
const PER_ROLE = 30;

async function crawl(request: APIRequestContext): Promise<string[]> {
  const seen = new Set<string>();
  const queue = [...START];
  const checked: string[] = [];
  while (queue.length && checked.length < PER_ROLE) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const response = await request.get(url, { maxRedirects: 0 });
    if (!(response.headers()["content-type"] ?? "").startsWith("text/html")) continue;
    const body = await response.body();
    expect(body.indexOf(0), `a NUL byte in ${url}`).toBe(-1);
    checked.push(url);
    for (const [, href] of body.toString("utf8").matchAll(/href="(\/[^"#]*)"/g)) {
      const path = href!.replace(/&amp;/g, "&");
      if (!path.startsWith("/build/") && !path.includes("/files/") && !seen.has(path)) queue.push(path);
    }
  }
  return checked;
}

test("no HTML page carries a NUL byte, whoever reads it", async ({ page, request }) => {
  const pages = [...(await crawl(request))];
  for (const email of ["sme@demo.test", "vendor@demo.test", "staff@demo.test", "admin@demo.test"]) {
    await page.context().clearCookies();
    await signInAs(page, await demoUser(email));
    pages.push(...(await crawl(page.request)));
  }
  expect(pages.length).toBeGreaterThan(80);
});

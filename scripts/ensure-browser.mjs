/**
 * Finds a Chromium for the end-to-end tests: CHROMIUM_PATH, else /usr/bin/chromium, else
 * Playwright's own download if one is installed. On Debian, as root, installs the `chromium`
 * package with apt-get when none is found. Exits non-zero, saying why, when it cannot.
 */
import { execSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";

const found = (path) => path && fs.existsSync(path);

/** Where Playwright's own Chromium would be, if `playwright install` ever put it there. */
function playwrightOwn() {
  try {
    return createRequire(import.meta.url)("playwright-core").chromium.executablePath();
  } catch {
    return null;
  }
}

if (found(process.env.CHROMIUM_PATH)) {
  console.log(`Browser: ${process.env.CHROMIUM_PATH} (CHROMIUM_PATH)`);
  process.exit(0);
}
if (found("/usr/bin/chromium")) {
  console.log("Browser: /usr/bin/chromium");
  process.exit(0);
}
const own = playwrightOwn();
if (found(own)) {
  console.log(`Browser: ${own} (Playwright's own)`);
  process.exit(0);
}
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
if (isRoot && fs.existsSync("/usr/bin/apt-get")) {
  console.log("No Chromium found: installing Debian's chromium package…");
  execSync("apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium", { stdio: "inherit" });
  if (found("/usr/bin/chromium")) process.exit(0);
}
console.error(
  "No Chromium found for the end-to-end tests. Set CHROMIUM_PATH, install Debian's `chromium` package, or install Playwright's browser.",
);
process.exit(1);

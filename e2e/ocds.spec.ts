import fs from "node:fs";
import { releasePackageValidator } from "../db/test/ocds-schema";
import { createUser, e2eDb, expect, signInAs, test } from "./fixtures";

test("staff download the programme's record as an OCDS release package", async ({ page }) => {
  const staff = await createUser("staff", { name: "Hồ Thị Kiểm Tra" });
  await signInAs(page, staff);
  await page.goto("/staff/reports");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Tải gói dữ liệu OCDS (JSON)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^ket-noi-so-ocds-\d{4}-\d{2}-\d{2}\.json$/);
  const text = fs.readFileSync((await download.path())!, "utf8");
  const pkg = JSON.parse(text) as { version: string; releases: { ocid: string; tender: { status: string } }[] };
  expect(pkg.version).toBe("1.1");
  expect(pkg.releases.length).toBeGreaterThan(50);
  for (const r of pkg.releases) expect(r.ocid).toMatch(/^ocds-xxxxxx-kns-/);
  const statuses = new Set(pkg.releases.map((r) => r.tender.status));
  for (const status of ["active", "complete", "cancelled"]) expect(statuses).toContain(status);
  const validate = releasePackageValidator();
  expect(validate(pkg), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  // No one's email (the demo accounts' or this journey's) and not the staff member's name.
  for (const s of ["@demo.test", "@e2e.test", staff.name]) expect(text).not.toContain(s);

  const audited = e2eDb().prepare("SELECT action FROM audit_log WHERE actor_id = ?").all(staff.id);
  expect(audited).toEqual([{ action: "ocds_exported" }]);
});

test("SMEs and vendors get 403 for the OCDS download", async ({ page }) => {
  for (const role of ["vendor", "sme"] as const) {
    const user = await createUser(role);
    await page.context().clearCookies();
    await signInAs(page, user);
    const response = await page.goto("/staff/reports/ocds");
    expect(response?.status(), role).toBe(403);
    expect(response?.headers()["content-disposition"]).toBeUndefined();
  }
});

import crypto from "node:crypto";
import { finishedAssessment, createUser, expect, expectAccessible, publishedGuide, signInAs, test } from "./fixtures";

const PILLARS = ["customer", "strategy", "infrastructure", "operations", "culture", "data"];

test("an SME reads a guide its assessment result recommends; guides are searched without diacritics", async ({
  page,
}) => {
  const staff = await createUser("staff");
  const sme = await createUser("sme");
  const marker = crypto.randomUUID().slice(0, 6);
  for (const pillar of PILLARS) await publishedGuide(staff, pillar, `Cẩm nang thử ${pillar} ${marker}`);
  const assessmentId = await finishedAssessment(sme);

  await signInAs(page, sme);
  await page.goto(`/assessment/${assessmentId}`);
  const recommended = page.getByRole("heading", { name: "Cẩm nang nên đọc" }).locator("xpath=following-sibling::ul[1]");
  const first = recommended.getByRole("link").first();
  const guideTitle = (await first.textContent())!.trim();
  await first.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(guideTitle);
  await expect(page.locator(".prose-guide li").first()).toHaveText("Bước một");
  await expectAccessible(page);

  await page.goto(`/resources?q=cam+nang+thu+${marker}`);
  await expect(page.getByText("6 cẩm nang")).toBeVisible();
  await expectAccessible(page);
});

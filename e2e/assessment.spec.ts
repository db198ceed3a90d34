import type { Page } from "@playwright/test";
import { assessmentInProgress, createUser, expect, expectAccessible, signInAs, test } from "./fixtures";

/** Answers every question on the step with its fourth option (3 of 5 points; 15 of 25 for strategy). */
async function answerStep(page: Page) {
  const groups = page.locator("main fieldset");
  const count = await groups.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) await groups.nth(i).getByRole("radio").nth(3).check();
}

test("@nojs an SME starts the assessment, leaves and resumes where it left off with its answers kept", async ({
  page,
}) => {
  const sme = await createUser("sme", { name: "Võ Thị Lan" });
  await signInAs(page, sme);

  await page.goto("/assessment");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tự đánh giá chuyển đổi số");
  await expect(page.getByText("Chưa có lần đánh giá nào hoàn thành.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Bắt đầu đánh giá" }).click();

  // Step 1 of 6: the customer-experience pillar, radio groups in fieldsets with legends.
  await expect(page).toHaveURL(/\/assessment\/take/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Trải nghiệm số cho khách hàng");
  await expect(page.getByText("Bước 1/6")).toBeVisible();
  await expect(page.getByRole("group", { name: /Khách hàng dễ dàng tìm thấy doanh nghiệp trên mạng/ })).toBeVisible();
  await expectAccessible(page);
  for (const [step, pillar] of [
    [1, "Chiến lược chuyển đổi số"],
    [2, "Hạ tầng và công nghệ số"],
  ] as const) {
    await answerStep(page);
    await page.getByRole("button", { name: "Lưu và tiếp tục →" }).click();
    await expect(page.getByText(`Bước ${step + 1}/6`)).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(pillar);
  }

  // Leave, come back: the assessment resumes at step 3 with the earlier answers kept.
  await page.goto("/");
  await page.goto("/assessment");
  await expect(page.getByText("Bạn đang ở bước 3/6")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Tiếp tục đánh giá" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hạ tầng và công nghệ số");
  await page.getByRole("link", { name: "← Bước trước" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Chiến lược chuyển đổi số");
  await expect(page.locator("main fieldset").first().getByRole("radio").nth(3)).toBeChecked();
  await page.goto("/assessment/take");
  await expect(page.getByText("Bước 3/6")).toBeVisible();
});

test("@nojs an SME finishes the assessment and sees its level, the chart, the recommendations and its history", async ({
  page,
}) => {
  const sme = await createUser("sme", { name: "Võ Thị Lan" });
  await assessmentInProgress(sme, 3);
  await signInAs(page, sme);

  await page.goto("/assessment/take");
  for (const [step, pillar] of [
    [4, "Hoạt động kinh doanh và vận hành"],
    [5, "Văn hóa doanh nghiệp số"],
  ] as const) {
    await expect(page.getByText(`Bước ${step}/6`)).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(pillar);
    await answerStep(page);
    await page.getByRole("button", { name: "Lưu và tiếp tục →" }).click();
  }
  await expect(page.getByText("Bước 6/6")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dữ liệu và tài sản thông tin");
  await answerStep(page);
  await page.getByRole("button", { name: "Lưu và xem kết quả" }).click();

  // 60% everywhere: every pillar at level 3, 192 points, overall level 3.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kết quả tự đánh giá");
  await expect(page.getByText("Mức 3: Hình thành", { exact: true })).toBeVisible();
  await expect(page.getByText("Tổng điểm: 192/320")).toBeVisible();
  await expect(page.getByRole("img", { name: "Biểu đồ mức độ của sáu trụ cột, từ 0 đến 5" })).toBeVisible();
  const table = page.getByRole("table", { name: "Điểm và mức độ theo từng trụ cột" });
  await expect(table.getByRole("row", { name: /Chiến lược 15\/25 3 · Hình thành/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Tư vấn chuyển đổi số", exact: true }).first()).toHaveAttribute(
    "href",
    /\/vendors\?category=(dx_consulting)/,
  );
  await expectAccessible(page);

  await page.getByRole("link", { name: "← Tự đánh giá chuyển đổi số" }).click();
  await expect(page.getByRole("heading", { name: "Các lần đánh giá" })).toBeVisible();
  await expect(page.getByRole("row", { name: /3 · Hình thành 192\/320/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Đánh giá lại" })).toBeVisible();
  await expectAccessible(page);
});

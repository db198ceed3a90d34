import type { Page } from "@playwright/test";
import {
  assessmentInProgress,
  completedAssessment,
  createUser,
  expect,
  expectAccessible,
  signInAs,
  test,
} from "./fixtures";

const DAY = 24 * 60 * 60 * 1000;

/** Answers every question on the page with its fourth option (3 of 5 points; 15 of 25 for strategy). */
async function answerPage(page: Page, skip: number[] = []) {
  const groups = page.locator("main fieldset");
  const count = await groups.count();
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThanOrEqual(5);
  for (let i = 0; i < count; i++) if (!skip.includes(i)) await groups.nth(i).getByRole("radio").nth(3).check();
}

test("@nojs an SME starts the assessment and answers a few questions a page, with progress by question", async ({
  page,
}) => {
  const sme = await createUser("sme", { name: "Võ Thị Lan" });
  await signInAs(page, sme);

  await page.goto("/assessment");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tự đánh giá chuyển đổi số");
  await expect(page.getByText("60 câu hỏi trong 6 trụ cột, khoảng 12 phút.", { exact: false })).toBeVisible();
  await expect(page.getByText("Chưa có lần đánh giá nào hoàn thành.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Bắt đầu đánh giá" }).click();

  // Page 1: the first sub-index of the customer pillar, four questions, progress by question.
  await expect(page).toHaveURL(/\/assessment\/take/);
  await expect(page.getByText("Trụ cột 1/6")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Trải nghiệm số cho khách hàng");
  await expect(page.getByRole("heading", { level: 2, name: "Có mặt và bán hàng trên mạng" })).toBeVisible();
  await expect(page.getByText("Câu 1–4/60 · khoảng 12 phút nữa")).toBeVisible();
  await expect(page.locator("main fieldset")).toHaveCount(4);
  await expect(page.getByRole("group", { name: /Khách hàng dễ dàng tìm thấy doanh nghiệp trên mạng/ })).toBeVisible();
  await expectAccessible(page);
  await answerPage(page);
  await page.getByRole("button", { name: "Lưu và tiếp tục →" }).click();
  await expect(page.getByText("Câu 5–9/60 · khoảng 11 phút nữa")).toBeVisible();
  await expect(page.locator("main fieldset")).toHaveCount(5);
  await answerPage(page);
  await page.getByRole("button", { name: "Lưu và tiếp tục →" }).click();
  await expect(page.getByText("Câu 10–13/60")).toBeVisible();
});

test("@nojs an SME who left the assessment resumes where it left off with its answers kept", async ({ page }) => {
  const sme = await createUser("sme", { name: "Võ Thị Lan" });
  await assessmentInProgress(sme, 2);
  await signInAs(page, sme);

  // The assessment resumes on page 3 with the earlier answers kept.
  await page.goto("/assessment");
  await expect(page.getByText("Bạn đã trả lời 9/60 câu, còn khoảng 10 phút.", { exact: false })).toBeVisible();
  await expectAccessible(page, { state: "draft" });
  await page.getByRole("link", { name: "Tiếp tục đánh giá" }).click();
  await expect(page.getByText("Câu 10–13/60")).toBeVisible();
  await page.getByRole("link", { name: "← Trang trước" }).click();
  await expect(page.getByText("Câu 5–9/60")).toBeVisible();
  await expect(page.locator("main fieldset").first().getByRole("radio").nth(3)).toBeChecked();
  await page.goto("/assessment/take");
  await expect(page.getByText("Câu 10–13/60")).toBeVisible();
});

test("@nojs a page with a question left unanswered is refused with a summary whose link goes to that question", async ({
  page,
}) => {
  const sme = await createUser("sme", { name: "Võ Thị Lan" });
  await assessmentInProgress(sme, 3);
  await signInAs(page, sme);

  await page.goto("/assessment/take");
  // The strategy pillar is one question: "Câu 14/60 · khoảng 9 phút nữa".
  await expect(page.getByText("Trụ cột 2/6")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Chiến lược chuyển đổi số");
  await expect(page.getByText("Câu 14/60 · khoảng 9 phút nữa")).toBeVisible();
  await answerPage(page);
  await page.getByRole("button", { name: "Lưu và tiếp tục →" }).click();

  await expect(page.getByText("Câu 15–18/60")).toBeVisible();
  await answerPage(page, [1]);
  await page.getByRole("button", { name: "Lưu và tiếp tục →" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "Có lỗi cần sửa trước khi gửi" });
  await expect(summary).toBeVisible();
  const link = summary.getByRole("link", { name: /^Câu 16\. Kết nối Internet/ });
  await expect(link).toHaveCount(1);
  await expect(summary.getByRole("link")).toHaveCount(1);
  await expect(page.getByText("Câu 15–18/60")).toBeVisible(); // still on the same page, answers kept
  await expect(page.locator("main fieldset").first().getByRole("radio").nth(3)).toBeChecked();
  await expectAccessible(page, { state: "refused" });
  await link.click();
  const question = page.getByRole("group", { name: /Kết nối Internet/ });
  await expect(question.getByRole("radio").first()).toBeFocused();
});

test("@nojs an SME finishes the assessment and sees its level, the chart and recommendation cards", async ({
  page,
}) => {
  const sme = await createUser("sme", { name: "Võ Thị Lan" });
  await assessmentInProgress(sme, 14);
  await signInAs(page, sme);

  await page.goto("/assessment/take");
  await expect(page.getByText("Trụ cột 6/6")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dữ liệu và tài sản thông tin");
  await expect(page.getByText("Câu 58–60/60 · khoảng 1 phút nữa")).toBeVisible();
  await answerPage(page);
  await page.getByRole("button", { name: "Lưu và xem kết quả" }).click();

  // 60% everywhere: every pillar at level 3, 192 points, overall level 3; no earlier result to compare.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kết quả tự đánh giá");
  await expect(page.getByText("Mức 3: Hình thành", { exact: true })).toBeVisible();
  await expect(page.getByText("Tổng điểm: 192/320")).toBeVisible();
  await expect(page.getByTestId("change")).toHaveCount(0);
  await expect(page.getByRole("img", { name: "Biểu đồ mức độ của 6 trụ cột, từ 0 đến 5" })).toBeVisible();
  const table = page.getByRole("table", { name: "Điểm và mức độ theo từng trụ cột" });
  await expect(table.getByRole("row", { name: /Chiến lược chuyển đổi số .*15\/25 3 Hình thành/ })).toBeVisible();
  await expect(table.getByText("Có kế hoạch, ngân sách và người phụ trách.")).toBeVisible();
  await expectAccessible(page);

  // Recommendations: a card per weak pillar, categories with why they help and a "post a need" link.
  const consulting = page.getByRole("article", { name: "Tư vấn chuyển đổi số" });
  await expect(consulting.getByText("Một chuyên gia giúp đặt mục tiêu")).toBeVisible();
  await consulting.getByRole("link", { name: "Đăng nhu cầu loại này: Tư vấn chuyển đổi số" }).click();
  await expect(page).toHaveURL(/\/needs\/new\?category=dx_consulting$/);
  await expect(page.getByLabel("Loại giải pháp")).toHaveValue("dx_consulting");

  await page.goto("/assessment");
  await expect(page.getByRole("row", { name: /3 · Hình thành 192\/320/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Đánh giá lại" })).toBeVisible();
});

test("@nojs the result of a second assessment shows the change since the first", async ({ page }) => {
  const sme = await createUser("sme", { name: "Võ Thị Lan" });
  await completedAssessment(sme, 1, Date.now() - 200 * DAY);
  await completedAssessment(sme, 3, Date.now() - DAY);
  await signInAs(page, sme);

  await page.goto("/assessment");
  await page.getByRole("link", { name: "Xem kết quả" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kết quả tự đánh giá");
  const change = page.getByTestId("change");
  await expect(change).toContainText("So với lần đánh giá ngày");
  await expect(change).toContainText("+128 điểm · Mức 1 → Mức 3");
  // Two polygons with a legend, and the earlier level beside each pillar in the table.
  const chart = page.getByRole("figure");
  await expect(chart.getByText("Lần này")).toBeVisible();
  await expect(chart.getByText(/^Lần trước \(\d\d\/\d\d\/\d{4}\)$/)).toBeVisible();
  const table = page.getByRole("table", { name: "Điểm và mức độ theo từng trụ cột" });
  await expect(table.getByRole("columnheader", { name: "Lần trước" })).toBeVisible();
  await expect(table.getByRole("row", { name: /Chiến lược chuyển đổi số .*15\/25 1 3 Hình thành/ })).toBeVisible();
  await expectAccessible(page, { state: "change" });
});

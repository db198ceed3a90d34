import crypto from "node:crypto";
import { createUser, e2eDb, expect, expectAccessible, publishedEvent, registered, signInAs, test } from "./fixtures";

const localDate = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);

test("staff publish an event of one seat; the SME's cancellation moves the waiting vendor up, who is told", async ({
  page,
  browser,
}) => {
  const staff = await createUser("staff");
  const sme = await createUser("sme", { name: "Đặng Thu Hà" });
  const vendor = await createUser("vendor", { name: "Hồ Văn Tín" });
  const title = `Hội thảo hóa đơn điện tử ${crypto.randomUUID().slice(0, 6)}`;

  await signInAs(page, staff);
  await page.goto("/staff/events/new");
  await expectAccessible(page);
  const inAWeek = Date.now() + 7 * 86_400_000;
  await page.getByLabel("Loại sự kiện").selectOption("workshop");
  await page.getByLabel("Đơn vị tổ chức").selectOption("HCA");
  await page.getByLabel("Tên sự kiện").fill(title);
  await page.getByLabel("Nội dung").fill("Thực hành lập hóa đơn điện tử.");
  await page.getByLabel("Đối tượng").selectOption("everyone");
  await page.getByLabel("Ngày bắt đầu").fill(localDate(inAWeek));
  await page.getByLabel("Giờ bắt đầu").fill("09:00");
  await page.getByLabel("Ngày kết thúc").fill(localDate(inAWeek));
  await page.getByLabel("Giờ kết thúc").fill("11:30");
  await page.getByLabel("Hạn đăng ký (ngày)").fill(localDate(inAWeek - 86_400_000));
  await page.getByLabel("Hạn đăng ký (giờ)").fill("17:00");
  await page.getByLabel("Số nhà, đường").fill("86 Lê Thánh Tôn");
  await page.getByLabel("Phường/xã").fill("Phường Sài Gòn");
  await page.getByLabel("Tỉnh/thành phố").fill("TP. Hồ Chí Minh");
  await page.getByLabel("Số chỗ").fill("1");
  await page.getByRole("button", { name: "Công bố ngay" }).click();
  await expect(page.getByText("Sự kiện đã được công bố.")).toBeVisible();
  const eventId = page.url().match(/\/staff\/events\/([^/?#]+)/)![1]!;

  const smeContext = await browser.newContext();
  const smePage = await smeContext.newPage();
  await signInAs(smePage, sme);
  await smePage.goto("/events");
  await smePage.getByRole("link", { name: title }).click();
  await expectAccessible(smePage);
  await smePage.getByRole("button", { name: "Đăng ký tham dự" }).click();
  await expect(smePage.getByText("Đăng ký thành công.", { exact: false })).toBeVisible();
  await expect(smePage.getByRole("img", { name: "Mã QR điểm danh của bạn" })).toBeVisible();
  await expect(smePage.getByRole("link", { name: "Thêm vào lịch (.ics)" })).toBeVisible();

  const vendorContext = await browser.newContext();
  const vendorPage = await vendorContext.newPage();
  await signInAs(vendorPage, vendor);
  await vendorPage.goto(`/events/${eventId}`);
  await vendorPage.getByRole("button", { name: "Vào danh sách chờ" }).click();
  await expect(vendorPage.getByText("Bạn đang ở vị trí 1 trong danh sách chờ", { exact: false })).toBeVisible();

  await smePage.getByRole("button", { name: "Hủy đăng ký" }).click();
  await expect(smePage.getByText("Đã hủy đăng ký của bạn.")).toBeVisible();

  await vendorPage.goto("/notifications");
  await expect(vendorPage.getByText(`Đã có chỗ cho bạn tại “${title}”`, { exact: false })).toBeVisible();
  await vendorPage.goto(`/events/${eventId}`);
  await expect(vendorPage.getByText("Bạn đã đăng ký.", { exact: false })).toBeVisible();
  const mail = e2eDb()
    .prepare(`SELECT attachments FROM outbox WHERE "to" = ? ORDER BY id DESC LIMIT 1`)
    .get(vendor.email) as { attachments: string };
  expect(mail.attachments).toContain("BEGIN:VCALENDAR");

  await smeContext.close();
  await vendorContext.close();
});

test("@nojs staff mark attendance on the list without JavaScript", async ({ page }) => {
  const staff = await createUser("staff");
  const sme = await createUser("sme", { name: "Lý Minh Châu" });
  const eventId = await publishedEvent(staff, {
    title: `Khóa học kế toán ${crypto.randomUUID().slice(0, 6)}`,
    startsInHours: 2,
  });
  await registered(eventId, sme);

  await signInAs(page, staff);
  await page.goto(`/staff/events/${eventId}`);
  await expectAccessible(page);
  await page.getByRole("button", { name: `Có mặt: ${sme.name}` }).click();
  await expect(page.getByText("Đã ghi nhận có mặt.")).toBeVisible();
  await expect(page.getByText("1 người có mặt", { exact: false })).toBeVisible();
  await expect(page.getByRole("button", { name: `Bỏ ghi nhận: ${sme.name}` })).toBeVisible();
});

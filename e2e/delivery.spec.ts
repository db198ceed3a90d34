import {
  acceptMilestone,
  createEngagement,
  createUser,
  deliverMilestone,
  e2eDb,
  expect,
  expectAccessible,
  signInAs,
  test,
} from "./fixtures";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

test("a vendor delivers with a file, the SME sends it back, then accepts the second delivery; strangers cannot open the file", async ({
  browser,
}) => {
  const sme = await createUser("sme", { name: "Đinh Thị Mận", organisation: "Công ty TNHH Bánh Kẹo Mận Hảo" });
  const vendor = await createUser("vendor", {
    name: "Kiều Văn Lộc",
    organisation: "Công ty Cổ phần Phần mềm Lộc Phát Tài",
  });
  const engagementId = await createEngagement(sme, vendor, "Phần mềm bán hàng cho tiệm bánh");
  const url = `/engagements/${engagementId}`;

  const v = await (await browser.newContext()).newPage();
  await signInAs(v, vendor);
  await v.goto(url);
  await expectAccessible(v);
  const first = v.getByRole("listitem").filter({ hasText: "1. Lắp đặt và cấu hình" });
  await first.getByText("Bàn giao mốc này").click();
  await first.getByLabel("Ghi chú bàn giao").fill("Đã lắp máy POS tại quầy và cấu hình thực đơn.");
  await first
    .getByLabel(/Tệp đính kèm/)
    .setInputFiles({ name: "bien-ban-lap-dat.pdf", mimeType: "application/pdf", buffer: PDF });
  await first.getByRole("button", { name: "Gửi bàn giao" }).click();
  await expect(v.getByText("Đã gửi bàn giao.")).toBeVisible();
  const fileLink = v.getByRole("link", { name: "bien-ban-lap-dat.pdf" });
  await expect(fileLink).toBeVisible();
  const fileUrl = (await fileLink.getAttribute("href"))!;

  const s = await (await browser.newContext()).newPage();
  await signInAs(s, sme);
  await s.goto(url);
  await expectAccessible(s);
  await expect(s.getByText("Doanh nghiệp còn 14 ngày để nghiệm thu.")).toBeVisible();
  expect((await s.request.get(fileUrl)).status()).toBe(200);
  const sFirst = s.getByRole("listitem").filter({ hasText: "1. Lắp đặt và cấu hình" });
  await sFirst.getByText("Yêu cầu chỉnh sửa", { exact: true }).click();
  await sFirst.getByLabel("Cần chỉnh sửa gì").fill("Máy in bếp chưa in được order.");
  await sFirst.getByRole("button", { name: "Gửi yêu cầu chỉnh sửa" }).click();
  await expect(s.getByText("Đã ghi nhận quyết định nghiệm thu.")).toBeVisible();

  await v.reload();
  await expect(v.getByText("Yêu cầu chỉnh sửa: Máy in bếp chưa in được order.")).toBeVisible();
  const again = v.getByRole("listitem").filter({ hasText: "1. Lắp đặt và cấu hình" });
  await again.getByText("Bàn giao lại").click();
  await again.getByLabel("Ghi chú bàn giao").fill("Đã cấu hình máy in bếp.");
  await again.getByRole("button", { name: "Gửi bàn giao" }).click();
  await expect(v.getByText("Đã gửi bàn giao.")).toBeVisible();

  await s.reload();
  await s
    .getByRole("listitem")
    .filter({ hasText: "1. Lắp đặt và cấu hình" })
    .getByRole("button", { name: "Nghiệm thu" })
    .click();
  await expect(s.getByText("Đã ghi nhận quyết định nghiệm thu.")).toBeVisible();
  await expect(
    s
      .getByRole("listitem")
      .filter({ hasText: "1. Lắp đặt và cấu hình" })
      .getByText("Đã nghiệm thu", { exact: true })
      .first(),
  ).toBeVisible();

  // Someone who is not a party cannot download the attachment, nor open the engagement.
  const stranger = await createUser("vendor");
  const other = await (await browser.newContext()).newPage();
  await signInAs(other, stranger);
  expect((await other.request.get(fileUrl)).status()).toBe(404);
  expect((await other.request.get(url)).status()).toBe(404);
});

test("accepting the last milestone completes the engagement; both sides review and the profile shows it", async ({
  browser,
}) => {
  const sme = await createUser("sme", { name: "Đinh Thị Mận", organisation: "Công ty TNHH Bánh Kẹo Mận Hảo" });
  const vendor = await createUser("vendor", {
    name: "Kiều Văn Lộc",
    organisation: "Công ty Cổ phần Phần mềm Lộc Phát Tài",
  });
  const engagementId = await createEngagement(sme, vendor, "Phần mềm bán hàng cho tiệm bánh");
  await deliverMilestone(vendor, engagementId, 0, "Đã lắp máy POS và máy in bếp.");
  await acceptMilestone(sme, engagementId, 0);
  await deliverMilestone(vendor, engagementId, 1, "Đã đào tạo 6 nhân viên.");
  const url = `/engagements/${engagementId}`;

  const s = await (await browser.newContext()).newPage();
  await signInAs(s, sme);
  await s.goto(url);
  await s
    .getByRole("listitem")
    .filter({ hasText: "2. Đào tạo và nghiệm thu" })
    .getByRole("button", { name: "Nghiệm thu" })
    .click();
  await expect(s.getByText("Hoàn thành", { exact: true })).toBeVisible();
  await expect(s.getByText("Hãy làm lại bài tự đánh giá")).toBeVisible();

  // The SME reviews; the vendor answers once and rates the SME privately.
  for (const [group, value] of [
    ["Chất lượng", "5"],
    ["Đúng tiến độ", "4"],
    ["Xứng đáng chi phí", "5"],
    ["Giao tiếp", "4"],
  ] as const) {
    await s.getByRole("group", { name: group }).getByLabel(value, { exact: true }).check();
  }
  await s.getByLabel(/Bạn có giới thiệu/).selectOption("9");
  await s.getByLabel("Nhận xét").fill("Lắp đặt nhanh, sửa lỗi máy in kịp thời, nhân viên dễ dùng.");
  await expectAccessible(s, { state: "completed" });
  await s.getByRole("button", { name: "Gửi đánh giá" }).click();
  await expect(s.getByText("Cảm ơn bạn đã đánh giá.")).toBeVisible();

  const v = await (await browser.newContext()).newPage();
  await signInAs(v, vendor);
  await v.goto(url);
  await v.getByLabel("Phản hồi đánh giá (một lần)").fill("Cảm ơn tiệm bánh đã tin tưởng!");
  await expectAccessible(v, { state: "completed" });
  await v.getByRole("button", { name: "Đăng phản hồi" }).click();
  await expect(v.getByText("Đã đăng phản hồi.")).toBeVisible();
  await v.getByLabel("Điểm (1–5)").selectOption("5");
  await v.getByRole("button", { name: "Gửi đánh giá riêng" }).click();
  await expect(v.getByText("Bạn đã đánh giá doanh nghiệp 5/5")).toBeVisible();

  // The verified review is on the public profile, with the track record computed from the data.
  const anon = await (await browser.newContext()).newPage();
  await anon.goto(`/vendors/${vendor.organisationId}`);
  await expect(anon.getByText("Lắp đặt nhanh, sửa lỗi máy in kịp thời, nhân viên dễ dùng.")).toBeVisible();
  await expect(anon.getByText("Cảm ơn tiệm bánh đã tin tưởng!")).toBeVisible();
  await expect(anon.getByText("★ 4,5 (1 đánh giá)")).toBeVisible();
  await expectAccessible(anon);
});

test("a file that is not what its name says is refused next to the form", async ({ page }) => {
  const sme = await createUser("sme");
  const vendor = await createUser("vendor");
  const engagementId = await createEngagement(sme, vendor, "Kiểm tra tệp đính kèm");
  await signInAs(page, vendor);
  await page.goto(`/engagements/${engagementId}`);
  const first = page.getByRole("listitem").filter({ hasText: "1. Lắp đặt và cấu hình" });
  await first.getByText("Bàn giao mốc này").click();
  await first.getByLabel("Ghi chú bàn giao").fill("Bàn giao");
  await first
    .getByLabel(/Tệp đính kèm/)
    .setInputFiles({ name: "hoa-don.pdf", mimeType: "application/pdf", buffer: Buffer.from("MZ fake executable") });
  await first.getByRole("button", { name: "Gửi bàn giao" }).click();
  await expect(page.getByText(/Tệp không đúng loại cho phép/).last()).toBeVisible();
});

test("@nojs with or without JavaScript, a refused delivery keeps what was typed with the error next to its field, and a decision someone made first says so", async ({
  browser,
}) => {
  const sme = await createUser("sme");
  const vendor = await createUser("vendor");
  const engagementId = await createEngagement(sme, vendor, "Bàn giao không cần JavaScript");
  const url = `/engagements/${engagementId}`;

  const v = await (await browser.newContext()).newPage();
  await signInAs(v, vendor);
  await v.goto(url);
  const first = v.getByRole("listitem").filter({ hasText: "1. Lắp đặt và cấu hình" });
  await first.getByText("Bàn giao mốc này").click();
  await first.getByLabel("Ghi chú bàn giao").fill("Đã lắp đặt máy chủ.");
  await first.getByLabel(/Đường dẫn/).fill("khong-phai-dia-chi");
  await first.getByRole("button", { name: "Gửi bàn giao" }).click();
  // Refused (by the server without JavaScript): the form is open, the note kept, the error under the link.
  const again = v.getByRole("listitem").filter({ hasText: "1. Lắp đặt và cấu hình" });
  await expect(again.getByLabel("Ghi chú bàn giao")).toHaveValue("Đã lắp đặt máy chủ.");
  await expect(again.getByLabel(/Đường dẫn/)).toHaveAccessibleDescription(/Địa chỉ website chưa đúng/);
  await again.getByLabel(/Đường dẫn/).fill("https://nhacungcap.vn/ban-giao");
  await again.getByRole("button", { name: "Gửi bàn giao" }).click();
  await expect(v.getByText("Đã gửi bàn giao.")).toBeVisible();

  // The SME opens the page; before they decide, a colleague accepts the milestone.
  const s = await (await browser.newContext()).newPage();
  await signInAs(s, sme);
  await s.goto(url);
  await expectAccessible(s);
  e2eDb()
    .prepare(
      "UPDATE engagement_milestones SET status = 'accepted', accepted_at = ? WHERE engagement_id = ? AND position = 0",
    )
    .run(Date.now(), engagementId);
  const sFirst = s.getByRole("listitem").filter({ hasText: "1. Lắp đặt và cấu hình" });
  await sFirst.getByText("Yêu cầu chỉnh sửa", { exact: true }).click();
  await sFirst.getByLabel("Cần chỉnh sửa gì").fill("Thiếu tài liệu hướng dẫn.");
  await sFirst.getByRole("button", { name: "Gửi yêu cầu chỉnh sửa" }).click();
  await expect(s.getByText("Người khác vừa thay đổi mục này trước bạn.", { exact: false })).toBeVisible();
  await expect(sFirst.getByText("Đã nghiệm thu", { exact: true })).toBeVisible();
  await expect(sFirst.getByLabel("Cần chỉnh sửa gì")).toHaveCount(0);
});

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createEngagement, createUser } from "../../db/test/factories";
import { getAttachmentForViewer } from "./attachments.server";
import { as } from "./engagement-test-kit";
import { engagementView } from "./engagement-view.server";
import { submitMilestone } from "./milestones.server";

const PDF = { name: "bien-ban.pdf", bytes: new TextEncoder().encode("%PDF-1.4 test") };

beforeAll(() => {
  process.env.UPLOADS_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "kns-uploads-"));
});

async function delivered(file: { name: string; bytes: Uint8Array }) {
  const eng = createEngagement();
  expect(
    await submitMilestone(as(eng.vendor, "vendor"), eng.engagementId, eng.milestoneIds[0]!, {
      note: "x",
      files: [file],
    }),
  ).toEqual({ ok: true });
  const fileId = engagementView(eng.engagementId, as(eng.sme, "sme")).files[0]!.id;
  return { ...eng, fileId };
}

describe("attachments", () => {
  it("serves an attachment to the parties and staff only", async () => {
    const { engagementId, sme, vendor, fileId } = await delivered(PDF);
    expect(getAttachmentForViewer(engagementId, fileId, as(sme, "sme")).mimeType).toBe("application/pdf");
    expect(getAttachmentForViewer(engagementId, fileId, as(vendor, "vendor")).mimeType).toBe("application/pdf");
    const staff = createUser({ role: "staff" });
    expect(getAttachmentForViewer(engagementId, fileId, as(staff, "staff")).fileName).toBe("bien-ban.pdf");
    for (const stranger of [as(createUser({ role: "vendor" }), "vendor"), as(createUser({ role: "sme" }), "sme")]) {
      const refusal = (() => {
        try {
          getAttachmentForViewer(engagementId, fileId, stranger);
        } catch (e) {
          return e;
        }
      })();
      expect(refusal).toBeInstanceOf(Response);
      expect((refusal as Response).status).toBe(404);
    }
  });

  it("stores and serves a file by its detected type: HTML named page.html that starts with %PDF- is page.pdf", async () => {
    const html = new TextEncoder().encode("%PDF-1.4\n<html><script>alert(document.cookie)</script></html>");
    const { engagementId, sme, fileId } = await delivered({ name: "page.html", bytes: html });
    const a = getAttachmentForViewer(engagementId, fileId, as(sme, "sme"));
    // Shown to people under the name they gave it…
    expect(a.fileName).toBe("page.html");
    // …stored and downloaded with the extension of what it is.
    expect(path.extname(a.file)).toBe(".pdf");
    expect(fs.readFileSync(a.file)).toEqual(Buffer.from(html));
    expect(a.downloadName).toBe("page.pdf");
    expect(a.headers).toEqual({
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="page.pdf"; filename*=UTF-8''page.pdf`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    });
  });

  it("sends a Vietnamese name as ASCII and exactly in filename*", async () => {
    const { engagementId, vendor, fileId } = await delivered({
      name: "Biên bản nghiệm thu (đợt 1).PDF",
      bytes: PDF.bytes,
    });
    const a = getAttachmentForViewer(engagementId, fileId, as(vendor, "vendor"));
    expect(a.headers["Content-Disposition"]).toBe(
      `attachment; filename="Bien ban nghiem thu _dot 1_.pdf"; filename*=UTF-8''${encodeURIComponent(
        "Biên bản nghiệm thu ",
      )}%28${encodeURIComponent("đợt")}%201%29.pdf`,
    );
  });
});

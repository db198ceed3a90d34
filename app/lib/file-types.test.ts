import { describe, expect, it } from "vitest";
import { asciiFileName, attachmentDisposition, downloadName, safeFileName, sniffFileType } from "./file-types";

const bytes = (...b: number[]) => new Uint8Array([...b, ...new Array(16).fill(0)]);

describe("file types by content", () => {
  it("recognises PDF and images whatever their name", () => {
    expect(sniffFileType(new TextEncoder().encode("%PDF-1.7 ..."), "report.txt")).toEqual({
      mime: "application/pdf",
      ext: "pdf",
    });
    expect(sniffFileType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), "a.pdf")?.mime).toBe("image/png");
    expect(sniffFileType(bytes(0xff, 0xd8, 0xff, 0xe0), "photo")?.mime).toBe("image/jpeg");
  });

  it("accepts office documents only when the content is a ZIP or OLE file of that kind", () => {
    const zip = bytes(0x50, 0x4b, 0x03, 0x04);
    expect(sniffFileType(zip, "Biên bản.docx")?.ext).toBe("docx");
    expect(sniffFileType(zip, "bang-tinh.XLSX")?.ext).toBe("xlsx");
    expect(sniffFileType(zip, "archive.zip")).toBeNull();
    expect(sniffFileType(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), "old.doc")?.mime).toBe(
      "application/msword",
    );
  });

  it("refuses a script or executable renamed to .pdf", () => {
    expect(sniffFileType(new TextEncoder().encode("<script>alert(1)</script>"), "invoice.pdf")).toBeNull();
    expect(sniffFileType(bytes(0x4d, 0x5a), "report.pdf")).toBeNull();
  });

  it("strips paths and quotes from names it sends back", () => {
    expect(safeFileName('..\\..\\evil"name.pdf')).toBe("evilname.pdf");
    expect(safeFileName("a/b/Bàn giao.pdf")).toBe("Bàn giao.pdf");
  });
});

describe("download names", () => {
  it("take the extension of the detected type, never the uploader's", () => {
    expect(downloadName("page.html", "application/pdf")).toBe("page.pdf");
    expect(downloadName("anh.exe.png", "image/jpeg")).toBe("anh.exe.jpg");
    expect(downloadName("Báo cáo", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")).toBe(
      "Báo cáo.docx",
    );
    expect(downloadName(".pdf", "application/pdf")).toBe("file.pdf");
  });

  it("are sent as an attachment with an ASCII fallback and the exact name in filename*", () => {
    expect(attachmentDisposition("Hợp đồng 'mới'.pdf")).toBe(
      `attachment; filename="Hop dong _moi_.pdf"; filename*=UTF-8''H%E1%BB%A3p%20%C4%91%E1%BB%93ng%20%27m%E1%BB%9Bi%27.pdf`,
    );
    expect(asciiFileName('a"b\\c.pdf')).toBe("a_b_c.pdf");
  });
});

/**
 * What an uploaded file really is, read from its first bytes (not its name): PDF, images and
 * office documents are accepted (issue: engagements). Office Open XML files are ZIP archives, so
 * for those the name's extension decides between Word, Excel and PowerPoint.
 */

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_FILES = 5;

export type SniffedType = { mime: string; ext: string };

const starts = (b: Uint8Array, sig: number[], offset = 0) => sig.every((v, i) => b[offset + i] === v);

const OOXML: Record<string, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
};
const OLE: Record<string, string> = {
  doc: "application/msword",
  xls: "application/vnd.ms-excel",
  ppt: "application/vnd.ms-powerpoint",
};

export function extensionOf(name: string): string {
  const m = /\.([a-z0-9]+)$/i.exec(name.trim());
  return m ? m[1]!.toLowerCase() : "";
}

export function sniffFileType(bytes: Uint8Array, name: string): SniffedType | null {
  const ext = extensionOf(name);
  if (starts(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { mime: "application/pdf", ext: "pdf" }; // %PDF-
  if (starts(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mime: "image/png", ext: "png" };
  if (starts(bytes, [0xff, 0xd8, 0xff])) return { mime: "image/jpeg", ext: "jpg" };
  if (starts(bytes, [0x47, 0x49, 0x46, 0x38])) return { mime: "image/gif", ext: "gif" };
  if (starts(bytes, [0x52, 0x49, 0x46, 0x46]) && starts(bytes, [0x57, 0x45, 0x42, 0x50], 8)) {
    return { mime: "image/webp", ext: "webp" };
  }
  if (starts(bytes, [0x50, 0x4b, 0x03, 0x04]) && OOXML[ext]) return { mime: OOXML[ext]!, ext };
  if (starts(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) && OLE[ext]) return { mime: OLE[ext]!, ext };
  return null;
}

/** A file name safe to send back in Content-Disposition: no path, no control characters. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "file";
  const printable = [...base].filter((c) => c.charCodeAt(0) >= 32 && c !== '"').join("");
  return printable.slice(0, 150) || "file";
}

const EXTENSION_OF_MIME: Record<string, string> = {
  "application/pdf": "pdf",
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/gif": "gif",
  "image/webp": "webp",
  ...Object.fromEntries(Object.entries(OOXML).map(([ext, mime]) => [mime, ext])),
  ...Object.fromEntries(Object.entries(OLE).map(([ext, mime]) => [mime, ext])),
};

/** The extension a detected type is stored and served under ("pdf" for application/pdf). */
export function extensionOfMime(mime: string): string {
  return EXTENSION_OF_MIME[mime] ?? "bin";
}

/**
 * The name a download is saved under: the uploader's name without its own extension, then the
 * extension of the detected type. `page.html` holding a PDF downloads as `page.pdf`.
 */
export function downloadName(originalName: string, mime: string): string {
  const base =
    safeFileName(originalName)
      .replace(/\.[a-z0-9]{1,10}$/i, "")
      .trim() || "file";
  return `${base}.${extensionOfMime(mime)}`;
}

/** The same name in plain ASCII, for clients that do not read `filename*`: "Biên bản.pdf" → "Bien ban.pdf". */
export function asciiFileName(name: string): string {
  const folded = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D");
  return folded.replace(/[^A-Za-z0-9._ -]/g, "_").replace(/^[ .]+/, "") || "file";
}

/**
 * `Content-Disposition` for a download: always `attachment` (never shown inline), an ASCII
 * `filename` and the exact UTF-8 name in RFC 5987's `filename*`.
 */
export function attachmentDisposition(name: string): string {
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFileName(name)}"; filename*=UTF-8''${encoded}`;
}

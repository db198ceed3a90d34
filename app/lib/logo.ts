/**
 * A vendor's logo (docs/product.md, vendors): PNG, JPEG or WebP, recognised by its first bytes
 * (app/lib/file-types.ts), at most 1 MB, at least 64 px on each side. The width and height are read
 * from the image's own header, never decoded, so the page can reserve the logo's place.
 */
import { sniffFileType } from "./file-types";

export const MAX_LOGO_BYTES = 1024 * 1024;
export const MIN_LOGO_PX = 64;
export const LOGO_MIMES = ["image/png", "image/jpeg", "image/webp"] as const;
export type LogoMime = (typeof LOGO_MIMES)[number];

export type ImageSize = { width: number; height: number };

const u16be = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u16le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u24le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16);
const u32be = (b: Uint8Array, i: number) => ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;

function pngSize(b: Uint8Array): ImageSize | null {
  // Signature (8), then the IHDR chunk: length (4), "IHDR" (4), width (4), height (4).
  if (b.length < 24 || String.fromCharCode(...b.subarray(12, 16)) !== "IHDR") return null;
  return { width: u32be(b, 16), height: u32be(b, 20) };
}

/** Start-of-frame markers (baseline, progressive, lossless…), not DHT (C4), JPG (C8) or DAC (CC). */
const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

function jpegSize(b: Uint8Array): ImageSize | null {
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      i += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image or start of scan before any frame
    const length = u16be(b, i + 2);
    if (length < 2) return null;
    if (isSof(marker)) {
      if (i + 9 > b.length) return null;
      return { width: u16be(b, i + 7), height: u16be(b, i + 5) };
    }
    i += 2 + length;
  }
  return null;
}

function webpSize(b: Uint8Array): ImageSize | null {
  if (b.length < 30) return null;
  const chunk = String.fromCharCode(...b.subarray(12, 16));
  if (chunk === "VP8 ") {
    // Lossy: a key frame's start code 9D 01 2A, then 14-bit width and height.
    if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return null;
    return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  }
  if (chunk === "VP8L") {
    if (b[20] !== 0x2f) return null;
    const bits = (b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24)) >>> 0;
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === "VP8X") return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  return null;
}

/** The width and height written in a PNG, JPEG or WebP header; null when it cannot be read. */
export function imageSize(bytes: Uint8Array, mime: string): ImageSize | null {
  const size =
    mime === "image/png"
      ? pngSize(bytes)
      : mime === "image/jpeg"
        ? jpegSize(bytes)
        : mime === "image/webp"
          ? webpSize(bytes)
          : null;
  return size && size.width > 0 && size.height > 0 ? size : null;
}

export type LogoRefusal = "logo_type" | "logo_size" | "logo_dimensions";
export type CheckedLogo = { mime: LogoMime; ext: string; width: number; height: number; size: number };

/** Whether an upload can be a logo: its content's type, its size, then the dimensions in its header. */
export function checkLogo(
  bytes: Uint8Array,
  name: string,
): { ok: true; logo: CheckedLogo } | { ok: false; error: LogoRefusal } {
  if (bytes.byteLength > MAX_LOGO_BYTES) return { ok: false, error: "logo_size" };
  const type = sniffFileType(bytes, name);
  if (!type || !(LOGO_MIMES as readonly string[]).includes(type.mime)) return { ok: false, error: "logo_type" };
  const size = imageSize(bytes, type.mime);
  if (!size) return { ok: false, error: "logo_type" };
  if (size.width < MIN_LOGO_PX || size.height < MIN_LOGO_PX) return { ok: false, error: "logo_dimensions" };
  return { ok: true, logo: { mime: type.mime as LogoMime, ext: type.ext, ...size, size: bytes.byteLength } };
}

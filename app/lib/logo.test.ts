import { describe, expect, it } from "vitest";
import { checkLogo, imageSize, MAX_LOGO_BYTES } from "./logo";

const u32be = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const u16be = (n: number) => [(n >>> 8) & 255, n & 255];
const u16le = (n: number) => [n & 255, (n >>> 8) & 255];
const u24le = (n: number) => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255];
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

function png(width: number, height: number, padTo = 64) {
  const head = [
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    0,
    0,
    0,
    13,
    ...ascii("IHDR"),
    ...u32be(width),
    ...u32be(height),
    8,
    6,
    0,
    0,
    0,
  ];
  return new Uint8Array([...head, ...new Array(Math.max(0, padTo - head.length)).fill(0)]);
}

function jpeg(width: number, height: number) {
  // SOI, an APP0 segment (JFIF) to skip, then SOF2 (progressive) with the size.
  const app0 = [0xff, 0xe0, ...u16be(16), ...ascii("JFIF"), 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const sof = [0xff, 0xc2, ...u16be(17), 8, ...u16be(height), ...u16be(width), 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  return new Uint8Array([0xff, 0xd8, ...app0, ...sof, 0xff, 0xd9]);
}

function webp(chunk: "VP8 " | "VP8L" | "VP8X", width: number, height: number) {
  let body: number[];
  if (chunk === "VP8 ") body = [0, 0, 0, 0x9d, 0x01, 0x2a, ...u16le(width), ...u16le(height)];
  else if (chunk === "VP8L") {
    const bits = (width - 1) | ((height - 1) << 14);
    body = [0x2f, bits & 255, (bits >>> 8) & 255, (bits >>> 16) & 255, (bits >>> 24) & 255];
  } else body = [0, 0, 0, 0, ...u24le(width - 1), ...u24le(height - 1)];
  const data = [...ascii(chunk), ...u32be(body.length).reverse(), ...body, ...new Array(16).fill(0)];
  return new Uint8Array([...ascii("RIFF"), ...u32be(data.length + 4).reverse(), ...ascii("WEBP"), ...data]);
}

describe("imageSize", () => {
  it("reads the width and height from the headers of PNG, JPEG and WebP", () => {
    expect(imageSize(png(400, 200), "image/png")).toEqual({ width: 400, height: 200 });
    expect(imageSize(jpeg(640, 480), "image/jpeg")).toEqual({ width: 640, height: 480 });
    expect(imageSize(webp("VP8 ", 300, 150), "image/webp")).toEqual({ width: 300, height: 150 });
    expect(imageSize(webp("VP8L", 256, 128), "image/webp")).toEqual({ width: 256, height: 128 });
    expect(imageSize(webp("VP8X", 1000, 999), "image/webp")).toEqual({ width: 1000, height: 999 });
  });

  it("answers null for a truncated header", () => {
    expect(imageSize(png(400, 200).subarray(0, 20), "image/png")).toBeNull();
    expect(imageSize(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]), "image/jpeg")).toBeNull();
  });
});

describe("checkLogo", () => {
  it("accepts a PNG, a JPEG and a WebP, whatever their names say", () => {
    expect(checkLogo(png(400, 200), "logo.exe")).toEqual({
      ok: true,
      logo: { mime: "image/png", ext: "png", width: 400, height: 200, size: 64 },
    });
    expect(checkLogo(jpeg(640, 480), "logo.png")).toMatchObject({ ok: true, logo: { mime: "image/jpeg" } });
    expect(checkLogo(webp("VP8X", 512, 512), "logo")).toMatchObject({ ok: true, logo: { mime: "image/webp" } });
  });

  it("refuses what is not one of those images by its content: a renamed PDF, a GIF, an SVG", () => {
    expect(checkLogo(new TextEncoder().encode("%PDF-1.7 …"), "logo.png")).toEqual({ ok: false, error: "logo_type" });
    expect(checkLogo(new TextEncoder().encode("GIF89a\x40\x00\x40\x00"), "logo.gif")).toEqual({
      ok: false,
      error: "logo_type",
    });
    expect(checkLogo(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'), "logo.svg")).toEqual({
      ok: false,
      error: "logo_type",
    });
  });

  it("refuses a file over 1 MB, and accepts one of exactly 1 MB", () => {
    expect(checkLogo(png(400, 400, MAX_LOGO_BYTES + 1), "big.png")).toEqual({ ok: false, error: "logo_size" });
    expect(checkLogo(png(400, 400, MAX_LOGO_BYTES), "big.png").ok).toBe(true);
  });

  it("refuses a logo smaller than 64 px on a side", () => {
    expect(checkLogo(png(63, 200), "tiny.png")).toEqual({ ok: false, error: "logo_dimensions" });
    expect(checkLogo(png(64, 64), "ok.png").ok).toBe(true);
  });
});

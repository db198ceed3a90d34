import { PassThrough, type Writable } from "node:stream";
import { renderToPipeableStream, renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { htmlBodyStream, stripTrailingNul } from "./html-stream.server";

/** Enough Vietnamese, in pieces of varied length, to cross React's 2 KB buffer many times. */
function Page() {
  const words = ["Doanh nghiệp", "nhỏ và vừa", "chuyển đổi số", "nhà cung cấp", "đã thẩm định", "Hồ Chí Minh"];
  return (
    <ul>
      {Array.from({ length: 400 }, (_, i) => (
        <li key={i}>{`${i} ${words.slice(0, (i % words.length) + 1).join(" · ")} ${"ộ".repeat(i % 7)}`}</li>
      ))}
    </ul>
  );
}

function render(into: () => Writable & NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const { pipe } = renderToPipeableStream(<Page />, {
      onAllReady() {
        const body = into();
        const chunks: Buffer[] = [];
        body.on("data", (c: Buffer) => chunks.push(c));
        body.on("end", () => resolve(Buffer.concat(chunks)));
        body.on("error", reject);
        pipe(body);
      },
      onShellError: reject,
    });
  });
}

describe("the streamed HTML", () => {
  it("has React's NUL padding without the fix, so this test exercises it", async () => {
    // If this fails, React no longer pads its chunks (React 19 fixed it) and htmlBodyStream can go.
    const raw = await render(() => new PassThrough());
    expect(raw.includes(0)).toBe(true);
  });

  it("carries no NUL byte and is the same text renderToString gives", async () => {
    const html = await render(htmlBodyStream);
    expect(html.includes(0)).toBe(false);
    expect(html.toString("utf8")).toBe(renderToString(<Page />));
  });

  it("sends what one render pass writes as one piece, and what comes later as its own", async () => {
    const body = htmlBodyStream();
    const pieces: string[] = [];
    body.on("data", (c: Buffer) => pieces.push(c.toString()));
    const ended = new Promise((r) => body.on("end", r));
    body.write(Buffer.from("<html>"));
    body.write(Buffer.from([0x3c, 0x62, 0x3e, 0, 0])); // "<b>" with padding
    body.write(Buffer.from("shell</b>"));
    await new Promise((r) => setTimeout(r, 10));
    body.write(Buffer.from("<script>late</script>"));
    body.end(Buffer.from("</html>"));
    await ended;
    expect(pieces).toEqual(["<html><b>shell</b>", "<script>late</script></html>"]);
  });

  it("drops only the zeros at the end of a chunk", () => {
    const bytes = Buffer.from([0x61, 0, 0x62, 0, 0, 0]);
    expect([...stripTrailingNul(bytes)]).toEqual([0x61, 0, 0x62]);
    const clean = Buffer.from("Đồng Tâm");
    expect(stripTrailingNul(clean)).toBe(clean);
  });
});

import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown.server";

describe("a resource's Markdown", () => {
  it("renders headings (from h2), lists and links", () => {
    const html = renderMarkdown("# Hóa đơn\n\n## Bước 1\n\n- một\n- hai\n\n[Tổng cục Thuế](https://www.gdt.gov.vn)");
    expect(html).toContain("<h2>Hóa đơn</h2>");
    expect(html).toContain("<h2>Bước 1</h2>");
    expect(html).toContain("<li>một</li>");
    expect(html).toContain('<a href="https://www.gdt.gov.vn" rel="noopener noreferrer nofollow">Tổng cục Thuế</a>');
    expect(html).not.toContain("<h1>");
  });

  it("never lets a script through", () => {
    const html = renderMarkdown('<script>alert("x")</script>\n\nText <img src=x onerror=alert(1)>');
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;");
  });

  it("keeps raw HTML as text", () => {
    const html = renderMarkdown('<div style="color:red">hi</div>\n\n<iframe src="https://evil.example"></iframe>');
    expect(html).not.toMatch(/<div|<iframe/);
    expect(html).toContain("&lt;iframe");
  });

  it("refuses javascript:, data: and other links, keeps http, https, mailto and site paths", () => {
    const html = renderMarkdown(
      "[a](javascript:alert(1)) [b](JAVASCRIPT:alert(1)) [c](data:text/html;base64,PHNjcmlwdD4=) [d](vbscript:x) [e](ftp://x.vn/f)",
    );
    expect(html).not.toContain("<a ");
    const ok = renderMarkdown("[m](mailto:hotro@ketnoiso.vn) [h](http://x.vn) [v](/vendors?category=e_invoice)");
    expect(ok).toContain('href="mailto:hotro@ketnoiso.vn"');
    expect(ok).toContain('href="http://x.vn"');
    expect(ok).toContain('href="/vendors?category=e_invoice"');
  });

  it("does not turn autolinks with other schemes into links", () => {
    expect(renderMarkdown("<javascript:alert(1)>")).not.toContain("<a ");
  });
});

import { describe, expect, it } from "vitest";
import { csvFilename, csvResponse, csvStream, csvText, neutraliseCell } from "./csv.server";

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

describe("neutraliseCell", () => {
  it.each([
    ["=", '=HYPERLINK("http://x")'],
    ["+", "+84 909 000 000"],
    ["-", "-2+3"],
    ["@", "@SUM(A1:A2)"],
    ["tab", "\t=1+1"],
    ["CR", "\r=1+1"],
    ["NUL", "\0=1+1"],
  ])("prefixes a cell starting with %s with an apostrophe", (_name, cell) => {
    expect(neutraliseCell(cell)).toBe(`'${cell}`);
  });

  it("leaves ordinary text, numbers and empty cells alone", () => {
    expect(neutraliseCell("Công ty TNHH Đồng Tâm")).toBe("Công ty TNHH Đồng Tâm");
    expect(neutraliseCell("a=b")).toBe("a=b");
    expect(neutraliseCell(-0.5)).toBe(-0.5);
    expect(neutraliseCell(150_000_000)).toBe(150_000_000);
    expect(neutraliseCell(null)).toBe(null);
  });
});

describe("csvText", () => {
  it("writes each dangerous start neutralised in the file itself", () => {
    const text = csvText([["=1+1", "+1", "-1", "@x", "\tx", "\rx", "\0x", -2, "ok"]]);
    const cells = ["'=1+1", "'+1", "'-1", "'@x", `'\tx`, `"'\rx"`, "'\0x", "-2", "ok"];
    expect(text).toBe(`${cells.join(",")}\r\n`);
  });

  it("quotes commas, quotes and line breaks, and writes numbers unformatted", () => {
    expect(csvText([["Kế toán, hóa đơn", 'Gói "Cơ bản"', "hai\ndòng", 1234567, 0.25, null]])).toBe(
      `"Kế toán, hóa đơn","Gói ""Cơ bản""","hai\ndòng",1234567,0.25,\r\n`,
    );
  });
});

describe("csvStream", () => {
  it("starts with the UTF-8 BOM, then the header, then every page in order", async () => {
    const bytes = await readAll(
      csvStream(["Tháng", "Số nhu cầu"], [[["2026-01", 3]], [["2026-02", 4]], [["2026-03", 0]]]),
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe(
      "Tháng,Số nhu cầu\r\n2026-01,3\r\n2026-02,4\r\n2026-03,0\r\n",
    );
  });

  it("asks for a page only when the reader wants more", async () => {
    let produced = 0;
    function* pages() {
      for (let i = 0; i < 1000; i++) {
        produced += 1;
        yield [[i]];
      }
    }
    const reader = csvStream(["n"], pages()).getReader();
    await reader.read(); // the header
    await reader.read(); // the first page
    await new Promise((r) => setTimeout(r, 20));
    expect(produced).toBeLessThanOrEqual(3);
    await reader.cancel();
  });

  it("reads async pages too", async () => {
    async function* pages() {
      yield [["a"]];
      yield [["b"]];
    }
    const text = new TextDecoder().decode((await readAll(csvStream(["x"], pages()))).slice(3));
    expect(text).toBe("x\r\na\r\nb\r\n");
  });
});

describe("csvResponse", () => {
  it("is an attachment with a .csv name", async () => {
    const res = csvResponse(csvFilename("ket-noi-so", "needs", "2026-01", "2026-11"), ["a"], []);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toBe('attachment; filename="ket-noi-so-needs-2026-01-2026-11.csv"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it("keeps file names to safe characters", () => {
    expect(csvFilename("Báo cáo", "../x", "2026")).toBe("b-o-c-o-x-2026.csv");
  });
});

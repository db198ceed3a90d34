import { renderToString } from "react-dom/server";
import type { ReactElement } from "react";
import { describe, expect, it } from "vitest";
import { translator } from "~/utils/i18n";
import { fixedTranslations, TranslationProvider } from "~/utils/i18n-react";
import vi from "~/locales/vi.json";
import { BarChart } from "./bar-chart";
import { VIEW_WIDTH } from "./chart-frame";
import { DistributionChart } from "./distribution-chart";
import { gridStep, MonthChart } from "./month-chart";
import { contrastRatio, GRID_COLOUR, SERIES_COLOURS, TEXT_COLOUR } from "./palette";
import { StackedBarChart } from "./stacked-bar-chart";
import { wrapText } from "./text";

const render = (element: ReactElement) =>
  renderToString(
    <TranslationProvider value={fixedTranslations("vi", translator("vi"))}>{element}</TranslationProvider>,
  );

type Bar = { value: number; x: number; y: number; width: number; height: number; series?: number };

/** Every bar drawn: a `<rect data-bar>` each, or the sub-paths of a series' `<path data-bar>` (its values in `data-values`). */
function bars(html: string): Bar[] {
  return [...html.matchAll(/<(rect|path)[^>]*data-bar[^>]*>/g)].flatMap(([tag, kind]) => {
    const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
    const num = (name: string) => (attr(name) === undefined ? undefined : Number(attr(name)));
    if (kind === "rect") {
      return [
        {
          value: num("data-value")!,
          x: num("x")!,
          y: num("y")!,
          width: num("width")!,
          height: num("height")!,
          series: num("data-series"),
        },
      ];
    }
    // Each column: M x top h width V bottom H x z
    const values = attr("data-values")!.split(" ").map(Number);
    return [...attr("d")!.matchAll(/M([\d.-]+) ([\d.-]+)h([\d.-]+)V([\d.-]+)H[\d.-]+z/g)].map((m, i) => ({
      value: values[i]!,
      x: Number(m[1]),
      y: Number(m[2]),
      width: Number(m[3]),
      height: Number(m[4]) - Number(m[2]),
      series: num("data-series"),
    }));
  });
}

const common = { title: "Nhu cầu theo tháng", description: "Số nhu cầu đăng mỗi tháng." };

function expectLabelled(html: string) {
  const svg = /<svg[^>]*>/.exec(html)![0];
  expect(svg).toContain('role="img"');
  expect(svg).toContain(`viewBox="0 0 ${VIEW_WIDTH} `);
  expect(svg).toContain('width="100%"');
  const labelledBy = /aria-labelledby="([^"]+)"/.exec(svg)![1]!;
  const describedBy = /aria-describedby="([^"]+)"/.exec(svg)![1]!;
  expect(html).toContain(`<title id="${labelledBy}">${common.title}</title>`);
  expect(html).toContain(`<desc id="${describedBy}">${common.description}</desc>`);
}

/** Every bar's length divided by its value is the same: the bars are proportional. */
function expectProportional(lengths: number[], values: number[]) {
  const ratios = lengths.map((l, i) => l / Math.abs(values[i]!));
  for (const r of ratios) expect(r).toBeCloseTo(ratios[0]!, 0);
  expect(Math.abs(ratios[0]! - ratios.at(-1)!) / ratios[0]!).toBeLessThan(0.01);
}

describe("BarChart", () => {
  it("draws horizontal bars proportional to the values, with names and values printed", () => {
    const html = render(
      <BarChart
        {...common}
        data={[
          { label: "Y tế", value: 10 },
          { label: "Giáo dục", value: 20 },
          { label: "Bán lẻ", value: 40 },
        ]}
        format={(v) => `${v} hợp đồng`}
      />,
    );
    expectLabelled(html);
    const b = bars(html);
    expect(b.map((x) => x.value)).toEqual([10, 20, 40]);
    expectProportional(
      b.map((x) => x.width),
      [10, 20, 40],
    );
    expect(b[2]!.width).toBeGreaterThan(200);
    for (const text of ["Y tế", "Giáo dục", "Bán lẻ", "10 hợp đồng", "40 hợp đồng"]) expect(html).toContain(text);
  });

  it("grows negative bars left of the zero line", () => {
    const b = bars(
      render(
        <BarChart
          {...common}
          data={[
            { label: "a", value: -1 },
            { label: "b", value: 2 },
          ]}
        />,
      ),
    );
    expect(b[0]!.x + b[0]!.width).toBeCloseTo(b[1]!.x, 0);
    expectProportional(
      b.map((x) => x.width),
      [-1, 2],
    );
  });

  it("draws vertical columns proportional to the values", () => {
    const b = bars(
      render(
        <BarChart
          {...common}
          orientation="vertical"
          data={[
            { label: "Đang triển khai", value: 3 },
            { label: "Hoàn thành", value: 9 },
          ]}
        />,
      ),
    );
    expectProportional(
      b.map((x) => x.height),
      [3, 9],
    );
    expect(b[0]!.y + b[0]!.height).toBeCloseTo(b[1]!.y + b[1]!.height, 1);
  });

  it("says there is nothing to show instead of drawing an empty chart", () => {
    for (const data of [[], [{ label: "a", value: 0 }]]) {
      const html = render(<BarChart {...common} data={data} />);
      expect(html).not.toContain("<svg");
      expect(html).toContain(vi.charts.empty);
    }
    expect(render(<BarChart {...common} data={[]} emptyText="Chưa có nhà cung cấp nào." />)).toContain(
      "Chưa có nhà cung cấp nào.",
    );
  });
});

describe("StackedBarChart", () => {
  it("splits each bar into parts proportional to the values, named in a legend", () => {
    const html = render(
      <StackedBarChart
        {...common}
        series={["Đã trao", "Đã hủy"]}
        rows={[
          { label: "01/2026", values: [6, 2] },
          { label: "02/2026", values: [3, 1] },
        ]}
      />,
    );
    expectLabelled(html);
    // Row by row (top to bottom), each row's parts in series order.
    const b = bars(html).sort((p, q) => p.y - q.y || p.series! - q.series!);
    expect(b.map((x) => [x.series, x.value])).toEqual([
      [0, 6],
      [1, 2],
      [0, 3],
      [1, 1],
    ]);
    expectProportional(
      b.map((x) => x.width),
      [6, 2, 3, 1],
    );
    // Parts follow each other: the second starts where the first ends.
    expect(b[1]!.x).toBeCloseTo(b[0]!.x + b[0]!.width, 0);
    expect(html).toContain("Đã trao");
    expect(html).toContain("Đã hủy");
    expect(html).toContain(">8<"); // the first bar's total
  });

  it("says there is nothing to show when every total is zero", () => {
    const html = render(<StackedBarChart {...common} series={["a"]} rows={[{ label: "x", values: [0] }]} />);
    expect(html).not.toContain("<svg");
    expect(html).toContain(vi.charts.empty);
  });
});

describe("MonthChart", () => {
  const months = ["2025-12", "2026-01", "2026-02"];

  it("draws columns proportional to the values, months labelled with the year where it changes", () => {
    const html = render(<MonthChart {...common} months={months} series={[{ label: "Nhu cầu", values: [2, 4, 8] }]} />);
    expectLabelled(html);
    const b = bars(html);
    expectProportional(
      b.map((x) => x.height),
      [2, 4, 8],
    );
    expect(html).toMatch(/>12<\/(tspan|text)>/);
    // The year under January; not under December too, right beside it.
    expect(html).not.toContain(">2025</");
    expect(html).toContain(">2026</tspan>");
    const long = render(
      <MonthChart
        {...common}
        months={["2025-09", "2025-10", "2025-11", "2025-12", "2026-01"]}
        series={[{ label: "x", values: [1, 2, 3, 4, 5] }]}
      />,
    );
    expect(long).toContain(">2025</tspan>");
    expect(long).toContain(">2026</tspan>");
  });

  it("draws a line per series with points proportional to the values", () => {
    const html = render(
      <MonthChart
        {...common}
        kind="line"
        months={months}
        series={[
          { label: "Đăng", values: [10, 5, 0] },
          { label: "Trao", values: [4, 2, 1] },
        ]}
      />,
    );
    const lines = [...html.matchAll(/<polyline[^>]*points="([^"]+)"/g)].map((m) =>
      m[1]!.split(" ").map((p) => Number(p.split(",")[1])),
    );
    expect(lines).toHaveLength(2);
    const [first] = lines as [number[]];
    const zero = first[2]!;
    expect((zero - first[0]!) / (zero - first[1]!)).toBeCloseTo(2, 1);
    expect(html).toContain("Đăng");
    expect(html).toContain("Trao");
  });

  it("says there is nothing to show for months without figures", () => {
    expect(render(<MonthChart {...common} months={months} series={[{ label: "x", values: [0, 0, 0] }]} />)).toContain(
      vi.charts.empty,
    );
    expect(render(<MonthChart {...common} months={[]} series={[]} />)).toContain(vi.charts.empty);
  });

  it("stacks columns into one a month when asked, each part proportional", () => {
    const drawn = bars(
      render(
        <MonthChart
          {...common}
          stacked
          months={months}
          series={[
            { label: "Đã trao", values: [2, 4, 1] },
            { label: "Đã hủy", values: [2, 0, 3] },
          ]}
        />,
      ),
    );
    // Month by month, each month's parts in series order.
    const b = [...drawn].sort((p, q) => p.x - q.x || p.series! - q.series!);
    const first = b.slice(0, 2);
    expect(first.map((x) => x.x)).toEqual([first[0]!.x, first[0]!.x]);
    // The second part sits on top of the first.
    expect(first[1]!.y + first[1]!.height).toBeCloseTo(first[0]!.y, 1);
    expectProportional(
      b.filter((x) => x.value > 0).map((x) => x.height),
      [2, 2, 4, 1, 3],
    );
  });

  it("puts gridlines at round steps, whole ones for counts", () => {
    expect([gridStep(7), gridStep(18), gridStep(57), gridStep(240), gridStep(1.3e9), gridStep(1)]).toEqual([
      4, 10, 30, 150, 8e8, 0.5,
    ]);
    expect([gridStep(3, true), gridStep(1, true), gridStep(5, true), gridStep(57, true)]).toEqual([2, 1, 3, 30]);
  });
});

describe("DistributionChart", () => {
  const buckets = [0, 1, 2, 3].map((level) => ({ label: `Mức ${level}`, value: [1, 3, 4, 2][level]! }));

  it("draws a column per bucket proportional to its count, with its share and the mean marked", () => {
    const html = render(<DistributionChart {...common} buckets={buckets} mean={1.7} meanLabel="Trung bình 1,7" />);
    expectLabelled(html);
    expectProportional(
      bars(html).map((x) => x.height),
      [1, 3, 4, 2],
    );
    expect(html).toContain(">40%<");
    expect(html).toContain("Trung bình 1,7");
    const meanX = Number(/data-mean="1.7"><line x1="([\d.]+)"/.exec(html)![1]);
    expect(meanX).toBeCloseTo((VIEW_WIDTH / 4) * 1.7 + VIEW_WIDTH / 8, 0);
  });

  it("draws no bar for a hidden bucket and says why", () => {
    const html = render(
      <DistributionChart
        {...common}
        buckets={[
          { label: "Mức 0", value: 5 },
          { label: "Mức 1", value: 0, hidden: true },
        ]}
        hiddenLabel="ẩn"
      />,
    );
    expect(bars(html).map((b) => b.value)).toEqual([5]);
    expect(html).toContain(">ẩn<");
  });

  it("says there is nothing to show when no one is counted", () => {
    const html = render(<DistributionChart {...common} buckets={buckets.map((b) => ({ ...b, value: 0 }))} />);
    expect(html).not.toContain("<svg");
    expect(html).toContain(vi.charts.empty);
  });
});

describe("chart colours", () => {
  it("contrast at least 4.5:1 with white, so bars read on the page and white text reads on bars", () => {
    for (const colour of [...SERIES_COLOURS, TEXT_COLOUR])
      expect(contrastRatio(colour, "#ffffff")).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio(GRID_COLOUR, "#ffffff")).toBeLessThan(3); // gridlines stay in the background
  });
});

describe("wrapText", () => {
  it("wraps words into two lines and cuts what does not fit", () => {
    expect(wrapText("Thương mại điện tử và bán hàng đa kênh", 90, 12.5)).toEqual(["Thương mại", "điện tử và…"]);
    expect(wrapText("Kế toán", 90, 12.5)).toEqual(["Kế toán"]);
    expect(wrapText("Đang triển khai", 200, 12.5)).toEqual(["Đang triển khai"]);
  });
});

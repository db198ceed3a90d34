/**
 * CSV downloads, the one way (reports now, events' attendance lists later): UTF-8 with a BOM so
 * that Excel reads Vietnamese correctly, CRLF line ends, formula injection neutralised, and the
 * body streamed page by page (the caller's pages are fetched only as the client reads, and the
 * event loop is given back between pages), so that no download holds a whole table in memory.
 */
import { stringify, type Options } from "csv-stringify/sync";

export type CsvValue = string | number | null | undefined;

/**
 * Characters that make a spreadsheet read a cell as a formula or a command (`=`, `+`, `-`, `@`),
 * or that hide such a start from a naive check (tab, carriage return, NUL). csv-stringify's
 * `escape_formulas` covers most of them; NUL it does not, and this check does not depend on it.
 */
const DANGEROUS_START = /^[=+\-@\t\r\0]/;

/** A text cell that starts dangerously gets a leading apostrophe; numbers pass as they are. */
export function neutraliseCell(value: CsvValue): CsvValue {
  if (typeof value === "string" && DANGEROUS_START.test(value)) return `'${value}`;
  return value;
}

// With a record delimiter of its own, csv-stringify stops quoting line breaks inside a cell unless told to.
const OPTIONS: Options = { escape_formulas: true, record_delimiter: "windows", quote_record_delimiter: true };

/** Rows as CSV text (no BOM): what each page of a download becomes. */
export function csvText(rows: readonly (readonly CsvValue[])[], options: { bom?: boolean } = {}): string {
  return stringify(
    rows.map((r) => r.map(neutraliseCell)),
    { ...OPTIONS, bom: options.bom ?? false },
  );
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A stream of CSV bytes: the BOM and the header row first, then one chunk per page. A page is
 * asked for only when the client has taken the previous one (the stream's pull), after yielding
 * to the event loop. Pages must be complete results (e.g. one keyset query each), never rows of
 * a statement left open across the awaits.
 */
export function csvStream(
  header: readonly string[],
  pages: Iterable<readonly (readonly CsvValue[])[]> | AsyncIterable<readonly (readonly CsvValue[])[]>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator =
    Symbol.asyncIterator in pages
      ? (pages as AsyncIterable<readonly (readonly CsvValue[])[]>)[Symbol.asyncIterator]()
      : (pages as Iterable<readonly (readonly CsvValue[])[]>)[Symbol.iterator]();
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(csvText([header], { bom: true })));
      },
      async pull(controller) {
        await yieldToEventLoop();
        try {
          const next = await iterator.next();
          if (next.done) {
            controller.close();
            return;
          }
          if (next.value.length > 0) controller.enqueue(encoder.encode(csvText(next.value)));
        } catch (error) {
          controller.error(error);
        }
      },
      async cancel() {
        await iterator.return?.();
      },
    },
    { highWaterMark: 1 },
  );
}

/** `ket-noi-so-needs-2026-01-2026-11.csv`: ASCII letters, digits and dashes only. */
export function csvFilename(...parts: string[]): string {
  const name = parts
    .join("-")
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "");
  return `${name || "export"}.csv`;
}

/** The download's response: streamed, never cached, saved under `filename`. */
export function csvResponse(
  filename: string,
  header: readonly string[],
  pages: Iterable<readonly (readonly CsvValue[])[]> | AsyncIterable<readonly (readonly CsvValue[])[]>,
): Response {
  return new Response(csvStream(header, pages), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

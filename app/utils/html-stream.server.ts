/**
 * React 18's renderToPipeableStream encodes text into a 2 KB buffer; when the next character does
 * not fit, it writes the whole buffer, unused bytes included (facebook/react#24985, fixed only in
 * React 19 by facebook/react#26228). With Vietnamese text (2–3 bytes a character) that puts up to
 * three NUL bytes into the HTML at 2 KB boundaries. No character of UTF-8 text encodes to a zero
 * byte other than U+0000 itself, which HTML does not allow, so dropping the trailing zeros of each
 * chunk removes exactly the padding.
 */
import { Transform } from "node:stream";

export function stripTrailingNul(chunk: Buffer): Buffer {
  let end = chunk.length;
  while (end > 0 && chunk[end - 1] === 0) end -= 1;
  return end === chunk.length ? chunk : chunk.subarray(0, end);
}

/**
/**
 * The writable React pipes the document into; what it reads out is the HTML without the padding,
 * then `tail()` (if given) once React has written everything: what only the finished render knows
 * (the page's strings, app/utils/i18n-strings.server.ts). The parser puts it at the end of `<body>`.
 *
 * React writes a page in 2 KB pieces, all in the same tick when nothing is suspended. Each piece
 * used to travel alone to the socket: through Remix's web stream, one `res.write` and one
 * compression flush (a gzip block of its own) each (ADR 014). What one tick writes now leaves as
 * one piece, at the end of that tick; what a suspended part writes later still leaves when it comes.
 */
export function htmlBodyStream(tail?: () => string): Transform {
  let pending: Buffer[] = [];
  let scheduled = false;
  const release = (stream: Transform) => {
    scheduled = false;
    if (pending.length === 0) return;
    const chunk = pending.length === 1 ? pending[0]! : Buffer.concat(pending);
    pending = [];
    stream.push(chunk);
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      const piece = stripTrailingNul(chunk);
      if (piece.length > 0) pending.push(piece);
      if (!scheduled) {
        scheduled = true;
        queueMicrotask(() => release(this));
      }
      callback();
    },
    flush(callback) {
      release(this);
      callback(null, tail ? tail() : undefined);
    },
  });
}

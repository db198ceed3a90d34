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
 * The writable React pipes the document into; what it reads out is the HTML without the padding,
 * then `tail()` (if given) once React has written everything: what only the finished render knows
 * (the page's strings, app/utils/i18n-strings.server.ts). The parser puts it at the end of `<body>`.
 */
export function htmlBodyStream(tail?: () => string): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      callback(null, stripTrailingNul(chunk));
    },
    flush(callback) {
      callback(null, tail ? tail() : undefined);
    },
  });
}

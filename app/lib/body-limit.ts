/**
 * How large a request body may be (docs/product.md §14: an anonymous 100 MB form must not be read whole).
 * Forms: 1 MB. The engagement page's multipart form carries deliverables and keeps its own, larger
 * limit: MAX_FILES files of MAX_FILE_BYTES each (the route's upload handler checks each part) plus
 * the form's fields.
 */
import { MAX_FILE_BYTES, MAX_FILES } from "./file-types";

export const FORM_BODY_LIMIT = 1024 * 1024;
export const UPLOAD_BODY_LIMIT = MAX_FILES * MAX_FILE_BYTES + FORM_BODY_LIMIT;

/**
 * The logo form: a logo may be 1 MB (app/lib/logo.ts); a larger one up to this limit is read so the
 * vendor is told next to the field, beyond it the request is refused whole.
 */
export const LOGO_BODY_LIMIT = 5 * 1024 * 1024;

const UPLOAD_PATH = /^\/engagements\/[^/]+\/?$/;
const LOGO_PATH = /^\/me\/dossier\/logo\/?$/;

export function bodyLimitFor(path: string, contentType: string | undefined): number {
  const multipart = (contentType ?? "").toLowerCase().startsWith("multipart/form-data");
  if (multipart && LOGO_PATH.test(path)) return LOGO_BODY_LIMIT;
  return multipart && UPLOAD_PATH.test(path) ? UPLOAD_BODY_LIMIT : FORM_BODY_LIMIT;
}

export type BodyVerdict = "ok" | "too_large" | "length_required";

/**
 * A body must declare its length (browsers always do for forms), and the length must be within
 * the limit. Node never hands on more bytes than Content-Length says, so the header is the cap.
 */
export function checkBody(
  method: string,
  headers: { contentLength?: string; transferEncoding?: string },
  limit: number,
): BodyVerdict {
  if (["GET", "HEAD", "OPTIONS"].includes(method.toUpperCase())) return "ok";
  if (headers.contentLength === undefined) return headers.transferEncoding ? "length_required" : "ok";
  const length = Number(headers.contentLength);
  if (!Number.isSafeInteger(length) || length < 0) return "length_required";
  return length > limit ? "too_large" : "ok";
}

import { describe, expect, it } from "vitest";
import { bodyLimitFor, checkBody, FORM_BODY_LIMIT, LOGO_BODY_LIMIT, UPLOAD_BODY_LIMIT } from "./body-limit";

describe("request body limits", () => {
  it("allows forms 1 MB and the engagement page's uploads their own larger limit", () => {
    expect(bodyLimitFor("/login", "application/x-www-form-urlencoded")).toBe(FORM_BODY_LIMIT);
    expect(bodyLimitFor("/login", "multipart/form-data; boundary=x")).toBe(FORM_BODY_LIMIT);
    expect(bodyLimitFor("/engagements/abc", "multipart/form-data; boundary=x")).toBe(UPLOAD_BODY_LIMIT);
    expect(bodyLimitFor("/engagements/abc", "application/x-www-form-urlencoded")).toBe(FORM_BODY_LIMIT);
    expect(bodyLimitFor("/engagements/abc/files/x", "multipart/form-data")).toBe(FORM_BODY_LIMIT);
    expect(bodyLimitFor("/me/dossier/logo", "multipart/form-data; boundary=x")).toBe(LOGO_BODY_LIMIT);
    expect(bodyLimitFor("/me/dossier/logo", "application/x-www-form-urlencoded")).toBe(FORM_BODY_LIMIT);
    expect(UPLOAD_BODY_LIMIT).toBeGreaterThan(5 * 10 * 1024 * 1024);
  });

  it("refuses a body over the limit and accepts one at it", () => {
    expect(checkBody("POST", { contentLength: String(FORM_BODY_LIMIT) }, FORM_BODY_LIMIT)).toBe("ok");
    expect(checkBody("POST", { contentLength: String(FORM_BODY_LIMIT + 1) }, FORM_BODY_LIMIT)).toBe("too_large");
    expect(checkBody("POST", { contentLength: String(100 * 1024 * 1024) }, FORM_BODY_LIMIT)).toBe("too_large");
  });

  it("asks for a length when a body comes without one, and ignores reads", () => {
    expect(checkBody("POST", { transferEncoding: "chunked" }, FORM_BODY_LIMIT)).toBe("length_required");
    expect(checkBody("POST", { contentLength: "12abc" }, FORM_BODY_LIMIT)).toBe("length_required");
    expect(checkBody("POST", {}, FORM_BODY_LIMIT)).toBe("ok");
    expect(checkBody("GET", { contentLength: String(10 * FORM_BODY_LIMIT) }, FORM_BODY_LIMIT)).toBe("ok");
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import { handleError } from "./entry.server";

afterEach(() => {
  vi.restoreAllMocks();
  process.env.LOG_LEVEL = "silent";
});

describe("handleError", () => {
  it("logs one JSON line with the request's id, method and path, and no query string", () => {
    const err = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    process.env.LOG_LEVEL = "info";
    const request = new Request("http://localhost:3000/reset-password?token=secret-token", { method: "POST" });
    handleError(new Error("the database is locked"), {
      request,
      params: {},
      context: { requestId: "0b7c5c1e-request-id", ip: "10.0.0.1", cspNonce: "n" },
    });
    expect(err).toHaveBeenCalledTimes(1);
    const line = JSON.parse(String(err.mock.calls[0]![0]));
    expect(line).toMatchObject({
      level: "error",
      msg: "unhandled error",
      id: "0b7c5c1e-request-id",
      method: "POST",
      path: "/reset-password",
    });
    expect(line.error).toContain("the database is locked");
    expect(JSON.stringify(line)).not.toContain("secret-token");
  });
});

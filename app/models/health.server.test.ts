import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { databaseReadable } from "./health.server";

describe("health check", () => {
  it("is ok on the migrated database", () => {
    expect(databaseReadable()).toBe(true);
  });

  it("fails when the database cannot be read", () => {
    const closed = new Database(":memory:");
    closed.close();
    expect(databaseReadable(() => closed)).toBe(false);
    const empty = new Database(":memory:");
    expect(databaseReadable(() => empty)).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { getSqlite } from "../../db/client.server";
import * as audit from "./audit.server";
import { recordAudit } from "./audit.server";

describe("audit log", () => {
  it("records an entry", () => {
    recordAudit({ action: "test_action", subjectType: "user", subjectId: "u1", details: { a: 1 } });
    const row = getSqlite().prepare("SELECT * FROM audit_log WHERE action = 'test_action'").get() as {
      details: string;
      at: number;
    };
    expect(JSON.parse(row.details)).toEqual({ a: 1 });
    expect(row.at).toBeGreaterThan(0);
  });

  it("is refused an update by the database itself", () => {
    recordAudit({ action: "to_tamper" });
    expect(() =>
      getSqlite().prepare("UPDATE audit_log SET action = 'tampered' WHERE action = 'to_tamper'").run(),
    ).toThrow(/append-only/);
    const count = getSqlite().prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'to_tamper'").get() as {
      n: number;
    };
    expect(count.n).toBe(1);
  });

  it("is refused a delete by the database itself", () => {
    recordAudit({ action: "to_delete" });
    expect(() => getSqlite().prepare("DELETE FROM audit_log").run()).toThrow(/append-only/);
  });

  it("offers the application no way to change or remove rows", () => {
    expect(Object.keys(audit).filter((name) => /update|delete|remove|edit/i.test(name))).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { getSqlite } from "../../db/client.server";
import { createUser } from "../../db/test/factories";
import { parseAuditFilters, parseCursor, type AuditFilters } from "~/lib/audit-filters";
import { endOfLocalDay, startOfLocalDay } from "~/lib/local-date";
import * as audit from "./audit.server";
import { AUDIT_PAGE_SIZE, auditActions, auditPageQuery, listAudit, recordAudit } from "./audit.server";
import { expectOneChange, transition } from "./transition.server";

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

  it("rolls back with the transition that wrote it", () => {
    const result = transition((tx) => {
      recordAudit({ action: "t_rolled_back" }, tx);
      expectOneChange({ changes: 0 });
      return { ok: true as const };
    });
    expect(result).toEqual({ ok: false, error: "stale" });
    const count = getSqlite().prepare("SELECT count(*) AS n FROM audit_log WHERE action = 't_rolled_back'").get() as {
      n: number;
    };
    expect(count.n).toBe(0);
  });

  it("offers the application no way to change or remove rows", () => {
    expect(Object.keys(audit).filter((name) => /update|delete|remove|edit/i.test(name))).toEqual([]);
  });
});

/** A row at a chosen time (recordAudit stamps "now"; the log only ever takes inserts). */
function insertAt(at: number, action: string, actorId: string | null, actorEmail: string | null = null) {
  getSqlite()
    .prepare("INSERT INTO audit_log (at, actor_id, actor_email, action) VALUES (?, ?, ?, ?)")
    .run(at, actorId, actorEmail, action);
}

const filters = (query: string): AuditFilters => parseAuditFilters(new URLSearchParams(query)).filters;

describe("reading the audit log", () => {
  const day = (d: string) => startOfLocalDay(d) + 12 * 3_600_000;

  it("filters by actor: a user id, text in a name or email, or the email a failed sign-in tried", () => {
    const lan = createUser({ role: "staff", email: "lan.tran-audit@huba.test" });
    const other = createUser({ role: "sme" });
    insertAt(day("2025-01-10"), "t_actor_sign_in", lan.id);
    insertAt(day("2025-01-11"), "t_actor_sign_in", other.id);
    insertAt(day("2025-01-12"), "t_actor_failed", null, "stranger-audit@nowhere.test");

    const byId = listAudit(filters(`actor=${lan.id}`)).rows;
    expect(byId.map((r) => r.actorId)).toEqual(Array(byId.length).fill(lan.id));
    expect(byId.map((r) => r.action)).toContain("t_actor_sign_in");

    const byEmail = listAudit(filters("actor=LAN.TRAN-AUDIT&action=t_actor_sign_in")).rows;
    expect(byEmail).toHaveLength(1);
    expect(byEmail[0]).toMatchObject({ actorId: lan.id, actorUserEmail: "lan.tran-audit@huba.test" });

    const tried = listAudit(filters("actor=stranger-audit")).rows;
    expect(tried).toHaveLength(1);
    expect(tried[0]).toMatchObject({ actorId: null, actorEmail: "stranger-audit@nowhere.test", actorName: null });

    expect(listAudit(filters("actor=nobody-by-this-name")).rows).toEqual([]);
  });

  it("filters by action and by Ho Chi Minh City dates, newest first", () => {
    insertAt(startOfLocalDay("2025-02-01") - 1, "t_dates", null); // 23:59:59.999 the day before
    insertAt(startOfLocalDay("2025-02-01"), "t_dates", null);
    insertAt(day("2025-02-02"), "t_dates", null);
    insertAt(endOfLocalDay("2025-02-03"), "t_dates", null);
    insertAt(endOfLocalDay("2025-02-03") + 1, "t_dates", null);
    insertAt(day("2025-02-02"), "t_other", null);

    const rows = listAudit(filters("action=t_dates&from=2025-02-01&to=2025-02-03")).rows;
    expect(rows.map((r) => r.at)).toEqual([
      endOfLocalDay("2025-02-03"),
      day("2025-02-02"),
      startOfLocalDay("2025-02-01"),
    ]);
    expect(listAudit(filters("action=t_dates")).rows).toHaveLength(5);
    expect(listAudit(filters("action=t_dates&from=2025-02-04")).rows).toHaveLength(1);
    expect(listAudit(filters("action=t_dates&to=2025-01-31")).rows).toHaveLength(1);
  });

  it("pages by keyset, older then newer again, without losing or repeating a row", () => {
    const base = day("2025-03-01");
    for (let i = 0; i < AUDIT_PAGE_SIZE + 5; i += 1) insertAt(base + Math.floor(i / 2), "t_pages", null);
    const f = filters("action=t_pages");
    const first = listAudit(f);
    expect(first.rows).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.newer).toBeNull();
    expect(first.older).not.toBeNull();
    const second = listAudit(f, { before: parseCursor(first.older)! });
    expect(second.rows).toHaveLength(5);
    expect(second.older).toBeNull();
    const all = [...first.rows, ...second.rows].map((r) => r.id);
    expect(new Set(all).size).toBe(AUDIT_PAGE_SIZE + 5);
    const back = listAudit(f, { after: parseCursor(second.newer)! });
    expect(back.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    expect(back.newer).toBeNull();
  });

  it("lists the actions the log holds", () => {
    recordAudit({ action: "t_listed_action" });
    const actions = auditActions();
    expect(actions).toContain("t_listed_action");
    expect(actions).toEqual([...actions].sort());
    expect(new Set(actions).size).toBe(actions.length);
  });

  it("serves the common filters from an index, never a scan of the log", () => {
    const user = createUser({ role: "staff", email: "plan-audit@huba.test" });
    const plan = (f: AuditFilters, cursor = false) => {
      const q = auditPageQuery(f, cursor ? { before: { at: Date.now(), id: 1_000_000 } } : {}).toSQL();
      return (
        getSqlite()
          .prepare(`EXPLAIN QUERY PLAN ${q.sql}`)
          .all(...q.params) as { detail: string }[]
      )
        .map((r) => r.detail)
        .join("\n");
    };
    const cases: [AuditFilters, RegExp][] = [
      [filters(""), /audit_log_at_idx/],
      [filters("from=2025-01-01&to=2025-12-31"), /audit_log_at_idx/],
      [filters("action=sign_in"), /audit_log_action_at_idx/],
      [filters(`actor=${user.id}`), /audit_log_actor_at_idx/],
      [filters("actor=plan-audit"), /audit_log_actor_at_idx/],
      [filters("action=sign_in&from=2025-01-01"), /audit_log_action_at_idx/],
    ];
    for (const [f, index] of cases) {
      for (const cursor of [false, true]) {
        const p = plan(f, cursor);
        expect(p, p).toMatch(index);
        expect(p, p).not.toMatch(/SCAN audit_log(?! USING)/);
        expect(p, p).not.toMatch(/SCAN (audit_log|users) (?!USING INDEX)/);
      }
    }
  });
});

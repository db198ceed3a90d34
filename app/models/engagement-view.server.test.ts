import { describe, expect, it } from "vitest";
import { createEngagement, createUser } from "../../db/test/factories";
import { SUPPORT_RATES_DEFAULT } from "~/lib/support-estimate";
import { as, getSqlite } from "./engagement-test-kit";
import { engagementView } from "./engagement-view.server";
import { saveSetting, settingVersion, SUPPORT_RATES_KEY } from "./settings.server";

describe("the engagement page's read model", () => {
  it("names the viewer's side with the same rule as the transitions", () => {
    const { engagementId, sme, vendor } = createEngagement();
    expect(engagementView(engagementId, as(sme, "sme")).side).toBe("sme");
    expect(engagementView(engagementId, as(vendor, "vendor")).side).toBe("vendor");
    expect(engagementView(engagementId, as(createUser({ role: "admin" }), "admin")).side).toBe("staff");
    expect(engagementView(engagementId, as(sme, "sme")).engagement.milestones).toHaveLength(2);
  });
});

describe("support estimate on the engagement", () => {
  it("follows the SME's size class, the kind of category and the admin's rates", () => {
    const solution = createEngagement({ sizeClass: "micro", category: "accounting", total: 100_000_000 });
    expect(engagementView(solution.engagementId, as(solution.sme, "sme")).support.estimate).toMatchObject({
      kind: "solution",
      amount: 20_000_000,
      capped: true,
    });
    const consulting = createEngagement({ sizeClass: "medium", category: "dx_consulting", total: 100_000_000 });
    expect(engagementView(consulting.engagementId, as(consulting.sme, "sme")).support.estimate).toMatchObject({
      kind: "consulting",
      amount: 30_000_000,
      capped: false,
    });
    const admin = createUser({ role: "admin" });
    saveSetting(
      { id: admin.id, role: "admin" },
      SUPPORT_RATES_KEY,
      {
        ...SUPPORT_RATES_DEFAULT,
        medium: { ...SUPPORT_RATES_DEFAULT.medium, consulting: { rate: 0.4, cap: 150_000_000 } },
      },
      settingVersion(SUPPORT_RATES_KEY),
      "ip",
    );
    expect(engagementView(consulting.engagementId, as(consulting.sme, "sme")).support.estimate).toMatchObject({
      amount: 40_000_000,
    });
  });
});

describe("support estimate within the SME's yearly cap", () => {
  const completedIn2026 = (day: number) => Date.UTC(2026, 2, day, 3, 0);

  it("lets four engagements completed in one year use the 50m cap of a small enterprise once, in completion order", () => {
    const first = createEngagement({ sizeClass: "small", category: "accounting", total: 100_000_000 });
    const all = [first, ...[1, 2, 3].map(() => createEngagement({ category: "crm", total: 100_000_000 }))];
    all.forEach((e, i) =>
      getSqlite()
        .prepare("UPDATE engagements SET sme_id = ?, status = 'completed', completed_at = ? WHERE id = ?")
        .run(first.sme.organisationId, completedIn2026(10 - i), e.engagementId),
    );
    // Completed last-to-first: the fourth engagement created is the first of the year.
    const amounts = all.map((e) => engagementView(e.engagementId, as(first.sme, "sme")).support);
    expect(amounts.map((s) => s.estimate?.amount)).toEqual([0, 0, 0, 50_000_000]);
    expect(amounts[0]).toMatchObject({
      year: 2026,
      estimate: { capped: true, cap: 50_000_000, rule: { values: { claimed: 50_000_000, remaining: 0 } } },
    });
  });

  it("estimates a running engagement after everything the SME completed this year, and consulting on its own cap", () => {
    const done = createEngagement({ sizeClass: "small", category: "accounting", total: 60_000_000 });
    getSqlite()
      .prepare("UPDATE engagements SET status = 'completed', completed_at = ? WHERE id = ?")
      .run(Date.now() - 1000, done.engagementId);
    const running = createEngagement({ category: "erp", total: 100_000_000 });
    const advice = createEngagement({ category: "dx_consulting", total: 100_000_000 });
    for (const e of [running, advice]) {
      getSqlite()
        .prepare("UPDATE engagements SET sme_id = ? WHERE id = ?")
        .run(done.sme.organisationId, e.engagementId);
    }
    expect(engagementView(running.engagementId, as(done.sme, "sme")).support.estimate).toMatchObject({
      amount: 20_000_000,
      capped: true,
      rule: { values: { claimed: 30_000_000 } },
    });
    expect(engagementView(advice.engagementId, as(done.sme, "sme")).support.estimate).toMatchObject({
      kind: "consulting",
      amount: 50_000_000,
      rule: { values: { claimed: 0 } },
    });
  });
});

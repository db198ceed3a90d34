import { describe, expect, it } from "vitest";
import { createEngagement, createUser } from "../../db/test/factories";
import { SUPPORT_RATES_DEFAULT } from "~/lib/support-estimate";
import { as } from "./engagement-test-kit";
import { engagementView } from "./engagement-view.server";
import { saveSetting, SUPPORT_RATES_KEY } from "./settings.server";

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
      SUPPORT_RATES_KEY,
      {
        ...SUPPORT_RATES_DEFAULT,
        medium: { ...SUPPORT_RATES_DEFAULT.medium, consulting: { rate: 0.4, cap: 150_000_000 } },
      },
      admin.id,
      "ip",
    );
    expect(engagementView(consulting.engagementId, as(consulting.sme, "sme")).support.estimate).toMatchObject({
      amount: 40_000_000,
    });
  });
});

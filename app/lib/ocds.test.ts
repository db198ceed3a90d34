import { describe, expect, it } from "vitest";
import {
  amendmentDescription,
  buildRelease,
  milestoneStatus,
  packageEnvelope,
  redactContacts,
  tenderStatus,
  type OcdsBidRow,
  type OcdsEngagementRow,
  type OcdsNeedRow,
  type OcdsOrganisationRow,
  type OcdsProcess,
  type Release,
} from "./ocds";

const DAY = 86_400_000;
const now = Date.UTC(2026, 4, 20, 3, 0);
const prefix = "ocds-abc123-kns";

const sme: OcdsOrganisationRow = { id: "org-sme", legalName: "Công ty TNHH Gạo Ngon", taxCode: "0312345678" };
const vendorA: OcdsOrganisationRow = { id: "org-a", legalName: "Công ty CP Phần mềm A", taxCode: "0300000001" };
const vendorB: OcdsOrganisationRow = { id: "org-b", legalName: "Công ty TNHH B", taxCode: null };

function need(over: Partial<OcdsNeedRow> = {}): OcdsNeedRow {
  return {
    id: "need-1",
    organisationId: sme.id,
    title: "Phần mềm kế toán",
    description: "Cần phần mềm kế toán cho cửa hàng",
    category: "accounting",
    status: "open",
    budgetMin: 50_000_000,
    budgetMax: 120_000_000,
    deadline: now + 5 * DAY,
    publishedAt: now - 10 * DAY,
    closedAt: null,
    cancelledAt: null,
    updatedAt: now - 10 * DAY,
    ...over,
  };
}

function bid(over: Partial<OcdsBidRow> & Pick<OcdsBidRow, "id" | "vendorId">): OcdsBidRow {
  return {
    status: "submitted",
    total: 90_000_000,
    createdAt: now - 8 * DAY,
    updatedAt: now - 8 * DAY,
    withdrawnAt: null,
    ...over,
  };
}

function processOf(n: OcdsNeedRow, bids: OcdsBidRow[] = [], engagement: OcdsEngagementRow | null = null): OcdsProcess {
  return { need: n, bids, engagement, organisations: new Map([sme, vendorA, vendorB].map((o) => [o.id, o])) };
}

const release = (p: OcdsProcess, at = now) => buildRelease(p, { ocidPrefix: prefix, now: at });

function awarded(): OcdsProcess {
  const engagement: OcdsEngagementRow = {
    id: "eng-1",
    bidId: "bid-a",
    vendorId: vendorA.id,
    status: "active",
    total: 100_000_000,
    awardedAt: now - 20 * DAY,
    completedAt: null,
    terminatedAt: null,
    milestones: [
      {
        id: "m2",
        position: 1,
        title: "Đào tạo, gọi 0912 345 678",
        dueAt: now - 2 * DAY,
        amount: 40_000_000,
        status: "pending",
        acceptedAt: null,
      },
      {
        id: "m1",
        position: 0,
        title: "Cài đặt",
        dueAt: now - 10 * DAY,
        amount: 50_000_000,
        status: "accepted",
        acceptedAt: now - 11 * DAY,
      },
      {
        id: "m3",
        position: 2,
        title: "Bàn giao",
        dueAt: now + 30 * DAY,
        amount: 10_000_000,
        status: "submitted",
        acceptedAt: null,
      },
    ],
    amendments: [
      {
        id: "am-1",
        kind: "new_milestone",
        status: "accepted",
        valueDelta: 10_000_000,
        createdAt: now - 6 * DAY,
        decidedAt: now - 5 * DAY,
      },
    ],
  };
  return processOf(
    need({ status: "awarded", deadline: now - 25 * DAY, publishedAt: now - 40 * DAY, updatedAt: now - 20 * DAY }),
    [
      bid({ id: "bid-a", vendorId: vendorA.id, status: "awarded", createdAt: now - 30 * DAY }),
      bid({ id: "bid-b", vendorId: vendorB.id, status: "not_selected", total: 95_000_000, createdAt: now - 29 * DAY }),
      bid({ id: "bid-b0", vendorId: vendorB.id, status: "withdrawn", total: 99_000_000, createdAt: now - 35 * DAY }),
    ],
    engagement,
  );
}

function asPackage(releases: Release[]) {
  const { head, tail } = packageEnvelope({
    uri: "https://ketnoiso.vn/staff/reports/ocds",
    publishedDate: now,
    publisher: { name: "Kết Nối Số" },
  });
  return JSON.parse(head + releases.map((r) => JSON.stringify(r)).join(",") + tail) as { releases: Release[] };
}

describe("status mapping", () => {
  it("maps each need status to a tender status, and publishes no draft", () => {
    expect(tenderStatus("draft")).toBeNull();
    expect(tenderStatus("open")).toBe("active");
    expect(tenderStatus("evaluating")).toBe("active");
    expect(tenderStatus("awarded")).toBe("complete");
    expect(tenderStatus("cancelled")).toBe("cancelled");
    expect(tenderStatus("expired")).toBe("unsuccessful");
  });

  it("calls a milestone met once accepted, not met once overdue or cut short, else scheduled", () => {
    expect(milestoneStatus({ status: "accepted", dueAt: now - DAY }, now)).toBe("met");
    expect(milestoneStatus({ status: "pending", dueAt: now - 1 }, now)).toBe("notMet");
    expect(milestoneStatus({ status: "submitted", dueAt: now - DAY }, now)).toBe("notMet");
    expect(milestoneStatus({ status: "changes_requested", dueAt: now + DAY }, now)).toBe("scheduled");
    expect(milestoneStatus({ status: "pending", dueAt: now + DAY }, now, true)).toBe("notMet");
  });
});

describe("redactContacts", () => {
  it("takes email addresses and Vietnamese phone numbers out of free text", () => {
    expect(redactContacts("Liên hệ an.nguyen@congty.vn hoặc 0912 345 678.")).toBe("Liên hệ […] hoặc […].");
    expect(redactContacts("Gọi +84 912.345.678 hoặc 028-3822-1234")).toBe("Gọi […] hoặc […]");
    expect(redactContacts("SĐT:0987654321")).toBe("SĐT:[…]");
  });

  it("leaves amounts, years and counts alone", () => {
    const text = "Ngân sách 50.000.000 đồng, 12 cửa hàng, từ năm 2026, mã 0312";
    expect(redactContacts(text)).toBe(text);
  });
});

describe("buildRelease", () => {
  it("publishes neither a draft nor a need that was never published", () => {
    expect(release(processOf(need({ status: "draft", publishedAt: null })))).toBeNull();
    expect(release(processOf(need({ status: "cancelled", publishedAt: null, cancelledAt: now - DAY })))).toBeNull();
  });

  it("keeps bids sealed while bidding is open: no bids, no tenderers, only the buyer", () => {
    const r = release(processOf(need(), [bid({ id: "bid-a", vendorId: vendorA.id })]))!;
    expect(r.ocid).toBe(`${prefix}-need-1`);
    expect(r.tag).toEqual(["tender"]);
    expect(r.tender.status).toBe("active");
    expect(r.bids).toBeUndefined();
    expect(r.tender.numberOfTenderers).toBeUndefined();
    expect(r.tender.tenderers).toBeUndefined();
    expect(r.parties).toEqual([
      {
        id: "VN-TIN-0312345678",
        name: sme.legalName,
        identifier: { scheme: "VN-TIN", id: "0312345678", legalName: sme.legalName },
        roles: ["buyer"],
      },
    ]);
    expect(r.buyer).toEqual({ id: "VN-TIN-0312345678", name: sme.legalName });
    expect(r.tender.value).toEqual({ amount: 120_000_000, currency: "VND" });
    expect(r.tender.minValue).toEqual({ amount: 50_000_000, currency: "VND" });
    expect(r.tender.items[0]!.classification).toEqual({
      scheme: "KNS-CATEGORY",
      id: "accounting",
      description: "Kế toán",
    });
    // The bid's time does not leak through the release's date either.
    expect(r.date).toBe(new Date(now - 10 * DAY).toISOString());
  });

  it("opens the bids once the deadline passed: details, statistics and tenderers", () => {
    const p = processOf(need({ deadline: now - DAY }), [
      bid({ id: "bid-a", vendorId: vendorA.id, total: 80_000_000 }),
      bid({ id: "bid-b", vendorId: vendorB.id, status: "withdrawn", withdrawnAt: now - 3 * DAY }),
    ]);
    const r = release(p)!;
    expect(r.tender.status).toBe("active");
    expect(r.tender.numberOfTenderers).toBe(1);
    expect(r.tender.tenderers).toEqual([{ id: "VN-TIN-0300000001", name: vendorA.legalName }]);
    expect(r.bids!.details.map((b) => [b.id, b.status, b.value.amount])).toEqual([
      ["bid-a", "valid", 80_000_000],
      ["bid-b", "withdrawn", 90_000_000],
    ]);
    expect(r.bids!.statistics).toContainEqual({ id: "validBids", measure: "validBids", value: 1 });
    expect(r.bids!.statistics).toContainEqual({
      id: "lowestValidBidValue",
      measure: "lowestValidBidValue",
      value: 80_000_000,
      currency: "VND",
    });
    expect(r.parties.map((x) => [x.id, x.roles])).toEqual([
      ["VN-TIN-0312345678", ["buyer"]],
      ["VN-TIN-0300000001", ["tenderer"]],
      [`KNS-${vendorB.id}`, ["tenderer"]],
    ]);
    expect(r.date).toBe(new Date(now - DAY).toISOString());
  });

  it("calls a need past its deadline with only withdrawn bids unsuccessful, a cancelled one cancelled", () => {
    const expired = release(
      processOf(need({ deadline: now - DAY }), [bid({ id: "b", vendorId: vendorA.id, status: "withdrawn" })]),
    )!;
    expect(expired.tender.status).toBe("unsuccessful");
    expect(expired.tender.numberOfTenderers).toBe(0);
    const cancelled = release(processOf(need({ status: "cancelled", cancelledAt: now - 2 * DAY })))!;
    expect(cancelled.tender.status).toBe("cancelled");
    expect(cancelled.tag).toEqual(["tenderCancellation"]);
    expect(cancelled.tender.tenderPeriod.endDate).toBe(new Date(now - 2 * DAY).toISOString());
  });

  it("ends the tender period when the SME closed bidding early", () => {
    const r = release(
      processOf(need({ status: "evaluating", closedAt: now - 3 * DAY }), [bid({ id: "b", vendorId: vendorA.id })]),
    )!;
    expect(r.tender.tenderPeriod).toEqual({
      startDate: new Date(now - 10 * DAY).toISOString(),
      endDate: new Date(now - 3 * DAY).toISOString(),
    });
    expect(r.bids!.details).toHaveLength(1);
  });

  it("maps an award and its engagement: award with relatedBid, contract, milestones, amendments", () => {
    const r = release(awarded())!;
    expect(r.tag).toEqual(["tender", "award", "contract", "implementation", "contractAmendment"]);
    expect(r.tender.status).toBe("complete");
    expect(r.awards).toEqual([
      {
        id: "eng-1",
        status: "active",
        date: new Date(now - 20 * DAY).toISOString(),
        value: { amount: 90_000_000, currency: "VND" },
        suppliers: [{ id: "VN-TIN-0300000001", name: vendorA.legalName }],
        relatedBid: "bid-a",
      },
    ]);
    const contract = r.contracts![0]!;
    expect(contract).toMatchObject({ id: "eng-1", awardID: "eng-1", status: "active" });
    expect(contract.value.amount).toBe(100_000_000);
    expect(contract.period.endDate).toBe(new Date(now + 30 * DAY).toISOString());
    expect(contract.implementation.milestones.map((m) => [m.id, m.status, m.dateMet ?? null])).toEqual([
      ["m1", "met", new Date(now - 11 * DAY).toISOString()],
      ["m2", "notMet", null],
      ["m3", "scheduled", null],
    ]);
    expect(contract.implementation.milestones[1]!.title).toBe("Đào tạo, gọi […]");
    expect(contract.implementation.milestones[0]!.value).toEqual({ amount: 50_000_000, currency: "VND" });
    expect(contract.amendments).toEqual([
      {
        id: "am-1",
        date: new Date(now - 5 * DAY).toISOString(),
        rationale: "Bổ sung mốc",
        description: "Bổ sung mốc; giá trị hợp đồng +10000000 VND.",
      },
    ]);
    const vendorRoles = Object.fromEntries(r.parties.map((x) => [x.name, x.roles]));
    expect(vendorRoles[vendorA.legalName]).toEqual(["tenderer", "supplier"]);
    expect(vendorRoles[vendorB.legalName]).toEqual(["tenderer"]);
    // The overdue milestone (2 days ago) is the latest change.
    expect(r.date).toBe(new Date(now - 2 * DAY).toISOString());
  });

  it("closes the contract period at termination and marks what was left undone", () => {
    const p = awarded();
    p.engagement = { ...p.engagement!, status: "terminated", terminatedAt: now - DAY };
    const r = release(p)!;
    expect(r.tag).toContain("contractTermination");
    expect(r.contracts![0]!.status).toBe("terminated");
    expect(r.contracts![0]!.period.endDate).toBe(new Date(now - DAY).toISOString());
    expect(r.contracts![0]!.implementation.milestones.map((m) => m.status)).toEqual(["met", "notMet", "notMet"]);
  });

  it("gives the same release id until something changes", () => {
    const a = release(awarded(), now)!;
    expect(release(awarded(), now + DAY)!.id).toBe(a.id);
    expect(a.id).toBe(`${prefix}-need-1-${now - 2 * DAY}`);
    const later = awarded();
    later.engagement!.milestones[2]!.status = "accepted";
    later.engagement!.milestones[2]!.acceptedAt = now - 1000;
    expect(release(later)!.id).not.toBe(a.id);
  });

  it("describes an amendment by its numbers alone", () => {
    expect(amendmentDescription({ kind: "amount", valueDelta: -5_000_000 })).toBe(
      "Thay đổi giá trị mốc; giá trị hợp đồng −5000000 VND.",
    );
    expect(amendmentDescription({ kind: "due_date", valueDelta: 0 })).toBe(
      "Thay đổi thời hạn mốc; giá trị hợp đồng không đổi.",
    );
  });
});

describe("the release package", () => {
  it("wraps the releases in the envelope, as JSON, whatever their number", () => {
    expect(asPackage([])).toMatchObject({
      uri: "https://ketnoiso.vn/staff/reports/ocds",
      version: "1.1",
      extensions: [expect.stringContaining("ocds_bid_extension/v1.1.5/extension.json")],
      publishedDate: new Date(now).toISOString(),
      publisher: { name: "Kết Nối Số" },
      releases: [],
    });
    const releases = [release(processOf(need({ id: "n-open" })))!, release(awarded())!];
    expect(asPackage(releases).releases).toEqual(releases);
  });
});
